# The two commands: `make run` and `make test`. Both create .venv when it is missing or stale.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint coverage bench clean

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

bench: $(STAMP)
	@$(PY) bench/gateway.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .coverage htmlcov
