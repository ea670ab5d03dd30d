#!/usr/bin/env bash
# Prints the gzipped size of everything www/ ships (the site a host serves).
set -euo pipefail
cd "$(dirname "$0")/../www"
total=0
while IFS= read -r f; do
  n=$(gzip -9c "$f" | wc -c)
  total=$((total + n))
  printf '%8d  %s\n' "$n" "$f"
# www/widget/ holds the widget's sources, which the build bundles into glose-widget.js:
# no page loads them.
done < <(find . -type f \( -name '*.js' -o -name '*.html' -o -name '*.css' -o -name '*.svg' \) ! -path './examples/*' ! -path './widget/*' | sort)
printf 'www/ ships %d bytes gzipped (%d KB; budget 350 KB)\n' "$total" $((total / 1024))
