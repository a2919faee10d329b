#!/usr/bin/env bash
# What search costs a build (issue 19): builds the benchmark corpus with `outputs.search` on and
# off, alternately, RUNS times (default 3) at SIZES (default `1000 10000`) files; prints the
# median wall time of each, their ratio and difference, and the size and file count of the index
# (`/pagefind/`). (The index is made while the build plans its outputs, so `--verbose`'s `search`
# phase shows only its writing: the difference of the two builds is what search costs.)
#
#   bash benches/search.sh                 # SIZES="1000 10000" RUNS=3 PROFILE=dist by default
#   PROFILE=release NO_BUILD=1 bash benches/search.sh
#
# Everything is written to /dev/shm (tmpfs), as benches/build.sh does. Installs Debian's `time`
# package when it is missing, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-3}
WORK=${WORK:-/dev/shm/anslag-bench-search}
NOW=2026-11-22T12:00:00+01:00
PROFILE=${PROFILE:-dist}

if [ ! -x /usr/bin/time ]; then
  echo "== /usr/bin/time is missing: apt-get install time"
  apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
# NO_BUILD=1 uses the binaries already built (while another cargo holds the target folder).
[ -n "${NO_BUILD:-}" ] || cargo build --profile "$PROFILE" --locked --bin anslag --example corpus >/dev/null
BIN=${CARGO_TARGET_DIR:-$PWD/target}/$PROFILE
mkdir -p "$WORK"
echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), anslag $(git describe --always --dirty 2>/dev/null || echo '?'), profile $PROFILE"

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# Builds the site $1 into a fresh folder; appends its seconds to the file $2.
measure() {
  rm -rf "$WORK/out"
  /usr/bin/time -f '%e' -o "$WORK/time.txt" "$BIN/anslag" --quiet --site "$1" build --now "$NOW" --output "$WORK/out" >"$WORK/log.txt" 2>&1 || {
    cat "$WORK/log.txt" >&2; exit 1; }
  cat "$WORK/time.txt" >>"$2"
}

ROWS=()
for n in $SIZES; do
  on=$WORK/site-$n off=$WORK/site-$n-off
  echo "== corpus of $n files"
  "$BIN/examples/corpus" --docs "$n" --out "$on" >/dev/null
  rm -rf "$off" && cp -r "$on" "$off" && printf 'outputs:\n  search: false\n' >>"$off/site.yaml"
  rm -f "$WORK/on-$n.txt" "$WORK/off-$n.txt"
  for i in $(seq "$RUNS"); do
    measure "$off" "$WORK/off-$n.txt"
    measure "$on" "$WORK/on-$n.txt"
    printf '   run %d: without search %s s, with search %s s\n' "$i" \
      "$(tail -1 "$WORK/off-$n.txt")" "$(tail -1 "$WORK/on-$n.txt")"
  done
  records=$(cat "$WORK"/out/pagefind/*/pagefind-entry.json | grep -o '"page_count":[0-9]*' | cut -d: -f2 | awk '{s += $1} END {print s}')
  bytes=$(du -sb "$WORK/out/pagefind" | cut -f1)
  files=$(find "$WORK/out/pagefind" -type f | wc -l)
  off_t=$(median <"$WORK/off-$n.txt")
  on_t=$(median <"$WORK/on-$n.txt")
  ROWS+=("$(awk -v n="$n" -v r="$records" -v off="$off_t" -v on="$on_t" -v b="$bytes" -v f="$files" 'BEGIN {
    printf "| %d | %d | %.2f s | %.2f s | %.2f | %.2f s | %.1f MB | %d |", n, r, off, on, on/off, on-off, b/1e6, f }')")
done

echo
echo "| files | records indexed | build without search | with search | ratio | search adds | index size | index files |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
rm -rf "$WORK/out"
