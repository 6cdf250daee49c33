# Commend: two commands on a fresh machine, `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
COMMEND := .build/debug/commend
PHASE ?= dot1

.PHONY: all deps build install demo test test-deps rule-tests bench bench-serve serve serve-check report-check sample clean docs example

all: build

# liblua5.4-dev (and pkg-config) when `pkg-config --exists lua5.4` fails;
# libsqlite3-dev (GRDB's SQLite) and zlib1g-dev (recorded runs; ZIPFoundation's
# zlib for the xlsx documents), and libssl-dev (libcrypto's SHA-256, for the
# rules and data digests), when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lua5.4 sqlite3 zlib libcrypto; then \
	  echo "Installing liblua5.4-dev, libsqlite3-dev, zlib1g-dev and libssl-dev ..."; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y liblua5.4-dev libsqlite3-dev zlib1g-dev libssl-dev pkg-config; \
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

# The tests validate real outputs with python3's jsonschema (the JSON result)
# and openapi-schema-validator (the service's replies against its OpenAPI
# document), installed here when missing.
test-deps:
	@python3 -c 'import jsonschema, openapi_schema_validator, openapi_spec_validator' 2>/dev/null || { \
	  echo "Installing jsonschema and openapi-schema-validator ..."; \
	  python3 -m pip install --quiet jsonschema openapi-schema-validator==0.9.0 openapi-spec-validator==0.9.0 2>/dev/null || \
	  python3 -m pip install --quiet --break-system-packages jsonschema openapi-schema-validator==0.9.0 openapi-spec-validator==0.9.0; \
	}

# Every Swift test, then the sample plan's own rule tests.
test: deps test-deps
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

# Commend (release) against the plain-Lua and Python baselines on 100k, 300k and 1M
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

# The HTTP service on the sample plan and province (Ctrl-C stops).
serve: build
	$(COMMEND) serve --rules rules --data examples/bac-kan-2021

# The ranking page in headless Chromium (installed when missing): fails if the
# ranking table or a subject's explanation is missing or the console shows
# errors. Leaves the DOM, the logs and a screenshot in .serve-check/.
serve-check: build
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "Installing chromium ..."; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; \
	}
	Scripts/serve-check.sh $(COMMEND) .serve-check

# Load on `commend serve` (release build) with wrk, installed when missing: not
# a test (CI does not run it); see Scripts/bench-serve.sh.
bench-serve: deps
	@command -v wrk >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y wrk; }
	$(SWIFT) build -c release --product commend
	Scripts/bench-serve.sh .build/release/commend

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
