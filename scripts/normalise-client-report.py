#!/usr/bin/env python3
"""Turns a package manager's own report of a tree into expected.json for the oracle test.

    normalise-client-report.py FORMAT FIXTURE_DIR

expected.json holds the sorted list of {name, version, source, dev} the client reports, `notes`
on how the list was derived, and `exceptions`: the places where warden deliberately differs from
the client, each with the reason. Exceptions are written by hand and kept across regenerations.

Importers (the root project and its workspaces) are not packages and are left out, as warden
leaves them out of `Inventory.packages`.
"""

import glob
import json
import os
import re
import sys

FMT, DEST = sys.argv[1], sys.argv[2]


def load(name):
    with open(os.path.join(DEST, name), encoding="utf-8") as f:
        return json.load(f)


def workspace_names():
    """Names of the workspaces under the fixture dir (package.json files below the root)."""
    names = set()
    for path in glob.glob(os.path.join(DEST, "**", "package.json"), recursive=True):
        rel = os.path.relpath(path, DEST)
        if rel == "package.json" or "node_modules" in rel:
            continue
        with open(path, encoding="utf-8") as f:
            m = json.load(f)
        root = json.load(open(os.path.join(DEST, "package.json"), encoding="utf-8"))
        if "workspaces" in root or os.path.exists(os.path.join(DEST, "pnpm-workspace.yaml")):
            if rel.startswith("packages/"):
                names.add(m.get("name"))
    return names


WORKSPACES = workspace_names()
_root = json.load(open(os.path.join(DEST, "package.json"), encoding="utf-8"))
ROOT_SPECS = {**_root.get("devDependencies", {}), **_root.get("optionalDependencies", {}), **_root.get("dependencies", {})}


def registry_name(url):
    """The package name of a registry tarball URL (`.../NAME/-/BASENAME-VERSION.tgz`), or None."""
    path = url.split("#")[0].split("?")[0]
    if not re.match(r"^https?://", path) or "/-/" not in path or not path.endswith(".tgz"):
        return None
    before = path.rsplit("/-/", 1)[0].replace("%2f", "/").replace("%2F", "/")
    segs = before.split("/")
    name = segs[-2] + "/" + segs[-1] if len(segs) > 1 and segs[-2].startswith("@") else segs[-1]
    base = name.split("/")[-1]
    return name if path.rsplit("/", 1)[1].startswith(base + "-") else None


def source_of_url(url):
    if url is None:
        return "registry"
    if url.startswith("file:"):
        return "file"
    if url.startswith("link:"):
        return "link"
    if url.startswith("git") or ".git#" in url:
        return "git"
    if registry_name(url):
        return "registry"
    if url.startswith("http"):
        return "tarball"
    return "file"


def real_name_from_url(url, fallback):
    return (registry_name(url) if url else None) or fallback


def npm_long_names():
    """Installed location -> real package name, from the trimmed `npm ls --long` listing (npm
    leaves `resolved` and the real name out of the plain listing for aliases)."""
    path = os.path.join(DEST, "npm-ls-long.json")
    out = {}
    if not os.path.exists(path):
        return out

    def walk(deps, trail):
        for key, node in (deps or {}).items():
            here = trail + (key,)
            if "name" in node:
                out[here] = node["name"]
            walk(node.get("dependencies"), here)

    walk(load("npm-ls-long.json").get("dependencies"), ())
    return out


def npm_tree(report):
    """Every (name, version, source) node in an `npm ls --json` tree, real names for aliases."""
    out = set()
    long_names = npm_long_names()

    def walk(deps, trail=()):
        for key, node in (deps or {}).items():
            here = trail + (key,)
            if not isinstance(node, dict) or node.get("missing") or "version" not in node:
                continue
            resolved = node.get("resolved")
            if key in WORKSPACES and (resolved is None or resolved.startswith("file:")):
                walk(node.get("dependencies"), here)
                continue
            version = node["version"]
            name = real_name_from_url(resolved, long_names.get(here, node.get("name", key)))
            # npm 6 reports an alias's version as `npm:name@version`.
            if version.startswith("npm:"):
                name, version = version[4:].rsplit("@", 1)
            source = source_of_url(resolved)
            if resolved is None and not trail and ROOT_SPECS.get(key, "").startswith("file:"):
                source = "file"  # npm 6 lists a folder dependency without its `file:` spec
            elif resolved is None and key != name:
                source = "registry"  # an alias: npm omits its URL in this listing
            out.add((name, version, source))
            walk(node.get("dependencies"), here)

    walk(report.get("dependencies"))
    return out


