# The two commands a newcomer needs (see README):
#   make run   installs and starts the service on SQLite with the sample minutes loaded
#   make test  installs and runs the tests (SQLite and PostgreSQL)
PYTHON ?= python3.11
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= sqlite:///$(CURDIR)/minutesbot.db

.PHONY: install run test lint bench clean

$(BIN)/minutesbot: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

install: $(BIN)/minutesbot

run: install
	$(BIN)/minutesbot serve --db $(DB) --load bot/samples

test: install
	$(BIN)/ruff check bot storage tests
	$(BIN)/mypy
	$(BIN)/pytest -q $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.answers

clean:
	rm -rf $(VENV) minutesbot.db*
