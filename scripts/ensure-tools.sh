#!/usr/bin/env bash
# Installs what the build and the browser tests need, when it is missing:
# the wasm32 target, wasm-bindgen-cli at the version pinned in Cargo.lock,
# Debian's chromium, binaryen and zopfli (as root), and from their lock files playwright-core
# and esbuild (the widget's bundler).
# Usage: scripts/ensure-tools.sh wasm|browser|all
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}

need_wasm() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "glose: installing the wasm32-unknown-unknown target" >&2
    rustup target add wasm32-unknown-unknown
  fi
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ -z "$want" ]; then
    echo "glose: Cargo.lock pins no wasm-bindgen; run cargo generate-lockfile" >&2
    exit 1
  fi
  local have=""
  if command -v wasm-bindgen >/dev/null 2>&1; then
    have=$(wasm-bindgen --version | awk '{print $2}')
  fi
  if [ "$have" != "$want" ]; then
    echo "glose: installing wasm-bindgen-cli $want (found: ${have:-none})" >&2
    cargo install wasm-bindgen-cli --version "$want" --locked
  fi
  if ! command -v wasm-opt >/dev/null 2>&1; then
    apt_install binaryen || echo "glose: wasm-opt not available; the wasm is not post-optimised" >&2
  fi
  if ! command -v zopfli >/dev/null 2>&1; then
    apt_install zopfli || echo "glose: zopfli not available; the embedded wasm is deflated by zlib" >&2
  fi
  if [ ! -x scripts/bundle/node_modules/.bin/esbuild ]; then
    echo "glose: installing esbuild, the widget's bundler (npm ci)" >&2
    (cd scripts/bundle && npm ci --no-audit --no-fund --loglevel=error) \
      || echo "glose: esbuild not available; the widget is served unbundled" >&2
  fi
}

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "glose: installing $* from Debian" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

need_browser() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium || { echo "glose: /usr/bin/chromium is missing; install Debian's chromium" >&2; exit 1; }
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    echo "glose: installing playwright-core (npm ci; it never downloads a browser)" >&2
    (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

case "$what" in
  wasm) need_wasm ;;
  browser) need_browser ;;
  all) need_wasm; need_browser ;;
  *) echo "usage: $0 wasm|browser|all" >&2; exit 2 ;;
esac
