# OCOP marketplace: every day-to-day task in one place. `make` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
DEV_SETTINGS := marketplace.settings.dev
DEMO_PASSWORD ?= ocop-demo-2026
HOST ?= 127.0.0.1
PORT ?= 8000
export DEMO_PASSWORD

.PHONY: help install demo run test lint format bench engine-start engine-stop \
	stripe-mock-start stripe-mock-stop postgres-start postgres-stop clean distclean \
	redis-start redis-stop backup restore

help: ## List the targets (this message)
	@echo "OCOP marketplace: make <target>"
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "} {printf "  %-18s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv (Python 3.11) and install the project with dev extras

# The stamp is newer than pyproject.toml once the install succeeded, so a second
# `make install` does nothing until the dependencies change.
$(STAMP): pyproject.toml
	@scripts/venv.sh "$(PYTHON)" "$(VENV)"
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[dev]'
	@mkdir -p var
	@scripts/fonts.sh >/dev/null \
		|| echo "fonts-dejavu-core missing: QR label sheets need it (scripts/fonts.sh)."
	@touch $(STAMP)

demo: install ## Migrate the database and seed the demo catalogue (idempotent)
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-$(DEV_SETTINGS)} $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-$(DEV_SETTINGS)} $(MANAGE) seed_demo

run: install demo ## Install, seed, start the search engine and serve http://127.0.0.1:8000
	@($(MAKE) --no-print-directory engine-start \
		&& DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-$(DEV_SETTINGS)} \
			$(MANAGE) search_index rebuild) \
		|| echo "Search engine not started: search answers from the database instead."
	@echo
	@echo "Sàn OCOP Vĩnh Long: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/quan-tri/)"
	@echo "Demo logins (password: $(DEMO_PASSWORD)):"
	@echo "  so_congthuong   department moderator (Sở Công Thương): verify, publish, curate"
	@echo "  nguoiban_demo   seller editor: edits its own products, sends them for approval"
	@echo "  admin           superuser"
	@echo "Shoppers need no login: browse the home page, categories and products."
	@echo
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-$(DEV_SETTINGS)} \
		$(MANAGE) runserver $(HOST):$(PORT)

test: install ## Lint, Django checks, then the suite on SQLite and on PostgreSQL 15
	@scripts/run_tests.sh

lint: install ## ruff check and format --check, djhtml --check templates, import layers
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --tabwidth 2 --check templates
	$(BIN)/python scripts/check_imports.py

format: install ## Apply ruff's formatting and safe fixes, and djhtml's indentation
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml --tabwidth 2 templates

bench: install ## Measure pages (and search/checkout when present); writes docs/benchmarks.md
	@scripts/postgres.sh >/dev/null \
		|| echo "PostgreSQL unavailable: benchmarking SQLite only."
	@$(MAKE) --no-print-directory engine-start \
		|| echo "Search engine unavailable: category pages measured on the database."
	@# The production cache: Redis (db 2), when it starts.
	@if scripts/redis.sh start >/dev/null; then \
		CACHE_URL=$${CACHE_URL:-redis://127.0.0.1:6379/2} $(BIN)/python scripts/bench.py $(BENCH_ARGS); \
	else echo "Redis unavailable: each worker caches in its own memory."; \
		$(BIN)/python scripts/bench.py $(BENCH_ARGS); fi

engine-start: ## Start the OpenSearch engine (scripts/engine.sh) and wait until healthy
	@if [ -x scripts/engine.sh ]; then scripts/engine.sh start; \
	else echo "scripts/engine.sh not present yet: nothing to start."; fi

engine-stop: ## Stop the OpenSearch engine started by engine-start
	@if [ -x scripts/engine.sh ]; then scripts/engine.sh stop; \
	else echo "scripts/engine.sh not present yet: nothing to stop."; fi

stripe-mock-start: ## Install (first time) and start stripe-mock on 127.0.0.1:12111
	@if [ -x scripts/stripe-mock.sh ]; then scripts/stripe-mock.sh start; \
	else echo "scripts/stripe-mock.sh not present yet: nothing to start."; fi

stripe-mock-stop: ## Stop stripe-mock
	@if [ -x scripts/stripe-mock.sh ]; then scripts/stripe-mock.sh stop; \
	else echo "scripts/stripe-mock.sh not present yet: nothing to stop."; fi

postgres-start: ## Install (first time) and start PostgreSQL 15; prints DATABASE_URL
	@scripts/postgres.sh start

postgres-stop: ## Stop the PostgreSQL 15 cluster
	@scripts/postgres.sh stop

redis-start: ## Install (first time) and start Redis on 127.0.0.1:6379 (the shared cache)
	@scripts/redis.sh start

redis-stop: ## Stop the Redis started by redis-start
	@scripts/redis.sh stop

backup: install ## Back up the database and media into BACKUP_DIR (default var/backups)
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-$(DEV_SETTINGS)} $(MANAGE) backup

restore: install ## Restore the newest backup in BACKUP_DIR (asks first; FORCE=1 does not)
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-$(DEV_SETTINGS)} \
		$(MANAGE) restore $(if $(filter 1,$(FORCE)),--noinput)

clean: ## Remove caches, benchmark databases and collected static files
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +
	rm -rf .ruff_cache .pytest_cache *.egg-info var/bench var/static

# Deleting var/ loses the database, media and backups: asks first (y/N); without a
# terminal it refuses unless FORCE=1.
distclean: ## Also remove .venv and var/ (database, media, backups): asks first
	@if [ "$(FORCE)" != "1" ]; then \
		if [ ! -t 0 ]; then \
			echo "distclean deletes var/ (database, media, backups): no terminal to ask, run with FORCE=1." >&2; \
			exit 1; \
		fi; \
		read -r -p "Delete .venv and var/ (database, media, backups)? [y/N] " answer; \
		case "$$answer" in [yY]|[yY][eE][sS]) ;; *) echo "Nothing deleted."; exit 1 ;; esac; \
	fi
	@$(MAKE) --no-print-directory clean engine-stop stripe-mock-stop redis-stop
	rm -rf $(VENV) var
