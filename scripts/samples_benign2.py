"""Tricky benign samples for scripts/make-samples.py, second set (2026-11): legitimate behaviour
that resembles the incidents of samples_malicious2.py. Python string data only; never run,
never extracted."""

from samples_benign import H, S, pj
from samples_common import registry

SAMPLES, _BENIGN, sample, _benign = registry()


@sample
def node_version_shim():
    files = {
        "package.json": pj(
            name="nodeshim", version="3.2.0",
            description="Per-project Node.js version shims (like volta/nvs)",
            bin={"node": "bin/shim.js", "npm": "bin/shim.js", "npx": "bin/shim.js"},
        ),
        "bin/shim.js": r'''#!/usr/bin/env node
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const tool = path.basename(process.argv[1]).replace(/\.js$/, "");
function pinned(dir) {
  for (let d = dir; ; d = path.dirname(d)) {
    try { return fs.readFileSync(path.join(d, ".node-version"), "utf8").trim(); } catch (e) {}
    if (path.dirname(d) === d) return null;
  }
}
const v = pinned(process.cwd()) || "default";
const home = path.join(os.homedir(), ".nodeshim", "versions", v, "bin");
const r = spawnSync(path.join(home, tool), process.argv.slice(2), { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
''',
    }
    return S(
        "nodeshim-3.2.0", "version-manager shims: bin entries named node, npm and npx that exec the pinned toolchain",
        "2026", ["bin-override", "child-process"],
        "Synthetic, modelled on volta/nvs shims: shadowing system commands is the product; no "
        "credential read, no network.", files)


@sample
def registry_login_helper():
    files = {
        "package.json": pj(
            name="private-registry-login", version="2.4.1",
            description="Check and refresh the auth token of your private npm registry",
            bin={"registry-login": "cli.js"}, main="index.js",
        ),
        "index.js": r'''"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
function readNpmrc() {
  const files = [path.join(process.cwd(), ".npmrc"), path.join(os.homedir(), ".npmrc")];
  const out = {};
  for (const f of files) {
    let t = "";
    try { t = fs.readFileSync(f, "utf8"); } catch (e) { continue; }
    for (const line of t.split(/\r?\n/)) {
      const m = line.match(/^\s*(\/\/[^:]+\/):_authToken\s*=\s*(.+)$/);
      if (m && !out[m[1]]) out[m[1]] = m[2].trim();
    }
  }
  return out;
}
function whoami(registry) {
  const key = "//" + new URL(registry).host + "/";
  const token = readNpmrc()[key];
  if (!token) return Promise.resolve(null);
  return new Promise((ok, bad) => {
    https.get(new URL("-/whoami", registry), { headers: { authorization: "Bearer " + token } }, (res) => {
      let s = ""; res.on("data", (d) => (s += d)); res.on("end", () => ok(res.statusCode === 200 ? JSON.parse(s).username : null));
    }).on("error", bad);
  });
}
module.exports = { readNpmrc, whoami };
''',
        "cli.js": "#!/usr/bin/env node\nrequire('./index').whoami(process.argv[2] || 'https://registry.npm.example/').then((u) => console.log(u || 'not logged in'));\n",
    }
    return S(
        "private-registry-login-2.4.1", "reads _authToken lines of .npmrc and sends the token to the registry it belongs to (whoami)",
        "2026", ["npmrc-read", "token-use", "network"],
        "Synthetic, modelled on registry-auth-token and password-manager npm integrations: the "
        "token only goes to the registry URL the user passes.", files)


