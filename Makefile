# Commend: two commands on a fresh machine, `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
COMMEND := .build/debug/commend
PHASE ?= dot1

.PHONY: all deps build install demo test rule-tests bench sample clean report-check

all: build

# liblua5.4-dev (and pkg-config) when `pkg-config --exists lua5.4` fails;
# libsqlite3-dev (GRDB's SQLite) and zlib1g-dev (recorded runs; ZIPFoundation's
# zlib for the xlsx documents), when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lua5.4 sqlite3 zlib; then \
	  echo "Installing liblua5.4-dev, libsqlite3-dev and zlib1g-dev ..."; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y liblua5.4-dev libsqlite3-dev zlib1g-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build --product commend

# Puts `commend` on the PATH: a release build copied to $(PREFIX)/bin
# (default /usr/local/bin; `make install PREFIX=$$HOME/.local` needs no root),
# the report templates to $(PREFIX)/share/commend/templates.
PREFIX ?= /usr/local
install: deps
	$(SWIFT) build -c release --product commend
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/commend/templates
	install -m 755 .build/release/commend $(DESTDIR)$(PREFIX)/bin/commend
	install -m 644 Sources/CommendReports/Templates/*.mustache $(DESTDIR)$(PREFIX)/share/commend/templates/

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

# The sample's danh sách and báo cáo (both phases) opened in real programs:
# headless Chromium renders each HTML page (DOM headings and names, no console
# errors, A4 PDF, desktop and phone PNGs), LibreOffice converts each xlsx to CSV
# and the cells are compared with the evaluation. Installs Debian's chromium and
# libreoffice-calc when missing (about 220 MB; 80 s to install here). Outputs in
# .report-check/.
report-check: build
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1; then \
	  echo "Installing chromium and libreoffice-calc ..."; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium libreoffice-calc fonts-dejavu-core; \
	fi
	python3 Scripts/report_check.py --commend $(COMMEND)

clean:
	rm -rf .build
