# Kennisbank Kinderwerk. The README's two commands are `make serve` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: install browser serve build pdf charts check lint test test-snel test-sjabloon bench bench-hostile test-hostile lighthouse screenshots lock clean

# Python packages, exactly as locked in requirements.txt; then the project's
# own package `kinderwerk` (scripts/kinderwerk/, pyproject.toml), editable, so
# an edit there needs no reinstall. It is built with the venv's own pinned
# setuptools (--no-build-isolation: nothing fetched beyond requirements.txt).
$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

# Debian's Chromium for the browser tests (never `playwright install`).
browser:
	bash .ci/install-browser

serve: install
	$(PY) -m mkdocs serve

build: install
	$(PY) scripts/tools/build_site.py

# The PDF edition, printed by Chromium from the built site, into
# site/downloads/kennisbank-kinderwerk.pdf (the home page and Colofon link it).
pdf: install browser build
	$(PY) scripts/tools/build_pdf.py

charts: install
	$(PY) scripts/tools/build_charts.py

# The contributor check: every example and data file, all problems at once, in Dutch (no browser).
check: install
	$(PY) scripts/tools/check.py

# Tests run in parallel (pytest-xdist): one worker per core, one shared build
# of the site; browser tests that share a visit of every page stay on one
# worker (tests/conftest.py).
# PYTEST_WORKERS=0 runs them in one process.
PYTEST_WORKERS ?= auto
PARALLEL = -n $(PYTEST_WORKERS) --dist loadgroup
COVERAGE = --cov=scripts/kinderwerk --cov-report=term:skip-covered

# Lint and types (issue 20): ruff on all Python, mypy on the package, the
# MkDocs adapters and the tools (rules and settings in pyproject.toml).
lint: install
	$(PY) -m ruff check scripts tests
	$(PY) -m mypy

test: install lint check browser
	$(PY) -m pytest $(PARALLEL) $(COVERAGE)

# Quick, for contributors: the check, then every test without a browser.
test-snel: install lint check
	$(PY) -m pytest $(PARALLEL) -m "not browser"

# The whole suite in a copy of the project with one more example, written
# from the template with all its comments kept (scripts/dev/suite_with_template_example.py).
test-sjabloon: install browser
	$(PY) scripts/dev/suite_with_template_example.py $(PARALLEL)

bench: install
	$(PY) scripts/dev/benchmark.py
	$(PY) scripts/dev/search_quality.py --sealed
	$(PY) scripts/dev/search_scale_benchmark.py

# Issue 17: every hostile case, time and memory, before (main at a23993b) and after, side by side.
HOSTILE_BASE ?= a23993b
bench-hostile: install
	$(PY) scripts/dev/hostile_bench.py --against $(HOSTILE_BASE)

# Issue 17: the property-based tests with many more examples than in `make test`.
test-hostile: install
	HYPOTHESIS_PROFILE=long $(PY) -m pytest tests/test_hostile_properties.py -q

lighthouse: install build
	$(PY) scripts/dev/lighthouse.py

screenshots: install build
	$(PY) scripts/tools/screenshots.py

# Re-lock after editing requirements.in. setuptools is locked too (the build
# backend of our own package); only pip itself is left to the venv.
lock: install
	$(PY) -m piptools compile --quiet --strip-extras --unsafe-package pip --no-emit-index-url \
		--no-emit-find-links -o requirements.txt requirements.in

clean:
	rm -rf site .cache
