#!/usr/bin/env bash
# Installs the pinned package-manager clients gen-lockfile-fixtures.sh drives, each into its own
# prefix under $WARDEN_CLIENTS (default /tmp/warden-clients). Scripts are never run: the bun
# package's binary comes from its platform package, not from its postinstall.
set -euo pipefail
CLIENTS=${WARDEN_CLIENTS:-/tmp/warden-clients}
mkdir -p "$CLIENTS"
install() { # id spec
  local id=$1 spec=$2
  if [ -f "$CLIENTS/$id/.done" ] && [ "$(cat "$CLIENTS/$id/.done")" = "$spec" ]; then return; fi
  rm -rf "${CLIENTS:?}/$id"; mkdir -p "$CLIENTS/$id"
  echo "installing $spec into $CLIENTS/$id" >&2
  (cd "$CLIENTS/$id" && echo '{"private":true}' >package.json &&
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "$spec" >/dev/null)
  echo "$spec" >"$CLIENTS/$id/.done"
}
install npm6 npm@6.14.18
install npm8 npm@8.19.4
install npm10 npm@10.9.9
install pnpm7 pnpm@7.33.7
install pnpm8 pnpm@8.15.9
install pnpm9 pnpm@9.15.9
install pnpm10 pnpm@10.34.8
install yarn1 yarn@1.22.22
install berry @yarnpkg/cli-dist@4.18.1
install bun bun@1.4.5
