#!/usr/bin/env bash
# Load test of the subscription service (issue 6): a crowd subscribing at once.
#
# Starts `anslag subscriptions serve` (release build) on loopback with a copy of the example site
# and a throwaway subscriber store, rate limits off and sending off (--no-send: confirmations are
# queued for another process, so that only subscribing is measured), drives POST /subscribe with
# wrk and a Lua script that sends a new address every request, then stops the service and counts
# the subscribers stored. Every request answered 2xx must be a stored subscriber (no lost
# subscription); requests still in flight when wrk stops may add a few more.
#
# Usage: bash benches/subscribe-load.sh            (20 s, 2 threads, 64 connections)
#        DURATION=60s CONNECTIONS=256 THREADS=2 bash benches/subscribe-load.sh
#        SEND=1 bash benches/subscribe-load.sh     (also send the confirmations, to an SMTP
#                                                   sink on loopback: tests/smtp/server.py)
#        ANSLAG_BIN=path/to/anslag bash benches/subscribe-load.sh   (that binary, not a new build)
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-20s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
send="${SEND:-0}"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
bin="${ANSLAG_BIN:-}"
if [[ -z "$bin" ]]; then
  cargo build --release --locked --quiet
  bin=./target/release/anslag
fi

work="$(mktemp -d)"
service_pid=""
smtp_pid=""
cleanup() {
  [[ -n "$service_pid" ]] && kill "$service_pid" 2>/dev/null || true
  [[ -n "$smtp_pid" ]] && kill "$smtp_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/site"
cp site.yaml "$work/site/"
for dir in content locales themes templates static; do
  [[ -d "$dir" ]] && cp -r "$dir" "$work/site/"
done
store="$work/site/.anslag/subscribers.sqlite"

args=(--no-send)
if [[ "$send" == 1 ]]; then
  mkdir -p "$work/mail"
  mkfifo "$work/smtp.in"
  python3 tests/smtp/server.py --dir "$work/mail" <"$work/smtp.in" >"$work/smtp.out" &
  smtp_pid=$!
  exec 9>"$work/smtp.in"   # keeps the server's standard input open
  for _ in $(seq 100); do grep -q PORT "$work/smtp.out" 2>/dev/null && break; sleep 0.1; done
  port="$(sed -n 's/^PORT //p' "$work/smtp.out")"
  sed -i "s/port: 2525/port: $port/" "$work/site/site.yaml"
  args=()
fi

ANSLAG_SERVICE_RATE_PER_MINUTE=0 "$bin" --site "$work/site" \
  subscriptions serve --listen 127.0.0.1:0 "${args[@]}" >"$work/service.out" 2>"$work/service.err" &
service_pid=$!
for _ in $(seq 300); do grep -q "http://" "$work/service.out" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://[0-9.:]*' "$work/service.out" | head -1)"
[[ -n "$base" ]] || { cat "$work/service.err"; echo "the service did not start" >&2; exit 1; }
curl -fsS "$base/health" >/dev/null

echo "== POST $base/subscribe for $duration: $threads threads, $connections connections, sending: $([[ $send == 1 ]] && echo on || echo off)"
run="$(date +%s)-$$"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s benches/subscribe-load.lua \
  "$base" -- "$run" /subscribe | tee "$work/wrk.out"

# Stop the service gracefully (finishes what is under way), then count what was stored.
kill -TERM "$service_pid"
wait "$service_pid" || true
service_pid=""
result="$(grep '^RESULT' "$work/wrk.out")"
get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$result"; }
ok="$(get ok)"; non2xx="$(get non2xx)"; errors="$(get socket_errors)"; seconds="$(get seconds)"
rows="$(python3 - "$store" "$run" <<'PY'
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("SELECT count(*) FROM subscribers WHERE address LIKE ?", ("load-" + sys.argv[2] + "-%",)).fetchone()[0])
PY
)"
outbox="$(python3 - "$store" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM outbox WHERE kind = 'confirm'").fetchone()[0])
PY
)"
rate="$(python3 -c "print(round($ok / $seconds))")"
echo
echo "subscribe requests answered 2xx: $ok in $seconds s = $rate per second"
echo "non-2xx answers: $non2xx; socket errors: $errors"
echo "subscribers stored: $rows; confirmations queued: $outbox"
lost=$((ok - rows))
if (( lost > 0 )); then
  echo "LOST: $lost subscriptions answered 2xx are not in the store" >&2
  exit 1
fi
echo "lost subscriptions: 0 (stored - answered = $((rows - ok)), requests in flight when wrk stopped)"
if [[ "$send" == 1 ]]; then
  echo "confirmation messages received by the SMTP sink: $(ls "$work/mail" | grep -c '\.eml$' || true)"
fi
(( non2xx == 0 )) || { echo "there were non-2xx answers" >&2; exit 1; }