def load_docs(name):
    """A file of one or more JSON documents one after another (pnpm 7 prints one per project)."""
    text = open(os.path.join(DEST, name), encoding="utf-8").read()
    dec, i, docs = json.JSONDecoder(), 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return docs
        doc, i = dec.raw_decode(text, i)
        docs.extend(doc if isinstance(doc, list) else [doc])


def pnpm_tree(report):
    out = set()
    # The importers: the root and its workspaces. pnpm 7 also lists a `file:` folder as a project
    # of its own; it is a package, reached through the root's dependency on it.
    root_path = report[0].get("path", "") if report else ""
    report = [r for r in report if r.get("path") == root_path or "/packages/" in r.get("path", "")]

    def walk(deps):
        for key, node in (deps or {}).items():
            version = node.get("version", "")
            if version.startswith("link:"):
                continue  # a workspace
            resolved = node.get("resolved")
            name = node.get("from", key)
            if version.startswith("file:"):
                # pnpm reports a `file:` dependency's version as its path.
                manifest = os.path.join(DEST, version[len("file:"):], "package.json")
                m = json.load(open(manifest, encoding="utf-8")) if os.path.exists(manifest) else {}
                out.add((m.get("name", name), m.get("version", version), "file"))
            else:
                out.add((real_name_from_url(resolved, name), version, source_of_url(resolved)))
            walk(node.get("dependencies"))
            walk(node.get("optionalDependencies"))

    for importer in report if isinstance(report, list) else [report]:
        for field in ("dependencies", "devDependencies", "optionalDependencies"):
            walk(importer.get(field))
    return out


def pnpm_parseable(name):
    """(name, version, source) per line `path:name@version` of `pnpm list --parseable --long`
    that lies under node_modules (the other lines are the importers)."""
    out = set()
    for line in open(os.path.join(DEST, name), encoding="utf-8"):
        path, _, rest = line.strip().partition(":")
        if "/node_modules/" not in path:
            continue
        ident = rest.split(":PRIVATE")[0]
        at = ident.index("@", 1)
        pkg, version = ident[:at], ident[at + 1 :]
        if version.startswith("link:"):
            continue
        if version.startswith("file:"):
            manifest = os.path.join(DEST, version[len("file:"):], "package.json")
            m = json.load(open(manifest, encoding="utf-8")) if os.path.exists(manifest) else {}
            out.add((m.get("name", pkg), m.get("version", version), "file"))
        elif "/.pnpm/file+" in path or "@file+" in path:
            out.add((pkg, version, "file"))  # pnpm 7 shows a folder's own version
        else:
            out.add((pkg, version, "registry"))
    return out


def yarn_lock_resolutions():
    """`name@version` -> resolved URL from a yarn classic lockfile (for the source kind only)."""
    text = open(os.path.join(DEST, "yarn.lock"), encoding="utf-8").read()
    out = {}
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or lines[0].startswith("#"):
            continue
        v = re.search(r'^\s+version "([^"]+)"', block, re.M)
        r = re.search(r'^\s+resolved "([^"]+)"', block, re.M)
        first = lines[0].rstrip(":").split(",")[0].strip().strip('"')
        name = first[: first.index("@", 1)] if "@" in first[1:] else first
        spec = first[len(name) + 1 :]
        if spec.startswith("npm:"):
            name = spec[4:].rsplit("@", 1)[0] if spec[4:].count("@") > (1 if spec[4:].startswith("@") else 0) else spec[4:]
        if v:
            # A `file:` dependency has no resolved URL; its spec says where it comes from.
            out[(name, v.group(1))] = r.group(1) if r else (spec if spec.startswith("file:") else None)
            out.setdefault(("alias:" + first[: first.index("@", 1)], v.group(1)), name)
    return out


def yarn_classic_tree(report):
    resolutions = yarn_lock_resolutions()
    out = set()

    def walk(trees):
        for t in trees or []:
            if t.get("shadow"):
                continue
            name, version = t["name"].rsplit("@", 1)
            real = resolutions.get(("alias:" + name, version), name)
            if (real, version) not in resolutions and (name, version) in resolutions:
                real = name
            if real in WORKSPACES:
                walk(t.get("children"))
                continue
            url = resolutions.get((real, version))
            out.add((real, version, source_of_url(url)))
            walk(t.get("children"))

    walk(report["data"]["trees"])
    return out


