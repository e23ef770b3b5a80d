# kiemchung — the two commands: `make run` and `make test`. Both are idempotent.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium
# The suite runs in parallel (pytest-xdist), one worker a core; TEST_WORKERS=0 runs it in
# one process.
TEST_WORKERS ?= auto

.PHONY: install run serve test lint typecheck pytest browser-deps report-deps bench clean-data messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## make run: install, migrate, load the demo, start the worker and the web app.
run: export KIEMCHUNG_PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)
run: install
	@$(MAKE) --no-print-directory report-deps || echo "Without LibreOffice the reports page offers Word and Excel; its PDF download says what is missing"
	$(BIN)/kiemchung migrate --noinput
	$(BIN)/kiemchung seed-demo
	@echo "Starting the worker and the web app on http://$(HOST):$(PORT)/ (Ctrl+C stops both)"
	@trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(BIN)/kiemchung worker & WORKER=$$!; \
	$(BIN)/kiemchung runserver --noreload $(HOST):$(PORT)

## make test: install, lint, type-check and run the whole suite.
test: install lint typecheck pytest

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: install
	$(BIN)/mypy

pytest: install browser-deps report-deps
	$(BIN)/pytest -n $(TEST_WORKERS)

## The browser tests drive Debian's Chromium (never a browser Playwright downloads).
browser-deps:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium and chromium-driver for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	else \
	  echo "The browser tests need $(CHROMIUM): run 'sudo apt-get install -y chromium chromium-driver'" >&2; \
	  exit 1; \
	fi

## The period reports convert DOCX to PDF with LibreOffice (Times New Roman's metric
## twin from fonts-liberation) and are tested with poppler's pdftotext and pdftoppm.
REPORT_PACKAGES := libreoffice-writer-nogui fonts-liberation poppler-utils
report-deps:
	@if command -v soffice >/dev/null && command -v pdftotext >/dev/null && [ -d /usr/share/fonts/truetype/liberation ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing $(REPORT_PACKAGES) for the period reports"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(REPORT_PACKAGES); \
	else \
	  echo "The period reports need LibreOffice: run 'sudo apt-get install -y $(REPORT_PACKAGES)'" >&2; \
	  exit 1; \
	fi

bench: install
	$(BIN)/kiemchung bench ingest --input ../shared/data/vntc/vntc_sample10k.jsonl.gz
	$(BIN)/kiemchung bench ingest --input ../shared/data/vntc/vntc_train.jsonl.gz
	$(BIN)/kiemchung bench pages --documents 100000

messages: install
	cd src/kiemchung && KIEMCHUNG_DATA_DIR=$(CURDIR)/data ../../$(BIN)/kiemchung makemessages -l vi -l en --no-obsolete -i "testing/*" && KIEMCHUNG_DATA_DIR=$(CURDIR)/data ../../$(BIN)/kiemchung compilemessages
