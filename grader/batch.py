"""Grade a folder of submissions: parallel workers, a progress bar, nothing lost on a crash.

    python -m grader grade-all FOLDER --assignment ID [--jobs N] [--out DIR]

Every FOLDER/*.ipynb is one learner's submission (`grader collect` lays them out so).
Each result is written to OUT/<name>.json as soon as it is ready, atomically, with the
submission's hash; a rerun skips submissions whose result is there and still matches,
so an interrupted run resumes where it stopped. At the end OUT holds gradebook.csv (a row
per learner, a column per exercise) and summary.md (what failed, by exercise).
"""
import csv
import hashlib
import json
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from grader.assignment import Assignment
from grader.grade import grade
from grader.submission import SubmissionError


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _grade_one(path, assignment_id, out_path):
    """Runs in a worker process; writes the result file itself so that a crash of the
    parent loses nothing already graded."""
    try:
        result = grade(path, assignment_id)
    except SubmissionError as error:  # ungradable file: recorded, so it is reported, not retried forever
        result = {"assignment": assignment_id, "submission": Path(path).name, "ungradable": str(error)}
    result["sha256"] = _digest(path)
    tmp = out_path.with_name(out_path.name + ".tmp")
    tmp.write_text(json.dumps(result, indent=2))
    tmp.replace(out_path)
    return out_path


def _is_done(path, out_path):
    try:
        return json.loads(out_path.read_text()).get("sha256") == _digest(path)
    except (OSError, ValueError):
        return False


def grade_all(folder, assignment_id, out=None, jobs=2):
    assignment = Assignment(assignment_id)
    folder = Path(folder)
    out = Path(out) if out else folder / "results"
    out.mkdir(parents=True, exist_ok=True)
    submissions = sorted(folder.glob("*.ipynb"))
    todo = [p for p in submissions if not _is_done(p, out / f"{p.stem}.json")]

    columns = (TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns) as progress, ProcessPoolExecutor(max_workers=jobs) as pool:
        task = progress.add_task("grading", total=len(submissions), completed=len(submissions) - len(todo))
        futures = [pool.submit(_grade_one, p, assignment_id, out / f"{p.stem}.json") for p in todo]
        for future in as_completed(futures):
            future.result()
            progress.advance(task)

    results = {p.stem: json.loads((out / f"{p.stem}.json").read_text()) for p in submissions}
    write_gradebook(results, assignment, out / "gradebook.csv")
    (out / "summary.md").write_text(summary(results, assignment))
    return results


def write_gradebook(results, assignment, path):
    ids = [e.id for e in assignment.exercises]
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["learner", "score", "max_score", *ids, "note"])
        for learner, result in sorted(results.items()):
            if "ungradable" in result:
                writer.writerow([learner, 0, assignment.max_score, *[0] * len(ids), result["ungradable"]])
                continue
            points = {e["id"]: e["points"] for e in result["exercises"]}
            writer.writerow([learner, result["score"], result["max_score"], *[points[i] for i in ids],
                             "; ".join(result["notes"])])
    tmp.replace(path)


def summary(results, assignment):
    graded = [r for r in results.values() if "ungradable" not in r]
    lines = [f"# {assignment.id}: {len(results)} submissions", ""]
    if graded:
        mean = sum(r["score"] for r in graded) / len(graded)
        lines.append(f"Mean score {mean:.2f} / {assignment.max_score:g} over {len(graded)} graded notebooks.")
    ungradable = len(results) - len(graded)
    if ungradable:
        lines.append(f"{ungradable} file(s) could not be graded; see the note column of gradebook.csv.")
    lines += ["", "| exercise | passed | " + " | ".join(("failed", "error", "timeout", "not_attempted")) + " |",
              "|---|---|---|---|---|---|"]
    for exercise in assignment.exercises:
        counts = Counter(e["status"] for r in graded for e in r["exercises"] if e["id"] == exercise.id)
        lines.append(f"| {exercise.id} | {counts['passed']} | {counts['failed']} | {counts['error']} | "
                     f"{counts['timeout']} | {counts['not_attempted']} |")
    return "\n".join(lines) + "\n"