def devirtual(locator):
    """`name@virtual:HASH#npm:1.0.0` (a package instantiated for its peers) -> `name@npm:1.0.0`."""
    return re.sub(r"@virtual:[0-9a-f]+#", "@", locator)


def berry_graph(lines):
    nodes = {}
    for line in lines:
        locator = devirtual(line["value"])
        deps = [devirtual(d["locator"]) for d in line["children"].get("Dependencies", [])]
        nodes[locator] = (line["children"].get("Version"), deps)
    return nodes


def berry_locator(locator):
    name, rest = locator[: locator.index("@", 1)], locator[locator.index("@", 1) + 1 :]
    return name, rest


def berry_tree(lines):
    nodes = berry_graph(lines)
    pkgs, roots, dev_roots = {}, [], []
    for locator, (version, _deps) in nodes.items():
        name, ref = berry_locator(locator)
        if ref.startswith("workspace:"):
            continue
        if ref.startswith("npm:"):
            source = "registry"
        elif ref.startswith("file:"):
            source = "file"
        elif ref.startswith(("link:", "portal:")):
            source = "link"
        elif ref.startswith("patch:"):
            source = "registry"
        else:
            source = "git" if "git" in ref else "tarball"
        pkgs[locator] = (name, version, source)
    return nodes, pkgs


def reach(nodes, starts):
    seen, stack = set(), list(starts)
    while stack:
        n = stack.pop()
        if n in seen or n not in nodes:
            continue
        seen.add(n)
        stack.extend(nodes[n][1])
    return seen


def manifest_deps(path):
    m = json.load(open(os.path.join(DEST, path), encoding="utf-8"))
    prod = dict(m.get("dependencies", {}))
    prod.update(m.get("optionalDependencies", {}))
    return m, prod, m.get("devDependencies", {})


