"""Tricky benign samples for scripts/make-samples.py: legitimate packages whose behaviour looks
like malware to a naive scanner. Real ones are unmodified tarballs fetched into memory (integrity
checked); synthetic ones are written here as Python string data. Never run, never extracted."""

import base64
import json
import sys
from samples_common import registry

SAMPLES, _BENIGN, sample, _benign = registry()


def H():
    return sys.modules["__main__"]


def S(slug, reason, date, behaviours, notes, files, modes=None):
    return dict(slug=slug, incident=reason, date=date, behaviours=behaviours, notes=notes,
                files=files, modes=modes)


def pj(**kw):
    base = {"license": "MIT"}
    base.update(kw)
    return H().pkg_json(base)


def real_sample(name, version, reason, date, behaviours, notes):
    def build():
        files, modes = H().real(name, version)
        slug = name.replace("@", "").replace("/", "-") + "-" + version
        return S(slug, reason, date, behaviours,
                 f"REAL tarball {name}@{version} from the npm registry, unmodified except the registry host names in text files (rewritten to npm.example). " + notes,
                 files, modes)

    build.__name__ = "real_" + name
    SAMPLES.append(build)


# ---------------------------------------------------------------------------------------------
# Real packages

real_sample(
    "open", "10.1.0",
    "spawns xdg-open / start / open detached with stdio ignored and unref(); ships the xdg-open shell script",
    "2024-03", ["child-process", "detached-process", "bundled-shell-script"],
    "Opens URLs and files with the platform opener; the detached + ignored stdio + unref pattern "
    "is the same one droppers use.")
real_sample(
    "node-machine-id", "1.1.12",
    "fingerprints the host: runs reg query / ioreg / cat /var/lib/dbus/machine-id through child_process and hashes the id",
    "2019-05", ["host-fingerprint", "child-process", "windows-registry-read"],
    "Machine-id library used by licensing and telemetry SDKs.")
real_sample(
    "public-ip", "7.0.1",
    "looks up the public IP through DNS queries to OpenDNS/Google resolvers and HTTPS to ipify/icanhazip",
    "2024-2025", ["dns-lookup", "network", "ip-lookup"],
    "Same lookups recon malware uses, but returns the address to the caller and sends nothing.")
real_sample(
    "keytar", "7.9.0",
    "install script 'prebuild-install || npm run build' and native code that reads the OS credential store",
    "2022-02", ["install-script", "native-addon", "credential-store-access"],
    "Deprecated but still widely installed keychain binding (VS Code extensions).")
real_sample(
    "@sentry/cli", "2.39.1",
    "postinstall 'node ./scripts/install.js' that downloads the sentry-cli binary (or uses an optional platform package) and runs it",
    "2024-11", ["install-script", "binary-download", "child-process", "network"],
    "Release tooling that uploads source maps with an auth token from env or .sentryclirc.")
real_sample(
    "electron", "33.2.0",
    "postinstall 'node install.js' downloads the Electron binary zip via @electron/get (checksum-verified) and unzips it",
    "2024-11", ["install-script", "binary-download", "checksum-verified", "network"],
    "The package the 'electorn' typosquat imitated.")
real_sample(
    "pre-commit", "1.2.2",
    "install script 'node install.js' writes its hook into the project's .git/hooks (git hook manager)",
    "2018-2025", ["install-script", "git-hook-write", "child-process"],
    "About a million weekly downloads; the foothold malware also takes (a git hook), set up at "
    "install on purpose. Added when a persistence rule judged it malicious (2026-11-25).")
real_sample(
    "pre-push", "0.1.4",
    "install script writes its pre-push hook into .git/hooks, keeping an existing hook as a backup",
    "2018-2025", ["install-script", "git-hook-write", "child-process"],
    "The pre-commit family's push hook; same install-time hook write.")
real_sample(
    "gh-pages", "6.2.0",
    "publishes a folder to a GitHub Pages branch: git clone/commit/push with tokens in remote URLs",
    "2024-10", ["git-push", "child-process", "token-in-url", "cli"],
    "Legitimate twin of worm-style git pushes.")
