# Every target sets up what it needs: a virtual environment with the pinned Python packages
# (requirements/*.txt) and, where needed, the pinned npm tools (package-lock.json).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SPEC := spec/openapi.yaml
OUT := generated
PKG := metronome_client

BASE ?= main

.PHONY: generate golden test check lint lint-spec diff bench clean help

help:
	@echo "make generate   regenerate $(OUT)/ from $(SPEC)"
	@echo "make test       everything CI runs: spec lint, staleness check, type checks, ruff, pytest"
	@echo "make check      fail with a diff when $(OUT)/ is stale"
	@echo "make golden     refresh the golden records of the small specs under tests/golden/"
	@echo "make lint       ruff + mypy --strict + pyright (strict) on generator/, tests/ and $(OUT)/"
	@echo "make lint-spec  our rules on top of OpenAPI validation, on $(SPEC)"
	@echo "make diff       client-facing changes of $(SPEC) since BASE=$(BASE), as Markdown"
	@echo "make bench      benchmarks (not part of make test)"

$(VENV)/.installed: requirements/dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

generate: $(VENV)/.installed
	$(PY) -m generator generate --spec $(SPEC) --out $(OUT)

golden: $(VENV)/.installed
	$(PY) tests/refresh_golden.py

check: $(VENV)/.installed
	$(PY) -m generator check --spec $(SPEC) --out $(OUT)

lint-spec: $(VENV)/.installed
	$(PY) -m generator lint --strict $(SPEC)

diff: $(VENV)/.installed
	$(PY) -m generator diff $(BASE):$(SPEC) $(SPEC)

lint: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/ruff check generator tests $(wildcard bench) templates/runtime $(OUT)
	$(VENV)/bin/black --check --quiet generator tests $(wildcard bench)
	$(VENV)/bin/mypy generator tests
	cd $(OUT) && ../$(VENV)/bin/mypy --config-file ../pyproject.toml --cache-dir ../.mypy_cache/generated -p $(PKG)
	node_modules/.bin/pyright --pythonpath $(PY) $(OUT)

test: $(VENV)/.installed node_modules/.installed
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory lint-spec
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest

bench: $(VENV)/.installed
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/bench.txt
	$(PY) -m bench

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache
