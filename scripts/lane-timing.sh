#!/usr/bin/env bash
# Times the trusted lane's automatic path on the five real advisories of
# crates/warden/tests/lane_real.rs, on a real project: a package.json depending on NAME@OLD,
# locked by npm (`--package-lock-only --ignore-scripts`), `warden init`, the advisory synced;
# then timed from `warden patch backport` starting to the patched tarball built and rescanned,
# `warden patch apply` done (package.json overrides, npm's lockfile refresh) and the SBOM/VEX
# pair written (the `fixed` statement derived from patch.toml). Tarballs cached: a first
# backport in a throwaway project fills the cache, then the project sharing that cache is timed.
# Uses the npm registry from the npm configuration (as warden and npm always do) and the OSV
# records the tests use. Needs a release build, npm, python3 and ../shared:
#   cargo build --release -p warden && scripts/lane-timing.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
warden=${WARDEN:-${CARGO_TARGET_DIR:-$root/target}/release/warden}
osv=$root/../shared/corpus/osv/ghsa-npm
lane=$root/crates/warden/tests/fixtures/lane
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WARDEN_CACHE="$work/cache" SOURCE_DATE_EPOCH=1700000000 NPM_CONFIG_UPDATE_NOTIFIER=false

# name old advisory osv-record
cases=(
  "minimist 1.2.3 GHSA-xvch-5gv4-984h $osv/GHSA-xvch-5gv4-984h.json"
  "semver 5.7.0 GHSA-c2qf-rxjj-qqgw $osv/GHSA-c2qf-rxjj-qqgw.json"
  "json5 2.2.0 GHSA-9c47-m6qq-7p4h $osv/GHSA-9c47-m6qq-7p4h.json"
  "tough-cookie 4.1.0 GHSA-72xf-g2v4-qvf3 $lane/tough-cookie/GHSA-72xf-g2v4-qvf3.json"
  "glob-parent 5.1.0 GHSA-ww39-953v-wcq6 $osv/GHSA-ww39-953v-wcq6.json"
)

now() { python3 -c 'import time; print(time.monotonic())'; }

printf '%-20s %-20s %10s\n' package advisory seconds
for c in "${cases[@]}"; do
  read -r name old advisory record <<<"$c"
  data=$work/data-$name
  "$warden" -q advisories sync "$record" --data-dir "$data" >/dev/null
  # Warm the cache: the base, last affected and fixed tarballs and the packument.
  mkdir -p "$work/warm-$name"
  "$warden" -q --dir "$work/warm-$name" patch backport "$name@$old" --advisory "$advisory" \
    --data-dir "$data" >/dev/null
  # The project in use: NAME@OLD locked by npm, frozen by warden init.
  app=$work/app-$name
  mkdir -p "$app"
  printf '{\n  "name": "lane-app",\n  "version": "1.0.0",\n  "private": true,\n  "dependencies": {\n    "%s": "%s"\n  }\n}\n' \
    "$name" "$old" >"$app/package.json"
  (cd "$app" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  "$warden" -q --dir "$app" init >/dev/null
  start=$(now)
  "$warden" -q --dir "$app" patch backport "$name@$old" --advisory "$advisory" \
    --data-dir "$data" >/dev/null
  "$warden" -q --dir "$app" patch build >/dev/null
  "$warden" -q --dir "$app" patch apply >/dev/null
  "$warden" -q --dir "$app" sbom -o "$app/bom.cdx.json"
  "$warden" -q --dir "$app" vex --advisory-db "$data/advisories.sqlite3" -o "$app/vex.openvex.json"
  end=$(now)
  grep -q '"status": "fixed"' "$app/vex.openvex.json" || {
    echo "$name@$old: no fixed statement in the VEX" >&2
    exit 1
  }
  grep -q "\"version\": \"$old-warden.1\"" "$app/package-lock.json" || {
    echo "$name@$old: the lockfile does not lock $old-warden.1" >&2
    exit 1
  }
  printf '%-20s %-20s %10.2f\n' "$name@$old" "$advisory" "$(python3 -c "print($end - $start)")"
done