real_sample(
    "copy-to-clipboard", "3.3.3",
    "clipboard library: document.execCommand('copy'), clipboardData.setData, window.prompt fallback",
    "2022-10", ["clipboard", "browser"],
    "Clean predecessor of malicious/copy-to-clipboard-3.3.4-clipper.tgz.")
real_sample(
    "ripple-keypairs", "2.0.0",
    "XRPL key derivation: seeds, private keys, signing",
    "2024-02", ["key-handling", "crypto"],
    "Clean predecessor of malicious/ripple-keypairs-2.0.1-seed-exfil.tgz.")


# ---------------------------------------------------------------------------------------------
# Synthetic packages


@sample
def secrets_audit_cli():
    files = {
        "package.json": pj(
            name="secrets-audit-cli", version="1.4.0",
            description="Run trufflehog or gitleaks over the current repository and print a summary",
            bin={"secrets-audit": "bin/cli.js"}, engines={"node": ">=18"},
        ),
        "bin/cli.js": r'''#!/usr/bin/env node
"use strict";
const { spawnSync } = require("node:child_process");

function which(bin) {
  return spawnSync(process.platform === "win32" ? "where" : "which", [bin], { encoding: "utf8" }).status === 0;
}

const target = process.argv[2] || ".";
let findings = [];
if (which("trufflehog")) {
  const r = spawnSync("trufflehog", ["git", `file://${target}`, "--json", "--no-update", "--only-verified"], { encoding: "utf8", maxBuffer: 1 << 26 });
  findings = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l)).map((f) => ({ detector: f.DetectorName, file: f.SourceMetadata?.Data?.Git?.file, line: f.SourceMetadata?.Data?.Git?.line }));
} else if (which("gitleaks")) {
  const r = spawnSync("gitleaks", ["detect", "--source", target, "--report-format", "json", "--report-path", "-", "--no-banner"], { encoding: "utf8", maxBuffer: 1 << 26 });
  findings = JSON.parse(r.stdout || "[]").map((f) => ({ detector: f.RuleID, file: f.File, line: f.StartLine }));
} else {
  console.error("secrets-audit: install trufflehog or gitleaks first (https://github.com/trufflesecurity/trufflehog)");
  process.exit(2);
}
for (const f of findings) console.log(`${f.file}:${f.line}  ${f.detector}`);
console.log(`${findings.length} potential secret(s)`);
process.exit(findings.length ? 1 : 0);
''',
        "README.md": "# secrets-audit-cli\n\n`npx secrets-audit .` runs trufflehog (or gitleaks) locally and prints where secrets were found. Nothing leaves your machine.\n",
    }
    return S("secrets-audit-cli-1.4.0",
             "secret-scanner wrapper: runs trufflehog/gitleaks locally from a bin on user request and prints results",
             "-", ["credential-scanner", "child-process", "cli"],
             "SYNTHETIC. Runs only when the user invokes the bin; never downloads the scanner, "
             "never sends results anywhere; no install script.", files, {"bin/cli.js": 0o755})


@sample
def ci_workflow_init():
    files = {
        "package.json": pj(
            name="create-ci-workflow", version="2.0.3",
            description="Scaffold a GitHub Actions CI workflow for Node projects",
            bin={"create-ci-workflow": "index.js"},
        ),
        "index.js": r'''#!/usr/bin/env node
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const root = process.cwd();
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const node = (process.argv.find((a) => a.startsWith("--node=")) || "--node=20,22").slice(7).split(",");
const yml = `name: CI
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [${node.join(", ")}]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
          cache: npm
      - run: npm ci
      - run: npm test
`;
const dir = path.join(root, ".github", "workflows");
const file = path.join(dir, "ci.yml");
if (fs.existsSync(file) && !process.argv.includes("--force")) {
  console.error(`${path.relative(root, file)} exists; pass --force to overwrite`);
  process.exit(1);
}
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(file, yml);
console.log(`wrote ${path.relative(root, file)} for ${pkg.name}`);
''',
    }
    return S("create-ci-workflow-2.0.3",
             "scaffolder that writes .github/workflows/ci.yml in the user's project when run",
             "-", ["github-workflow-write", "file-write", "cli"],
             "SYNTHETIC. Only runs from its bin (npm init / npx), asks for --force before "
             "overwriting, the workflow has read-only permissions and uses no secrets.",
             files, {"index.js": 0o755})


