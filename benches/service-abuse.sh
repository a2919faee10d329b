#!/usr/bin/env bash
# The subscription service under abuse (issue 9): valid subscriptions, malformed requests,
# forged tokens, a flooded victim address, one client over its rate limit and half-sent requests,
# all at once for a bounded time; then checks the service lives, no confirmed subscription is
# lost, memory stays bounded and the rate limits held. See benches/service_abuse.py.
#
# Usage: bash benches/service-abuse.sh [SECONDS]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"

cargo build --release --locked --quiet
bin=./target/release/anslag
work="$(mktemp -d)"
service_pid=""
cleanup() {
  [[ -n "$service_pid" ]] && kill "$service_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/site"
cp site.yaml "$work/site/"
for dir in content locales themes templates static; do
  [[ -d "$dir" ]] && cp -r "$dir" "$work/site/"
done
store="$work/site/.anslag/subscribers.sqlite"

# 500 confirmed subscribers who must still be there afterwards.
python3 - "$work/subs.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("address,language,consent\n")
    for i in range(500):
        f.write("kept%d@load.example,%s,2026-10-01\n" % (i, ["sv", "en", "ar", "so", "uk"][i % 5]))
PY
"$bin" --site "$work/site" subscribers import "$work/subs.csv" >/dev/null

# Sending off: only the service is under test (confirmations stay queued).
"$bin" --site "$work/site" subscriptions serve --listen 127.0.0.1:0 --no-send \
  >"$work/service.out" 2>"$work/service.err" &
service_pid=$!
for _ in $(seq 300); do grep -q "http://" "$work/service.out" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://[0-9.:]*' "$work/service.out" | head -1)"
[[ -n "$base" ]] || { cat "$work/service.err"; echo "the service did not start" >&2; exit 1; }

python3 benches/service_abuse.py --base "$base" --pid "$service_pid" --store "$store" \
  --seconds "$seconds"
status=$?
if grep -qi "panicked" "$work/service.err"; then
  echo "the service panicked:"; grep -i -A3 panicked "$work/service.err"; exit 1
fi
exit $status
