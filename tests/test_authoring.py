"""The author's kit: `python -m grader check-assignment ID` finds nothing wrong with any
assignment, and finds each kind of mistake in a copy of one with that one mistake made;
expected values recorded from other cases than checks.py's are refused."""
import shutil
import subprocess
import sys

import nbformat
import numpy as np
import pytest

from grader import assignment as assignment_module
from grader import codec, lint
from grader.assignment import ASSIGNMENTS_DIR, REPO_ROOT, Assignment, AssignmentError, known_ids
from grader.cells import cell_role
from grader.checks import Case, Check
from grader.cli import main

SAMPLE = "c1w1_data_as_tensors"  # the smallest assignment, with no TensorFlow in its checks


@pytest.mark.parametrize("assignment_id", known_ids())
def test_every_assignment_passes_the_lint(assignment_id):
    assert lint.problems(Assignment(assignment_id)) == []


def copy_of_sample(tmp_path, name=SAMPLE):
    folder = tmp_path / name
    shutil.copytree(ASSIGNMENTS_DIR / SAMPLE, folder)
    return folder


def problems_of(folder):
    return lint.problems(Assignment(folder.name, folder=folder))


def assert_found(sentence, folder):
    found = problems_of(folder)
    assert any(sentence in problem for problem in found), found


# ---------------------------------------------------------------- the source notebook
def edit_source(folder, change):
    path = folder / "source.ipynb"
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)


def exercise_cell(nb, exercise):
    return next(cell for cell in nb.cells if cell_role(cell).get("exercise") == exercise)


def self_check_cell(nb, exercise):
    return next(cell for cell in nb.cells if cell.source == f'check("{exercise}", {exercise})')


def set_role(exercise, key, value):
    return lambda nb: exercise_cell(nb, exercise).metadata["grader"].__setitem__(key, value)


def drop_role(exercise, key):
    return lambda nb: exercise_cell(nb, exercise).metadata["grader"].pop(key)


def rewrite(exercise, rewrite_source):
    def change(nb):
        cell = exercise_cell(nb, exercise)
        cell.source = rewrite_source(cell.source)
    return change


def nest_regions(source):
    return (source.replace("### BEGIN SOLUTION", "### BEGIN SOLUTION\n    ### BEGIN SOLUTION")
            .replace("### END SOLUTION", "### END SOLUTION\n    ### END SOLUTION"))


def without_markers(source):
    return "\n".join(line for line in source.splitlines() if "SOLUTION" not in line)


def remove_self_check(nb):
    nb.cells.remove(self_check_cell(nb, "standardize"))


def unlock_self_check(nb):
    self_check_cell(nb, "standardize").metadata.pop("grader")


NOTEBOOK_MISTAKES = [
    pytest.param(lambda nb: nb.metadata["grader"].__setitem__("assignment", "c1w1_other"),
                 "source.ipynb's metadata names the assignment 'c1w1_other', but its folder is", id="metadata-id"),
    pytest.param(set_role("standardize", "points", 0),
                 "exercise standardize should have a positive number of points, not 0", id="zero-points"),
    pytest.param(drop_role("standardize", "points"),
                 "exercise standardize should have a positive number of points, not None", id="no-points"),
    pytest.param(drop_role("standardize", "exercise"), "cell 8 has points but no exercise id", id="no-exercise-id"),
    pytest.param(set_role("standardize", "exercise", "flatten_images"),
                 "the exercise id flatten_images is given to 2 cells", id="duplicate-id"),
    pytest.param(rewrite("standardize", lambda source: source.replace("def standardize(", "def scale(")),
                 "the cell of exercise standardize does not define the function standardize", id="no-function"),
    pytest.param(rewrite("flatten_images", lambda source: source.replace("    ### END SOLUTION", "")),
                 "exercise flatten_images: the ### BEGIN SOLUTION on line 3 is never closed", id="unclosed-region"),
    pytest.param(rewrite("flatten_images", lambda source: source.replace("    ### BEGIN SOLUTION\n", "")),
                 "exercise flatten_images: the ### END SOLUTION on line 4 closes no ### BEGIN SOLUTION",
                 id="stray-end"),
    pytest.param(rewrite("flatten_images", nest_regions),
                 "exercise flatten_images: the ### BEGIN SOLUTION on line 4 is inside the region opened on line 3",
                 id="nested-regions"),
    pytest.param(rewrite("flatten_images", without_markers), "exercise flatten_images has no solution region",
                 id="no-region"),
    pytest.param(remove_self_check, "exercise standardize has no self-check cell after it", id="no-self-check"),
    pytest.param(unlock_self_check, "the self-check cell of exercise standardize is not locked",
                 id="unlocked-self-check"),
    pytest.param(lambda nb: nb.cells.pop(), "the last cell of source.ipynb should be the hand-in cell",
                 id="no-hand-in"),
    pytest.param(lambda nb: nb.cells[0].__setitem__("source", "# Another title"),
                 "student.ipynb is not what release makes from source.ipynb now", id="stale-student-notebook"),
]


