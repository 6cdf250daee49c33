# Commend: two commands on a fresh machine, `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
COMMEND := .build/debug/commend
PHASE ?= dot1

.PHONY: all deps build install demo test rule-tests bench sample clean docs example

all: build

# liblua5.4-dev (and pkg-config) when `pkg-config --exists lua5.4` fails;
# libsqlite3-dev (GRDB's SQLite) and zlib1g-dev, for recorded runs, and
# libssl-dev (libcrypto's SHA-256, for the rules and data digests) when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lua5.4 sqlite3 zlib libcrypto; then \
	  echo "Installing liblua5.4-dev, libsqlite3-dev, zlib1g-dev and libssl-dev ..."; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y liblua5.4-dev libsqlite3-dev zlib1g-dev libssl-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build --product commend

# Puts `commend` on the PATH: a release build copied to $(PREFIX)/bin
# (default /usr/local/bin; `make install PREFIX=$$HOME/.local` needs no root).
PREFIX ?= /usr/local
install: deps
	$(SWIFT) build -c release --product commend
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/commend $(DESTDIR)$(PREFIX)/bin/commend

# Evaluates the sample plan (rules/) on the sample province (examples/bac-kan-2021).
demo: build
	$(COMMEND) evaluate --rules rules --data examples/bac-kan-2021 --phase $(PHASE)

# Every Swift test, then the sample plan's own rule tests. The JSON result's
# tests validate real outputs with python3's jsonschema, installed when missing.
test: deps
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install jsonschema \
	  || python3 -m pip install --break-system-packages jsonschema
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build --product commend
	$(COMMEND) test --rules rules --coverage-min 98
	$(MAKE) example

# The embedding example (examples/embedding): a package of its own that
# depends on this one by path, built in its own scratch folder; its output
# must be the one worked out by hand in expected-output.txt.
example: deps
	cd examples/embedding && $(SWIFT) build --scratch-path .build
	cd examples/embedding && .build/debug/embedding-example | diff -u expected-output.txt -

# The DocC documentation of the Commend library (article "Embedding Commend"),
# into .build/plugins/Swift-DocC/outputs/Commend.doccarchive.
docs: deps
	$(SWIFT) package --allow-writing-to-directory .build generate-documentation --target Commend

# Commend (release) against the plain-Lua and Python baselines on 100k and 1M
# generated members, plus the Swift-to-Lua call micro-benchmark; a Markdown
# table, also saved to .bench-data/results.md. Takes several minutes; not a test
# (CI does not run it). Options: make bench BENCH="--quick" (100k only),
# BENCH="--sizes 1m --runs 2"; see python3 Scripts/bench.py --help.
BENCH ?=
bench: deps
	@command -v lua5.4 >/dev/null 2>&1 && [ -x /usr/bin/time ] || { \
	  echo "Installing lua5.4 and time ..."; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y lua5.4 time; \
	}
	$(SWIFT) build -c release --product commend
	$(SWIFT) build -c release --product commend-bench
	python3 Scripts/bench.py $(BENCH)

clean:
	rm -rf .build
