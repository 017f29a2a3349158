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
# no warning hides in an unchanged one; the shared execution cache
# (_build/.jupyter_cache) keeps rebuilds fast.

.PHONY: setup book test notebooks bench lab clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml package.json package-lock.json
	@bash tools/system-packages.sh
	npm ci --no-audit --no-fund
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

book: $(STAMP)
	$(BIN)/python tools/build_site.py

# The tests check the built site in a browser and unpack the notebook
# archive, so they build both first (cached: seconds when nothing changed).
test: book notebooks
	$(BIN)/python -m pytest

notebooks: book
	$(BIN)/python tools/notebooks.py

bench: $(STAMP)
	$(BIN)/python bench/bench_d2lmini.py
	$(BIN)/python bench/bench_book.py

lab: $(STAMP)
	$(BIN)/jupyter lab chapters/

clean:
	rm -rf $(BUILD)