@sample
def ci_telemetry_optout():
    files = {
        "package.json": pj(
            name="cli-telemetry-kit", version="1.9.0",
            description="Anonymous, opt-out usage telemetry for CLIs", main="index.js",
        ),
        "index.js": r'''"use strict";
const crypto = require("crypto");
const os = require("os");
const CI_VARS = ["CI", "CONTINUOUS_INTEGRATION", "BUILD_NUMBER", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS", "BUILDKITE", "TF_BUILD"];
function optedOut(env = process.env) {
  if (env.DO_NOT_TRACK === "1" || env.CLI_TELEMETRY_DISABLED) return true;
  return Object.keys(env).some((k) => k.startsWith("NO_TELEMETRY"));
}
function context(env = process.env) {
  const ci = CI_VARS.filter((k) => k in env);
  const id = crypto.createHash("sha256").update(os.hostname() + os.userInfo().username).digest("hex").slice(0, 16);
  return { id, ci: ci.length > 0, ciName: ci[0] || null, node: process.version, platform: process.platform, arch: process.arch };
}
async function track(event, endpoint = "https://telemetry.cli-kit.example/v1/events") {
  if (optedOut()) return;
  try { await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ event, ...context() }) }); } catch (e) {}
}
module.exports = { track, optedOut, context };
''',
    }
    return S(
        "cli-telemetry-kit-1.9.0", "telemetry SDK: scans environment variable names for CI and opt-out flags, hashes host and user, posts usage events",
        "2026", ["env-iteration", "host-fingerprint", "network"],
        "Synthetic, modelled on Next.js/Turborepo/Astro telemetry: iterates process.env keys for "
        "opt-out, sends only booleans and a hash.", files)


@sample
def licensed_grid_obfuscated():
    body = r'''(function(g){var d=g[S("document")];function v(k){var h=d?d[S("location")][S("hostname")]:S("node");return fetch(S("https://license.datagrid-pro.example/v2/verify"),{method:S("POST"),headers:{"content-type":S("application/json")},body:JSON.stringify({key:k,host:h})}).then(function(r){return r[S("json")]()}).then(function(j){if(!j[S("valid")])console[S("warn")](S("DataGrid Pro: invalid license key, a watermark is shown"));return !!j[S("valid")]})["catch"](function(){return true})}g[S("__dgLicense")]=v})(typeof window!=="undefined"?window:globalThis);'''
    files = {
        "package.json": pj(
            name="datagrid-pro", version="7.3.0", license="SEE LICENSE IN LICENSE.md",
            description="Commercial data grid component", main="dist/index.js",
        ),
        "dist/index.js": "require('./license.js');\nexports.DataGrid = function DataGrid(opts) { this.rows = (opts && opts.rows) || []; if (opts && opts.licenseKey) globalThis.__dgLicense(opts.licenseKey); };\n",
        "dist/license.js": H().obfuscate(body, seed=4242),
    }
    return S(
        "datagrid-pro-7.3.0", "commercial component with a javascript-obfuscator protected license check that posts the key and page host to its vendor",
        "2026", ["obfuscated", "network", "license-check"],
        "Synthetic, modelled on AG Grid/Handsontable/Syncfusion style license validation shipped "
        "obfuscated: the vendor's own host, the caller's key, nothing else.", files)


@sample
def rum_fetch_instrumentation():
    files = {
        "package.json": pj(
            name="rum-lite", version="4.0.2",
            description="Real-user monitoring: page timings, fetch/XHR spans, session id cookie", main="dist/rum.js",
        ),
        "dist/rum.js": r'''(function(w){if(!w||w.__rum)return;w.__rum=1;var cfg={endpoint:null,sample:1};function sid(){var m=document.cookie.match(/(?:^|; )_rum_sid=([^;]+)/);if(m)return m[1];var s=Math.random().toString(36).slice(2);document.cookie="_rum_sid="+s+"; path=/; max-age=1800; SameSite=Lax";return s}var q=[];function push(e){e.sid=sid();e.t=Date.now();q.push(e);if(q.length>=20)flush()}function flush(){if(!cfg.endpoint||!q.length)return;var b=JSON.stringify(q.splice(0));navigator.sendBeacon?navigator.sendBeacon(cfg.endpoint,b):fetch(cfg.endpoint,{method:"POST",body:b,keepalive:!0})}var of=w.fetch;w.fetch=function(u,i){var t0=performance.now();return of.apply(this,arguments).then(function(r){push({k:"fetch",u:String(u).split("?")[0],s:r.status,d:performance.now()-t0});return r})};var oo=XMLHttpRequest.prototype.open,os=XMLHttpRequest.prototype.send;XMLHttpRequest.prototype.open=function(m,u){this.__rum={m:m,u:String(u).split("?")[0]};return oo.apply(this,arguments)};XMLHttpRequest.prototype.send=function(){var x=this,t0=performance.now();x.addEventListener("loadend",function(){push({k:"xhr",u:x.__rum&&x.__rum.u,s:x.status,d:performance.now()-t0})});return os.apply(this,arguments)};var pref=localStorage.getItem("rum_opt_out");w.addEventListener("visibilitychange",function(){document.visibilityState==="hidden"&&flush()});w.RUM={init:function(c){if(pref==="1")return;cfg.endpoint=c.endpoint;cfg.sample=c.sample||1}}})(typeof window!=="undefined"?window:null);''' + "\n",
    }
    return S(
        "rum-lite-4.0.2", "real-user monitoring: wraps fetch and XMLHttpRequest for timing spans, session cookie, localStorage opt-out, sendBeacon to the configured endpoint",
        "2026", ["fetch-hook", "xhr-hook", "cookie", "localStorage", "beacon", "minified"],
        "Synthetic, modelled on Datadog RUM / Sentry / New Relic browser agents: records only URL "
        "paths, status and duration to an endpoint the app configures.", files)


