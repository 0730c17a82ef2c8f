# Two commands on a fresh machine: `make serve` and `make test`. Each creates .venv and
# installs whatever is missing (pinned by constraints.txt) before it runs. A bare `make` only
# lists the targets: each one's `## ` comment is its line in that list.

VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
NODE_INSTALLED := node_modules/.installed
LIGHTHOUSE := node_modules/.bin/lighthouse
export NO_MKDOCS_2_WARNING := 1
unexport PYTHONDONTWRITEBYTECODE

.DEFAULT_GOAL := help
.PHONY: help serve test build bench screenshots cheat-sheet-pdf format new-page clean

## List the targets (the default: installs nothing)
help:
	@awk '/^## / { doc = substr($$0, 4); next } \
		/^[a-z][a-z-]*:/ && doc { sub(/:.*/, ""); printf "make %-10s %s\n", $$0, doc } \
		{ doc = "" }' $(MAKEFILE_LIST)

# uv installs the same packages as pip, unpacking wheels in parallel. It reads no pip
# configuration, so the recipe hands it pip's find-links, where a machine keeps local wheels (this
# one: torch's CPU build; without it, torch==2.13.0 from PyPI is the CUDA build). It asks pip once,
# when the recipe runs: `make -n` only prints it. No bytecode is compiled ahead: each module is
# compiled the first time any process imports it and kept (PYTHONDONTWRITEBYTECODE is unexported
# above), which compiles only what is used of the 1.7 GB venv.
UV = $(BIN)/uv pip install --python $(BIN)/python --quiet $${links:+--find-links "$$links"}

$(INSTALLED): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	links="$$(python3 -m pip config get global.find-links 2>/dev/null)"; \
		$(UV) --group site --group test --constraint constraints.txt && \
		$(UV) --no-deps --no-build-isolation --editable .
	touch $(INSTALLED)

# The browser tests drive Debian's chromium; never `playwright install` (it downloads a browser).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "error: the browser tests need Chromium at $(CHROMIUM)." >&2; \
		echo "On Debian or Ubuntu: sudo apt-get install chromium" >&2; exit 1; \
	fi

# axe-core and the Nu HTML validator (vnu-jar, run on Java), pinned by package-lock.json. Lighthouse,
# which only `make bench` runs, is an optional dependency there: the tests' install omits it and
# its packages, and runs beside uv's. After chromium (order only): both may need apt-get, which
# runs one at a time.
$(NODE_INSTALLED): package.json package-lock.json | $(CHROMIUM)
	@command -v java >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; } || \
		{ echo "error: the HTML validator needs Java: sudo apt-get install default-jre-headless" >&2; exit 1; }
	npm ci --omit=optional --no-audit --no-fund --loglevel=error
	touch $(NODE_INSTALLED)

# Everything package.json lists, Lighthouse with it (the checkers too: the test install's stamp).
$(LIGHTHOUSE): package.json package-lock.json | $(NODE_INSTALLED)
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_INSTALLED) $(LIGHTHOUSE)

# A save rebuilds every page: without llms.txt, which nobody previews, without the link check of
# the rendered HTML (MkDocs still checks every Markdown link and anchor), and without search (the
# preview has no search box). `make build` and the tests run all three (lstm_site/site_build.py's
# SERVE: these switches).
## Serve the site with live reload at http://127.0.0.1:8000
serve: $(INSTALLED)
	SITE_LLMSTXT=false SITE_LINK_CHECK=false SITE_SEARCH=false $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The Python packages and the Node tools install side by side. Three pytest workers on two cores:
# many tests wait on a build or a browser, not the CPU; a fourth (and its Chromium) made the run
# slower, not faster.
# worksteal: a worker that runs out of tests takes half of another's queue, so the run does not
# end on one worker's long tail.
## Run every test: lint, the strict build, every snippet, notebook and code block
test:
	@$(MAKE) --no-print-directory --jobs=2 $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n 3 --dist worksteal --codeblocks tests README.md CONTRIBUTING.md docs

## Build the site into site/, failing on any warning
build: $(INSTALLED)
	$(BIN)/mkdocs build --strict

## Measure build times, page weights, Lighthouse and the test suite (BENCH_ARGS=--skip-tests ...)
bench: $(INSTALLED) $(CHROMIUM) $(LIGHTHOUSE)
	$(BIN)/python -m lstm_site bench $(BENCH_ARGS)

## Screenshot pages at 1280 px light and 390 px dark, scrolled: make screenshots [PAGES="faq/ ..."]
screenshots: $(INSTALLED) $(CHROMIUM)
	$(BIN)/python -m lstm_site screenshots $(PAGES)

## Print the cheat sheet to docs/assets/cheat-sheet.pdf (one A4 page) with Chromium
cheat-sheet-pdf: $(INSTALLED) $(CHROMIUM)
	$(BIN)/python -m lstm_site cheat-sheet-pdf

## Scaffold a page: make new-page SLUG=my-topic TITLE="My topic" [SECTION=How-to]
new-page: $(INSTALLED)
	@test -n "$(SLUG)" -a -n "$(TITLE)" || { echo 'usage: make new-page SLUG=my-topic TITLE="My topic" [SECTION=How-to]'; exit 2; }
	$(BIN)/python -m lstm_site new-page "$(SLUG)" "$(TITLE)" --section "$(or $(SECTION),How-to)"

## Fix what ruff can fix, and format
format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Remove the built site and the caches
clean:
	rm -rf site .cache .pytest_cache .ruff_cache
