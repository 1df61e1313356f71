# The two commands: `make run` and `make test`. Both create .venv when it is missing or stale.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint coverage bench bench-flows clean spec-lint clients clients-check

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	@$(PY) -m launcher

test: $(STAMP)
	@$(PY) -m ruff check .
	@$(VENV)/bin/lint-imports --no-cache
	@$(PY) -m pytest --cov --cov-report=term:skip-covered --cov-fail-under=90

coverage: $(STAMP)
	@$(PY) -m pytest --cov --cov-report=term-missing --cov-config=.coveragerc-exact

lint: $(STAMP)
	@$(PY) -m ruff check .
	@$(PY) -m ruff format --check .
	@$(VENV)/bin/lint-imports --no-cache

# The merged OpenAPI document against Redocly's recommended rules and Spectral's spectral:oas (needs npx;
# `make test` does not). Both fail on any error; the warnings kept are listed in the README.
REDOCLY := @redocly/cli@2.77.0
SPECTRAL := @stoplight/spectral-cli@6.16.3
SPEC_LINT_DIR := $(or $(TMPDIR),/tmp)/kuaiban-spec-lint

spec-lint: $(STAMP)
	@mkdir -p $(SPEC_LINT_DIR)
	@$(PY) clients/spec.py $(SPEC_LINT_DIR)/openapi.json
	REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --yes $(REDOCLY) lint --config redocly.yaml $(SPEC_LINT_DIR)/openapi.json
	npx --yes $(SPECTRAL) lint --ruleset .spectral.yaml --fail-severity error $(SPEC_LINT_DIR)/openapi.json

# The generated clients (clients/python, clients/typescript) and clients/openapi.json, from the code (needs
# node/npm; `make test` and `make run` do not). clients-check fails when the committed ones are stale.
clients: $(STAMP)
	@clients/generate.sh

clients-check: $(STAMP)
	@clients/generate.sh --check

bench: $(STAMP)
	@$(PY) bench/gateway.py

bench-flows: $(STAMP)
	@$(PY) bench/flows.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .coverage htmlcov