def main():
    notes = []
    if FMT.startswith("npm-"):
        full = npm_tree(load("npm-ls.json"))
        prod = npm_tree(load("npm-ls-prod.json"))
        client = "npm 6 (`npm ls --json` over an install with scripts off)" if FMT == "npm-v1" else "npm ls --all --json --package-lock-only"
        notes.append(f"packages: {client}; dev: not in the same listing with the dev tree omitted")
        pkgs = {(n, v, s, (n, v, s) not in prod) for (n, v, s) in full}
    elif FMT.startswith("pnpm-"):
        full = pnpm_parseable("pnpm-list.txt")
        prod = pnpm_parseable("pnpm-list-prod.txt")
        notes.append("packages: pnpm list --depth Infinity --parseable --long -r (real names; `--json` overflows on large trees); dev: not in the --prod listing; source: file for `file:` versions, else registry (the listing has no URLs)")
        pkgs = {(n, v, s, (n, v, s) not in prod) for (n, v, s) in full}
    elif FMT == "yarn-classic":
        full = yarn_classic_tree(load("yarn-list.json"))
        prod = yarn_classic_tree(load("yarn-list-prod.json"))
        notes.append("packages: yarn list --json; dev: not in the --prod listing; source: from the resolved URL yarn.lock records for that name@version")
        pkgs = {(n, v, s, (n, v, s) not in prod) for (n, v, s) in full}
    elif FMT == "yarn-berry":
        lines = [json.loads(l) for l in open(os.path.join(DEST, "yarn-info.json"), encoding="utf-8") if l.strip()]
        nodes, meta = berry_tree(lines)
        # Importers' edges: yarn info lists workspaces with their resolved dependencies; prod
        # roots are the non-dev edges of every workspace, by the manifests.
        prod_starts = []
        for locator, (_v, deps) in nodes.items():
            name, ref = berry_locator(locator)
            if not ref.startswith("workspace:"):
                continue
            wpath = ref[len("workspace:"):]
            mpath = "package.json" if wpath == "." else os.path.join(wpath, "package.json")
            _m, prod_specs, _dev = manifest_deps(mpath)
            for d in deps:
                dname, _ = berry_locator(d)
                for line in lines:
                    if line["value"] == locator:
                        for dep in line["children"].get("Dependencies", []):
                            alias = dep["descriptor"][: dep["descriptor"].index("@", 1)]
                            if devirtual(dep["locator"]) == d and alias in prod_specs:
                                prod_starts.append(d)
        prod_reach = reach(nodes, prod_starts)
        notes.append("packages: yarn info --all --json --recursive; dev: not reachable from the workspaces' non-dev dependencies in the graph yarn reports")
        pkgs = {(n, v, s, loc not in prod_reach) for loc, (n, v, s) in meta.items()}
    elif FMT == "bun":
        text = open(os.path.join(DEST, "bun-pm-ls.txt"), encoding="utf-8").read()
        listed = set()
        for line in text.splitlines()[1:]:
            m = re.search(r"([─└├│ ]+)(.+)$", line)
            if not m:
                continue
            entry = m.group(2).strip()
            if "@" not in entry[1:]:
                continue
            name, version = entry.rsplit("@", 1)
            listed.add((name, version))
        lock = bun_lock()
        notes.append("packages: bun pm ls --all; source and dev: bun reports neither, so they come from bun.lock's resolutions and graph (read here, independently of warden)")
        pkgs = set()
        for name, version in listed:
            version = FOLDER_VERSIONS.get((name, version), version)
            real, source, dev = lock.get((name, version), (name, "registry", False))
            if real in WORKSPACES:
                continue
            pkgs.add((real, version, source, dev))
    else:
        sys.exit(f"unknown format {FMT}")

    path = os.path.join(DEST, "expected.json")
    exceptions = []
    if os.path.exists(path):
        exceptions = json.load(open(path, encoding="utf-8")).get("exceptions", [])
    doc = {
        "format": FMT,
        "notes": notes,
        "packages": [
            {"name": n, "version": v, "source": s, "dev": d} for (n, v, s, d) in sorted(pkgs)
        ],
        "exceptions": exceptions,
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")


FOLDER_VERSIONS = {}


def bun_lock():
    """(installed name, version) -> (real name, source, dev) from bun.lock's own graph."""
    text = open(os.path.join(DEST, "bun.lock"), encoding="utf-8").read()
    # bun.lock is JSON with trailing commas.
    doc = json.loads(re.sub(r",(\s*[}\]])", r"\1", text))
    packages = doc.get("packages", {})
    info = {}
    for key, entry in packages.items():
        ident = entry[0]
        real, ver = ident.rsplit("@", 1) if "@" in ident[1:] else (ident, "")
        source = "registry"
        if ver.startswith("file:") or ver.startswith("link:") or ver.startswith("workspace:"):
            source = ver.split(":", 1)[0]
            if source == "file":
                # `bun pm ls` shows the folder as the version; the package's own is in its manifest.
                m = json.load(open(os.path.join(DEST, ver[5:], "package.json"), encoding="utf-8"))
                FOLDER_VERSIONS[(real, ver[5:])] = m.get("version", ver)
                ver = m.get("version", ver)
        elif isinstance(entry[1], str) and entry[1] and not entry[1].startswith("http"):
            source = "registry"
        deps = {}
        # Registry entries are [ident, url, meta, integrity]; folder entries [ident, meta].
        meta = next((x for x in entry[1:] if isinstance(x, dict)), {})
        for field in ("dependencies", "optionalDependencies", "peerDependencies"):
            deps.update(meta.get(field, {}))
        info[key] = (real, ver, source, deps)

    def resolve(from_key, dep):
        # bun keys nested packages as `parent/dep`; walk up like node does.
        parts = from_key.split("/") if from_key else []
        while True:
            cand = "/".join(parts + [dep]) if parts else dep
            if cand in info:
                return cand
            if not parts:
                return None
            parts = parts[:-1]
            if parts and parts[-1].startswith("@"):
                parts = parts[:-1]

    prod_starts, all_starts = [], []
    for wpath, w in doc.get("workspaces", {}).items():
        for field in ("dependencies", "optionalDependencies", "devDependencies", "peerDependencies"):
            for dep in w.get(field, {}):
                k = resolve(wpath if False else "", dep)
                if wpath and resolve(w.get("name", ""), dep) and (w.get("name", "") + "/" + dep) in info:
                    k = w.get("name", "") + "/" + dep
                if k:
                    all_starts.append(k)
                    if field != "devDependencies":
                        prod_starts.append(k)
    seen, stack = set(), list(prod_starts)
    while stack:
        k = stack.pop()
        if k in seen:
            continue
        seen.add(k)
        for dep in info[k][3]:
            r = resolve(k, dep)
            if r:
                stack.append(r)
    out = {}
    for key, (real, ver, source, _deps) in info.items():
        installed = key.split("/")[-1] if not key.split("/")[-2:-1] or not key.split("/")[-2].startswith("@") else "/".join(key.split("/")[-2:])
        out[(installed, ver)] = (real, source, key not in seen)
        out.setdefault((real, ver), (real, source, key not in seen))
    return out


main()
