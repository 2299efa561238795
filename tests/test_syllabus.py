"""The syllabus, the notebooks on disk, the README, the Makefile and the benchmark table agree."""
import re
from pathlib import Path

import nbformat
import pytest

import benchmark_scripts

from lessons import syllabus
from lessons.syllabus import REPO_ROOT, SyllabusError

COURSES = syllabus.load()
LESSONS = syllabus.lessons(COURSES)


def test_every_listed_notebook_exists():
    missing = [lesson.path for lesson in LESSONS if not (REPO_ROOT / lesson.path).is_file()]
    assert not missing, f"listed in lessons/syllabus.toml but not on disk: {missing}"


def test_every_notebook_is_listed():
    on_disk = {p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "notebooks").rglob("*.ipynb")
               if ".ipynb_checkpoints" not in p.parts}
    listed = {lesson.path for lesson in LESSONS}
    assert on_disk <= listed, f"notebooks missing from lessons/syllabus.toml: {sorted(on_disk - listed)}"


def test_assignments_and_quizzes_in_the_syllabus_and_on_disk_agree():
    listed = [a for week in syllabus.weeks(COURSES) for a in (*week.assignments, week.quiz) if a]
    on_disk = sorted(p.parent.name for p in (REPO_ROOT / "assignments").glob("*/source.ipynb"))
    assert sorted(listed) == on_disk


def test_make_lab_opens_the_first_lesson():
    # `make lab` opens the first lesson and makes it the server's start URL (default_url), so that
    # a learner lands on it; tests/test_browser.py runs that lesson in JupyterLab (given Chromium).
    lab_recipe = re.search(r"^lab:.*\n((?:\t.*\n)+)", (REPO_ROOT / "Makefile").read_text(), re.M).group(1)
    default_url = re.search(r"--LabApp\.default_url=/lab/tree/(\S+)", lab_recipe)
    assert default_url and default_url.group(1) == LESSONS[0].path == "notebooks/00_start_here.ipynb"
    assert lab_recipe.split()[-1] == LESSONS[0].path
    # With the course's JupyterLab settings, which tests/test_browser.py uses too.
    assert '"--LabApp.app_settings_dir=$(CURDIR)/jupyter/settings"' in lab_recipe


def test_lessons_are_in_course_order():
    # Within a course folder, file names sort in the order the syllabus teaches them.
    for course in COURSES:
        paths = [lesson.path for week in course.weeks for lesson in week.lessons]
        assert paths == sorted(paths), f"{course.id}: syllabus order differs from file order"


def test_week_ids_follow_their_course():
    for course in COURSES:
        for week in course.weeks:
            # A course's weeks are c5w1, c5w2...; a track's topics are numbered after it: gen1, gen2...
            assert re.fullmatch(rf"{course.id}w?\d+", week.id), week.id


def test_lesson_files_sit_in_their_course_folder():
    for course in COURSES:
        for week in course.weeks:
            for lesson in week.lessons:
                assert Path(lesson.path).parent.as_posix() == course.folder


@pytest.mark.parametrize("bad, message", [
    ('[[course]]\nid="c1"\ntitle="t"\nfolder="f"\n[[course.week]]\nid="c1w1"\ntitle="t"\n'
     'lessons=[{notebook="a.ipynb"}]\n', "missing key 'budget_s'"),
    ('[[course]]\nid="c1"\ntitle="t"\nfolder="f"\n[[course.week]]\nid="c1w1"\ntitle="t"\n'
     'lessons=[{notebook="a.ipynb", budget_s=0}]\n', "positive integer budget_s"),
    ('[[course]]\nid="c1"\ntitle="t"\nfolder="f"\n[[course.week]]\nid="c1"\ntitle="t"\n', "duplicate ids: c1"),
])
def test_a_broken_syllabus_is_refused_with_a_reason(tmp_path, bad, message):
    path = tmp_path / "syllabus.toml"
    path.write_text(bad)
    with pytest.raises(SyllabusError, match=re.escape(message)):
        syllabus.load(path)


def test_readme_course_table_is_generated_from_the_syllabus():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert syllabus.markdown_table(COURSES) in readme, (
        "README's course table is out of date: paste the output of `python -m lessons.syllabus`")


def test_every_lesson_has_a_recorded_run_within_its_budget():
    run_lessons = benchmark_scripts.load("run_lessons")
    seconds = run_lessons.HEADER.index("run time (s)")
    recorded = {path: float(row[seconds]) for (path, on_gpu), row in run_lessons.read_table().items()
                if not on_gpu}  # budgets are for the CPU
    for lesson in LESSONS:
        assert lesson.path in recorded, f"{lesson.path}: no run recorded; run `make notebooks NB={lesson.path}`"
        assert recorded[lesson.path] <= lesson.budget_s, (
            f"{lesson.path}: recorded {recorded[lesson.path]} s, over its {lesson.budget_s} s budget")


def test_each_lesson_states_the_time_it_takes_as_the_syllabus_holds_it():
    """Reading, practice and running, estimated from the notebook (lessons/estimate.py): the
    syllabus holds the total, the README table shows it, and the lesson's opening says it."""
    from lessons import estimate
    found = estimate.estimates()
    for lesson in syllabus.lessons(COURSES):
        expected = found[lesson.path]
        assert lesson.minutes == expected.minutes, f"{lesson.path}: run `python -m lessons.estimate --write`"
        opening = nbformat.read(REPO_ROOT / lesson.path, as_version=4).cells[0].source
        assert expected.sentence() in opening, f"{lesson.path}: run `python -m lessons.estimate --write`"


def test_the_estimate_counts_reading_code_exercises_and_running(tmp_path):
    from lessons import estimate
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("word " * 300 + "\n\n**Time.** About 99 minutes: stale."),
        nbformat.v4.new_code_cell("# a comment\nx = 1\n\ny = 2\n" + "z = 3\n" * 8),
        nbformat.v4.new_code_cell("practice.cosine.check(my_cosine)\n# practice.cosine.hint()")])
    path = tmp_path / "lesson.ipynb"
    nbformat.write(notebook, path)
    found = estimate.estimate(path, running_s=42.0)
    assert (found.reading, found.exercises) == (3, 5)  # 300 words / 150 + 11 code lines / 10, rounded; one exercise
    assert found.minutes == 10
    assert found.sentence() == ("**Time.** About 10 minutes: 3 reading, 5 on the practice exercises, "
                                "and 42 s of running.")