@pytest.mark.parametrize("change, sentence", NOTEBOOK_MISTAKES)
def test_the_lint_finds_a_mistake_in_the_source_notebook(tmp_path, change, sentence):
    folder = copy_of_sample(tmp_path)
    edit_source(folder, change)
    assert_found(sentence, folder)


# ---------------------------------------------------------------- the other files
def append_to(name, code):
    return lambda folder: (folder / name).write_text((folder / name).read_text() + "\n" + code + "\n")


def replace_in(name, old, new):
    def change(folder):
        text = (folder / name).read_text()
        assert old in text
        (folder / name).write_text(text.replace(old, new))
    return change


FLATTEN_SOLUTION = '''def flatten_images(images):
    # the solution, without its docstring
    return images.reshape(images.shape[0], -1).T'''

FOLDER_MISTAKES = [
    pytest.param(lambda folder: (folder / "student.ipynb").unlink(), "student.ipynb is missing",
                 id="no-student-notebook"),
    pytest.param(lambda folder: (folder / "planted_bugs.py").unlink(), "planted_bugs.py is missing",
                 id="no-planted-bugs"),
    pytest.param(append_to("planted_bugs.py", 'del PLANTED_BUGS["standardize"]'),
                 "planted_bugs.py has no planted bug for exercise standardize", id="missing-planted-bug"),
    pytest.param(append_to("planted_bugs.py", f"PLANTED_BUGS['flatten_images'] = '''{FLATTEN_SOLUTION}'''"),
                 "the planted bug of exercise flatten_images is its solution", id="planted-solution"),
    pytest.param(append_to("checks.py", "CHECKS.append(CHECKS[0])"),
                 "checks.py has two Checks for flatten_images", id="two-checks"),
    pytest.param(append_to("checks.py", "CHECKS.pop()"),
                 "exercises and checks.py disagree on ['train_dev_test_split']", id="missing-check"),
    pytest.param(replace_in("checks.py", '"grayscale images (m, h, w)"', '"four 2x3x3 images"'),
                 "two cases of flatten_images are named 'four 2x3x3 images'", id="same-case-names"),
    pytest.param(replace_in("checks.py", "public=True", "public=False"),
                 "checks.py: flatten_images has no public case", id="no-public-case"),
    pytest.param(replace_in("checks.py", "np.arange(72, dtype=float)", "np.arange(1, 73, dtype=float)"),
                 "c1w1_data_as_tensors: the expected values of flatten_images are out of date: the inputs of case "
                 "'four 2x3x3 images' changed after its value was recorded; "
                 "run `python -m grader fixtures c1w1_data_as_tensors`", id="stale-fixtures"),
    pytest.param(lambda folder: (folder / "expected" / "standardize.npz").unlink(),
                 "no fixtures for standardize", id="no-fixtures"),
]


@pytest.mark.parametrize("change, sentence", FOLDER_MISTAKES)
def test_the_lint_finds_a_mistake_in_the_folder(tmp_path, change, sentence):
    folder = copy_of_sample(tmp_path)
    change(folder)
    assert_found(sentence, folder)


QUIZ_MISTAKES = [
    pytest.param(lambda folder: edit_source(folder, rewrite("q1", lambda source: source.replace("q1 =", "answer ="))),
                 "the cell of question q1 does not set the variable q1", id="question-sets-no-variable"),
    pytest.param(append_to("checks.py", "from grader.checks import Case, Check\n"
                                        "CHECKS[0] = Check('q1', 'hint', (Case('answer', (), public=True),))"),
                 "checks.py: question q1 should have one case, not public and with no arguments", id="public-question"),
]


@pytest.mark.parametrize("change, sentence", QUIZ_MISTAKES)
def test_the_lint_finds_a_question_that_would_show_its_answer_or_set_nothing(tmp_path, change, sentence):
    folder = tmp_path / "c1w1_quiz"
    shutil.copytree(ASSIGNMENTS_DIR / "c1w1_quiz", folder)
    change(folder)
    assert_found(sentence, folder)


def test_the_lint_finds_an_assignment_missing_from_the_syllabus(tmp_path):
    folder = copy_of_sample(tmp_path, "c9w9_unlisted")
    edit_source(folder, lambda nb: nb.metadata["grader"].__setitem__("assignment", "c9w9_unlisted"))
    assert_found("lessons/syllabus.toml lists c9w9_unlisted under no week", folder)


