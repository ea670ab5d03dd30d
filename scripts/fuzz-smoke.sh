#!/usr/bin/env bash
# Runs both fuzz targets for RUNS executions each (default 1,000,000) and prints totals.
# Not part of `make test`: it takes minutes. Usage: scripts/fuzz-smoke.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
runs=${1:-1000000}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in analyze jsonl; do
  mkdir -p "corpus/$target"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
    -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
    | grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|ERROR|panicked|Done' || true
done
