#!/usr/bin/env bash
# Times `warden check` on a fully vetted tree: the npm v3 toolchain fixture (1,713 packages),
# frozen with `warden init`, checked offline. Needs a release build and hyperfine.
#   cargo build --release -p warden && scripts/bench-check.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
warden=${WARDEN:-${CARGO_TARGET_DIR:-$root/target}/release/warden}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/crates/warden-lockfile/tests/fixtures/npm-v3/toolchain/package-lock.json" "$work/"
cp "$root/crates/warden-lockfile/tests/fixtures/npm-v3/toolchain/package.json" "$work/" 2>/dev/null || true
export WARDEN_CACHE="$work/cache" WARDEN_DATA="$work/data"
"$warden" --dir "$work" init -q
"$warden" --dir "$work" check --offline
hyperfine --warmup 3 --runs 30 "$warden --dir $work check --offline" \
  "$warden --dir $work inventory --format json" \
  "npm ls --all --package-lock-only --prefix $work"
