#!/usr/bin/env bash
# Email benchmarks (issues 5 and 17): compose digests for 100 000 subscribers across 10
# languages and 50 topics; send to Postfix's smtp-sink on loopback, first a crisis message and
# each subscriber's digest for 100 000 subscribers (about 200 000 messages), then a crisis
# message alone to 100 000. Prints messages per second for each.
# Usage: bash benches/mail.sh [SUBSCRIBERS] [SEND_SUBSCRIBERS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers=${1:-100000}
messages=${2:-100000}
connections=${3:-64}
port=2526
work=/dev/shm/anslag-mail-bench
if ! command -v smtp-sink >/dev/null && [ ! -x /usr/sbin/smtp-sink ]; then
  echo "installing postfix for smtp-sink (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi
sink=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)

target=${CARGO_TARGET_DIR:-target}
cargo build --release --locked --example corpus --example mail_bench
rm -rf "$work"
"$target"/release/examples/corpus --docs 1000 --out "$work" >/dev/null
cat >>"$work/site.yaml" <<'YAML'
mail:
  store: .anslag/subscribers.sqlite
  from: "Benchmark Municipality <news@bench.example>"
  list_id: news.bench.example
  service_url: https://subscribe.bench.example
  smtp:
    host: 127.0.0.1
    port: 2526
    security: none
YAML

echo "== compose"
"$target"/release/examples/mail_bench compose --site "$work" --subscribers "$subscribers"

echo "== send"
user=()
[ "$(id -u)" = 0 ] && user=(-u postfix)
"$sink" "${user[@]}" "127.0.0.1:$port" 1024 &
sink_pid=$!
trap 'kill $sink_pid 2>/dev/null || true' EXIT
sleep 0.5
echo "-- crisis and digests"
"$target"/release/examples/mail_bench send --site "$work" --subscribers "$messages" \
  --connections "$connections" --port "$port" --digests 1
echo "-- crisis only"
"$target"/release/examples/mail_bench send --site "$work" --subscribers "$messages" \
  --connections "$connections" --port "$port"
echo "machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