def test_the_command_exits_0_for_a_sound_assignment_and_2_for_an_unknown_one():
    run = [sys.executable, "-m", "grader", "check-assignment"]
    sound = subprocess.run([*run, SAMPLE], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    unknown = subprocess.run([*run, "c9w9_nothing"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert (sound.returncode, sound.stdout) == (0, f"{SAMPLE}: no problems found\n"), sound.stderr
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("error: unknown assignment 'c9w9_nothing'")


def test_the_command_prints_each_problem_and_exits_1(tmp_path, monkeypatch, capsys):
    folder = copy_of_sample(tmp_path)
    (folder / "student.ipynb").unlink()
    edit_source(folder, unlock_self_check)
    monkeypatch.setattr(assignment_module, "ASSIGNMENTS_DIR", tmp_path)
    assert main(["check-assignment", SAMPLE]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2, printed
    assert printed[0].startswith("the self-check cell of exercise standardize is not locked")
    assert printed[1].startswith("student.ipynb is missing")


# ---------------------------------------------------------------- stale fixtures, case names
@pytest.mark.parametrize("change, difference", [
    pytest.param(replace_in("checks.py", "np.arange(72, dtype=float)", "np.arange(1, 73, dtype=float)"),
                 "the inputs of case 'four 2x3x3 images' changed after its value was recorded", id="new-inputs"),
    pytest.param(replace_in("checks.py", '"four 2x3x3 images"', '"four small images"'),
                 "case 1 is 'four small images' in checks.py but 'four 2x3x3 images' in the fixtures", id="renamed"),
    pytest.param(append_to("checks.py", "CHECKS[0] = dataclasses.replace(CHECKS[0], cases=CHECKS[0].cases[:3])"),
                 "a value is recorded for case 'a batch of 7 colour images', which checks.py no longer has",
                 id="case-removed"),
    pytest.param(append_to("checks.py", "CHECKS[0] = dataclasses.replace(CHECKS[0], cases=CHECKS[0].cases + "
                                        "(Case('one more', (np.zeros((2, 3, 3)),)),))"),
                 "case 'one more' has no recorded value", id="case-added"),
])
def test_expected_values_from_other_cases_are_refused(tmp_path, change, difference):
    folder = copy_of_sample(tmp_path)
    (folder / "checks.py").write_text("import dataclasses\n" + (folder / "checks.py").read_text())
    change(folder)
    assignment = Assignment(SAMPLE, folder=folder)
    assert len(assignment.expected("standardize")) == 3  # the other exercises' values are still handed out
    with pytest.raises(AssignmentError) as raised:
        assignment.expected("flatten_images")
    assert str(raised.value) == (f"{SAMPLE}: the expected values of flatten_images are out of date: {difference}; "
                                 f"run `python -m grader fixtures {SAMPLE}`")


def test_expected_values_in_the_older_format_are_refused(tmp_path):
    folder = copy_of_sample(tmp_path)
    assignment = Assignment(SAMPLE, folder=folder)
    values = assignment.expected("standardize")
    assignment.expected_path("standardize").write_bytes(codec.dumps(values))  # a bare list of values
    with pytest.raises(AssignmentError, match="they are in an older format, without case names and input hashes"):
        assignment.expected("standardize")


def test_two_cases_with_one_name_are_refused():
    with pytest.raises(ValueError, match="checks.py: two cases of sigmoid are named 'zero'; give each case a name"):
        Check("sigmoid", hint="", cases=(Case("zero", (0.0,)), Case("one", (1.0,)), Case("zero", (-0.0,))))


# ---------------------------------------------------------------- input hashes and fixture bytes
def test_input_hashes_ignore_last_bit_differences_between_machines_but_not_real_changes():
    rng = np.random.default_rng(0)
    args = (rng.normal(size=(4, 5)), {"W1": rng.random((3, 4)), "layers": [4, 3]}, 0.7, "relu")
    noisy = (np.nextafter(args[0], np.inf), {"W1": args[1]["W1"] * (1 + 2e-16), "layers": [4, 3]}, 0.7, "relu")
    assert codec.digest(args) == codec.digest(noisy)
    changes = [(args[0].T, *args[1:]),                               # a shape
               (args[0] * 1.01, *args[1:]),                           # the values
               (args[0].astype(np.float32), *args[1:]),              # a dtype
               (*args[:2], 0.8, "relu"), (*args[:3], "tanh"),          # a number, a string
               (args[0], {"W1": args[1]["W1"], "layers": [4, 2]}, *args[2:])]
    assert len({codec.digest(args)} | {codec.digest(changed) for changed in changes}) == 1 + len(changes)


@pytest.mark.slow
def test_a_model_inputs_hash_ignores_the_layer_numbers_keras_chooses():
    from lessons.setup import import_tensorflow_quietly
    import_tensorflow_quietly()
    import keras

    def model(units=4):
        return keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(units)])  # unnamed: dense, dense_1, ...

    def functional(units=4, skip=True):  # its connections name the layers they come from
        inputs = keras.Input(shape=(3,))
        hidden = keras.layers.Dense(units)(inputs)
        outputs = keras.layers.Dense(1)(keras.layers.Concatenate()([hidden, inputs]) if skip else hidden)
        return keras.Model(inputs, outputs)

    for build in (model, functional):
        first = codec.digest((codec.ModelInput(build()),))
        assert codec.digest((codec.ModelInput(build()),)) == first, build.__name__
        assert codec.digest((codec.ModelInput(build(units=5)),)) != first, build.__name__
    assert codec.digest((codec.ModelInput(functional(skip=False)),)) != codec.digest((codec.ModelInput(functional()),))


def test_the_same_value_always_gives_the_same_bytes():
    value = [{"name": "a case", "value": (np.arange(6.).reshape(2, 3), 1.5, np.int64(2))}]
    first = codec.dumps(value)
    assert codec.dumps(value) == first
    assert codec.dumps(codec.loads(first)) == first
