#!/usr/bin/env bash
# The default theme checked in a real browser, on the example site as it was on 22 November 2026:
#   - every HTML page (and every page of the subscription service, see
#     tests/browser/service-pages.sh) is valid HTML (the Nu Html Checker, vnu) and the stylesheet
#     valid CSS;
#   - axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any page, in light mode, in dark
#     mode and at 320 px width (400 % zoom), and no page scrolls sideways at 320 px;
#   - no page asks another host for anything, trips its Content-Security-Policy or sets a cookie;
#   - no table cell wraps inside a number or word at 320 px (tables scroll in their own frame);
#   - search (tests/browser/search.mjs): an inflected Swedish word, an Arabic word and case
#     numbers find their documents, a closed agenda item's words and an embargoed document's
#     find nothing, the filters narrow the results, axe finds no violation on search pages with
#     results (light, dark, 320 px), no request leaves the site, only the search pages have a
#     script, and without script the page says where else to look;
#   - on a 360 × 800 phone the instruction of each crisis notice starts on the first screen, in
#     every language, with the language switcher after it and no banner linking to the page
#     itself, and the page with its stylesheet and image weighs under 100 KB
#     (tests/browser/phone.mjs).
# On a problem it prints the rule, the page and the element (selector and HTML) and exits 1.
#
# Usage: bash .ci/browser-checks.sh [--screenshots]
#   --screenshots   also write PNGs of the home page, the Arabic crisis notice, the Danish minutes
#                   and a press release at 360 and 1280 px into screenshots/
#                   (by hand: node tests/browser/screenshots.mjs [SITE_DIR] [OUT_DIR] [--dark])
#
# Installs Debian's chromium (playwright-core cannot download a browser here), a Java runtime for
# vnu and the npm packages of tests/browser/ (package-lock.json, without install scripts).
set -euo pipefail
cd "$(dirname "$0")/.."

screenshots=false
for arg in "$@"; do
  case "$arg" in
    --screenshots) screenshots=true ;;
    *) echo "usage: bash .ci/browser-checks.sh [--screenshots]" >&2; exit 2 ;;
  esac
done

echo "== browser checks: tools"
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)  # Arabic and Persian glyphs
command -v java >/dev/null || need+=(default-jre-headless)
command -v node >/dev/null || need+=(nodejs npm)
if ((${#need[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
chromium --version 2>/dev/null || true
(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

echo "== browser checks: build the example site"
cargo build --release --locked --quiet
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
./target/release/anslag --quiet build --output "$out/public" --now 2026-11-22T12:00:00+01:00
site="$out/public"
# The subscription service's pages too, written into the site's folder (under __service/).
bash tests/browser/service-pages.sh ./target/release/anslag "$site"
echo "$(find "$site" -name '*.html' | wc -l) HTML pages"

echo "== browser checks: HTML and CSS (vnu)"
vnu=tests/browser/node_modules/vnu-jar/build/dist/vnu.jar
report_vnu() {
  # vnu's JSON report on stdin: prints each error, fails if there is one.
  node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const errors = JSON.parse(s).messages.filter((m) => m.type !== "info");
      for (const m of errors) {
        console.log(`✗ ${m.url.replace(/^file:/, "")}:${m.lastLine ?? "?"}: ${m.message}`);
        if (m.extract) console.log(`    ${m.extract.replace(/\n/g, " ")}`);
      }
      console.log(`vnu (${process.argv[1]}): ${errors.length} errors`);
      process.exit(errors.length ? 1 : 0);
    });' "$1"
}
status=0
java -jar "$vnu" --errors-only --format json --skip-non-html "$site" 2>&1 >/dev/null | report_vnu HTML || status=1
java -jar "$vnu" --errors-only --format json --css "$site"/static/*.css 2>&1 >/dev/null | report_vnu CSS || status=1

echo "== browser checks: axe-core in Chromium (light, dark, 320 px)"
node tests/browser/check.mjs "$site" || status=1

echo "== browser checks: search"
node tests/browser/search.mjs "$site" || status=1

echo "== browser checks: the crisis notice on a 360 × 800 phone"
node tests/browser/phone.mjs "$site" || status=1

if $screenshots; then
  echo "== browser checks: screenshots"
  node tests/browser/screenshots.mjs "$site" screenshots
fi
exit "$status"
