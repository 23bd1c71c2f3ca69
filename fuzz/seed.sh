#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the oracle fixtures' lockfiles (of its format) and the
# bad-input files. The corpus is not committed; crashes found are, under
# crates/warden-lockfile/tests/fixtures/bad/fuzz-*.
set -euo pipefail
cd "$(dirname "$0")"
F=../crates/warden-lockfile/tests/fixtures
seed() { # target file-name
  mkdir -p "corpus/$1"
  find "$F" -name "$2" -size -2M | while read -r f; do cp "$f" "corpus/$1/$(echo "$f" | md5sum | cut -c1-16)"; done
}
seed fuzz_npm package-lock.json
seed fuzz_npm npm-shrinkwrap.json
seed fuzz_yarn yarn.lock
seed fuzz_pnpm pnpm-lock.yaml
seed fuzz_bun bun.lock
