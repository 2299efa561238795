"""The lessons' glossaries follow one format, and notebooks/GLOSSARY.md is generated from them."""
import json
import re
from pathlib import Path

import pytest

from lessons import glossary, syllabus
from lessons.syllabus import REPO_ROOT

COURSES = syllabus.load()
# The orientation notebook of course c0 teaches no terms; every course lesson has a glossary.
COURSE_LESSONS = [lesson.path for course in COURSES if course.id != "c0"
                  for week in course.weeks for lesson in week.lessons]
ON_DISK = [path for path in COURSE_LESSONS if (REPO_ROOT / path).is_file()]  # test_syllabus checks the rest

# The seed-glossary terms that the "Trace / glossary" rows of Courses 1-3 in the curriculum map
# (shared/curriculum.md, beside the repository while the course was written; not in a clone) cite
# as "#n Name". Each maps to the names under which a lesson may define it.
SEED_TERMS = {
    1: ("Deep learning", ("Deep learning",)),
    2: ("Artificial neuron", ("Artificial neuron",)),
    3: ("Perceptron", ("Perceptron",)),
    11: ("layers", ("Layer", "Hidden layer")),
    14: ("NN", ("Neural network", "NN")),
    15: ("weights/biases", ("Weights", "Biases")),
    18: ("activation", ("Activation function",)),
    19: ("sigmoid", ("Sigmoid",)),
    20: ("tanh", ("Tanh",)),
    21: ("ReLU", ("ReLU",)),
    22: ("Leaky ReLU", ("Leaky ReLU",)),
    23: ("step", ("Step function",)),
    25: ("forward", ("Forward propagation",)),
    26: ("backprop", ("Backward propagation", "Backpropagation")),
    27: ("feedforward", ("Feedforward network",)),
    28: ("MLP", ("Multilayer perceptron", "MLP")),
    29: ("dense", ("Dense layer",)),
    58: ("dropout", ("Dropout",)),
    59: ("BN", ("Batch normalisation", "BN")),
    62: ("GD", ("Gradient descent",)),
    63: ("learning rate", ("Learning rate",)),
}
CURRICULUM = REPO_ROOT.parent / "shared" / "curriculum.md"


def defined_names():
    return {name.lower(): path for _, _, path, _, entries in glossary.collect(COURSES)
            for entry in entries for name in entry.names}


@pytest.mark.parametrize("path", ON_DISK)
def test_every_lesson_has_a_glossary_in_the_course_format(path):
    entries = glossary.read_glossary(REPO_ROOT / path)  # raises on a malformed line
    assert entries, f"{path}: no glossary (a markdown line '**Glossary.**', then '**Term**: definition.' lines)"
    names = [name.lower() for entry in entries for name in entry.names]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"{path}: terms defined twice: {duplicates}"


