# Two commands for everything: `make lab` to learn, `make test` to check.
# Both create the virtual environment in .venv on first use and reuse it after.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install lab test notebooks grade clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# JupyterLab refuses to run as root (as in many containers) unless told it may.
LAB_ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

# The start-here notebook opens first, also from the URL the server prints (default_url),
# with the file browser in notebooks/. The course's defaults for JupyterLab's settings are in
# jupyter/settings/overrides.json: no pop-up asking about Jupyter news, no update check (both
# would ask the internet). A learner's own settings, in their home, still come first.
lab: install  ## open the course in JupyterLab
	$(BIN)/jupyter lab $(LAB_ROOT_FLAG) --notebook-dir=. \
		--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb \
		"--LabApp.app_settings_dir=$(CURDIR)/jupyter/settings" $(LAB_ARGS) notebooks/00_start_here.ipynb

test: install  ## the whole suite: units, syllabus, notebook hygiene, nbval on every lesson
	$(BIN)/python -m pytest -n 2

notebooks: install  ## re-run lesson notebooks in place (NB=path to pick one) and record their times
	$(BIN)/python benchmarks/run_lessons.py --write $(NB)

grade: install  ## grade one notebook as the grader would: make grade NB=path/to/notebook.ipynb
	$(BIN)/python -m grader grade $(NB)

clean:
	rm -rf $(VENV)
