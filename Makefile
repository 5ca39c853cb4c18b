# sigact: two commands for a fresh machine.
#   make demo   set up .venv, install sigact, build the demo database from bundled open data
#   make test   set up .venv with test extras, run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO   ?= demo

.PHONY: demo test lint check bench gazetteer classifier clean install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/sigact demo --out $(DEMO)

test: install-test
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

check: lint test

bench: install
	$(BIN)/python -m bench.import_export

# Rebuild bundled artefacts from ../shared/data (reproducible; the results are committed).
gazetteer: install
	$(BIN)/python scripts/build_gazetteer.py

classifier: install
	$(BIN)/python scripts/train_classifier.py

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .mypy_cache .ruff_cache
