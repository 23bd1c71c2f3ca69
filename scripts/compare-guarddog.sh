#!/usr/bin/env bash
# Run GuardDog (PyPI `guarddog`, 3.x) over the same tarball sets as the warden scanner evaluation
# and summarise detection and time per package.
#
#   pip install guarddog            # 3.2.0 was measured (docs/scanner-eval.md)
#   scripts/compare-guarddog.sh [OUTDIR]
#
# Sets: ../shared/corpus/malicious-dev, ../shared/corpus/benign-tricky-dev,
# crates/warden-scan/tests/corpus/{malicious,benign-tricky}, and the benign top cache filled by
# scripts/fetch-benign-top.sh ($WARDEN_BENIGN_TOP, default ~/.cache/warden-benign-top): every
# GD_TOP_STRIDE-th tarball (default 5, i.e. 200 of 1,000) in name order, the same subset the
# warden evaluation reports separately (WARDEN_EVAL_TOP_STRIDE). GD_TOP_STRIDE=1 scans them all.
#
# A package counts as flagged when any `threat-*` rule matched (the issue's convention).
# GuardDog runs one package at a time so the wall time per package is comparable. Tarballs are
# only read by GuardDog (which unpacks them into its own temporary directory); nothing is run.
# Results: OUTDIR/<set>/<file>.json, OUTDIR/times.tsv, OUTDIR/summary.md (printed at the end).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
shared="$here/../shared/corpus"
[ -d "$shared" ] || shared=/work/shared/corpus
top="${WARDEN_BENIGN_TOP:-$HOME/.cache/warden-benign-top}"
out="${1:-$HOME/.cache/warden-guarddog}"
stride="${GD_TOP_STRIDE:-5}"

if ! command -v guarddog >/dev/null; then
  echo "compare-guarddog: guarddog not found; pip install guarddog" >&2
  exit 2
fi
mkdir -p "$out"
gd_version="$(guarddog --version 2>/dev/null | tail -n 1)"
echo "guarddog $gd_version" >"$out/version.txt"

scan_set() {
  local set="$1"
  shift
  mkdir -p "$out/$set"
  for f in "$@"; do
    local base res
    base="$(basename "$f")"
    res="$out/$set/$base.json"
    if [ -s "$res" ]; then continue; fi
    local t0 t1
    t0=$(date +%s.%N)
    guarddog npm scan "$f" --output-format json >"$res.tmp" 2>"$out/$set/$base.err" || true
    t1=$(date +%s.%N)
    mv "$res.tmp" "$res"
    printf '%s\t%s\t%s\n' "$set" "$base" "$(echo "$t1 - $t0" | bc)" >>"$out/times.tsv"
  done
}

mapfile -t md < <(ls "$shared"/malicious-dev/*.tgz)
mapfile -t bd < <(ls "$shared"/benign-tricky-dev/*.tgz)
mapfile -t mc < <(ls "$here"/crates/warden-scan/tests/corpus/malicious/*.tgz)
mapfile -t bc < <(ls "$here"/crates/warden-scan/tests/corpus/benign-tricky/*.tgz)
top_files=()
if [ -d "$top" ]; then
  mapfile -t all < <(LC_ALL=C ls "$top" | grep '\.tgz$')
  for i in "${!all[@]}"; do
    if (( i % stride == 0 )); then top_files+=("$top/${all[$i]}"); fi
  done
fi

scan_set malicious-dev "${md[@]}"
scan_set benign-tricky-dev "${bd[@]}"
scan_set malicious "${mc[@]}"
scan_set benign-tricky "${bc[@]}"
if [ "${#top_files[@]}" -gt 0 ]; then scan_set benign-top "${top_files[@]}"; fi

python3 - "$out" <<'PY'
import json, os, sys, statistics
out = sys.argv[1]
times = {}
for line in open(os.path.join(out, "times.tsv")):
    s, f, t = line.rstrip("\n").split("\t")
    times[(s, f)] = float(t)
lines = ["# GuardDog results", "", open(os.path.join(out, "version.txt")).read().strip(), ""]
lines.append("| set | packages | flagged (any threat-* rule) | share | errors | mean s/pkg | median s/pkg |")
lines.append("|---|---:|---:|---:|---:|---:|---:|")
details = []
for s in ["malicious-dev", "malicious", "benign-tricky-dev", "benign-tricky", "benign-top"]:
    d = os.path.join(out, s)
    if not os.path.isdir(d):
        continue
    n = flagged = errors = 0
    ts = []
    for f in sorted(os.listdir(d)):
        if not f.endswith(".tgz.json"):
            continue
        base = f[:-5]
        n += 1
        ts.append(times.get((s, base), 0.0))
        try:
            r = json.load(open(os.path.join(d, f)))
        except Exception:
            errors += 1
            details.append(f"- {s}/{base}: no JSON output (error)")
            continue
        if r.get("errors"):
            errors += 1
        rules = sorted(k for k, v in (r.get("results") or {}).items() if k.startswith("threat-") and v)
        if rules:
            flagged += 1
        mal = s.startswith("malicious")
        if mal and not rules:
            details.append(f"- missed {s}/{base}")
        if not mal and rules:
            details.append(f"- flagged {s}/{base}: {', '.join(rules)}")
    if n:
        lines.append(f"| {s} | {n} | {flagged} | {100*flagged/n:.1f}% | {errors} | {statistics.mean(ts):.2f} | {statistics.median(ts):.2f} |")
lines += ["", "## Misses and flags", ""] + details
text = "\n".join(lines) + "\n"
open(os.path.join(out, "summary.md"), "w").write(text)
print(text)
PY
