#!/usr/bin/env bash
# Compares warden's CycloneDX SBOM with @cyclonedx/cyclonedx-npm's on the same package-lock.json:
# the set of purls each lists, and the time each takes.
#
#   scripts/sbom-compare.sh [PROJECT_DIR...]    (default: examples/demo-app and the 2,000-package
#                                                bench fixture)
#
# Needs node/npm and the network to the npm registry once (to install cyclonedx-npm into a
# temporary prefix with --ignore-scripts). Nothing is installed into the projects: they are copied
# to a temporary directory (package.json and the lockfile only) and cyclonedx-npm runs with
# --package-lock-only, so it reads the lockfile and runs no package code. --ignore-npm-errors: npm ls
# reports unmet peer ranges (ELSPROBLEMS) on big real trees; the tree itself is still complete.
set -euo pipefail
cd "$(dirname "$0")/.."
CDX_VERSION="${CDX_VERSION:-6.0.1}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/warden-target}"
cargo build --release -q -p warden 2>/dev/null
WARDEN="$CARGO_TARGET_DIR/release/warden"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm install --silent --ignore-scripts --no-audit --no-fund --prefix "$work/tool" \
  "@cyclonedx/cyclonedx-npm@$CDX_VERSION" >/dev/null
CDX="$work/tool/node_modules/.bin/cyclonedx-npm"

projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(examples/demo-app crates/warden-attest/benches/fixtures/npm-2000)

now_ms() { date +%s%3N; }

for p in "${projects[@]}"; do
  name="$(basename "$p")"
  copy="$work/$name"
  mkdir -p "$copy"
  cp "$p/package.json" "$p/package-lock.json" "$copy/"
  t0=$(now_ms)
  (cd "$copy" && "$CDX" --package-lock-only --ignore-npm-errors --flatten-components --output-format JSON \
      --output-file "$work/$name.cdx-npm.json" >/dev/null 2>"$work/$name.cdx-npm.log") \
    || { echo "cyclonedx-npm failed on $p:"; cat "$work/$name.cdx-npm.log"; exit 1; }
  t1=$(now_ms)
  "$WARDEN" --dir "$copy" sbom -o "$work/$name.warden.json" -q
  t2=$(now_ms)
  python3 - "$p" "$work/$name.cdx-npm.json" "$work/$name.warden.json" $((t1 - t0)) $((t2 - t1)) <<'PY'
import json, sys
project, theirs_path, ours_path, t_cdx, t_warden = sys.argv[1:6]
def purls(path):
    doc = json.load(open(path))
    out = set()
    def walk(cs):
        for c in cs or []:
            if c.get("purl"):
                out.add(c["purl"])
            walk(c.get("components"))
    walk(doc.get("components"))
    return out, doc["metadata"]["component"].get("purl")
theirs, theirs_root = purls(theirs_path)
ours, ours_root = purls(ours_path)
print(f"{project}: cyclonedx-npm {len(theirs)} purls in {t_cdx} ms, warden {len(ours)} purls in {t_warden} ms"
      f" (ratio {int(t_cdx) / max(int(t_warden), 1):.1f}x)")
print(f"  root: cyclonedx-npm {theirs_root}, warden {ours_root}")
for p in sorted(theirs - ours):
    print(f"  only cyclonedx-npm: {p}")
for p in sorted(ours - theirs):
    print(f"  only warden:        {p}")
if theirs == ours:
    print("  same set of purls")
PY
done