@pytest.mark.parametrize("path", ON_DISK)
def test_the_glossary_sits_in_the_summary(path):
    cells = json.loads((REPO_ROOT / path).read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    holder = next(i for i, s in enumerate(sources) if glossary.HEADING in s.splitlines())
    assert any("summary" in s.lower() for s in sources[holder - 1:holder + 1]), (
        f"{path}: the glossary block should be part of the summary")


def test_the_committed_page_is_up_to_date():
    expected = glossary.render(glossary.collect(COURSES))
    assert glossary.PAGE.read_text(encoding="utf-8") == expected, (
        "notebooks/GLOSSARY.md is stale: run `python -m lessons.glossary`")


def test_the_page_links_every_term_to_its_lesson():
    page = glossary.render(glossary.collect(COURSES))
    for _, _, path, _, entries in glossary.collect(COURSES):
        link = Path(path).relative_to("notebooks").as_posix()
        for entry in entries:
            assert f"[**{entry.term}**]({link})" in page
    for target in set(re.findall(r"\]\(([^)]+\.ipynb)\)", page)):
        assert (REPO_ROOT / "notebooks" / target).is_file(), target


def test_the_seed_terms_of_courses_1_to_3_are_defined():
    names = defined_names()
    missing = [f"#{n} {word}" for n, (word, accepted) in SEED_TERMS.items()
               if not any(name.lower() in names for name in accepted)]
    assert not missing, f"seed-glossary terms cited by the curriculum but defined in no lesson: {missing}"


@pytest.mark.skipif(not CURRICULUM.is_file(), reason="shared/curriculum.md is not beside this clone")
def test_the_seed_term_list_matches_the_curriculum():
    text = CURRICULUM.read_text(encoding="utf-8")
    courses_1_to_3 = text[text.index("## 2. Course 1"):text.index("### C4W1")]
    cited = {}
    for line in courses_1_to_3.splitlines():
        if line.startswith("| Trace / glossary") and "·" in line:
            for number, name in re.findall(r"#(\d+)(?:[–-]\d+)? ([A-Za-z][A-Za-z/ ]*?)(?=,|;| ·|$)",
                                           line.split("·", 1)[1]):
                cited[int(number)] = name.strip()
    assert cited == {n: word for n, (word, _) in SEED_TERMS.items()}


def test_the_reader_rejects_what_the_format_does_not_allow(tmp_path):
    def notebook(text):
        path = tmp_path / "lesson.ipynb"
        path.write_text(json.dumps({"cells": [{"cell_type": "markdown", "source": text}]}))
        return path

    good = notebook("## Summary\n\n**Glossary.**\n**Filter, kernel**: a small array.\n**Stride** (s): a step.\n\nNext.")
    entries = glossary.read_glossary(good)
    assert [(e.names, e.definition, e.note) for e in entries] == [
        (("Filter", "kernel"), "a small array", ""), (("Stride",), "a step", "(s)")]
    for bad in ("**Glossary.**\n| term | meaning |", "**Glossary.**\n**Term**: no full stop",
                "**Glossary.**\n\n**Term**: nothing in the block.",
                "**Glossary.**\n**A**: one.\n\n**Glossary.**\n**B**: two."):
        with pytest.raises(glossary.GlossaryError):
            glossary.read_glossary(notebook(bad))
    assert glossary.read_glossary(notebook("## Summary\n\nNo glossary here.")) == []


def test_the_page_regenerates_for_any_set_of_lessons(tmp_path):
    # Lessons listed but not yet written, or written without a glossary, are left out cleanly.
    folder = tmp_path / "notebooks" / "c9_course"
    folder.mkdir(parents=True)
    (folder / "c9w1_a.ipynb").write_text(json.dumps({"cells": [
        {"cell_type": "markdown", "source": "# Lesson A\n"},
        {"cell_type": "markdown", "source": "## Summary\n\n**Glossary.**\n**Zeta, z**: last.\n**Alpha**: first.\n"}]}))
    (folder / "c9w2_b.ipynb").write_text(json.dumps({"cells": [{"cell_type": "markdown", "source": "# B\n"}]}))
    toml = tmp_path / "syllabus.toml"
    toml.write_text('[[course]]\nid = "c9"\ntitle = "Nine"\nfolder = "notebooks/c9_course"\n'
                    '[[course.week]]\nid = "c9w1"\ntitle = "One"\n'
                    'lessons = [{ notebook = "c9w1_a.ipynb", budget_s = 1 }]\n'
                    '[[course.week]]\nid = "c9w2"\ntitle = "Two"\n'
                    'lessons = [{ notebook = "c9w2_b.ipynb", budget_s = 1 }, { notebook = "c9w2_c.ipynb", budget_s = 1 }]\n')
    page = glossary.render(glossary.collect(syllabus.load(toml), root=tmp_path))
    assert "### C9W1: [Lesson A](c9_course/c9w1_a.ipynb)" in page and "C9W2" not in page
    index = page[page.index("## Index"):]
    assert index.index("- Alpha:") < index.index("- z:") < index.index("- Zeta:")
