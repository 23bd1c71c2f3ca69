//! Execution rules: child processes, shell download-and-run, dynamic evaluation.

pub mod bin_shadowing;
pub mod child_process;
pub mod dynamic_require;
pub mod eval_dynamic;
pub mod function_name;
pub mod hidden_code_run;
pub mod shell_download_exec;
pub mod silent_process;
pub mod write_then_load;

/// Calls that start a process.
pub fn is_spawn(path: &str) -> bool {
    let (base, method) = path.rsplit_once('.').unwrap_or(("", path));
    (matches!(base, "child_process")
        && matches!(
            method,
            "exec" | "execSync" | "spawn" | "spawnSync" | "execFile" | "execFileSync" | "fork"
        ))
        || matches!(
            path,
            "execa"
                | "execa.execa"
                | "execa.execaSync"
                | "execa.sync"
                | "execa.command"
                | "execa.commandSync"
                | "cross-spawn"
                | "cross-spawn.sync"
                | "shelljs.exec"
                | "Bun.spawn"
                | "Bun.spawnSync"
                | "Bun.$"
        )
}
