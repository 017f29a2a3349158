# The front door. `make book` sets everything up and builds the site;
# `make test` runs every test. Both create .venv on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := _build

# No internet here: read the airfoil data from the project's shared copy when
# there is one and the caller did not choose a folder (README: "The data").
ifneq ($(wildcard ../shared/data/airfoil_self_noise.dat),)
export D2LMINI_DATA_DIR ?= $(abspath ../shared/data)
endif

# `make book` builds the English and the Chinese book with tools/build_site.py,
# strictly (jupyter-book build --all -W -n --keep-going): a failing cell, a
# broken reference or any warning fails it. --all re-reads every page so that
# no warning hides in an unchanged one; the execution caches
# (_build/.jupyter_cache/<lang>) keep rebuilds fast.

.PHONY: setup book slides test notebooks bench lab clean

setup: $(STAMP)

# tools/system-packages.sh installs Node.js, Chromium and CJK fonts from Debian
# where it may (root), and otherwise says what is missing and how to get it.
$(STAMP): requirements.txt pyproject.toml package.json package-lock.json
	@bash tools/system-packages.sh
	npm ci --no-audit --no-fund
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

# The site links every page to its lecture slides, so the book build makes
# them too: a reveal.js deck and a PDF handout per page (tools/slides.py).
# tools/build_site.py first says what is missing, and swaps the finished site
# in whole: Ctrl-C at any point leaves the last complete one.
book: $(STAMP)
	$(BIN)/python tools/build_site.py

slides: book
	@echo "Decks: _build/slides/index.html (also in the site, as slides/)"

# The tests check the built site and slides in a browser and unpack the
# notebook archive, so they build them first (cached: seconds when unchanged).
# On every core (pytest-xdist), each file whole on one worker (conftest.py).
test: book notebooks
	$(BIN)/python -m pytest -n auto --dist loadfile

notebooks: book
	$(BIN)/python tools/notebooks.py

bench: $(STAMP)
	$(BIN)/python bench/bench_d2lmini.py
	$(BIN)/python bench/bench_animator.py
	$(BIN)/python bench/bench_explorers.py
	$(BIN)/python bench/bench_book.py
	$(BIN)/python bench/bench_load.py

# JupyterLab is installed on first use, not by setup: it brings a JSON-schema
# extra that costs every book build 4 s of start-up (see README, Speed).
lab: $(STAMP)
	$(BIN)/python -c "import jupyterlab" 2>/dev/null || $(BIN)/python -m pip install --quiet "jupyterlab>=4,<5"
	$(BIN)/jupyter lab chapters/

clean:
	rm -rf $(BUILD)
