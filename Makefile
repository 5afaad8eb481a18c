# The course's commands. `make lab` to teach or study, `make test` to check everything.
# CI (.ci/run) calls the same targets a person does.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Jupyter refuses to run as root unless told to; CI machines run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
# The course's JupyterLab page config (jupyter-config/labconfig/page_config.json) turns
# off the news plugin, so no "get notified about Jupyter news?" toast covers the figures.
# It is found through JUPYTER_CONFIG_PATH, so a person's own Jupyter set-up is untouched.
LAB_CONFIG := JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"
# `make lab-zh` puts jupyter-config/zh first: its labconfig/default_setting_overrides.json sets
# JupyterLab's own interface to Simplified Chinese (the zh-CN language pack) by default. It is a
# default, not a saved setting: `make lab` stays in English and your own settings are untouched.
LAB_CONFIG_ZH := JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config/zh:$(CURDIR)/jupyter-config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"
# The message catalogs: lossedu/locale/lossedu.pot (made from the source) and one
# lossedu/locale/<language>/LC_MESSAGES/lossedu.po (+ compiled .mo) per language.
LOCALE  := lossedu/locale
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)

.PHONY: help install lab lab-zh present present-zh test lint format notebooks bench translations constraints clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq -c constraints.txt -e ".[notebooks,test]"
	touch $@

install: $(STAMP)  ## create .venv and install the package with its notebook and test stack

lab: $(STAMP)  ## open JupyterLab on the notebooks (127.0.0.1, token on)
	$(LAB_CONFIG) $(BIN)/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=notebooks $(ROOT_FLAG)

lab-zh: $(STAMP)  ## JupyterLab on the Chinese notebooks, its own interface in Chinese
	$(LAB_CONFIG_ZH) $(BIN)/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=notebooks/zh $(ROOT_FLAG)

present: $(STAMP)  ## show every explorer for a class: Voilà, no code, large controls (127.0.0.1, token on)
	$(BIN)/voila notebooks/classroom.ipynb --no-browser --Voila.ip=127.0.0.1 --token \
	  --strip_sources=True --show_tracebacks=False

present-zh: $(STAMP)  ## the same page for a class in Chinese: notebooks/zh/classroom.ipynb in Voilà
	$(BIN)/voila notebooks/zh/classroom.ipynb --no-browser --Voila.ip=127.0.0.1 --token \
	  --strip_sources=True --show_tracebacks=False

lint: $(STAMP)  ## ruff: lint and formatting of the package, tests and benchmarks
	$(BIN)/ruff check lossedu tests benchmarks tools conftest.py
	$(BIN)/ruff format --check lossedu tests benchmarks tools conftest.py

format: $(STAMP)  ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix lossedu tests benchmarks tools conftest.py
	$(BIN)/ruff format lossedu tests benchmarks tools conftest.py

test: lint  ## every test: unit, property, reference, doctests, nbval, browser
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: the suite is broken" >&2; exit 1; fi; \
	exit $$status

notebooks: $(STAMP)  ## re-execute every notebook in a fresh kernel, store outputs and README thumbnails
	$(BIN)/python tools/build_notebooks.py

bench: $(STAMP)  ## run the benchmarks and print one table of figures against targets
	$(BIN)/python benchmarks/run.py

translations: $(STAMP)  ## extract the messages from lossedu/, merge them into each catalog, compile
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ --no-location --sort-output -w 100 \
	  --project=lossedu --version=$(VERSION) -o $(LOCALE)/lossedu.pot .
	$(BIN)/pybabel update -i $(LOCALE)/lossedu.pot -d $(LOCALE) -D lossedu -w 100 \
	  --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d $(LOCALE) -D lossedu --statistics

constraints: $(STAMP)  ## re-pin the tested versions from the current .venv
	( sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable \
	  | sed 's/+cpu$$//' ) > constraints.new && mv constraints.new constraints.txt

clean:  ## remove the environment and test artefacts
	rm -rf $(VENV) test-artifacts .pytest_cache
