#!/usr/bin/env bash
# Regenerates the lockfile oracle corpus under crates/warden-lockfile/tests/fixtures/ with the real
# package managers. Needs the network (the npm registry) and takes a while; CI never runs it.
# See docs/fixtures.md.
#
#   scripts/gen-lockfile-fixtures.sh [FORMAT[/CASE] ...]     (default: every format, every case)
#
# Every client runs with lifecycle scripts disabled, in lockfile-only mode where it has one, in a
# scratch copy of the project under $WARDEN_GEN (default /tmp/warden-gen). Registry URLs are
# rewritten to https://registry.npm.example/ (path kept) before anything is copied into the repo.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROJECTS=$ROOT/scripts/fixture-projects
OUT=$ROOT/crates/warden-lockfile/tests/fixtures
CLIENTS=${WARDEN_CLIENTS:-/tmp/warden-clients}
GEN=${WARDEN_GEN:-/tmp/warden-gen}
PLACEHOLDER=https://registry.npm.example/

"$ROOT/scripts/install-clients.sh"

# The registry in use, read from npm's configuration at run time; never written down.
REG=$(npm config get registry 2>/dev/null)
REG=${REG%/}/
export npm_config_registry=$REG NPM_CONFIG_REGISTRY=$REG BUN_CONFIG_REGISTRY=$REG
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# Lockfiles as npm writes them by default, with `resolved` URLs (this machine's config omits them).
export npm_config_omit_lockfile_registry_resolved=false
export CI=1 FORCE_COLOR=0 NO_COLOR=1

npm6() { node "$CLIENTS/npm6/node_modules/npm/bin/npm-cli.js" "$@"; }
npm8() { node "$CLIENTS/npm8/node_modules/npm/bin/npm-cli.js" "$@"; }
npm10() { node "$CLIENTS/npm10/node_modules/npm/bin/npm-cli.js" "$@"; }
pnpmv() { local v=$1; shift; node "$CLIENTS/pnpm$v/node_modules/pnpm/bin/pnpm.cjs" "$@"; }
yarn1() { node "$CLIENTS/yarn1/node_modules/yarn/bin/yarn.js" "$@"; }
berry() { node "$CLIENTS/berry/node_modules/@yarnpkg/cli-dist/bin/yarn.js" "$@"; }
bunx_() { "$CLIENTS/bun/node_modules/@oven/bun-linux-x64/bin/bun" "$@"; }

# Which cases each format gets. npm 6 has no workspaces; shrinkwrap is package-lock by another
# name, so two cases are enough.
cases_for() {
  case $1 in
    npm-v1) echo small-app features toolchain ;;
    npm-shrinkwrap) echo small-app toolchain ;;
    # pnpm 10 writes the same 9.0 format as pnpm 9: two cases from it, named PROJECT+pnpm10.
    pnpm-v9) echo small-app features workspaces toolchain small-app+pnpm10 workspaces+pnpm10 ;;
    *) echo small-app features workspaces toolchain ;;
  esac
}
FORMATS="npm-v1 npm-v2 npm-v3 npm-shrinkwrap yarn-classic yarn-berry pnpm-v5 pnpm-v6 pnpm-v9 bun"

# Rewrites the registry prefix (and any host of the public registry a package's metadata names)
# to the placeholder, in place.
scrub() {
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    python3 - "$f" "$REG" "$PLACEHOLDER" <<'PY'
import re, sys
path, reg, placeholder = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
text = text.replace(reg, placeholder)
# Same registry without the trailing slash, or over http.
text = text.replace(reg.rstrip("/"), placeholder.rstrip("/"))
text = text.replace(reg.replace("https://", "http://", 1), placeholder)
# Hosts of the public registry and its website (funding links and the like); the pattern is
# written so that the host's name does not appear in this repository.
text = re.sub(r"(https?://)?([a-z0-9.-]*\.)?(npm[j]s\.(com|org)|yarnpkg\.com)", "https://registry.npm.example", text)
open(path, "w", encoding="utf-8").write(text)
PY
  done
}

