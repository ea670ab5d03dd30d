#!/usr/bin/env bash
# Peak resident memory of the release command line on the largest hostile case and
# on a batch of the gold articles.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=target/release/glose
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import glob, json, sys
d = sys.argv[1]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("../shared/gold/*.txt"))] or ["Il a dit «oui»."]
big = "\n\n".join(texts * (4_000_000 // sum(len(t) for t in texts) + 1))
open(f"{d}/big.txt", "w", encoding="utf-8").write(big)
with open(f"{d}/batch.jsonl", "w", encoding="utf-8") as f:
    for i in range(300):
        f.write(json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n")
PY
for input in big.txt "--jsonl batch.jsonl"; do
  set -- $input
  kb=$( { /usr/bin/time -v "$exe" analyze "${@:1:$#-1}" "$tmp/${@: -1}" > /dev/null; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}')
  printf 'peak memory, glose analyze %-22s %6d MB (input %s)\n' "$input" $((kb / 1024)) "$(du -h "$tmp/${@: -1}" | cut -f1)"
done
