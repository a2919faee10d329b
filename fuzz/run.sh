#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (issue 9), not in every CI run:
#   bash fuzz/run.sh [SECONDS_PER_TARGET]   (default 120)
# Needs the nightly toolchain and cargo-fuzz (installed if missing). Seeds come from
# fuzz/seeds/TARGET/; the growing corpus is kept in fuzz/corpus/ (not committed). A crashing,
# hanging (10 s) or memory-hungry (2 GB) input is copied to fuzz/regressions/TARGET/, which
# `cargo test --test it fuzz_regressions::` replays on every CI run; the script then exits 1.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-120}
targets=(front_matter markdown_minutes site_yaml subscriber_csv service_form image_decode)

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal || { echo "needs the nightly toolchain"; exit 2; }
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

cargo +nightly fuzz build || exit 2
failed=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "regressions/$t" "artifacts/$t"
  cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true
  echo "== $t (${secs}s)"
  log="artifacts/$t/run.log"
  cargo +nightly fuzz run "$t" "corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 >"$log" 2>&1
  status=$?
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|Done [0-9]+ runs" "$log" | tr '\n' ' '
  echo
  for a in artifacts/"$t"/crash-* artifacts/"$t"/timeout-* artifacts/"$t"/oom-* artifacts/"$t"/leak-*; do
    [ -e "$a" ] || continue
    cp "$a" "regressions/$t/"
    echo "   kept $(basename "$a") in regressions/$t/"
    failed=1
  done
  if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
    echo "   the fuzzer stopped with status $status; see $log"
    failed=1
  fi
done
exit $failed