@sample
def card_form_sdk():
    files = {
        "package.json": pj(
            name="payments-elements", version="3.5.1",
            description="Hosted card fields for your checkout page", main="index.js",
        ),
        "index.js": r'''"use strict";
const API = "https://api.payments-elements.example/v1/tokens";
function mount(form, { publishableKey }) {
  const card = form.querySelector("[data-card-number]");
  const cvc = form.querySelector("[data-card-cvc]");
  const exp = form.querySelector("[data-card-exp]");
  card.addEventListener("input", () => { card.value = card.value.replace(/\D/g, "").replace(/(.{4})/g, "$1 ").trim(); });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const r = await fetch(API, { method: "POST", headers: { authorization: "Bearer " + publishableKey, "content-type": "application/json" },
      body: JSON.stringify({ number: card.value.replace(/\s/g, ""), cvc: cvc.value, exp: exp.value }) });
    const { id } = await r.json();
    const hidden = document.createElement("input");
    hidden.type = "hidden"; hidden.name = "payment_token"; hidden.value = id;
    card.value = cvc.value = "";
    form.appendChild(hidden);
    form.submit();
  });
}
module.exports = { mount };
''',
    }
    return S(
        "payments-elements-3.5.1", "payment SDK: listens to card fields and form submit and tokenises the card with its own API",
        "2026", ["form-submit-listener", "card-fields", "network"],
        "Synthetic, modelled on Stripe Elements / Braintree hosted fields: the card goes to the "
        "vendor's tokenisation API as the merchant configured, replaced by a token.", files)


@sample
def mining_pool_dashboard():
    files = {
        "package.json": pj(
            name="pool-stats-client", version="0.8.4",
            description="Client for mining pool stats APIs and stratum config validation", main="index.js",
        ),
        "index.js": r'''"use strict";
const https = require("https");
function parsePoolUrl(u) {
  const m = /^stratum\+(tcp|ssl):\/\/([^:/]+):(\d+)$/.exec(u);
  if (!m) throw new Error("expected stratum+tcp://host:port or stratum+ssl://host:port");
  return { tls: m[1] === "ssl", host: m[2], port: Number(m[3]) };
}
function xmrigConfig({ pool, wallet, donateLevel = 1 }) {
  return { autosave: true, "donate-level": donateLevel, pools: [{ url: pool, user: wallet, keepalive: true }] };
}
function stats(apiBase, wallet) {
  return new Promise((ok, bad) => https.get(`${apiBase}/miner/${wallet}/stats`, (r) => { let s = ""; r.on("data", (d) => (s += d)); r.on("end", () => ok(JSON.parse(s))); }).on("error", bad));
}
module.exports = { parsePoolUrl, xmrigConfig, stats };
''',
        "README.md": "# pool-stats-client\n\n```js\nxmrigConfig({ pool: 'stratum+tcp://pool.example:3333', wallet: '4...' })\n// run it yourself: xmrig -o stratum+tcp://pool.example:3333 --donate-level 1\n```\n",
    }
    return S(
        "pool-stats-client-0.8.4", "mining dashboard library: parses stratum+tcp pool URLs, builds xmrig configs with donate-level, reads pool stats",
        "2026", ["miner-words", "network"],
        "Synthetic: talks about miners, never downloads or runs one.", files)