@sample
def ssh_hosts_completion():
    files = {
        "package.json": pj(
            name="ssh-hosts-complete", version="0.6.2",
            description="Shell completion of host aliases from ~/.ssh/config and known_hosts",
            main="index.js", bin={"ssh-hosts": "cli.js"},
        ),
        "index.js": r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
function read(p) { try { return fs.readFileSync(p, "utf8"); } catch (e) { return ""; } }
exports.hosts = function hosts() {
  const dir = path.join(os.homedir(), ".ssh");
  const out = new Set();
  for (const line of read(path.join(dir, "config")).split("\n")) {
    const m = line.match(/^\s*Host\s+(.+)$/i);
    if (m) m[1].split(/\s+/).filter((h) => !/[*?]/.test(h)).forEach((h) => out.add(h));
  }
  for (const line of read(path.join(dir, "known_hosts")).split("\n")) {
    const h = line.split(" ")[0];
    if (h && !h.startsWith("|")) h.split(",").forEach((x) => out.add(x.replace(/^\[|\]:\d+$/g, "")));
  }
  return [...out].sort();
};
''',
        "cli.js": "#!/usr/bin/env node\nconsole.log(require('./index.js').hosts().join('\\n'));\n",
    }
    return S("ssh-hosts-complete-0.6.2",
             "reads ~/.ssh/config and ~/.ssh/known_hosts for host names (not keys); no network",
             "-", ["sensitive-path-read", "file-read", "cli"],
             "SYNTHETIC. Touches the .ssh directory like key stealers do, but reads only config and "
             "known_hosts, never keys, and has no network code.", files, {"cli.js": 0o755})


@sample
def aws_profile_switch():
    files = {
        "package.json": pj(
            name="aws-profile-switch", version="1.2.0",
            description="List AWS CLI profiles and print an export line for the chosen one",
            bin={"awsp": "bin/awsp.js"},
        ),
        "bin/awsp.js": r'''#!/usr/bin/env node
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const files = [process.env.AWS_CONFIG_FILE || path.join(os.homedir(), ".aws", "config"),
  process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), ".aws", "credentials")];