# Copies the project into a fresh scratch dir; `workspace:*` becomes `*` for clients without
# the workspace protocol.
prepare() { # format case
  local dir=$GEN/$1/$2
  rm -rf "$dir"; mkdir -p "$dir"
  cp -r "$PROJECTS/${2%%+*}/." "$dir/"
  case $1 in
    npm-*|yarn-classic)
      find "$dir" -name package.json -not -path '*/node_modules/*' -exec sed -i 's/"workspace:\*"/"*"/' {} + ;;
  esac
  case $1 in pnpm-*) ;; *) rm -f "$dir/pnpm-workspace.yaml" ;; esac
  echo "$dir"
}

# Copies the lockfile, the manifests and the client's report into the repo.
publish() { # format case lockfile report-files...
  local format=$1 case=$2 lock=$3; shift 3
  local dir=$GEN/$format/$case dest=$OUT/$format/$case
  rm -rf "$dest"; mkdir -p "$dest"
  (cd "$dir" && find . -name package.json -not -path '*/node_modules/*' -not -path './.yarn/*' \
      | while read -r m; do mkdir -p "$dest/$(dirname "$m")"; cp "$m" "$dest/$m"; done)
  [ -f "$dir/pnpm-workspace.yaml" ] && cp "$dir/pnpm-workspace.yaml" "$dest/"
  cp "$dir/$lock" "$dest/$lock"
  local r
  for r in "$@"; do cp "$dir/$r" "$dest/$r"; done
  scrub "$dest/$lock" "${@/#/$dest/}"
  python3 "$ROOT/scripts/normalise-client-report.py" "$format" "$dest"
  echo "  $format/$case: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["packages"]))' "$dest/expected.json") packages" >&2
}

# `npm ls --long` repeats each package's manifest; keep only what the oracle reads (the real name
# of aliased packages, which the plain listing leaves out).
trim_long() {
  python3 -c '
import json, sys
def trim(deps):
    return {k: {"name": v.get("name"), "version": v.get("version"), "dependencies": trim(v.get("dependencies"))}
            for k, v in (deps or {}).items() if isinstance(v, dict)}
doc = json.load(sys.stdin)
json.dump({"name": doc.get("name"), "dependencies": trim(doc.get("dependencies"))}, sys.stdout, indent=1)
'
}

gen_npm() { # format case
  local format=$1 case=$2 dir; dir=$(prepare "$format" "$case")
  cd "$dir"
  case $format in
    npm-v1)
      # npm 6 writes v1; its `ls` reads node_modules only, so install (scripts off) for the report.
      npm6 install --package-lock-only --ignore-scripts --no-audit >/dev/null 2>&1
      npm6 ci --ignore-scripts --no-audit >/dev/null 2>&1
      npm6 ls --json >npm-ls.json 2>/dev/null || true
      npm6 ls --json --prod >npm-ls-prod.json 2>/dev/null || true
      rm -rf node_modules ;;
    npm-v2)
      npm8 install --package-lock-only --ignore-scripts >/dev/null
      npm8 ls --all --json --package-lock-only >npm-ls.json 2>/dev/null || true
      npm8 ls --all --json --package-lock-only --omit=dev >npm-ls-prod.json 2>/dev/null || true
      npm8 ls --all --json --long --package-lock-only 2>/dev/null | trim_long >npm-ls-long.json || true ;;
    npm-v3|npm-shrinkwrap)
      npm10 install --package-lock-only --ignore-scripts >/dev/null
      if [ "$format" = npm-shrinkwrap ]; then npm10 shrinkwrap >/dev/null 2>&1; fi
      npm10 ls --all --json --package-lock-only >npm-ls.json 2>/dev/null || true
      npm10 ls --all --json --package-lock-only --omit=dev >npm-ls-prod.json 2>/dev/null || true
      npm10 ls --all --json --long --package-lock-only 2>/dev/null | trim_long >npm-ls-long.json || true ;;
  esac
  local lock=package-lock.json
  [ "$format" = npm-shrinkwrap ] && lock=npm-shrinkwrap.json
  local reports="npm-ls.json npm-ls-prod.json"
  [ -f npm-ls-long.json ] && reports="$reports npm-ls-long.json"
  cd "$ROOT"; publish "$format" "$case" "$lock" $reports
}

