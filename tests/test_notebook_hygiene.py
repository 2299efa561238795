"""Every committed lesson notebook is clean: runnable by papermill, run top to bottom,
free of errors and of paths from the machine that ran it. Each assignment's source notebook,
whose outputs `python -m grader fixtures` stores, is run top to bottom and free of errors too."""
import copy
import json
import re

import nbformat
import pytest
from nbformat.warnings import DuplicateCellId

from lessons import syllabus
from lessons.syllabus import REPO_ROOT

NOTEBOOKS = [lesson.path for lesson in syllabus.lessons()]
SOURCE_NOTEBOOKS = sorted(p.relative_to(REPO_ROOT) for p in REPO_ROOT.glob("assignments/*/source.ipynb"))
MACHINE_PATH = re.compile(r"(/work/|/tmp/|/root/|/home/|/Users/|[A-Z]:\\\\Users)")


@pytest.fixture(params=NOTEBOOKS)
def notebook(request):
    return request.param, nbformat.read(REPO_ROOT / request.param, as_version=4)


@pytest.fixture(params=NOTEBOOKS + SOURCE_NOTEBOOKS, ids=str)
def executed_notebook(request):
    """A lesson, or an assignment's source notebook."""
    return request.param, nbformat.read(REPO_ROOT / request.param, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def assert_stored_as_valid_nbformat_4(path):
    """Check the file as stored: nbformat.read(path, as_version=4) would upgrade an older
    notebook before anything is checked, and nbformat.validate repairs missing or duplicate
    cell ids in place instead of failing."""
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored.get("nbformat") == 4, f"{path}: stored as nbformat {stored.get('nbformat')}, not 4"
    validated = copy.deepcopy(stored)
    nbformat.validate(validated)
    assert validated == stored, f"{path}: nbformat had to repair its cell ids"


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_is_stored_as_a_valid_nbformat_4_notebook(path):
    assert_stored_as_valid_nbformat_4(REPO_ROOT / path)


def test_the_format_check_fails_on_what_reading_would_repair(tmp_path):
    old = tmp_path / "old.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), old, version=3)
    nbformat.validate(nbformat.read(old, as_version=4))  # read upgrades it: valid once converted
    with pytest.raises(AssertionError, match="stored as nbformat 3, not 4"):
        assert_stored_as_valid_nbformat_4(old)

    twins = tmp_path / "twins.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1"), nbformat.v4.new_code_cell("2")])
    nb.cells[1].id = nb.cells[0].id
    twins.write_text(json.dumps(nb))
    with pytest.warns(DuplicateCellId), pytest.raises(AssertionError, match="had to repair its cell ids"):
        assert_stored_as_valid_nbformat_4(twins)

    invalid = tmp_path / "invalid.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    del nb.cells[0]["outputs"]
    invalid.write_text(json.dumps(nb))
    with pytest.raises(nbformat.ValidationError):
        assert_stored_as_valid_nbformat_4(invalid)


def test_uses_the_python3_kernel(notebook):
    path, nb = notebook
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", path


def test_first_code_cell_is_tagged_parameters(notebook):
    path, nb = notebook
    first = code_cells(nb)[0]
    assert "parameters" in first.metadata.get("tags", []), f"{path}: first code cell lacks the 'parameters' tag"
    assert "SEED" in first.source, f"{path}: the parameters cell should set SEED"


def test_second_code_cell_runs_the_shared_setup(notebook):
    path, nb = notebook
    assert "start(SEED)" in code_cells(nb)[1].source, f"{path}: second code cell should call start(SEED)"


def test_starts_with_a_title_and_text(notebook):
    path, nb = notebook
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.lstrip().startswith("# "), path


def test_was_executed_top_to_bottom(executed_notebook):
    path, nb = executed_notebook
    counts = [c.execution_count for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), f"{path}: execution counts {counts}"


def test_holds_no_error_output(executed_notebook):
    path, nb = executed_notebook
    errors = [o.get("ename") for c in code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{path}: stored errors {errors}"


def test_holds_no_warning_in_output(notebook):
    path, nb = notebook
    for cell in code_cells(nb):
        for out in cell.outputs:
            if out.output_type == "stream" and out.name == "stderr":
                assert "Warning" not in out.text, f"{path}: a warning in the stored output:\n{out.text[:300]}"


def test_holds_no_absolute_machine_path(notebook):
    path, nb = notebook
    found = MACHINE_PATH.search(json.dumps(nb))
    assert not found, f"{path}: contains the machine path {found.group(0)!r}"


def test_uses_keras_3_not_tf_keras(notebook):
    path, nb = notebook
    for cell in code_cells(nb):
        assert not re.search(r"\btf\.keras\b|\btf_keras\b", cell.source), f"{path}: use `import keras`"


def test_has_checked_cells(notebook):
    path, nb = notebook
    assert any(c.source.startswith("# NBVAL_CHECK_OUTPUT") for c in code_cells(nb)), (
        f"{path}: no cell is marked # NBVAL_CHECK_OUTPUT, so nbval checks nothing in it")
