#!/usr/bin/env bash
# Images (issue 20): a site with one press release showing N camera-size photos (4000 × 3000
# JPEG, made by `examples/example_images.rs --photos`), built twice: first with an empty image
# cache, then again into a new output folder with the cache kept, which must do no image work.
#
#   bash benches/images.sh             # N=200
#
# PROFILE=release by default: in the dev profile the image crates are optimised too (Cargo.toml),
# but the photo generator is not and takes minutes to make the photos. Everything is under
# /dev/shm.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-200}
PROFILE=${PROFILE:-release}
WORK=${WORK:-/dev/shm/anslag-images}
NOW=2026-11-22T12:00:00+01:00
TARGET=${CARGO_TARGET_DIR:-target}

cargo build --profile "$PROFILE" --locked --bin anslag --example example_images >/dev/null
dir=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
BIN=$TARGET/$dir

rm -rf "$WORK" && mkdir -p "$WORK"
cp -r tests/fixtures/minimal "$WORK/site"
doc=$WORK/site/content/press/2026-11-01-ny-matsal
mkdir -p "$doc"
echo "== making $N photos of 4000 × 3000"
"$BIN/examples/example_images" --photos "$N" "$doc"
du -sh "$doc" | sed 's/^/   /'
for f in "$doc"/*.jpg; do
  n=$(basename "$f")
  printf '\n![Foto %s](%s)\n' "$n" "$n" >> "$doc.sv.md"
done

echo "== $(nproc) cores; anslag $(git describe --always --dirty 2>/dev/null || echo '?'), profile $PROFILE"
for run in first second; do
  rm -rf "$WORK/out"
  start=$(date +%s.%N)
  "$BIN/anslag" --now "$NOW" build -v --site "$WORK/site" --output "$WORK/out" 2>&1 | grep -E "^Images|content:" | sed 's/^ */   /'
  end=$(date +%s.%N)
  printf '   %s build: %.1f s\n' "$run" "$(echo "$end - $start" | bc)"
done
du -sh "$WORK/out/files" | sed 's/^/   published images: /'
du -sh "$WORK/site/.anslag/cache" | sed 's/^/   cache: /'
