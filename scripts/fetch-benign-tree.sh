#!/usr/bin/env bash
# Download the tarballs of every registry package of an npm lockfile (lockfileVersion 2 or 3:
# the "packages" map) into a local cache, as the benign *tree* set of the scanner evaluation
# (crates/warden-scan/tests/eval.rs, docs/scanner-eval.md): a real dependency tree whose
# packages must all come out clean.
#
#   scripts/fetch-benign-tree.sh [LOCKFILE] [DEST]
#
# LOCKFILE defaults to crates/warden-lockfile/tests/fixtures/npm-v3/toolchain/package-lock.json
# (1,713 distinct packages), DEST to $WARDEN_BENIGN_TREE (default ~/.cache/warden-benign-tree).
# The lockfile's "resolved" URLs are ignored: the list of name@version is handed to
# scripts/fetch-benign-top.sh, which downloads from the npm registry configured for npm, writes
# each file under a temporary name and renames it, and skips tarballs already cached.
# Linked (workspace) and non-registry entries are skipped. Nothing is unpacked or executed.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
lockfile="${1:-$here/crates/warden-lockfile/tests/fixtures/npm-v3/toolchain/package-lock.json}"
dest="${2:-${WARDEN_BENIGN_TREE:-$HOME/.cache/warden-benign-tree}}"

if [ ! -f "$lockfile" ]; then
  echo "fetch-benign-tree: lockfile $lockfile not found; pass its path as the first argument" >&2
  exit 2
fi
list="$(mktemp)"
trap 'rm -f "$list"' EXIT

# name@version of every registry entry; the name is the entry's "name" (an npm alias) or the
# last node_modules/ segment of its key
python3 - "$lockfile" >"$list" <<'PY'
import json, sys
path = sys.argv[1]
try:
    with open(path, encoding="utf-8") as f:
        lock = json.load(f)
except (OSError, ValueError) as e:
    sys.exit(f"fetch-benign-tree: {path}: not a readable JSON lockfile ({e})")
packages = lock.get("packages")
if not isinstance(packages, dict):
    sys.exit(f'fetch-benign-tree: {path}: no "packages" map (lockfileVersion 2 or 3 expected)')
seen = set()
for key, entry in packages.items():
    if not key or not isinstance(entry, dict) or entry.get("link"):
        continue
    resolved = entry.get("resolved", "")
    version = entry.get("version")
    if not isinstance(version, str) or not resolved.endswith(".tgz") or not resolved.startswith("http"):
        continue
    name = entry.get("name") or key.rsplit("node_modules/", 1)[-1]
    seen.add(f"{name}@{version}")
for spec in sorted(seen):
    print(spec)
PY

echo "fetch-benign-tree: $(wc -l <"$list") distinct packages in $lockfile"
exec "$here/scripts/fetch-benign-top.sh" "$list" "$dest"
