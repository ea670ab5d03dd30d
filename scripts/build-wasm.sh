#!/usr/bin/env bash
# Builds the browser package into www/pkg/:
#   glose_bindings.js  wasm-bindgen's glue (--target web)
#   glose_wasm.js      the wasm bytes, deflated and in base64, as an ES module: the page runs under
#                      CSP connect-src 'none', which forbids fetching a .wasm file
#   glose_bindings.d.ts
# www/glose.js (checked in) ties them together.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh wasm

cargo build --lib --target wasm32-unknown-unknown --profile wasm
raw=target/wasm32-unknown-unknown/wasm/glose.wasm
gen=target/wasm-bindgen
rm -rf "$gen" && mkdir -p "$gen"
wasm-bindgen --target web --no-typescript --out-dir "$gen" --out-name glose "$raw"
wasm="$gen/glose_bg.wasm"
if command -v wasm-opt >/dev/null 2>&1; then
  # No inlining of functions just because they have one caller: by default -Oz
  # folds every layer into the exported entry, one 115 KB function. The browser
  # compiles a function as a whole on its first call and optimises it as a whole
  # once it is hot; the seed then ran in baseline code, and TurboFan spent its
  # time on that one function. Kept apart, the layers tier up one by one: the
  # cold start is about 90 ms shorter, and the wasm 20 KB smaller gzipped.
  wasm-opt ${WASM_OPT_LEVEL:--Oz} --one-caller-inline-max-function-size 0 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$gen/glose_opt.wasm" "$wasm"
  wasm="$gen/glose_opt.wasm"
else
  echo "glose: wasm-opt not found; skipping -Oz" >&2
fi

mkdir -p www/pkg
cp "$gen/glose.js" www/pkg/glose_bindings.js
python3 scripts/embed-wasm.py "$wasm" www/pkg/glose_wasm.js
printf 'glose: www/pkg built (wasm %s bytes, %s gzipped)\n' "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
