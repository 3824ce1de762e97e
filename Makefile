# Nærvær — the two commands: `make serve` (set up, build, serve) and `make test`.
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve check test lint types bench clean

setup:
	./setup.sh

build: setup
	.venv/bin/mkdocs build

serve: build
	@echo "Serving the default edition on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	.venv/bin/python -m http.server $(PORT) --bind 127.0.0.1 --directory site

# the test ladder: `make check` is lint, types and the unit tests (no builds, under a minute);
# `make test` is everything (builds both editions with PDFs, drives Chromium): the CI command.
# Both run on two worker processes (pytest-xdist); `--dist loadscope` keeps a test file's
# module fixtures (a built edition, a browser) in one worker.
check: setup lint types
	.venv/bin/python -m pytest -q -n 2 -m "not build and not browser"

test: setup lint types
	.venv/bin/python -m pytest -n 2 --dist loadscope

lint: setup
	.venv/bin/ruff check .

types: setup
	.venv/bin/mypy

bench: setup
	.venv/bin/python bench/run.py

clean:
	rm -rf site site.building site.old build .cache
