# `make run` and `make test` are all a new machine needs (Python 3.11 and the system packages).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install install-dev lint unit integration e2e bench clean

run: install
	$(BIN)/turnout db upgrade
	$(BIN)/turnout serve --host $(HOST) --port $(PORT)

# Every tier and lint, with a coverage floor of 90 % of the lines of domain/ and services/
# (pyproject.toml [tool.coverage]).
test: install-dev lint
	$(BIN)/pytest --cov --cov-report=term

# The tiers alone: unit (no I/O, seconds), integration (one real adapter each), e2e (HTTP,
# the CLI, a real browser).
unit: install-dev
	$(BIN)/pytest tests/unit

integration: install-dev
	$(BIN)/pytest tests/integration

e2e: install-dev
	$(BIN)/pytest tests/e2e

lint: install-dev
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python tools/i18n.py compile >/dev/null
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python tools/i18n.py compile >/dev/null
	touch $(VENV)/.installed $@

bench: install-dev
	$(BIN)/python bench/timer_drift.py --quick

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
