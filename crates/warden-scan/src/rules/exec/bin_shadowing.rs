//! Rule `bin-shadowing`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// A `bin` entry named like a system or toolchain command (git, npm, node, sh, ssh, sudo…):
    /// after a global install, and inside every `npm run` script (node_modules/.bin comes first
    /// in PATH), that name runs the package's code instead of the real tool, seeing every
    /// argument and token passed to it. Version managers do this on purpose, so it is `medium`
    /// alone; the verdict makes it malicious when the same bin file reads credentials.
    id: "bin-shadowing",
    category: Exec,
    severity: Medium,
    capability: None,
    title: "installs a command named like a system tool",
    incident: "command-hijacking packages (2019-2025) shipping bin entries named git, npm or node that logged tokens",
    case_file: "package.json",
    flag: [r#"{"name":"git-helpers","version":"1.0.0","bin":{"git":"bin/git.js","gh2":"x.js"}}"#,
           r#"{"name":"sudo","version":"1.0.0","bin":"cli.js"}"#],
    pass: [r#"{"name":"a","version":"1.0.0","bin":{"git-cz":"bin/cz.js","a":"a.js"}}"#,
           r#"{"name":"a","version":"1.0.0","bin":"cli.js"}"#],
}

/// Commands whose name a package should not take over.
pub const SYSTEM_COMMANDS: &[&str] = &[
    "git",
    "npm",
    "npx",
    "node",
    "yarn",
    "pnpm",
    "corepack",
    "sh",
    "bash",
    "zsh",
    "ssh",
    "scp",
    "sudo",
    "su",
    "curl",
    "wget",
    "python",
    "python3",
    "pip",
    "pip3",
    "docker",
    "kubectl",
    "gh",
    "aws",
    "gcloud",
    "az",
    "ls",
    "cd",
    "cp",
    "mv",
    "rm",
    "cat",
    "env",
    "which",
    "ps",
    "kill",
    "openssl",
    "gpg",
    "tar",
    "make",
    "gcc",
    "cc",
    "code",
    "cmd",
    "powershell",
    "pwsh",
    "explorer",
    "bun",
    "deno",
];

/// `(command name, file)` of every bin entry named like a system command.
pub fn shadowing_bins(pkg: &Package) -> Vec<(String, String)> {
    let Some(m) = &pkg.manifest else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match m.get("bin") {
        Some(serde_json::Value::Object(map)) => {
            for (k, v) in map {
                if SYSTEM_COMMANDS.contains(&k.as_str())
                    && let Some(p) = v.as_str()
                {
                    out.push((k.clone(), norm(p)));
                }
            }
        }
        Some(serde_json::Value::String(p)) => {
            let name = pkg.name().unwrap_or("");
            let cmd = name.rsplit('/').next().unwrap_or(name);
            if SYSTEM_COMMANDS.contains(&cmd) {
                out.push((cmd.to_string(), norm(p)));
            }
        }
        _ => {}
    }
    out
}

fn norm(p: &str) -> String {
    p.trim_start_matches("./").to_string()
}

fn check(pkg: &Package, out: &mut Emitter) {
    for (cmd, file) in shadowing_bins(pkg) {
        out.whole(
            Severity::Medium,
            "package.json",
            format!("bin `{cmd}` ({file}) shadows the system command of that name"),
            format!("\"{cmd}\": \"{file}\""),
        );
    }
}
