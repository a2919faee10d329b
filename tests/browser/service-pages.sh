#!/usr/bin/env bash
# Writes the pages of the subscription service (`anslag subscriptions serve`) into a folder of
# a built site, so that the browser checks (axe-core, vnu) look at them too: the subscribe page
# (also with mistakes in the form), the answer to the form, the confirmation page, the
# preferences and unsubscribe pages and the answers after them, an expired link and the error
# pages, in a left-to-right and a right-to-left language.
#
# Usage: bash tests/browser/service-pages.sh ANSLAG_BINARY SITE_OUTPUT_DIR
#   writes SITE_OUTPUT_DIR/__service/NAME/index.html; the pages' stylesheet is the site's own
#   (/static/style.HASH.css, the same bytes, so the same name).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$1"
out="$2/__service"

work="$(mktemp -d)"
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/site" "$out"
cp site.yaml "$work/site/"
for dir in content locales themes templates static; do
  [[ -d "$dir" ]] && cp -r "$dir" "$work/site/"
done
# A known link key, so that this script can sign preferences and unsubscribe links.
key="$(printf '%064x' 42)"
ANSLAG_LINK_KEY="$key" "$bin" --site "$work/site" --quiet subscriptions serve \
  --listen 127.0.0.1:0 --no-send >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 300); do grep -q "http://" "$work/out" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://[0-9.:]*' "$work/out" | head -1)"
[[ -n "$base" ]] || { cat "$work/err" >&2; exit 1; }

n=0
save() { # NAME, then curl arguments
  local name="$1"; shift
  mkdir -p "$out/$name"
  curl -sS -o "$out/$name/index.html" "$@"
  n=$((n + 1))
}
form=(-H 'content-type: application/x-www-form-urlencoded')
for lang in sv ar; do
  save "subscribe-$lang" "$base/subscribe?lang=$lang"
  save "sent-$lang" "${form[@]}" --data "address=person-$lang%40example.org&language=$lang&ui=$lang" "$base/subscribe"
  save "mistakes-$lang" "${form[@]}" --data "address=not-an-address&language=xx&ui=$lang" "$base/subscribe"
  save "manage-mistake-$lang" "${form[@]}" --data "address=nope&ui=$lang" "$base/manage"
  save "too-large-$lang" "${form[@]}" -H "accept-language: $lang" --data "x=$(head -c 9000 /dev/zero | tr '\0' y)" "$base/subscribe"
  save "not-found-$lang" -H "accept-language: $lang" "$base/no-such-page"
  save "link-invalid-$lang" -H "accept-language: $lang" "$base/preferences/not-a-link"
  save "confirm-invalid-$lang" -X POST -H "accept-language: $lang" "$base/confirm/not-a-token?lang=$lang"
done

# A confirmation token and signed links for the subscribers just made, as the sender and the
# messages would carry them.
python3 - "$work/site/.anslag/subscribers.sqlite" "$key" >"$work/links" <<'PY'
import base64, hashlib, hmac, sqlite3, struct, sys
conn = sqlite3.connect(sys.argv[1])
key = bytes.fromhex(sys.argv[2])
salt = conn.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0]
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
for sid, address, lang in conn.execute("SELECT id, address, language FROM subscribers ORDER BY id"):
    token = b64(hashlib.sha256(address.encode()).digest())
    conn.execute(
        "INSERT INTO tokens (hash, subscriber_id, purpose, expires_at) VALUES (?, ?, 'confirm', '2999-01-01T00:00:00Z')",
        (hashlib.sha256((salt + token).encode()).hexdigest(), sid))
    def link(purpose):
        m = hmac.new(key, digestmod=hashlib.sha256)
        for field in (purpose.encode(), struct.pack(">q", sid), address.encode()):
            m.update(struct.pack(">Q", len(field)))
            m.update(field)
        return b64(struct.pack(">q", sid)) + "." + b64(m.digest())
    print(lang, token, link("preferences"), link("unsubscribe"))
conn.commit()
PY
while read -r lang confirm preferences unsubscribe; do
  save "confirm-$lang" "$base/confirm/$confirm"
  save "confirmed-$lang" -X POST "$base/confirm/$confirm"
  save "preferences-$lang" "$base/preferences/$preferences"
  save "preferences-mistake-$lang" "${form[@]}" --data "language=xx&ui=$lang" "$base/preferences/$preferences"
  save "saved-$lang" "${form[@]}" --data "language=$lang&topic=skolmat&frequency=weekly&ui=$lang" "$base/preferences/$preferences"
  save "unsubscribe-$lang" "$base/unsubscribe/$unsubscribe"
  save "unsubscribed-$lang" "${form[@]}" --data "List-Unsubscribe=One-Click" "$base/unsubscribe/$unsubscribe"
  save "preferences-unsubscribed-$lang" "$base/preferences/$preferences"
done <"$work/links"

# The rate limit's page: many posts from one client.
for _ in $(seq 61); do
  curl -sS -o "$work/last.html" "${form[@]}" -H 'accept-language: ar' --data 'address=x' "$base/subscribe"
done
mkdir -p "$out/too-many-ar" && cp "$work/last.html" "$out/too-many-ar/index.html"
grep -q 'lang="ar"' "$out/too-many-ar/index.html"
echo "$n pages of the subscription service written to $out"
