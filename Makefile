# Every target sets up what it needs: a virtual environment with the pinned Python packages
# (requirements/*.txt) and, where needed, the pinned npm tools (package-lock.json).
# Nothing below names the generated package: `sdkgen config` reads it from spec/generator.yaml.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SPEC := spec/openapi.yaml
OUT := generated
# Read when a recipe uses it, after the environment exists.
PKG = $(shell $(PY) -m generator config package_name)

BASE ?= main
# Our own spec is held to every rule: a warning fails generate, check and lint-spec. A copy of this
# Makefile pointed at a spec of someone else's can say STRICT= (warnings are printed, not fatal).
STRICT ?= --strict

# The interpreters of the generated client's Python matrix (noxfile.py), from pyenv when it is
# there; otherwise python3.10 ... python3.13 must already be on the PATH.
PYENV_ROOT := $(shell pyenv root 2>/dev/null)
CLIENT_PATH := $(subst $(eval) ,:,$(wildcard $(foreach v,3.10 3.11 3.12 3.13,$(PYENV_ROOT)/versions/$(v).*/bin)))

.PHONY: generate golden test check lint lint-spec diff bench corpus clean help nox runtime-formatted \
	$(VENV)/.installed $(VENV)/.generate

help:
	@echo "make generate   regenerate $(OUT)/ from $(SPEC)"
	@echo "make test       everything CI runs: spec lint, staleness check, type checks, ruff, pytest, nox"
	@echo "make check      fail with a diff when $(OUT)/ is stale"
	@echo "make golden     refresh the golden records of the small specs under tests/golden/"
	@echo "make lint       ruff + mypy --strict + pyright (strict) on generator/, tests/ and $(OUT)/"
	@echo "make lint-spec  our rules on top of OpenAPI validation, on $(SPEC)"
	@echo "make diff       client-facing changes of $(SPEC) since BASE=$(BASE), as Markdown"
	@echo "make nox        the generated client's tests under Python 3.10 to 3.13 (part of make test)"
	@echo "make bench      benchmarks (not part of make test)"
	@echo "make corpus     real public specs through ours and openapi-python-client (ONLY=a,b QUICK=1)"

# The environment is rebuilt from scratch when it was made by another interpreter than $(PYTHON)
# or from other requirements than the ones asked for now; .venv/.stamp records both. A dev
# environment serves generation too; asking for dev on a current generate-only one adds to it.
# $(1): generate or dev.
define ensure_venv
	@set -euo pipefail; \
	if ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
		echo "The toolchain needs Python 3.11 or newer (its pinned dependencies do); $(PYTHON) is" \
			"$$($(PYTHON) --version 2>&1). Choose one with PYTHON=, e.g. make $@ PYTHON=python3.12" >&2; \
		exit 1; \
	fi; \
	python_id="$$($(PYTHON) -c 'import sys; print(sys.version.split()[0], sys.base_prefix)')"; \
	generate_id="$$(sha256sum requirements/generate.txt | cut -c1-16)"; \
	dev_id="$$(cat requirements/generate.txt requirements/dev.txt | sha256sum | cut -c1-16)"; \
	have="$$(cat $(VENV)/.stamp 2>/dev/null || true)"; \
	if [ "$$have" = "$$python_id dev $$dev_id" ]; then exit 0; fi; \
	if [ "$(1)" = generate ] && [ "$$have" = "$$python_id generate $$generate_id" ]; then exit 0; fi; \
	if [ "$(1)" = dev ] && [ "$$have" = "$$python_id generate $$generate_id" ]; then \
		echo "Adding the development tools to $(VENV)"; \
	else \
		if [ -e $(VENV) ]; then echo "Rebuilding $(VENV): made by another Python or from other requirements"; fi; \
		rm -rf $(VENV); \
		$(PYTHON) -m venv $(VENV); \
	fi; \
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/$(1).txt; \
	if [ "$(1)" = dev ]; then echo "$$python_id dev $$dev_id"; else echo "$$python_id generate $$generate_id"; fi > $(VENV)/.stamp
endef

$(VENV)/.generate:
	$(call ensure_venv,generate)

$(VENV)/.installed:
	$(call ensure_venv,dev)

node_modules/.installed: package.json package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

generate: $(VENV)/.generate
	$(PY) -m generator generate $(STRICT) --spec $(SPEC) --out $(OUT)

golden: $(VENV)/.installed
	$(PY) tests/refresh_golden.py

check: $(VENV)/.generate
	$(PY) -m generator check $(STRICT) --spec $(SPEC) --out $(OUT)

lint-spec: $(VENV)/.generate
	$(PY) -m generator lint $(STRICT) $(SPEC)

diff: $(VENV)/.generate
	$(PY) -m generator diff $(BASE):$(SPEC) $(SPEC)

lint: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/ruff check generator tests noxfile.py $(wildcard bench) $(wildcard corpus) templates/runtime $(OUT)
	$(VENV)/bin/black --check --quiet generator tests noxfile.py $(wildcard bench) $(wildcard corpus)
	$(VENV)/bin/mypy generator tests noxfile.py
	cd $(OUT) && ../$(VENV)/bin/mypy --config-file ../pyproject.toml --python-version 3.10 --cache-dir ../.mypy_cache/generated -p $(PKG)
	node_modules/.bin/pyright --pythonpath $(PY) $(OUT)

nox: $(VENV)/.installed
	PATH="$(CLIENT_PATH)$(if $(CLIENT_PATH),:)$$PATH" $(VENV)/bin/nox --reuse-existing-virtualenvs --no-color

test: $(VENV)/.installed node_modules/.installed
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory lint-spec
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest
	$(MAKE) --no-print-directory nox

bench: $(VENV)/.installed
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/bench.txt
	@$(PY) -m bench.generation --fetch
	$(PY) -m bench

# Real public OpenAPI documents (corpus/manifest.yaml) through our generator and
# openapi-python-client, with imports, type checks, coverage and Prism calls; not part of make test.
# ONLY=name[,name] picks specs, QUICK=1 the small ones; CORPUS_ARGS=... passes more (--no-types).
ONLY ?=
QUICK ?=
corpus: $(VENV)/.installed node_modules/.installed
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/corpus.txt
	$(PY) -m corpus $(if $(ONLY),--only $(ONLY)) $(if $(QUICK),--quick) $(CORPUS_ARGS)

# black's output of the static runtime (templates/runtime/) shipped with the generator, so that a
# run with an empty cache does not format it; refresh after changing a runtime module.
runtime-formatted: $(VENV)/.generate
	$(PY) -m generator.pipeline --refresh-runtime

clean:
	rm -rf $(VENV) node_modules .nox .pytest_cache .mypy_cache .ruff_cache