const profiles = new Set();
for (const f of files) {
  let t = "";
  try { t = fs.readFileSync(f, "utf8"); } catch (e) { continue; }
  for (const m of t.matchAll(/^\[(?:profile\s+)?([^\]]+)\]/gm)) profiles.add(m[1].trim());
}
const want = process.argv[2];
if (!want) { console.log([...profiles].sort().join("\n")); process.exit(0); }
if (!profiles.has(want)) { console.error(`awsp: no profile named ${want}`); process.exit(1); }
console.log(`export AWS_PROFILE=${want}`);
''',
    }
    return S("aws-profile-switch-1.2.0",
             "reads ~/.aws/config and ~/.aws/credentials section names to list profiles; prints an export line",
             "-", ["sensitive-file-read", "cloud-config", "cli"],
             "SYNTHETIC. Opens the AWS credentials file but extracts only [profile] names; no "
             "network, no install script.", files, {"bin/awsp.js": 0o755})


@sample
def dapp_connect_button():
    files = {
        "package.json": pj(
            name="dapp-connect-button", version="3.1.0",
            description="Connect-wallet button for EVM and Solana dApps", main="dist/index.js",
            module="dist/index.mjs",
        ),
        "dist/index.mjs": r'''export async function connectEvm(chainId) {
  const eth = globalThis.ethereum;
  if (!eth) throw new Error("no EIP-1193 wallet found; install MetaMask or another wallet");
  const accounts = await eth.request({ method: "eth_requestAccounts" });
  if (chainId) {
    await eth.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x" + Number(chainId).toString(16) }] });
  }
  eth.on && eth.on("accountsChanged", (a) => document.dispatchEvent(new CustomEvent("dapp:accounts", { detail: a })));
  return accounts[0];
}
export async function sendEth(from, to, weiHex) {
  if (!/^0x[0-9a-fA-F]{40}$/.test(to)) throw new Error("recipient is not an address");
  return globalThis.ethereum.request({ method: "eth_sendTransaction", params: [{ from, to, value: weiHex }] });
}
export async function connectSolana() {
  const provider = globalThis.phantom?.solana || globalThis.solana;
  if (!provider?.isPhantom) throw new Error("Phantom not found");
  const { publicKey } = await provider.connect();
  return publicKey.toString();
}
export async function signAndSend(tx) {
  const provider = globalThis.phantom?.solana || globalThis.solana;
  return provider.signAndSendTransaction(tx);
}
''',
        "dist/index.js": "\"use strict\";\nObject.defineProperty(exports, \"__esModule\", { value: true });\n"
        "exports.connectEvm = async function (chainId) { const eth = globalThis.ethereum; if (!eth) throw new Error('no EIP-1193 wallet found'); const a = await eth.request({ method: 'eth_requestAccounts' }); return a[0]; };\n",
    }
    return S("dapp-connect-button-3.1.0",
             "dApp UI: window.ethereum.request (eth_requestAccounts, eth_sendTransaction with the caller's recipient), Phantom connect/signAndSend",
             "-", ["wallet-api", "browser"],
             "SYNTHETIC. Calls the wallet APIs a drainer hooks, but only on the user's click, never "
             "patches the provider, never substitutes recipients, no network of its own.", files)


@sample
def crypto_address_validator():
    rnd_addrs = {
        "btc": ["bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
                "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"],
        "eth": ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"],
        "ltc": ["LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9", "ltc1qg82f7c3d7a5yj0pkz9c5m5n8z7wt4zmhc0g3rl"],
        "trx": ["TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC", "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7"],
        "sol": ["83astBRguLMdt2h5U1Tpdq5tjFoJ6noeGwaY3mDLVcri", "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T"],
    }
    files = {
        "package.json": pj(
            name="crypto-address-check", version="5.0.1",
            description="Validate BTC, ETH, LTC, TRX and SOL addresses (format and checksum)",
            main="index.js",
        ),
        "index.js": r'''"use strict";
const PATTERNS = {
  btc: /^(bc1[ac-hj-np-z02-9]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/,
  eth: /^0x[0-9a-fA-F]{40}$/,
  ltc: /^(ltc1[ac-hj-np-z02-9]{11,71}|[LM3][a-km-zA-HJ-NP-Z1-9]{26,33})$/,
  trx: /^T[1-9A-HJ-NP-Za-km-z]{33}$/,
  sol: /^[1-9A-HJ-NP-Za-km-z]{32,44}$/,
};
exports.detect = (a) => Object.keys(PATTERNS).filter((k) => PATTERNS[k].test(String(a).trim()));
exports.isValid = (a, chain) => Boolean(PATTERNS[chain] && PATTERNS[chain].test(String(a).trim()));
''',
        "fixtures/addresses.json": json.dumps(rnd_addrs, indent=2) + "\n",
        "README.md": "# crypto-address-check\n\n```js\nconst { detect } = require('crypto-address-check');\n"
        "detect('" + rnd_addrs["eth"][0] + "'); // ['eth']\ndetect('" + rnd_addrs["btc"][0] + "'); // ['btc']\n```\n\n"
        "Example addresses in the docs and fixtures are specification test vectors or made up.\n",
    }
    return S("crypto-address-check-5.0.1",
             "address validator whose fixtures and README list many well-known example BTC/ETH/LTC/TRX/SOL addresses",
             "-", ["crypto-address-list", "address-regex"],
             "SYNTHETIC. Many addresses and address regexes in one package (what clipper heuristics "
             "look for), but nothing reads or writes the clipboard and no address is substituted.",
             files)


@sample
def locale_timezone_formatter():
    files = {
        "package.json": pj(
            name="locale-aware-format", version="2.2.0",
            description="Format dates, numbers and currency using the user's locale and time zone",
            main="index.js",
        ),
        "index.js": r'''"use strict";
const CURRENCY = { US: "USD", GB: "GBP", DE: "EUR", FR: "EUR", RU: "RUB", BY: "BYN", UA: "UAH", CN: "CNY", JP: "JPY", IN: "INR", BR: "BRL" };
function userLocale() {
  if (typeof navigator !== "undefined" && navigator.language) return navigator.language;
  return (process.env.LC_ALL || process.env.LANG || "en-US").split(".")[0].replace("_", "-");
}
function userTimeZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return "UTC"; }
}
exports.formatDate = (d, locale = userLocale(), timeZone = userTimeZone()) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);
exports.formatMoney = (n, locale = userLocale()) => {
  const region = (locale.split("-")[1] || "US").toUpperCase();
  return new Intl.NumberFormat(locale, { style: "currency", currency: CURRENCY[region] || "USD" }).format(n);
};
exports.isRtl = (locale = userLocale()) => /^(ar|he|fa|ur)\b/.test(locale);
''',
    }
    return S("locale-aware-format-2.2.0",
             "reads LANG/navigator.language and the Intl time zone and keys behaviour on country (currency table incl. RU/BY/UA)",
             "-", ["locale-read", "timezone-read"],
             "SYNTHETIC. Locale and time-zone checks like protestware, but only to pick formats; no "
             "file system, no network.", files)


@sample
def clean_dist():
    files = {
        "package.json": pj(
            name="clean-dist-dirs", version="4.0.0",
            description="Delete build output folders (dist, build, coverage) safely",
            bin={"clean-dist": "cli.js"}, main="index.js",
        ),
        "index.js": r'''"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
