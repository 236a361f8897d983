# CoopNews — `make run` to see the archive, `make test` to run every test.
# Both create .venv and install on first use, so a fresh clone needs nothing else.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run setup test test-quick lint format migrations-check install clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	@touch $(STAMP)

install: $(STAMP)

# Local development settings for manage.py (it reads .env; the environment wins over it). Written
# once: an operator's own .env is never overwritten.
.env:
	@printf '# Written by `make run` for local development; manage.py reads it. Not for production.\nDJANGO_DEBUG=1\n' > $@
	@echo "Wrote .env (DJANGO_DEBUG=1): manage.py commands now run with local development settings."

# Everything `make run` does before serving: settings, tables, the seed articles, an administrator.
setup: $(STAMP) .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_articles seeds/
	$(BIN)/python manage.py ensure_local_admin

run: setup
	@echo "CoopNews: http://$(HOST):$(PORT)/   admin: http://$(HOST):$(PORT)/admin/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Skips the tests marked slow (benchmarks, subprocesses, the wheel build, the README's commands).
test-quick: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var/*.sqlite3 var/*.sqlite3-wal var/*.sqlite3-shm var/staticfiles
