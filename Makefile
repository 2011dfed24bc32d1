# The two commands of the README: `make site` builds the site, `make test` runs every check.
# Each sets itself up on a fresh machine: a virtual environment from the pinned
# requirements, and (for the tests) Debian's Chromium and Java where they are missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test check lint serve clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

site: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(PY) build.py build

check: $(STAMP)
	$(PY) build.py check

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: $(STAMP) lint
	bash scripts/ensure-chromium.sh
	$(PY) -m pytest

serve: $(STAMP)
	$(PY) build.py serve

clean:
	rm -rf site .cache build