@sample
def cron_scheduler_cli():
    files = {
        "package.json": pj(
            name="crontab-manager", version="2.2.0",
            description="Manage your user crontab and systemd timers from Node", main="index.js",
            bin={"cronman": "cli.js"},
        ),
        "index.js": r'''"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
function list() { try { return execFileSync("crontab", ["-l"], { encoding: "utf8" }); } catch (e) { return ""; } }
function add(schedule, command, tag) {
  const cur = list().split("\n").filter((l) => l && !l.endsWith(`# ${tag}`));
  cur.push(`${schedule} ${command} # ${tag}`);
  execFileSync("crontab", ["-"], { input: cur.join("\n") + "\n" });
}
function timer(name, command, onCalendar) {
  const dir = path.join(os.homedir(), ".config", "systemd", "user");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.service`), `[Service]\nType=oneshot\nExecStart=${command}\n`);
  fs.writeFileSync(path.join(dir, `${name}.timer`), `[Timer]\nOnCalendar=${onCalendar}\n[Install]\nWantedBy=timers.target\n`);
  execFileSync("systemctl", ["--user", "enable", "--now", `${name}.timer`]);
}
module.exports = { list, add, timer };
''',
        "cli.js": "#!/usr/bin/env node\nconst m = require('./index');\nconst [cmd, ...a] = process.argv.slice(2);\nif (cmd === 'add') m.add(a[0], a[1], a[2] || 'cronman'); else if (cmd === 'timer') m.timer(a[0], a[1], a[2]); else process.stdout.write(m.list());\n",
    }
    return S(
        "crontab-manager-2.2.0", "crontab and systemd user-timer manager: writes crontab lines and unit files when the user asks",
        "2026", ["crontab", "systemd", "child-process", "filesystem-write"],
        "Synthetic, modelled on crontab/node-cron CLIs: persistence is the product; no download, "
        "no install script, command comes from the user.", files)


@sample
def basic_auth_middleware():
    files = {
        "package.json": pj(
            name="express-basic-gate", version="1.6.0",
            description="Basic auth and signed JSON header middleware for Express", main="index.js",
        ),
        "index.js": r'''"use strict";
const crypto = require("crypto");
module.exports = function gate({ users, secret }) {
  return function (req, res, next) {
    const h = req.headers.authorization || "";
    if (h.startsWith("Basic ")) {
      const [u, p] = Buffer.from(h.slice(6), "base64").toString("utf8").split(":");
      if (users[u] && crypto.timingSafeEqual(Buffer.from(users[u]), Buffer.from(p || ""))) { req.user = u; return next(); }
    }
    const ctx = req.headers["x-signed-context"];
    if (ctx) {
      const [body, sig] = ctx.split(".");
      const want = crypto.createHmac("sha256", secret).update(body).digest("base64url");
      if (sig === want) { req.context = JSON.parse(Buffer.from(body, "base64url").toString()); return next(); }
    }
    res.statusCode = 401; res.setHeader("WWW-Authenticate", "Basic"); res.end();
  };
};
''',
    }
    return S(
        "express-basic-gate-1.6.0", "server middleware decoding base64 request headers (Basic auth, signed JSON context) and parsing them",
        "2026", ["header-decoding", "server-side"],
        "Synthetic: decodes headers as data (JSON.parse, timingSafeEqual), never as code.", files)


@sample
def ens_contenthash_resolver():
    files = {
        "package.json": pj(
            name="ens-site-resolver", version="1.3.0",
            description="Resolve an ENS name to its website (contenthash) and fetch it through a gateway", main="index.js",
            dependencies={"ethers": "^6.13.0"},
        ),
        "index.js": r'''"use strict";
const { ethers } = require("ethers");
async function resolveSite(name, { rpc = "https://eth.rpc.example", gateway = "https://ipfs.gateway.example" } = {}) {
  const provider = new ethers.JsonRpcProvider(rpc);
  const resolver = await provider.getResolver(name);
  if (!resolver) return null;
  const hash = await resolver.getContentHash();
  const cid = hash && hash.replace(/^ipfs:\/\//, "");
  const res = await fetch(`${gateway}/ipfs/${cid}/`);
  return { cid, html: await res.text() };
}
module.exports = { resolveSite };
''',
    }
    return S(
        "ens-site-resolver-1.3.0", "reads an ENS resolver contract, then fetches the content it points to through an IPFS gateway (returned as text, not run)",
        "2026", ["blockchain-read", "network"],
        "Synthetic, modelled on eth.limo-style resolvers: contract data used as a URL, the result "
        "is returned to the caller, not executed.", files)


