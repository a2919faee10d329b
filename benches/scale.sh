#!/usr/bin/env bash
# How a one-time build grows with the site: builds the project corpus (examples/corpus.rs) at
# each of SIZES files with `anslag build`, samples its resident memory every 20 ms and tags each
# sample with the phase the build was in (benches/phases.py), and prints the peak per phase,
# the wall time, and the ratios between the largest and the smallest size.
#
#   bash benches/scale.sh                       # SIZES="10000 100000" RUNS=1
#   SIZES="10000 100000" RUNS=3 bash benches/scale.sh
#
# Targets (issue 21): at 100 000 files at most 1 GiB peak, and at most 11 times the time of
# 10 000. Everything goes to /dev/shm (the 100 000-file output is about 10 GB: it is removed
# after each run); WORK= puts it elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-1}
WORK=${WORK:-/dev/shm/anslag-scale}
NOW=2026-11-22T12:00:00+01:00
PROFILE=${PROFILE:-dist}

cargo build --profile "$PROFILE" --locked --bin anslag --example corpus >/dev/null
# Cargo puts the dev profile in debug/.
BIN=${CARGO_TARGET_DIR:-$PWD/target}/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
mkdir -p "$WORK"
echo "== $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), anslag $(git describe --always --dirty 2>/dev/null || echo '?') ($PROFILE)"

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

declare -A SECONDS_AT PEAK_AT DOCS_AT
for n in $SIZES; do
  site=$WORK/site-$n
  "$BIN/examples/corpus" --docs "$n" --out "$site" | tee "$WORK/corpus-$n.txt"
  DOCS_AT[$n]=$(sed -E 's/.*\(([0-9]+) documents\).*/\1/' "$WORK/corpus-$n.txt")
  rm -f "$WORK/results-$n.txt"
  for i in $(seq "$RUNS"); do
    rm -rf "$WORK/out"
    echo "== $n files, run $i"
    python3 benches/phases.py -- "$BIN/anslag" --quiet --site "$site" build --now "$NOW" --output "$WORK/out" | tee "$WORK/phases.txt"
    grep '^RESULT' "$WORK/phases.txt" >>"$WORK/results-$n.txt"
    rm -rf "$WORK/out"
  done
  SECONDS_AT[$n]=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' "$WORK/results-$n.txt" | median)
  PEAK_AT[$n]=$(sed -E 's/.*peak_kib=([0-9]+).*/\1/' "$WORK/results-$n.txt" | median)
done

echo
echo "| files | documents | time (median) | peak RSS (median) | peak per document |"
echo "|---:|---:|---:|---:|---:|"
for n in $SIZES; do
  awk -v n="$n" -v d="${DOCS_AT[$n]}" -v s="${SECONDS_AT[$n]}" -v p="${PEAK_AT[$n]}" 'BEGIN {
    printf "| %d | %d | %.2f s | %.0f MiB | %.1f KiB |\n", n, d, s, p/1024, p/d }'
done
read -r small large < <(tr ' ' '\n' <<<"$SIZES" | sort -n | sed -n '1p;$p' | tr '\n' ' ')
if [ "$small" != "$large" ]; then
  awk -v a="$small" -v b="$large" -v da="${DOCS_AT[$small]}" -v db="${DOCS_AT[$large]}" \
      -v sa="${SECONDS_AT[$small]}" -v sb="${SECONDS_AT[$large]}" -v pa="${PEAK_AT[$small]}" -v pb="${PEAK_AT[$large]}" 'BEGIN {
    grow = (pb - pa) / (db - da)
    printf "\ntime %d/%d: %.2f (target at most 11 for 10 000 -> 100 000)\n", b, a, sb/sa
    printf "peak at %d: %.0f MiB (target at most 1024 MiB)\n", b, pb/1024
    printf "memory that grows with the site: %.1f KiB per document; at 1 000 000 files (%d documents) about %.1f GiB\n", \
      grow, db * 1000000 / b, (pb + grow * (db * 1000000 / b - db)) / 1048576
  }'
fi
