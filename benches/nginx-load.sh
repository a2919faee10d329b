#!/usr/bin/env bash
# How many requests per second Debian's nginx serves for the example site's crisis notice page,
# with benches/nginx.conf on loopback, as it is (no compression asked for), gzip and brotli.
#
#   bash benches/nginx-load.sh            # DURATION=10s CONNECTIONS=64 THREADS=2 by default
#
# Installs nginx, wrk and (if Debian has it) the brotli_static module with apt-get when they
# are missing, and says so. nginx runs as a child of this script, not as a daemon, with its own
# prefix in a folder under /dev/shm that is removed at the end; nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
NOW=2026-11-22T12:00:00+01:00
PAGE=/en/notices/schools-closed-water/

install() {
  echo "== $1 is missing: apt-get install $2"
  apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
}
command -v nginx >/dev/null || install nginx nginx-light
command -v wrk >/dev/null || install wrk wrk
if ! ls /usr/lib/nginx/modules/ngx_http_brotli_static_module.so >/dev/null 2>&1 \
  && apt-cache show libnginx-mod-http-brotli-static >/dev/null 2>&1; then
  install "nginx's brotli_static module" libnginx-mod-http-brotli-static
fi

cargo build --release --locked --bin anslag >/dev/null
WORK=$(mktemp -d /dev/shm/anslag-nginx.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as another user
NGINX_PID=
cleanup() {
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

./target/release/anslag --quiet build --compress --now "$NOW" --output "$WORK/public"
test -f "$WORK/public$PAGE/index.html.gz" || { echo "no precompressed crisis page at $PAGE" >&2; exit 1; }

# A free port on loopback.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
CONF="$WORK/nginx.conf"
sed -e "s|listen 80;|listen 127.0.0.1:$PORT;|" \
    -e "s|/srv/anslag/public|$WORK/public|g" \
    -e "s|/tmp/anslag-nginx|$WORK/nginx|g" \
    benches/nginx.conf >"$CONF"
BROTLI=no
if [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  sed -i -e 's|^#brotli# load_module modules/|load_module /usr/lib/nginx/modules/|' -e 's|#brotli# ||' "$CONF"
  BROTLI=yes
fi
nginx -t -q -p "$WORK" -c "$CONF"
nginx -p "$WORK" -c "$CONF" -g 'daemon off;' &
NGINX_PID=$!
URL="http://127.0.0.1:$PORT$PAGE"
for _ in $(seq 50); do curl -fsS -o /dev/null "$URL" 2>/dev/null && break; sleep 0.1; done

size() { curl -fsS -o /dev/null -w '%{size_download}' "$@" "$URL"; }
echo "== nginx $(nginx -v 2>&1 | sed 's|.*/||'), wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores, $URL"
echo "   page: $(size) bytes, gzip $(size -H 'Accept-Encoding: gzip') bytes$( [ $BROTLI = yes ] && echo ", brotli $(size -H 'Accept-Encoding: br') bytes")"
run() {
  local label=$1; shift
  local rps
  rps=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" "$URL" | awk '/Requests\/sec/ {print $2}')
  printf '   %-28s %10s requests/s\n' "$label" "$rps"
}
run "no compression"
run "Accept-Encoding: gzip" -H 'Accept-Encoding: gzip'
if [ $BROTLI = yes ]; then run "Accept-Encoding: br" -H 'Accept-Encoding: br'; fi
