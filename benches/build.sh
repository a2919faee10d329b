#!/usr/bin/env bash
# Builds the same synthetic corpus with anslag and with Hugo, alternately, several times, and
# prints the median wall time, the peak memory and anslag/Hugo; then times rebuilds the way
# `anslag serve` makes them (nothing changed; one document edited).
#
#   bash benches/build.sh                 # SIZES="1000 10000" RUNS=5 by default
#
# Everything is written to /dev/shm (tmpfs), so that the disk does not hide the programs' own
# time. Installs Debian's hugo and time packages with apt-get when they are missing, and says
# so. The corpus comes from `cargo run --example corpus` (see examples/corpus.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/anslag-bench}
NOW=2026-11-22T12:00:00+01:00

install() {
  echo "== $1 is missing: apt-get install $2"
  apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
}
command -v hugo >/dev/null || install hugo hugo
[ -x /usr/bin/time ] || install /usr/bin/time time

# The dist profile (Cargo.toml): the optimised binary one deploys, as Debian's hugo is.
PROFILE=${PROFILE:-dist}
cargo build --profile "$PROFILE" --locked --bin anslag --example corpus --example incremental >/dev/null
BIN=$PWD/target/$PROFILE
ANSLAG=$BIN/anslag
mkdir -p "$WORK"

echo "== $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "== anslag $(git describe --always --dirty 2>/dev/null || echo '?'), $(hugo version | cut -d' ' -f1-2)"

# Median of the numbers on standard input.
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# Runs a command under /usr/bin/time; appends "seconds kilobytes" to the file $1.
measure() {
  local into=$1; shift
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
    cat "$WORK/stderr.txt" >&2; exit 1; }
  cat "$WORK/time.txt" >>"$into"
}

ROWS=()
for n in $SIZES; do
  site=$WORK/site-$n hugo_site=$WORK/hugo-$n
  echo "== corpus of $n files"
  "$BIN/examples/corpus" --docs "$n" --out "$site" --hugo "$hugo_site"
  rm -f "$WORK/anslag-$n.txt" "$WORK/hugo-$n.txt"
  for i in $(seq "$RUNS"); do
    # Each build starts from an empty output folder, as a first build does.
    rm -rf "$WORK/out-anslag" "$WORK/out-hugo"
    measure "$WORK/anslag-$n.txt" "$ANSLAG" --quiet --site "$site" build --now "$NOW" --output "$WORK/out-anslag"
    measure "$WORK/hugo-$n.txt" hugo --quiet --source "$hugo_site" --destination "$WORK/out-hugo" --cacheDir "$WORK/hugo-cache"
    printf '   run %d: anslag %s s %s KB, hugo %s s %s KB\n' "$i" \
      $(tail -1 "$WORK/anslag-$n.txt") $(tail -1 "$WORK/hugo-$n.txt")
  done
  files_a=$(find "$WORK/out-anslag" -type f | wc -l)
  files_h=$(find "$WORK/out-hugo" -type f | wc -l)
  a_t=$(cut -d' ' -f1 "$WORK/anslag-$n.txt" | median); a_m=$(cut -d' ' -f2 "$WORK/anslag-$n.txt" | median)
  h_t=$(cut -d' ' -f1 "$WORK/hugo-$n.txt" | median); h_m=$(cut -d' ' -f2 "$WORK/hugo-$n.txt" | median)
  echo "== rebuilds through the serve path ($n files)"
  inc=$("$BIN/examples/incremental" --site "$site" --now "$NOW" --out "$WORK/preview" --runs 10 | tail -1)
  echo "   $inc"
  nochange=$(sed -E 's/.*no-change rebuild ([0-9.]+) ms.*/\1/' <<<"$inc")
  onedoc=$(sed -E 's/.*one-document rebuild ([0-9.]+) ms.*/\1/' <<<"$inc")
  ROWS+=("$(awk -v n="$n" -v at="$a_t" -v am="$a_m" -v ht="$h_t" -v hm="$h_m" -v fa="$files_a" -v fh="$files_h" -v nc="$nochange" -v od="$onedoc" 'BEGIN {
    printf "| %d | %.2f s | %.0f MiB | %d | %.2f s | %.0f MiB | %d | %.2f | %.2f | %.0f ms | %.0f ms |", n, at, am/1024, fa, ht, hm/1024, fh, at/ht, am/hm, nc, od }')")
done

echo
echo "| files | anslag | anslag peak | anslag files out | Hugo | Hugo peak | Hugo files out | time anslag/Hugo | memory anslag/Hugo | no-change rebuild | one-document rebuild |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
rm -rf "$WORK/out-anslag" "$WORK/out-hugo" "$WORK/preview"
