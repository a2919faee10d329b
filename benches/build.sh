#!/usr/bin/env bash
# Builds the same synthetic corpora with anslag, with the floor (benches/floor.rs: read, parse
# and write the same bytes, nothing else), with Debian's Hugo, and with a current Hugo and Zola
# when given, alternately, several times; prints the median wall time, the peak memory and
# anslag's ratios to each; then times rebuilds the way `anslag serve` makes them (nothing
# changed; one document edited).
#
#   bash benches/build.sh                 # SIZES="10000" RUNS=3 CORPORA="plain project"
#   HUGO=/opt/hugo/hugo/binaries/hugo ZOLA=/usr/local/bin/zola SIZES="1000 10000" bash benches/build.sh
#
# CORPORA: `plain` (one language, press releases and notices, title, date and summary: the
# corpus Hugo and Zola are usually measured on) and `project` (ten languages, minutes, topics,
# translations); see examples/corpus.rs. HUGO= a current Hugo besides Debian's; ZOLA= a Zola
# (0.19 or later); without them those columns are left out.
#
# Everything is written to /dev/shm (tmpfs), so that the disk does not hide the programs' own
# time. Installs Debian's hugo and time packages with apt-get when they are missing, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000"}
RUNS=${RUNS:-3}
CORPORA=${CORPORA:-"plain project"}
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
cargo build --profile "$PROFILE" --locked --bin anslag --example corpus --example incremental --example floor >/dev/null
# Cargo puts the dev profile in debug/.
BIN=${CARGO_TARGET_DIR:-$PWD/target}/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
ANSLAG=$BIN/anslag
mkdir -p "$WORK"

TOOLS="anslag floor hugo"
[ -n "${HUGO:-}" ] && TOOLS="$TOOLS hugo-current"
[ -n "${ZOLA:-}" ] && TOOLS="$TOOLS zola"
echo "== $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== anslag $(git describe --always --dirty 2>/dev/null || echo '?') ($PROFILE), Debian $(hugo version | cut -d' ' -f1-2)"
[ -n "${HUGO:-}" ] && echo "== current: $("$HUGO" version | cut -d' ' -f1-2)"
[ -n "${ZOLA:-}" ] && echo "== $("$ZOLA" --version)"

# Median of the numbers on standard input.
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# Runs a command under /usr/bin/time; appends "seconds kilobytes" to the file $1.
measure() {
  local into=$1; shift
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
    cat "$WORK/stderr.txt" >&2; exit 1; }
  cat "$WORK/time.txt" >>"$into"
}

# Builds corpus $1 at size $2 with tool $3 into $WORK/out-$3, from an empty folder.
build_with() {
  local corpus=$1 n=$2 tool=$3 out=$WORK/out-$3 into=$WORK/$1-$2-$3.txt
  rm -rf "$out"
  case $tool in
    anslag) measure "$into" "$ANSLAG" --quiet --site "$WORK/$corpus-$n" build --now "$NOW" --output "$out" ;;
    floor) measure "$into" "$BIN/examples/floor" --site "$WORK/$corpus-$n" --sizes "$WORK/sizes.txt" --out "$out" ;;
    hugo) measure "$into" hugo --quiet --source "$WORK/$corpus-$n-hugo" --destination "$out" --cacheDir "$WORK/hugo-cache" ;;
    hugo-current) measure "$into" "$HUGO" --quiet --source "$WORK/$corpus-$n-hugo" --destination "$out" --cacheDir "$WORK/hugo-current-cache" ;;
    zola) measure "$into" "$ZOLA" --root "$WORK/$corpus-$n-zola" build --output-dir "$out" ;;
  esac
}

ROWS=() REBUILDS=()
for corpus in $CORPORA; do
  flag=""; [ "$corpus" = plain ] && flag=--plain
  for n in $SIZES; do
    echo "== $corpus corpus of $n files"
    zola_dir=(); [ -n "${ZOLA:-}" ] && zola_dir=(--zola "$WORK/$corpus-$n-zola")
    "$BIN/examples/corpus" $flag --docs "$n" --out "$WORK/$corpus-$n" --hugo "$WORK/$corpus-$n-hugo" "${zola_dir[@]}"
    for tool in $TOOLS; do rm -f "$WORK/$corpus-$n-$tool.txt"; done
    rm -f "$WORK/sizes.txt"
    for i in $(seq "$RUNS"); do
      line="   run $i:"
      for tool in $TOOLS; do
        build_with "$corpus" "$n" "$tool"
        # The floor writes what anslag wrote: its files' sizes and paths.
        [ "$tool" = anslag ] && [ ! -f "$WORK/sizes.txt" ] && find "$WORK/out-anslag" -type f -printf '%s %P\n' >"$WORK/sizes.txt"
        line="$line $tool $(tail -1 "$WORK/$corpus-$n-$tool.txt" | awk '{printf "%s s %.0f MiB", $1, $2/1024}'),"
      done
      echo "${line%,}"
    done
    a_t=$(cut -d' ' -f1 "$WORK/$corpus-$n-anslag.txt" | median)
    a_m=$(cut -d' ' -f2 "$WORK/$corpus-$n-anslag.txt" | median)
    for tool in $TOOLS; do
      t=$(cut -d' ' -f1 "$WORK/$corpus-$n-$tool.txt" | median)
      m=$(cut -d' ' -f2 "$WORK/$corpus-$n-$tool.txt" | median)
      files=$(find "$WORK/out-$tool" -type f | wc -l)
      bytes=$(du -sb "$WORK/out-$tool" | cut -f1)
      ROWS+=("$(awk -v c="$corpus" -v n="$n" -v tool="$tool" -v t="$t" -v m="$m" -v f="$files" -v b="$bytes" -v at="$a_t" -v am="$a_m" 'BEGIN {
        printf "| %s | %d | %s | %.2f s | %.0f MiB | %d | %.0f MB | %s | %s |", c, n, tool, t, m/1024, f, b/1e6,
          (tool == "anslag") ? "" : sprintf("%.2f", at/t), (tool == "anslag") ? "" : sprintf("%.2f", am/m) }')")
    done
    echo "== rebuilds through the serve path ($corpus, $n files)"
    # A press release in the middle (the example's own pick looks for Swedish ones only).
    doc=$(cd "$WORK/$corpus-$n" && find content/press -name '*.md' | sort | awk '{v[NR]=$0} END {print v[int(NR/2)+1]}')
    inc=$("$BIN/examples/incremental" --site "$WORK/$corpus-$n" --now "$NOW" --out "$WORK/preview" --runs 10 --doc "$doc" | tail -1)
    echo "   $inc"
    nochange=$(sed -E 's/.*no-change rebuild ([0-9.]+) ms.*/\1/' <<<"$inc")
    onedoc=$(sed -E 's/.*one-document rebuild ([0-9.]+) ms.*/\1/' <<<"$inc")
    REBUILDS+=("| $corpus | $n | $nochange ms | $onedoc ms |")
    for tool in $TOOLS; do rm -rf "$WORK/out-$tool"; done
  done
done

echo
echo "| corpus | files | tool | time | peak memory | files out | bytes out | time anslag/tool | memory anslag/tool |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| corpus | files | no-change rebuild | one-document rebuild |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${REBUILDS[@]}"
rm -rf "$WORK/preview"
