# Nærvær — the two commands: `make serve` (set up, build, serve) and `make test`.
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve test lint bench clean

setup:
	./setup.sh

build: setup
	.venv/bin/mkdocs build

serve: build
	@echo "Serving the default edition on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	.venv/bin/python -m http.server $(PORT) --bind 127.0.0.1 --directory site

test: setup
	.venv/bin/python -m pytest

lint: setup
	.venv/bin/ruff check .

bench: setup
	.venv/bin/python bench/run.py

clean:
	rm -rf site site.building site.old build .cache