@sample
def native_addon_installer():
    files = {
        "package.json": pj(
            name="fast-xxhash-native", version="2.0.3",
            description="xxHash bindings with prebuilt binaries", main="index.js",
            scripts={"install": "node scripts/install.js || node-gyp rebuild"},
            gypfile=True,
        ),
        "index.js": "module.exports = require('node-gyp-build')(__dirname);\n",
        "binding.gyp": '{ "targets": [ { "target_name": "xxhash", "sources": [ "src/xxhash.cc" ] } ] }\n',
        "src/xxhash.cc": "#include <node_api.h>\nNAPI_MODULE_INIT() { return exports; }\n",
        "scripts/install.js": r'''"use strict";
const https = require("https");
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const { execFileSync } = require("child_process");
const pkg = require("../package.json");
const target = `${process.platform}-${process.arch}`;
const url = `https://github.com/fast-xxhash/fast-xxhash-native/releases/download/v${pkg.version}/${target}.tar.gz`;
const sums = require("./checksums.json");
const dest = path.join(__dirname, "..", "prebuilds");
fs.mkdirSync(dest, { recursive: true });
https.get(url, (res) => {
  if (res.statusCode !== 200) process.exit(1);
  const chunks = [];
  res.on("data", (c) => chunks.push(c));
  res.on("end", () => {
    const buf = Buffer.concat(chunks);
    if (crypto.createHash("sha256").update(buf).digest("hex") !== sums[target]) { console.error("checksum mismatch"); process.exit(1); }
    const tgz = path.join(dest, `${target}.tar.gz`);
    fs.writeFileSync(tgz, buf);
    execFileSync("tar", ["-xzf", tgz, "-C", dest]);
    fs.unlinkSync(tgz);
  });
}).on("error", () => process.exit(1));
''',
        "scripts/checksums.json": '{"linux-x64": "' + "ab" * 32 + '", "darwin-arm64": "' + "cd" * 32 + '"}\n',
    }
    return S(
        "fast-xxhash-native-2.0.3", "install script downloading a checksum-pinned prebuilt from GitHub releases and untarring it, node-gyp fallback",
        "2026", ["install-script", "network", "child-process", "download"],
        "Synthetic, modelled on prebuild-install / node-pre-gyp installers.", files)


@sample
def report_mailer_cli():
    files = {
        "package.json": pj(
            name="build-report-mailer", version="1.1.0",
            description="Mail a build report with nodemailer using your SMTP settings", bin={"report-mail": "cli.js"},
            dependencies={"nodemailer": "^6.9.0"},
        ),
        "cli.js": r'''#!/usr/bin/env node
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const nodemailer = require("nodemailer");
const cfgFile = process.env.REPORT_MAIL_CONFIG || path.join(os.homedir(), ".config", "report-mail", "smtp.json");
const cfg = JSON.parse(fs.readFileSync(cfgFile, "utf8"));
const [to, reportPath] = process.argv.slice(2);
const t = nodemailer.createTransport({ host: cfg.host, port: cfg.port || 587, auth: { user: cfg.user, pass: cfg.pass } });
t.sendMail({ from: cfg.user, to, subject: "Build report", text: fs.readFileSync(reportPath, "utf8") }).then(() => console.log("sent"));
''',
    }
    return S(
        "build-report-mailer-1.1.0", "CLI reading its own SMTP config from the home folder and mailing a report with nodemailer to the address the user gives",
        "2026", ["smtp", "home-config-read", "network"],
        "Synthetic: mail sending is the product; the recipient comes from argv.", files)