gen_pnpm() { # format case
  local format=$1 case=$2 dir v; dir=$(prepare "$format" "$case")
  case $format in pnpm-v5) v=7 ;; pnpm-v6) v=8 ;; pnpm-v9) v=9 ;; esac
  case $case in *+pnpm10) v=10 ;; esac
  cd "$dir"
  local store=$CLIENTS/pnpm-store
  pnpmv "$v" install --lockfile-only --ignore-scripts --store-dir "$store" --reporter=silent
  # `pnpm list` reads node_modules, so install (scripts off) into the scratch dir for the report.
  pnpmv "$v" install --frozen-lockfile --ignore-scripts --store-dir "$store" --reporter=silent
  # `--json` on a 1,700-package tree overflows pnpm's JSON string; the parseable listing is one
  # line per installed package (`path:name@version`). Paths are made relative to the project;
  # pnpm 7 repeats a line per path to the package (1.3 million lines for the toolchain), so the
  # lines are sorted and deduplicated.
  pnpmv "$v" list --depth Infinity --parseable --long -r 2>/dev/null | sed "s#^$dir#.#" | sort -u >pnpm-list.txt || true
  pnpmv "$v" list --depth Infinity --parseable --long -r --prod 2>/dev/null | sed "s#^$dir#.#" | sort -u >pnpm-list-prod.txt || true
  rm -rf node_modules packages/*/node_modules
  cd "$ROOT"; publish "$format" "$case" pnpm-lock.yaml pnpm-list.txt pnpm-list-prod.txt
}

gen_yarn_classic() {
  local format=$1 case=$2 dir; dir=$(prepare "$format" "$case")
  cd "$dir"
  # Classic has no lockfile-only mode: install into the scratch dir with scripts off.
  yarn1 install --ignore-scripts --ignore-engines --prefer-offline --non-interactive \
    --cache-folder "$CLIENTS/yarn1-cache" --registry "$REG" --silent >/dev/null
  yarn1 list --json --non-interactive >yarn-list.json 2>/dev/null || true
  yarn1 list --json --non-interactive --prod >yarn-list-prod.json 2>/dev/null || true
  rm -rf node_modules packages/*/node_modules
  cd "$ROOT"; publish "$format" "$case" yarn.lock yarn-list.json yarn-list-prod.json
}

gen_yarn_berry() {
  local format=$1 case=$2 dir; dir=$(prepare "$format" "$case")
  cd "$dir"
  touch yarn.lock
  export YARN_IGNORE_PATH=1 YARN_ENABLE_SCRIPTS=false YARN_ENABLE_TELEMETRY=false \
    YARN_NPM_REGISTRY_SERVER=${REG%/} YARN_ENABLE_GLOBAL_CACHE=true \
    YARN_GLOBAL_FOLDER=$CLIENTS/berry-global YARN_ENABLE_IMMUTABLE_INSTALLS=false \
    YARN_ENABLE_PROGRESS_BARS=false YARN_NODE_LINKER=node-modules
  berry install --mode=update-lockfile >berry-install.log 2>&1 || { cat berry-install.log >&2; return 1; }
  berry info --all --json --recursive >yarn-info.json 2>/dev/null || true
  # Berry has no --prod listing; the dev set is computed from the lockfile graph by the normaliser.
  cd "$ROOT"; publish "$format" "$case" yarn.lock yarn-info.json
}

gen_bun() {
  local format=$1 case=$2 dir; dir=$(prepare "$format" "$case")
  cd "$dir"
  bunx_ install --lockfile-only --ignore-scripts --save-text-lockfile --no-progress >/dev/null 2>&1
  bunx_ pm ls --all >bun-pm-ls.txt 2>/dev/null || true
  cd "$ROOT"; publish "$format" "$case" bun.lock bun-pm-ls.txt
}

run() { # format case
  echo "generating $1/$2" >&2
  case $1 in
    npm-*) gen_npm "$1" "$2" ;;
    pnpm-*) gen_pnpm "$1" "$2" ;;
    yarn-classic) gen_yarn_classic "$1" "$2" ;;
    yarn-berry) gen_yarn_berry "$1" "$2" ;;
    bun) gen_bun "$1" "$2" ;;
  esac
}

if [ $# -eq 0 ]; then set -- $FORMATS; fi
for spec in "$@"; do
  format=${spec%%/*}
  if [ "$spec" != "$format" ]; then run "$format" "${spec#*/}"; continue; fi
  for c in $(cases_for "$format"); do run "$format" "$c"; done
done

if grep -rqi 'npm[j]s' "$OUT"; then
  echo "error: a registry host name survived the rewrite; see grep -ri under $OUT" >&2
  exit 1
fi
