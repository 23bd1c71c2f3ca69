#!/usr/bin/env bash
# Download the tarballs of the benign top list (name@version per line, '#' comments) from the
# npm registry configured for npm into a local cache, for the scanner evaluation
# (crates/warden-scan/tests/eval.rs) and the GuardDog comparison (scripts/compare-guarddog.sh).
#
#   scripts/fetch-benign-top.sh [LIST] [DEST]
#
# LIST defaults to ../shared/corpus/benign-top-dev.txt (beside the repository),
# DEST to $WARDEN_BENIGN_TOP (default ~/.cache/warden-benign-top). The tarball URL is computed
# (<registry>/<name>/-/<basename>-<version>.tgz) rather than asked of the registry, and each file
# is written to a temporary name and renamed, so an interrupted run leaves no partial tarball.
# Already cached tarballs are skipped. Integrity is checked against dist.integrity only when
# VERIFY=1 (one registry metadata request per package: slow).
# Nothing is unpacked or executed.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
list="${1:-$here/../shared/corpus/benign-top-dev.txt}"
[ -f "$list" ] || list=/work/shared/corpus/benign-top-dev.txt
dest="${2:-${WARDEN_BENIGN_TOP:-$HOME/.cache/warden-benign-top}}"
jobs="${JOBS:-8}"

if [ ! -f "$list" ]; then
  echo "fetch-benign-top: list $list not found; pass its path as the first argument" >&2
  exit 2
fi
registry="$(npm config get registry 2>/dev/null | tail -n 1)"
registry="${registry%/}"
if [ -z "$registry" ]; then
  echo "fetch-benign-top: npm config get registry printed nothing; configure npm first" >&2
  exit 2
fi
mkdir -p "$dest"

fetch_one() {
  local spec="$1" registry="$2" dest="$3"
  local name version base file url
  name="${spec%@*}"
  version="${spec##*@}"
  base="${name##*/}"
  # cache file name: scope slash replaced so every tarball sits flat in DEST
  file="$dest/${name//\//__}@${version}.tgz"
  [ -s "$file" ] && return 0
  url="$registry/$name/-/$base-$version.tgz"
  if curl -fsSL --retry 2 --max-time 120 -o "$file.part.$$" "$url"; then
    if [ "${VERIFY:-0}" = 1 ]; then
      local want got
      want="$(npm view "$name@$version" dist.integrity 2>/dev/null | tail -n 1)"
      got="sha512-$(openssl dgst -sha512 -binary "$file.part.$$" | base64 -w0)"
      if [ "$want" != "$got" ]; then
        echo "integrity mismatch: $spec" >&2
        rm -f "$file.part.$$"
        return 1
      fi
    fi
    mv "$file.part.$$" "$file"
  else
    rm -f "$file.part.$$"
    echo "download failed: $spec" >&2
    return 1
  fi
}
export -f fetch_one

grep -v '^[[:space:]]*#' "$list" | sed '/^[[:space:]]*$/d' |
  xargs -P "$jobs" -I{} bash -c 'fetch_one "$@"' _ {} "$registry" "$dest" || true

have=$(find "$dest" -maxdepth 1 -name '*.tgz' | wc -l)
want=$(grep -v '^[[:space:]]*#' "$list" | sed '/^[[:space:]]*$/d' | wc -l)
echo "fetch-benign-top: $have of $want tarballs in $dest"
