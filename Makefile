# Udbhabon — the two commands: `make run` (set up and start the app) and
# `make test` (set up and run the whole test suite). Everything else is a helper.

PYTHON_BIN := $(shell scripts/find-python 2>/dev/null)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SCALE ?= 0.05
# Test processes in parallel (pytest-xdist); each gets its own test database.
WORKERS ?= 2

.PHONY: run test check lint format messages messages-update migrations-check bench bench-replica e2e clean venv serve \
	prod-smoke paper-references

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON_BIN)" ]; then scripts/find-python; exit 1; fi
	@test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.installed

# Compile translations (bn default, en second). Needs gettext's msgfmt.
messages: venv
	@scripts/check-system run
	@$(PY) manage.py compilemessages --ignore=.venv --verbosity 0

# Refresh the catalogues after changing strings, then fill the Bengali
# (scripts/po_fill.py helps) and check with `make test` (tests/test_translations.py).
messages-update: venv
	$(PY) manage.py makemessages -l bn -l en --ignore=.venv --ignore=bangla --ignore=tests \
		--ignore=bench --ignore=var --no-location --no-obsolete
	@python3 scripts/po_fill.py --clear-fuzzy $$(find . -path ./.venv -prune -o -name django.po -print)

## Set up and start the app on http://127.0.0.1:$(PORT) with demo data (SQLite).
DEV_ENV := DJANGO_DEBUG=1 UDBHABON_TASK_BACKEND=django_tasks_db.DatabaseBackend

run: messages
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_offices
	$(DEV_ENV) UDBHABON_SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py load_demo
	$(DEV_ENV) scripts/serve $(PORT)

serve: messages
	$(DEV_ENV) scripts/serve $(PORT)

## Set up and run the whole test suite: lint, migrations, translations, tests
## (PostgreSQL: a throwaway cluster in /tmp unless DATABASE_URL is set; real Chromium).
test: check
	@scripts/check-system test
	scripts/with-postgres $(PY) -m pytest -n $(WORKERS) $(PYTEST_ARGS)

check: lint migrations-check messages

# ruff, the layers (.importlinter, docs/ARCHITECTURE.md "Layers"), no import circle
# between modules (scripts/check-cycles), the size
# rule: no module over 600 lines, no function over 60 (scripts/check-size), and
# the type checker (mypy with django-stubs; pyproject.toml [tool.mypy]).
lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	scripts/check-size
	scripts/check-cycles
	$(VENV)/bin/mypy

format: venv
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

migrations-check: venv
	$(PY) manage.py makemigrations --check --dry-run

e2e: messages
	scripts/with-postgres $(PY) -m pytest tests/e2e $(PYTEST_ARGS)

## The production set-up for real (deploy/): gunicorn, two task workers and
## nginx on a throwaway PostgreSQL, an HTTPS journey, a table of checks.
prod-smoke: messages
	scripts/prod-smoke

## Re-draw the papers' reference images (udbhabon/documents/tests/paper_reference/) after a
## reviewed layout change. Font, Pango, HarfBuzz, WeasyPrint or poppler upgrades change them
## too: run this, LOOK at every PNG, then commit them.
paper-references: venv
	scripts/update-paper-references

## Benchmarks on generated national-scale data (SCALE=1 is the whole country).
bench: messages
	SCALE=$(SCALE) scripts/with-postgres bench/run.sh

# The load test with a streaming replica taking the listed reads (after `make bench`).
bench-replica: messages
	scripts/with-postgres $(PY) bench/replica_load.py

clean:
	scripts/with-postgres --remove
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache .mypy_cache