module.exports = function clean(dirs = ["dist", "build", "coverage", ".cache"], root = process.cwd()) {
  const base = path.resolve(root);
  if (base === path.parse(base).root || base === os.homedir()) throw new Error(`refusing to clean ${base}`);
  const removed = [];
  for (const d of dirs) {
    const target = path.resolve(base, d);
    if (!target.startsWith(base + path.sep)) throw new Error(`${d} is outside ${base}`);
    if (fs.existsSync(target)) { fs.rmSync(target, { recursive: true, force: true }); removed.push(target); }
  }
  return removed;
};
''',
        "cli.js": "#!/usr/bin/env node\nfor (const p of require('./index.js')(process.argv.slice(2).length ? process.argv.slice(2) : undefined)) console.log('removed', p);\n",
    }
    return S("clean-dist-dirs-4.0.0",
             "rimraf-style CLI: recursive deletion of build folders (fs.rmSync recursive/force) with guards",
             "-", ["file-delete", "recursive-delete", "cli"],
             "SYNTHETIC. Deletes recursively like a wiper but only named folders under cwd, refuses "
             "/ and $HOME, runs only from its bin.", files, {"cli.js": 0o755})


@sample
def wasm_codec():
    # a valid module exporting add(i32, i32) -> i32
    wasm = bytes.fromhex(
        "0061736d0100000001070160027f7f017f030201000707010361646400000a09010700200020016a0b"
    )
    files = {
        "package.json": pj(
            name="tiny-wasm-math", version="1.0.4",
            description="Integer math kernels compiled to WebAssembly", main="index.js",
        ),
        "index.js": r'''"use strict";
const BYTES = Buffer.from("''' + base64.b64encode(wasm).decode() + r'''", "base64");
let exportsP;
function load() {
  if (!exportsP) exportsP = WebAssembly.instantiate(BYTES, {}).then(({ instance }) => instance.exports);
  return exportsP;
}
exports.add = async (a, b) => (await load()).add(a | 0, b | 0);
''',
    }
    return S("tiny-wasm-math-1.0.4",
             "embeds a base64 WebAssembly module and instantiates it (no imports)",
             "-", ["wasm", "base64", "native-binary"],
             "SYNTHETIC. The wasm-in-base64 pattern of many codec/hash libraries (squoosh, hash-wasm); "
             "the module exports only arithmetic and gets no host functions.", files)


@sample
def template_engine():
    files = {
        "package.json": pj(
            name="micro-tmpl", version="0.9.0",
            description="Tiny <%= %> template engine compiling to functions", main="index.js",
        ),
        "index.js": r'''"use strict";
