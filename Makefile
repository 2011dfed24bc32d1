# The two commands of the README: `make site` builds the site, `make test` runs every check.
# Each sets itself up on a fresh machine: a virtual environment from the locked requirements
# (every package pinned and checked against its hash; pip installs uv from its own lock, and
# uv the rest, side by side), and (for the tests) a browser, Java and poppler where they are
# missing. `make test-properdocs` does the same on properdocs.
# The set-up script prints the browser it found (IMVO_CHROMIUM, or chromium-headless-shell,
# chromium, chromium-browser or google-chrome on the PATH; Debian's headless shell is added
# beside a full browser where root is at hand); the build and the tests are handed it as
# IMVO_CHROMIUM, so that they print and test with that browser and no other.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_PY := $(PROPERDOCS_VENV)/bin/python
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed
PIP_INSTALL := -m pip install --quiet --disable-pip-version-check --require-hashes
UV_INSTALL := pip install --quiet --require-hashes

# Python keeps what it compiles in .cache/pycache, written as each module is first imported,
# also where the machine asks it not to (PYTHONDONTWRITEBYTECODE): besides its two workers a
# test run starts Python about 40 times (builds, checks and pytest itself run as commands),
# and each would otherwise compile the project's modules and its tests again (pytest's
# rewriting of the tests: about 2.5 s a run). uv compiles nothing when it installs (5 s less
# on a new machine): only what is imported is compiled, once.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache

.PHONY: site test test-properdocs check lint serve clean lock

# The stamp is older than a lock file that changed: the environment is brought up to date.
# uv where it installs, pip where it does not (a machine uv cannot reach the index from, say):
# the same lock, the same hashes.
$(STAMP): requirements.txt requirements-dev.txt requirements-uv.txt
	$(PYTHON) -m venv $(VENV)
	{ $(PY) $(PIP_INSTALL) -r requirements-uv.txt && \
	  $(VENV)/bin/uv $(UV_INSTALL) --python $(PY) -r requirements-dev.txt; } || \
	  $(PY) $(PIP_INSTALL) -r requirements-dev.txt
	touch $(STAMP)

# The lock leaves mkdocs out (mkdocs-material still names it), so it is installed without
# resolving dependencies: a stray `import mkdocs` before the engine switch fails.
$(PROPERDOCS_STAMP): requirements-properdocs.txt requirements-uv.txt
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	{ $(PROPERDOCS_PY) $(PIP_INSTALL) -r requirements-uv.txt && \
	  $(PROPERDOCS_VENV)/bin/uv $(UV_INSTALL) --python $(PROPERDOCS_PY) --no-deps \
	    -r requirements-properdocs.txt; } || \
	  $(PROPERDOCS_PY) $(PIP_INSTALL) --no-deps -r requirements-properdocs.txt
	touch $(PROPERDOCS_STAMP)

# The environment ($(1), a stamp) and the browser (ensure-chromium.sh with the options $(2))
# are set up side by side: on a new machine uv's downloads and apt's installs overlap (about
# 15 s instead of 21 s here). What follows in the recipe runs once both are there, with
# IMVO_CHROMIUM set to the browser found; if either fails, the recipe stops there.
set_up = found="$$(mktemp)"; \
	bash scripts/ensure-chromium.sh $(2) > "$$found" & finding=$$!; \
	{ $(MAKE) --question $(1) || $(MAKE) --no-print-directory $(1); }; venv=$$?; \
	wait $$finding; browser=$$?; IMVO_CHROMIUM="$$(cat "$$found")"; rm -f "$$found"; \
	[ $$venv -eq 0 ] || exit $$venv; [ $$browser -eq 0 ] || exit $$browser; \
	export IMVO_CHROMIUM

site:
	@$(call set_up,$(STAMP),--browser-only); $(PY) build.py build

check: $(STAMP)
	$(PY) build.py check

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

# The tests run side by side on every core (pytest-xdist); the real site is built and served
# once for all workers, and each page opened once for axe and the privacy check
# (tests/browser_fixtures.py; docs/development.md, "The tests run side by side"). Each
# worker is handed a test or two at a time, so that neither sits idle at the end while the
# other still has a queue.
PYTEST_PARALLEL := -n auto --dist load --maxschedchunk 1

# The linters run beside the tests (they finish long before); either failing fails the target.
test:
	@$(call set_up,$(STAMP)); \
	  $(MAKE) --no-print-directory lint & linters=$$!; \
	  $(PY) -m pytest $(PYTEST_PARALLEL); tests=$$?; \
	  wait $$linters && exit $$tests

# The build and every test on properdocs, the maintained fork of MkDocs 1.x (docs/engine-plan.md). The site goes to build/ so that site/ stays the mkdocs build.
test-properdocs:
	@$(call set_up,$(PROPERDOCS_STAMP)); \
	  IMVO_ENGINE=properdocs $(PROPERDOCS_PY) build.py build --site build/site-properdocs && \
	  IMVO_ENGINE=properdocs $(PROPERDOCS_PY) -m pytest $(PYTEST_PARALLEL)

serve: $(STAMP)
	$(PY) build.py serve

# After a change to a requirements*.in file: compile the locks again (needs pip-tools). `-P`:
# the repository's own build.py would otherwise hide the `build` package pip-tools imports.
lock:
	$(PY) -P -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links requirements.in
	$(PY) -P -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links requirements-dev.in
	$(PY) -P -m piptools compile --quiet --generate-hashes --strip-extras \
	  --no-emit-index-url --no-emit-find-links \
	  --unsafe-package mkdocs --unsafe-package mkdocs-get-deps requirements-properdocs.in
	$(PY) -P -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links requirements-uv.in

clean:
	rm -rf site .cache build
