#!/usr/bin/env bash
# Publishing that keeps time, at 10 000 documents (issue 15, items 2 and 3):
#
# 1. `anslag publish` when nothing changed and nothing fell due (what cron runs every minute):
#    wall time, and that it wrote nothing.
# 2. `anslag publish --watch`: how long after an embargo's moment the page is in the output
#    (a watcher polls for the file every 2 ms), and how long the scheduled rebuild took.
#
#   bash benches/publish.sh          # DOCS=10000 RUNS=5 PROFILE=release by default
#
# Everything is written to /dev/shm (tmpfs). The corpus comes from examples/corpus.rs; the
# site is published as it would be deployed, with precompressed copies.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=${DOCS:-10000}
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/anslag-publish}
PROFILE=${PROFILE:-release}

cargo build --profile "$PROFILE" --locked --bin anslag --example corpus >/dev/null
BIN=$PWD/target/$PROFILE
ANSLAG=$BIN/anslag
SITE=$WORK/site
OUT=$SITE/public
rm -rf "$WORK"
mkdir -p "$WORK"
"$BIN/examples/corpus" --docs "$DOCS" --out "$SITE" >/dev/null

echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); anslag $(git describe --always --dirty 2>/dev/null || echo '?') ($PROFILE)"
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ms() { date +%s%3N; }

start=$(ms)
"$ANSLAG" --quiet --site "$SITE" publish --output "$OUT"
echo "first publish of $DOCS files: $(( $(ms) - start )) ms, $(find "$OUT" -type f | wc -l) files"

# 1. Nothing to do.
: > "$WORK/noop.ms"
touch "$WORK/mark"
for _ in $(seq "$RUNS"); do
  start=$(ms)
  said=$("$ANSLAG" --site "$SITE" publish --output "$OUT")
  echo $(( $(ms) - start )) >> "$WORK/noop.ms"
  case "$said" in *"Nothing changed"*) ;; *) echo "not a no-op: $said"; exit 1 ;; esac
done
written=$(find "$OUT" -newer "$WORK/mark" | wc -l)
echo "no-op publish: median $(median < "$WORK/noop.ms") ms, max $(sort -n "$WORK/noop.ms" | tail -1) ms over $RUNS runs; files written: $written"

# 2. A scheduled change under publish --watch.
"$ANSLAG" --site "$SITE" publish --watch --output "$OUT" > "$WORK/watch.log" 2>&1 &
watcher=$!
trap 'kill -TERM $watcher 2>/dev/null || true' EXIT
until grep -q "^Watching" "$WORK/watch.log"; do sleep 0.1; done
: > "$WORK/late.ms"
: > "$WORK/pass.ms"
for i in $(seq "$RUNS"); do
  at=$(( $(date +%s) + 8 ))
  stamp=$(date -u -d "@$at" +%Y-%m-%dT%H:%M:%SZ)
  printf -- '---\ntitle: Embargoed %s\ndate: %s\nsummary: Due at %s.\n---\nText.\n' "$i" "$stamp" "$stamp" \
    > "$SITE/content/press/2026-12-02-bench-embargo-$i.sv.md"
  page="$OUT/sv/press/bench-embargo-$i/index.html"
  python3 - "$page" "$at" >> "$WORK/late.ms" <<'EOF'
import os, sys, time
page, at = sys.argv[1], float(sys.argv[2])
while not os.path.exists(page):
    if time.time() > at + 60:
        sys.exit(f"{page} did not appear within 60 s of its embargo")
    time.sleep(0.002)
print(round((time.time() - at) * 1000))
EOF
  # The pass at the moment is the last "Published in" line once the page is there.
  sleep 0.5
  grep "^Published in" "$WORK/watch.log" | tail -1 | sed 's/Published in \([0-9]*\) ms.*/\1/' >> "$WORK/pass.ms"
done
kill -TERM $watcher
wait $watcher || true
trap - EXIT
echo "publish --watch, embargo lifting: visible $(median < "$WORK/late.ms") ms after its moment (median; max $(sort -n "$WORK/late.ms" | tail -1) ms; runs: $(tr '\n' ' ' < "$WORK/late.ms")), rebuild and swap $(median < "$WORK/pass.ms") ms (runs: $(tr '\n' ' ' < "$WORK/pass.ms"))"
grep "^Published in" "$WORK/watch.log" | tail -2