const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escape(s) { return String(s).replace(/[&<>"']/g, (c) => ESC[c]); }
function compile(src) {
  let code = "let __o='';with(data){__o+='";
  code += src
    .replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")
    .replace(/<%=([\s\S]+?)%>/g, "'+__e($1)+'")
    .replace(/<%-([\s\S]+?)%>/g, "'+($1)+'")
    .replace(/<%([\s\S]+?)%>/g, "';$1;__o+='");
  code += "';}return __o;";
  const fn = new Function("data", "__e", code);
  return (data) => fn(data || {}, escape);
}
module.exports = { compile, render: (src, data) => compile(src)(data) };
''',
    }
    return S("micro-tmpl-0.9.0",
             "template compiler using new Function on generated source (lodash.template/ejs style)",
             "-", ["function-constructor", "eval-dynamic"],
             "SYNTHETIC. new Function on a non-literal string is what loaders use; here the text is "
             "the caller's template, no decoding, no network.", files)


@sample
def plugin_host():
    files = {
        "package.json": pj(
            name="plugin-host-lite", version="1.3.2",
            description="Load plugins named in a config file (eslint/babel style resolution)",
            main="index.js",
        ),
        "index.js": r'''"use strict";
const path = require("path");
function resolveName(name, prefix) {
  if (name.startsWith(".") || path.isAbsolute(name)) return name;
  if (name.startsWith("@")) {
    const [scope, rest] = name.split("/");
    return rest ? `${scope}/${rest.startsWith(prefix) ? rest : prefix + rest}` : `${scope}/${prefix.replace(/-$/, "")}`;
  }
  return name.startsWith(prefix) ? name : prefix + name;
}
exports.loadPlugins = function loadPlugins(config, { prefix = "plugin-host-plugin-", cwd = process.cwd() } = {}) {
  return (config.plugins || []).map((entry) => {
    const [name, options] = Array.isArray(entry) ? entry : [entry, {}];
    const id = require.resolve(resolveName(name, prefix), { paths: [cwd] });
    const mod = require(id);
    return (mod.default || mod)(options);
  });
};
''',
    }
    return S("plugin-host-lite-1.3.2",
             "dynamic require of plugin names read from user configuration",
             "-", ["dynamic-require"],
             "SYNTHETIC. require() on a computed name, as every plugin system does; names come "
             "from the user's config, not decoded strings.", files)


@sample
def prebuilt_binary_installer():
    files = {
        "package.json": pj(
            name="fastlint-bin", version="0.14.2",
            description="Prebuilt binaries of the fastlint linter",
            bin={"fastlint": "bin/fastlint.js"}, scripts={"postinstall": "node install.js"},
        ),
        "install.js": r'''"use strict";
const https = require("node:https");
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { execFileSync } = require("node:child_process");

const VERSION = "0.14.2";
const TARGETS = {
  "linux-x64": { file: "fastlint-x86_64-unknown-linux-musl", sha256: "3f1d6c2f0d0f9e37b6a3d7f1c57b0b2f6f4b8c0a3e4d5f6a7b8c9d0e1f2a3b4c" },
  "darwin-arm64": { file: "fastlint-aarch64-apple-darwin", sha256: "9a8b7c6d5e4f30211f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffee" },
  "win32-x64": { file: "fastlint-x86_64-pc-windows-msvc.exe", sha256: "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0" },
};
if (process.env.FASTLINT_SKIP_DOWNLOAD) process.exit(0);
const t = TARGETS[`${process.platform}-${process.arch}`];
if (!t) { console.warn(`fastlint: no prebuilt binary for ${process.platform}-${process.arch}; build from source with cargo install fastlint`); process.exit(0); }
const url = `https://github.com/fastlint/fastlint/releases/download/v${VERSION}/${t.file}`;
const dest = path.join(__dirname, "bin", process.platform === "win32" ? "fastlint.exe" : "fastlint");

function get(u, redirects = 5) {
  return new Promise((resolve, reject) => {
    https.get(u, (res) => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects > 0) return resolve(get(res.headers.location, redirects - 1));
      if (res.statusCode !== 200) return reject(new Error(`download of ${u} failed with HTTP ${res.statusCode}`));
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve(Buffer.concat(chunks)));
    }).on("error", reject);
  });
}

