# docgraph's two set-up commands (see README.md):
#   make demo   create .venv, install docgraph, extract seeds/ to out/graph.ttl (checked
#               against the SHACL shapes), list the entities found, draw out/graph.html
#               and print who chaired what
#   make test   create .venv, install docgraph with its test tools (and Debian's chromium
#               for the browser tests), then run ruff, mypy and the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench pictures chromium tesseract clean train

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,model]'
	touch $@

demo: $(INSTALLED)
	$(BIN)/docgraph extract seeds/ --output out/ --validate
	$(BIN)/docgraph entities seeds/
	$(BIN)/docgraph viz out/graph.ttl --output out/graph.html
	$(BIN)/docgraph chairs out/graph.ttl

test: lint typecheck pytest

lint: $(INSTALLED)
	$(BIN)/ruff check src tests benchmarks docs notebooks tools

typecheck: $(INSTALLED)
	$(BIN)/mypy

pytest: $(INSTALLED) chromium tesseract
	$(BIN)/pytest

# The browser tests drive Debian's chromium (never a downloaded browser).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "install Debian's chromium package (apt-get install chromium)" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# PDF pages without a text layer are read by Debian's tesseract-ocr where it is installed;
# the tests of that path need it.
tesseract:
	@if ! command -v tesseract >/dev/null; then \
	  echo "installing Debian's tesseract-ocr for the OCR tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "install Debian's tesseract-ocr package (apt-get install tesseract-ocr)" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq tesseract-ocr >/dev/null; \
	fi

pictures: $(INSTALLED) chromium
	$(BIN)/python docs/make_pictures.py

# Train the entity judge again from training/judge/labels: reads the labelled pages of
# ../shared/corpus/mddi-posts, writes src/docgraph/data/judge.json (the same labels give
# the same weights) and reports precision and recall on the held-out labels.
PAGES ?= ../shared/corpus/mddi-posts/pages
train: $(INSTALLED)
	$(BIN)/python tools/train_judge.py --pages $(PAGES) --report

bench: $(INSTALLED)
	$(BIN)/python benchmarks/bench_clean.py
	$(BIN)/python benchmarks/bench_ner.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_rdf.py
	$(BIN)/python benchmarks/bench_scaling.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis out
