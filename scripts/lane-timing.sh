#!/usr/bin/env bash
# Times the trusted lane's automatic path on the five real advisories of
# crates/warden/tests/lane_real.rs: from `warden patch backport` starting to the patched tarball
# built and rescanned, the project's lockfile pointing at it, and its SBOM/VEX pair written.
# Tarballs cached: a first backport in a throwaway project fills the cache, then a fresh project
# sharing that cache is timed. Uses the npm registry from the npm configuration (as warden always
# does) and the OSV records the tests use. Needs a release build, python3 and ../shared:
#   cargo build --release -p warden && scripts/lane-timing.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
warden=${WARDEN:-${CARGO_TARGET_DIR:-$root/target}/release/warden}
osv=$root/../shared/corpus/osv/ghsa-npm
lane=$root/crates/warden/tests/fixtures/lane
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WARDEN_CACHE="$work/cache" SOURCE_DATE_EPOCH=1700000000

# name old advisory alias osv-record
cases=(
  "minimist 1.2.3 GHSA-xvch-5gv4-984h CVE-2021-44906 $osv/GHSA-xvch-5gv4-984h.json"
  "semver 5.7.0 GHSA-c2qf-rxjj-qqgw CVE-2022-25883 $osv/GHSA-c2qf-rxjj-qqgw.json"
  "json5 2.2.0 GHSA-9c47-m6qq-7p4h CVE-2022-46175 $osv/GHSA-9c47-m6qq-7p4h.json"
  "tough-cookie 4.1.0 GHSA-72xf-g2v4-qvf3 CVE-2023-26136 $lane/tough-cookie/GHSA-72xf-g2v4-qvf3.json"
  "glob-parent 5.1.0 GHSA-ww39-953v-wcq6 CVE-2020-28469 $osv/GHSA-ww39-953v-wcq6.json"
)

now() { python3 -c 'import time; print(time.monotonic())'; }

printf '%-20s %-20s %10s\n' package advisory seconds
for c in "${cases[@]}"; do
  read -r name old advisory alias record <<<"$c"
  "$warden" -q advisories sync "$record" --data-dir "$work/data" >/dev/null
  # Warm the cache: the base, last affected and fixed tarballs and the packument.
  mkdir -p "$work/warm-$name"
  "$warden" -q --dir "$work/warm-$name" patch backport "$name@$old" --advisory "$advisory" \
    --data-dir "$work/data" >/dev/null
  app=$work/app-$name
  mkdir -p "$app"
  start=$(now)
  "$warden" -q --dir "$app" patch backport "$name@$old" --advisory "$advisory" \
    --data-dir "$work/data" >/dev/null
  "$warden" -q --dir "$app" --format json patch build >"$app/build.json"
  # The lockfile entry `warden patch apply` makes: the project now installs the patched build.
  python3 - "$app" "$name" "$old" "$advisory" "$alias" <<'PY'
import json, sys
app, name, old, advisory, alias = sys.argv[1:]
built = json.load(open(f"{app}/build.json"))["built"][0]
version = built["version"]
deps = {name: version}
json.dump({"name": "lane-app", "version": "1.0.0", "dependencies": deps}, open(f"{app}/package.json", "w"))
json.dump({"name": "lane-app", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
           "packages": {"": {"name": "lane-app", "version": "1.0.0", "dependencies": deps},
                        f"node_modules/{name}": {"version": version,
                                                 "resolved": f"file:{built['path']}",
                                                 "integrity": built["integrity"]}}},
          open(f"{app}/package-lock.json", "w"))
open(f"{app}/supply-chain/vex.toml", "w").write(
    f'[[statement]]\nvulnerability = "{advisory}"\naliases = ["{alias}"]\n'
    f'products = ["{name}@{version}"]\nstatus = "fixed"\n')
PY
  "$warden" -q --dir "$app" sbom -o "$app/bom.cdx.json"
  "$warden" -q --dir "$app" vex -o "$app/vex.openvex.json"
  end=$(now)
  printf '%-20s %-20s %10.2f\n' "$name@$old" "$advisory" "$(python3 -c "print($end - $start)")"
done