get(url).then((buf) => {
  const sum = crypto.createHash("sha256").update(buf).digest("hex");
  if (sum !== t.sha256) throw new Error(`checksum mismatch for ${t.file}: expected ${t.sha256}, got ${sum}`);
  const tmp = dest + ".tmp";
  fs.writeFileSync(tmp, buf, { mode: 0o755 });
  fs.renameSync(tmp, dest);
  const v = execFileSync(dest, ["--version"], { encoding: "utf8" }).trim();
  if (!v.includes(VERSION)) throw new Error(`unexpected binary version: ${v}`);
}).catch((e) => { console.error(`fastlint: ${e.message}`); process.exit(1); });
''',
        "bin/fastlint.js": r'''#!/usr/bin/env node
"use strict";
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const exe = path.join(__dirname, process.platform === "win32" ? "fastlint.exe" : "fastlint");
process.exit(spawnSync(exe, process.argv.slice(2), { stdio: "inherit" }).status ?? 1);
''',
    }
    return S("fastlint-bin-0.14.2",
             "postinstall downloads a prebuilt binary from GitHub releases, verifies a pinned sha256, runs it with --version",
             "-", ["install-script", "binary-download", "checksum-verified", "child-process", "network"],
             "SYNTHETIC, in the style of esbuild/biome/turbo wrappers before optional dependencies: "
             "fixed version, pinned checksums, temp file + rename, opt-out env var.",
             files, {"bin/fastlint.js": 0o755})


@sample
def discord_log_transport():
    files = {
        "package.json": pj(
            name="winston-discord-webhook", version="2.5.0",
            description="Winston transport that posts log entries to a Discord webhook you configure",
            main="index.js", peerDependencies={"winston-transport": "^4"},
        ),
        "index.js": r'''"use strict";
const Transport = require("winston-transport");
const WEBHOOK = /^https:\/\/(?:canary\.|ptb\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]+$/;
class DiscordTransport extends Transport {
  constructor(opts = {}) {
    super(opts);
    if (!WEBHOOK.test(opts.webhook || "")) throw new Error("winston-discord-webhook: opts.webhook must be a Discord webhook URL");
    this.webhook = opts.webhook;
  }
  log(info, callback) {
    setImmediate(() => this.emit("logged", info));
    const content = `**${info.level}** ${String(info.message).slice(0, 1900)}`;
    fetch(this.webhook, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ content }) })
      .catch((e) => this.emit("warn", e))
      .finally(callback);
  }
}
module.exports = DiscordTransport;
''',
        "README.md": "# winston-discord-webhook\n\n```js\nlogger.add(new DiscordTransport({ webhook: process.env.DISCORD_WEBHOOK_URL }));\n```\n\n"
        "The URL looks like `https://discord.com/api/webhooks/<id>/<token>`; create one in your channel settings.\n",
    }
    return S("winston-discord-webhook-2.5.0",
             "log transport posting the caller's log messages to a Discord webhook URL the caller configures",
             "-", ["discord-webhook", "network"],
             "SYNTHETIC. Discord webhooks and fetch POSTs, but the URL comes from the user, only log "
             "messages are sent, no env or file access, no install script.", files)


@sample
def crash_report_env_dump():
    files = {
        "package.json": pj(
            name="node-crash-diag", version="1.1.0",
            description="Write a redacted diagnostic report (versions, env, stack) on uncaught exceptions",
            main="index.js",
        ),
        "index.js": r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const SECRET = /(TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL|AUTH|COOKIE|SESSION)/i;
function snapshot(err) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) env[k] = SECRET.test(k) ? "[redacted]" : v;
  return { time: new Date().toISOString(), node: process.versions, platform: `${os.platform()} ${os.release()}`, cwd: process.cwd(), argv: process.argv, env, error: err && { message: err.message, stack: err.stack } };
}
exports.install = function install({ dir = process.cwd() } = {}) {
  process.on("uncaughtException", (err) => {
    const file = path.join(dir, `crash-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(snapshot(err), null, 2));
    console.error(`fatal error; diagnostic report written to ${file}`);
    process.exit(1);
  });
};
exports.snapshot = snapshot;
''',
    }
    return S("node-crash-diag-1.1.0",
             "iterates and serialises process.env (with redaction) into a local crash report file",
             "-", ["env-iterate", "file-write"],
             "SYNTHETIC. The whole environment is walked and serialised like env-harvesters do, but "
             "secret-looking keys are redacted and the report is written locally on a crash only.",
             files)


