# Glose. `make demo` builds and serves the demo; `make test` runs every test.
# Each target installs what it lacks first (scripts/ensure-tools.sh).
.PHONY: all build demo test test-rust test-browser bench size clean

PORT ?= 8080

all: build

build:
	scripts/build-wasm.sh
	cargo build --release --bin glose

demo: build
	@echo "Glose demo: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

test: test-rust build test-browser

test-rust:
	cargo test
	# The benches print figures (make bench); here they only have to compile.
	cargo check --benches

test-browser:
	scripts/ensure-tools.sh browser
	cd tests/e2e && node --test --test-concurrency=1

bench: build
	cargo bench --bench throughput
	scripts/peak-memory.sh
	scripts/ensure-tools.sh browser
	cd tests/e2e && node bench-browser.mjs
	python3 scripts/bench-peers.py
	scripts/size.sh

size:
	scripts/size.sh

clean:
	cargo clean
	rm -rf www/pkg www/widget/pkg
