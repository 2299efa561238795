"""The syllabus: the ordered index of courses, weeks, lessons, assignments and datasets.

Read from syllabus.toml beside this file. `python -m lessons.syllabus` prints the
course table that README.md carries.
"""
import tomllib
from dataclasses import dataclass
from pathlib import Path

SYLLABUS_FILE = Path(__file__).with_name("syllabus.toml")
REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Lesson:
    path: str      # notebook path relative to the repository root
    budget_s: int  # the run time it must finish within on a 2-core CPU
    minutes: int | None = None  # a learner's time: reading, exercises, running (lessons/estimate.py)


@dataclass(frozen=True)
class Week:
    id: str
    title: str
    lessons: tuple[Lesson, ...]
    assignments: tuple[str, ...]
    datasets: tuple[str, ...]
    quiz: str | None = None  # graded like an assignment: assignments/<quiz>/

    @property
    def planned(self):
        return not self.lessons


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    folder: str
    weeks: tuple[Week, ...]


class SyllabusError(ValueError):
    pass


def _week(raw, folder):
    where = f"week {raw.get('id', '?')}"
    try:
        lessons = []
        for entry in raw.get("lessons", []):
            budget = entry["budget_s"]
            if not isinstance(budget, int) or budget <= 0:
                raise SyllabusError(f"{where}: {entry['notebook']} needs a positive integer budget_s")
            lessons.append(Lesson(f"{folder}/{entry['notebook']}", budget, entry.get("minutes")))
        return Week(raw["id"], raw["title"], tuple(lessons),
                    tuple(raw.get("assignments", [])), tuple(raw.get("datasets", [])), raw.get("quiz"))
    except KeyError as missing:
        raise SyllabusError(f"{where}: missing key {missing}") from None


def load(path=SYLLABUS_FILE):
    """Parse and validate the syllabus; raises SyllabusError saying what is wrong."""
    raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    courses = tuple(Course(c["id"], c["title"], c["folder"],
                           tuple(_week(w, c["folder"]) for w in c.get("week", [])))
                    for c in raw.get("course", []))
    ids = [c.id for c in courses] + [w.id for c in courses for w in c.weeks]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SyllabusError(f"duplicate ids: {', '.join(duplicates)}")
    paths = [lesson.path for lesson in lessons(courses)]
    if len(set(paths)) != len(paths):
        raise SyllabusError("a notebook is listed twice")
    return courses


def weeks(courses=None):
    return [w for c in (courses or load()) for w in c.weeks]


def lessons(courses=None):
    """Every lesson in course order."""
    return [lesson for w in weeks(courses) for lesson in w.lessons]


def markdown_table(courses=None):
    """The README's course table: one row per week."""
    rows = ["| Week | Topic | Lessons (run-time budget; time to study) | Assignments | Quiz | Data |",
            "|---|---|---|---|---|---|"]
    for course in courses or load():
        rows.append(f"| **{course.id.upper()}** | **{course.title}** | | | | |")
        for w in course.weeks:
            notebooks = "<br>".join(f"[{Path(l.path).name}]({l.path}) ({l.budget_s} s"
                                    + (f"; about {l.minutes} min to study)" if l.minutes else ")") for l in w.lessons)
            assignments = "<br>".join(f"[{a}](assignments/{a}/student.ipynb)" for a in w.assignments)
            quiz = f"[{w.quiz}](assignments/{w.quiz}/student.ipynb)" if w.quiz else "–"
            rows.append(f"| {w.id.upper()} | {w.title} | {notebooks or '*planned*'} | "
                        f"{assignments or '–'} | {quiz} | {', '.join(w.datasets) or '–'} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