@sample
def gh_release_notes():
    files = {
        "package.json": pj(
            name="gh-release-from-changelog", version="3.0.0",
            description="Create a GitHub release from the CHANGELOG section of the current tag (for CI)",
            bin={"gh-release-from-changelog": "cli.js"},
        ),
        "cli.js": r'''#!/usr/bin/env node
"use strict";
const fs = require("node:fs");
const { execFileSync } = require("node:child_process");
const token = process.env.GITHUB_TOKEN;
const repo = process.env.GITHUB_REPOSITORY;
if (!token || !repo) { console.error("gh-release-from-changelog: set GITHUB_TOKEN and GITHUB_REPOSITORY (run it in GitHub Actions)"); process.exit(2); }
const tag = execFileSync("git", ["describe", "--tags", "--exact-match"], { encoding: "utf8" }).trim();
const log = fs.readFileSync("CHANGELOG.md", "utf8");
const section = log.split(/^## /m).find((s) => s.startsWith(tag.replace(/^v/, "")) || s.startsWith(tag)) || "";
const body = section.split("\n").slice(1).join("\n").trim();
fetch(`https://api.github.com/repos/${repo}/releases`, {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json", "content-type": "application/json" },
  body: JSON.stringify({ tag_name: tag, name: tag, body }),
}).then(async (r) => {
  if (!r.ok) { console.error(`GitHub answered ${r.status}: ${await r.text()}`); process.exit(1); }
  console.log(`created release ${tag}`);
});
''',
    }
    return S("gh-release-from-changelog-3.0.0",
             "CI tool: reads GITHUB_TOKEN and calls the GitHub REST API to create a release",
             "-", ["token-use", "github-api", "child-process", "network", "cli"],
             "SYNTHETIC. Token read and sent, but only to api.github.com for the current repository, "
             "from a bin run in CI; no install script.", files, {"cli.js": 0o755})


@sample
def workspace_publisher():
    files = {
        "package.json": pj(
            name="workspace-publish", version="1.8.1",
            description="Publish every changed workspace package in dependency order (npm publish --provenance)",
            bin={"workspace-publish": "bin.js"},
        ),
        "bin.js": r'''#!/usr/bin/env node
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const root = process.cwd();
const rootPkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const dry = process.argv.includes("--dry-run");
const dirs = (rootPkg.workspaces || []).flatMap((w) => w.endsWith("/*") ? fs.readdirSync(path.join(root, w.slice(0, -2))).map((d) => path.join(w.slice(0, -2), d)) : [w]);
for (const dir of dirs) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, "package.json"), "utf8"));
  if (pkg.private) continue;
  let published = "";
  try { published = execFileSync("npm", ["view", `${pkg.name}@${pkg.version}`, "version"], { encoding: "utf8" }).trim(); } catch (e) {}
  if (published === pkg.version) { console.log(`skip ${pkg.name}@${pkg.version} (already published)`); continue; }
  const args = ["publish", "--provenance", "--access", "public"];
  if (dry) args.push("--dry-run");
  execFileSync("npm", args, { cwd: path.join(root, dir), stdio: "inherit" });
}
''',
    }
    return S("workspace-publish-1.8.1",
             "monorepo release CLI that runs npm publish for each workspace package (like changesets/lerna)",
             "-", ["npm-publish", "child-process", "cli"],
             "SYNTHETIC. npm publish from code, the worm's signature action, but for the user's own "
             "workspaces when they run the bin; no token handling, no install script.",
             files, {"bin.js": 0o755})
