# Ferry — one entry point for people and CI. Every target installs what it needs first.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# pytest on every core (pytest-xdist): each worker starts its own embedded stack and servers on free ports.
# worksteal: idle workers take queued tests from busy ones, so a few slow files do not leave a core idle.
PYTEST := $(PY) -m pytest -q -n logical --dist worksteal
REQS := requirements-dev.txt layers/core/requirements.txt layers/dataplane/requirements.txt layers/connectors/requirements.txt layers/api/requirements.txt

.DEFAULT_GOAL := help
.PHONY: help venv deps run reset test test-unit test-integration test-e2e check lint typecheck cfn-lint asl-lint invoke bench bench-mapping bench-language bench-load demo clean size bench-coldstart

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

# The venv: the pinned requirements, then the project itself, editable, for the `ferry` command (.venv/bin/ferry);
# its build backend (setuptools) comes pinned in requirements-dev.txt, so that last step needs no network.
$(STAMP): $(REQS) pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

venv: $(STAMP) ## create/refresh .venv from the pinned requirements, with the project installed (.venv/bin/ferry)

deps: ## system packages the tests use: PostgreSQL server binaries (postgres connector tests), Chromium (browser tests); idempotent
	@command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } || \
		echo "warning: PostgreSQL could not be installed; the postgres connector tests will be skipped"
	@# Debian's Chromium: Playwright drives it (tests/e2e/browser.py); its own browser download is not used.
	@test -x /usr/bin/chromium || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "warning: Chromium could not be installed; the browser tests will fail in CI (CI=true), skip elsewhere"

run: $(STAMP) ## serve the Migration API locally on an embedded AWS stack (127.0.0.1:$PORT); state kept in .local/state (FRESH=1 starts clean)
	$(PY) -m local.server --port $(PORT) $(if $(FRESH),--fresh)

reset: ## forget `make run`'s saved state (.local/state: migrations, files, runs, exports)
	@if [ -e .local/state/.lock ] && ! flock -n .local/state/.lock true; then \
		echo "a \`make run\` server is using .local/state: stop it first (or use \`make run FRESH=1\`)"; exit 1; fi
	rm -rf .local/state

test: $(STAMP) deps ## run every test: unit, integration (moto-backed stack) and e2e (HTTP against the local server)
	$(PYTEST)

test-unit: $(STAMP)
	$(PYTEST) tests/unit

test-integration: $(STAMP) deps
	$(PYTEST) tests/integration

test-e2e: $(STAMP) deps
	$(PYTEST) tests/e2e

check: lint typecheck cfn-lint asl-lint ## ruff, mypy, cfn-lint and the ASL lint

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

cfn-lint: $(STAMP)
	$(VENV)/bin/cfn-lint template.yaml

asl-lint: $(STAMP)
	$(PY) -m local.asl_lint statemachines/*.asl.json

size: $(STAMP) ## each function's unzipped size (code + layers, as sam build packs them) on x86_64 and arm64 vs 250 MB; fails above 225 MB
	$(PY) -m local.package_size

invoke: $(STAMP) ## run one handler on a sample event: make invoke FN=IngestFunction EVENT=events/s3_object_created.json
	@test -n "$(FN)" -a -n "$(EVENT)" || { echo "usage: make invoke FN=<LogicalId> EVENT=events/<file>.json"; exit 2; }
	$(PY) -m local.invoke $(FN) $(EVENT)

demo: $(STAMP) ## a whole migration against the running `make run` (or one it starts): upload, generate, update, clarify, execute, export
	$(PY) -m local.demo

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

bench: $(STAMP) ## engine benchmark: 1M and 3M-row execute vs a plain polars read (rows/s, ratio, peak RSS)
	$(PY) bench/engine/run.py

bench-mapping: $(STAMP) ## mapping benchmark: 482 real files (train, dev..dev61, test), own labelled cases, GDC
	$(PY) bench/mapping/run.py

bench-language: $(STAMP) ## phrasing benchmark: 365 user phrasings of the update/clarify rows, train/test (SPLIT=train)
	$(PY) bench/language/run.py --split $(or $(SPLIT),all) $(if $(PLANNER),--planner $(PLANNER))

bench-coldstart: $(STAMP) ## API cold start: handler import and first request vs `import boto3, aws_lambda_powertools` (median of RUNS=7 fresh processes)
	$(PY) bench/coldstart.py --runs $(or $(RUNS),7) --no-pyc

bench-load: $(STAMP) ## load benchmark: account A's 50 slow/mixed concurrent requests vs account B's GETs for 60 s (LOAD_SECONDS=n); B's p50/p95/p99
	$(PY) bench/load/run.py --seconds $(or $(LOAD_SECONDS),60)
