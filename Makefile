# Two commands on a fresh machine: `make serve` and `make test`. Each creates .venv and
# installs whatever is missing (pinned by constraints.txt) before it runs.

VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build lint format clean

$(INSTALLED): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==26.3"
	$(BIN)/python -m pip install --quiet --group site --group test --constraint constraints.txt
	touch $(INSTALLED)

## Serve the site with live reload at http://127.0.0.1:8000
serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## Run every test: lint, the strict build, every snippet, notebook and code block
test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n auto --codeblocks tests README.md docs

## Build the site into site/, failing on any warning
build: $(INSTALLED)
	$(BIN)/mkdocs build --strict

## Fix what ruff can fix, and format
format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf site .cache .pytest_cache .ruff_cache
