#!/usr/bin/env bash
# The preview's speed (issue 21, points 1 and 5), at 10 000 documents:
#
# 1. `anslag serve` starting: from the process's start to the first 200 of a document page,
#    once with no preview left from an earlier serve and once with one.
# 2. An edit to the served page: one press release's body gets a unique word appended, ten
#    times, half of them written as an editor saves atomically (a temporary file renamed over
#    the document), half in place; each is timed from just before the write to the first HTTP
#    response whose body holds the word (curl polls as fast as it can, deadline 10 s).
#
#   bash benches/edit.sh          # DOCS=10000 EDITS=10 PROFILE=release by default
#
# Everything is written to /dev/shm (tmpfs); the corpus comes from examples/corpus.rs. curl
# starts a process per poll (a few milliseconds each), which is the grain of the edit figures.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=${DOCS:-10000}
EDITS=${EDITS:-10}
WORK=${WORK:-/dev/shm/anslag-edit}
PROFILE=${PROFILE:-release}
PORT=${PORT:-18411}
NOW=2026-11-22T12:00:00+01:00

command -v curl >/dev/null || { echo "installing curl"; sudo apt-get install -y curl >/dev/null; }
cargo build --profile "$PROFILE" --locked --bin anslag --example corpus >/dev/null
BIN=${CARGO_TARGET_DIR:-$PWD/target}/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
ANSLAG=$BIN/anslag
SITE=$WORK/site
rm -rf "$WORK"
mkdir -p "$WORK"
"$BIN/examples/corpus" --docs "$DOCS" --out "$SITE" >/dev/null

# The press release edited: the first Swedish one.
doc=$(ls "$SITE"/content/press/*.sv.md | head -1)
slug=$(basename "$doc" .sv.md)
slug=${slug#[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-}
url="http://127.0.0.1:$PORT/sv/press/$slug/"

echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); anslag $(git describe --always --dirty 2>/dev/null || echo '?') ($PROFILE); $DOCS files"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }
stats() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "median %s ms, max %s ms", m, v[NR]}'; }

server=
stop() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; server=; }
trap stop EXIT

# Starts anslag serve; writes the milliseconds to the first 200 of the document's page to
# $WORK/start.ms (not printed: a command substitution would run it in a subshell).
start_serve() {
  local t0 code
  t0=$(ms)
  "$ANSLAG" --now "$NOW" --site "$SITE" serve --listen "127.0.0.1:$PORT" > "$WORK/serve.log" 2>&1 &
  server=$!
  until code=$(curl -s -o /dev/null -w '%{http_code}' "$url") && [ "$code" = 200 ]; do
    if [ $(( $(ms) - t0 )) -gt 120000 ]; then echo "no page within 120 s" >&2; exit 1; fi
  done
  echo $(( $(ms) - t0 )) > "$WORK/start.ms"
}

start_serve
cold=$(<"$WORK/start.ms")
until grep -q "^Rebuilt in" "$WORK/serve.log"; do sleep 0.1; done
first_build=$(grep -m1 "^Rebuilt in" "$WORK/serve.log")
stop
start_serve
warm=$(<"$WORK/start.ms")
until grep -q "^Rebuilt in" "$WORK/serve.log"; do sleep 0.1; done
reconcile=$(grep -m1 "^Rebuilt in" "$WORK/serve.log")
echo "serve start, no preview: first page after $cold ms (first build: $first_build)"
echo "serve start, last preview kept: first page after $warm ms (reconcile: $reconcile)"

: > "$WORK/edit.ms"
for i in $(seq "$EDITS"); do
  word="benchedit${i}x$RANDOM"
  text=$(<"$doc")
  t0=$(ms)
  if (( i % 2 )); then
    printf '%s\n\n%s\n' "$text" "$word" > "$doc.tmp"
    mv "$doc.tmp" "$doc"
  else
    printf '\n%s\n' "$word" >> "$doc"
  fi
  until body=$(curl -s "$url") && [[ $body == *"$word"* ]]; do
    if [ $(( $(ms) - t0 )) -gt 10000 ]; then echo "edit $i not served within 10 s" >&2; exit 1; fi
  done
  echo $(( $(ms) - t0 )) >> "$WORK/edit.ms"
  sleep 0.3
done
echo "edit to served page: $(stats < "$WORK/edit.ms") over $EDITS edits (runs: $(tr '\n' ' ' < "$WORK/edit.ms"))"
grep "^Rebuilt in" "$WORK/serve.log" | tail -3
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
