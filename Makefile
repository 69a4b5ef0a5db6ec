# Một Cửa — every entry point a developer, CI or an operator needs.
# `make run` and `make test` set everything up themselves (virtualenv, install, translations, migrations).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) src/manage.py
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)
LOCALE_DIRS := $(wildcard src/motcua/*/locale src/motcua/locale)
HOST ?= 127.0.0.1
PORT ?= 8000
# Where the SQLite database and uploaded files live (the settings read the same variable).
VAR_DIR := $(or $(MOTCUA_VAR_DIR),var)

.PHONY: var install run test e2e lint format messages makemessages migrate demo demo-otp lock audit clean check-deploy worker scaleout bench bench-quick wrk

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

## Compile the gettext catalogues (pure Python, no system gettext needed).
messages: $(STAMP)
	@$(PY) src/motcua/core/i18n_compile.py $(LOCALE_DIRS)

var:
	@mkdir -p $(VAR_DIR)/media $(VAR_DIR)/static

migrate: $(STAMP) messages var
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) seed_demo

## Serve the portal with demo data on the embedded SQLite database, with a background task worker.
run: demo
	@$(MANAGE) demo_logins
	@trap 'kill 0' INT TERM EXIT; \
	$(MANAGE) db_worker --interval 1 & \
	$(MANAGE) runserver --noreload $(HOST):$(PORT)

## Run the test suite (SQLite by default; set DATABASE_URL=postgres://... for PostgreSQL).
test: $(STAMP) messages var
	$(PY) -m pytest $(PYTEST_ARGS)

## Browser tests (Playwright driving Debian's /usr/bin/chromium).
e2e: $(STAMP) messages var
	$(PY) -m pytest e2e $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

## Refresh the .po catalogues from the source (needs GNU gettext: apt-get install gettext).
makemessages: $(STAMP)
	cd src/motcua && ../../$(PY) ../manage.py makemessages --locale vi --locale en --no-obsolete --no-location --ignore 'conf/*' --ignore 'static/*' --ignore '*/tests/*'

## Regenerate the pinned dependency set from pyproject.toml.
lock: $(STAMP)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url -o requirements.lock pyproject.toml

## Audit the pinned dependencies for known vulnerabilities (.ci/audit_dependencies.py says how).
audit: $(STAMP)
	$(PY) -m pip install --quiet pip-audit
	$(PY) .ci/audit_dependencies.py

check-deploy: $(STAMP)
	DJANGO_SETTINGS_MODULE=motcua.conf.production $(MANAGE) check --deploy --fail-level WARNING

## The current second-factor code of the demo staff accounts.
demo-otp: $(STAMP)
	@$(MANAGE) demo_otp

worker: migrate
	$(MANAGE) db_worker

clean:
	rm -rf $(VENV) var staticfiles

## Scale-out proof: two web instances and two task workers on one PostgreSQL and Redis.
scaleout: $(STAMP) messages
	$(PY) bench/scaleout.py

## The load tool of the benchmarks (a Debian package, installed the way CI installs Chromium).
wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

## The benchmark suite on 1,000,000 dossiers (generated into motcua_bench first if needed);
## report on stdout and in var/bench/. See bench/README.md and docs/benchmarks.md.
bench: $(STAMP) messages wrk
	$(PY) bench/run.py full

## The same suite on 2% of the data with short runs: a smoke check (fails on any request error).
bench-quick: $(STAMP) messages wrk
	$(PY) bench/run.py quick
