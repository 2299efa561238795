"""Grade a folder of submissions: parallel workers, a progress bar, nothing lost on a crash.

    python -m grader grade-all FOLDER --assignment ID [--jobs N] [--out DIR] [--dask ADDRESS]

Every FOLDER/<learner>.ipynb is one learner's submission (`grader collect` lays them out
so), as is the one notebook of each FOLDER/<learner>/ (nbgrader's and most LMS's layout).
Submissions are graded by a pool of local worker processes, or, with --dask, by the
workers of a Dask cluster (other machines with the course installed): each worker gets
the notebook's bytes and sends back the result. Each result is written to OUT/<name>.json
as soon as it arrives, atomically, with the submission's hash; a rerun skips submissions
whose result is there and still matches, so an interrupted run resumes where it stopped,
and a Dask worker that dies has its submissions graded again elsewhere. At the end OUT
holds gradebook.csv (a row per learner, a column per exercise) and summary.md (what
failed, by exercise), plus per-submission exports for Gradescope or Coursera if asked.
"""
import csv
import hashlib
import io
import json
import multiprocessing.util
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from grader import report, sandbox
from grader.assignment import Assignment
from grader.files import write_atomically
from grader.execute import Limits
from grader.outcome import Status
from grader.grade import SCHEMA_VERSION, grade
from grader.pool import KernelPool
from grader.load import SubmissionError, read_submission_bytes

EXPORTS = {"gradescope": report.gradescope, "coursera": report.coursera}


def _digest(data):
    return hashlib.sha256(data).hexdigest()


_kernels = None  # a local worker process's KernelPool (see _start_worker)


def _start_worker(limits, private):
    """Runs once in each local worker process: keep a kernel starting ahead of the work."""
    global _kernels
    _kernels = KernelPool(limits, private)
    multiprocessing.util.Finalize(None, _kernels.close, exitpriority=10)  # shut it down as the worker exits


def grade_bytes(name, data, assignment_id, limits=Limits(), private=()):
    """Grade one submission given as bytes; runs on a worker, which may be another machine."""
    kernel = _kernels.take() if _kernels else None
    with tempfile.TemporaryDirectory(prefix="submission-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            result = grade(path, assignment_id, limits=limits, private=private, kernel=kernel)
        except SubmissionError as error:  # ungradable file: recorded, so it is reported, not retried forever
            result = _ungradable(assignment_id, name, error)
        finally:
            if kernel:
                kernel.close()  # used or not, a kernel serves one submission
    result["sha256"] = _digest(data)
    return result


def _ungradable(assignment_id, name, error):
    """The result recorded for a file that cannot be graded at all (schema: its "ungradable" kind)."""
    return {"schema_version": SCHEMA_VERSION, "assignment": assignment_id, "submission": name, "ungradable": str(error)}


def _is_done(path, out_path):
    try:
        return json.loads(out_path.read_text()).get("sha256") == _digest(read_submission_bytes(path))
    except (OSError, ValueError):  # ValueError includes SubmissionError: a file too big to read is never done
        return False


def _read_submissions(todo, assignment_id):
    """(path, bytes) of each submission to grade, and the ungradable results of files that cannot be read
    (too big, say): those are recorded without reaching a worker, and the batch goes on."""
    readable, unreadable = [], []
    for path in todo:
        try:
            readable.append((path, read_submission_bytes(path)))
        except SubmissionError as error:
            unreadable.append((path, _ungradable(assignment_id, path.name, error)))
    return readable, unreadable


def _local_results(todo, assignment_id, limits, private, jobs, warm):
    readable, unreadable = _read_submissions(todo, assignment_id)
    yield from unreadable
    start = dict(initializer=_start_worker, initargs=(limits, private)) if warm else {}
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(readable)) or 1, **start)
    try:
        futures = {pool.submit(grade_bytes, p.name, data, assignment_id, limits, private): p for p, data in readable}
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:  # also on Ctrl-C: the queued submissions are dropped, not graded first
        pool.shutdown(wait=True, cancel_futures=True)


class BatchError(ValueError):
    """The batch cannot run (e.g. no Dask scheduler at the address given)."""


UNCONFINED_RISK = ("a submission could then change files on that machine, the grader's own code included, and "
                   "so the grades of every submission graded after it. Grade where user namespaces are allowed "
                   "(see README, Limits and isolation), or pass --accept-grade-tampering-risk to grade anyway")


def _refuse_unconfined(problems, accept_unconfined):
    """problems: machine -> why its kernels cannot be confined (None where they can)."""
    unconfined = {machine: problem for machine, problem in problems.items() if problem}
    if unconfined and not accept_unconfined:
        where = "; ".join(f"{machine}: {problem}" for machine, problem in sorted(unconfined.items()))
        raise BatchError(f"kernels cannot be confined ({where}): {UNCONFINED_RISK}")


def _dask_results(todo, assignment_id, limits, private, address, accept_unconfined):
    from distributed import Client, as_completed as arrived  # only needed for --dask
    try:
        client = Client(address, timeout="20s")
    except (OSError, ValueError) as error:
        raise BatchError(f"cannot reach a Dask scheduler at {address}: {error}") from None
    with client:
        _refuse_unconfined(client.run(sandbox.confinement_problem), accept_unconfined)
        readable, unreadable = _read_submissions(todo, assignment_id)
        yield from unreadable
        futures = {client.submit(grade_bytes, p.name, data, assignment_id, limits, private,
                                 key=f"grade-{p.stem}-{_digest(data)[:12]}", retries=2): p
                   for p, data in readable}
        for future in arrived(futures):
            yield futures[future], future.result()


def _submissions(folder, out):
    """path -> learner for every submission in `folder`: FOLDER/<learner>.ipynb, as `grader
    collect` lays a class out, or FOLDER/<learner>/<notebook>.ipynb, one notebook per learner's
    folder, as nbgrader and most LMS exports do. BatchError, naming what was found, when a
    learner's folder holds several notebooks, two learners share a name, or there are none."""
    found, several = {}, []
    for path in sorted(folder.glob("*.ipynb")):
        found[path] = path.stem
    for learner_folder in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if learner_folder.resolve() == out.resolve():
            continue
        notebooks = sorted(p for p in learner_folder.glob("*.ipynb"))  # not .ipynb_checkpoints/
        if len(notebooks) > 1:
            several.append(f"{learner_folder.name}/ ({', '.join(p.name for p in notebooks)})")
        elif notebooks:
            found[notebooks[0]] = learner_folder.name
    if several:
        raise BatchError(f"these learners' folders hold more than one notebook: {'; '.join(several)}. "
                         "Leave one notebook per folder, the one to grade")
    twice = sorted({name for name in found.values() if list(found.values()).count(name) > 1})
    if twice:
        raise BatchError(f"{', '.join(twice)}: both a notebook {twice[0]}.ipynb and a folder {twice[0]}/ in "
                         f"{folder}; keep one of the two")
    if not found:
        zips = len(list(folder.rglob("*.zip")))
        how = (f"; it holds {zips} .zip file(s): lay them out with `python -m grader collect {folder} "
               "--assignment ID --into CLASS/` and grade CLASS/" if zips else "")
        raise BatchError(f"{folder} holds no notebooks to grade: expected FOLDER/<learner>.ipynb or "
                         f"FOLDER/<learner>/<notebook>.ipynb{how}")
    return found


def grade_all(folder, assignment_id, out=None, jobs=2, dask=None, limits=Limits(), exports=(), warm=True,
              accept_unconfined=False):
    """Grade FOLDER's notebooks (see `_submissions`) into OUT; `warm`: local workers start each next
    kernel ahead (grader.pool).
    Refuses (BatchError) where kernels cannot be confined, unless `accept_unconfined`."""
    assignment = Assignment(assignment_id)
    if not dask:
        _refuse_unconfined({"this machine": sandbox.confinement_problem()}, accept_unconfined)
    folder = Path(folder)
    out = Path(out) if out else folder / "results"
    learners = _submissions(folder, out)  # path -> learner
    out.mkdir(parents=True, exist_ok=True)
    submissions = sorted(learners, key=learners.get)
    todo = [p for p in submissions if not _is_done(p, out / f"{learners[p]}.json")]
    private = (folder.resolve(), out.resolve())  # no kernel sees the class's work or the results

    results = (_dask_results(todo, assignment_id, limits, private, dask, accept_unconfined) if dask
               else _local_results(todo, assignment_id, limits, private, jobs, warm))
    columns = (TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns) as progress:
        task = progress.add_task("grading", total=len(submissions), completed=len(submissions) - len(todo))
        for path, result in results:
            for name in exports:
                if "ungradable" not in result:
                    write_atomically(out / f"{learners[path]}.{name}.json",
                                      json.dumps(EXPORTS[name](result), indent=2))
            report.validate(result)  # every result written follows the schema, the ungradable ones too
            write_atomically(out / f"{learners[path]}.json", json.dumps(result, indent=2))  # last: marks it done
            progress.advance(task)

    results = {learners[p]: json.loads((out / f"{learners[p]}.json").read_text()) for p in submissions}
    write_gradebook(results, assignment, out / "gradebook.csv")
    write_atomically(out / "summary.md", summary(results, assignment))
    return results


def write_gradebook(results, assignment, path):
    ids = [e.id for e in assignment.exercises]
    table = io.StringIO(newline="")
    writer = csv.writer(table)
    writer.writerow(["learner", "score", "max_score", *ids, "note"])
    for learner, result in sorted(results.items()):
        if "ungradable" in result:
            writer.writerow([learner, 0, assignment.max_score, *[0] * len(ids), result["ungradable"]])
            continue
        points = {e["id"]: e["points"] for e in result["exercises"]}
        writer.writerow([learner, result["score"], result["max_score"], *[points[i] for i in ids],
                         "; ".join(result["notes"])])
    write_atomically(path, table.getvalue().encode())  # bytes: the csv module's line ends kept as written


def summary(results, assignment):
    graded = [r for r in results.values() if "ungradable" not in r]
    lines = [f"# {assignment.id}: {len(results)} submissions", ""]
    if graded:
        mean = sum(r["score"] for r in graded) / len(graded)
        lines.append(f"Mean score {mean:.2f} / {assignment.max_score:g} over {len(graded)} graded notebooks.")
    ungradable = len(results) - len(graded)
    if ungradable:
        lines.append(f"{ungradable} file(s) could not be graded; see the note column of gradebook.csv.")
    lines += ["", "| exercise | " + " | ".join(Status) + " |", "|---|" + "---|" * len(Status)]
    for exercise in assignment.exercises:
        counts = Counter(e["status"] for r in graded for e in r["exercises"] if e["id"] == exercise.id)
        lines.append(f"| {exercise.id} | " + " | ".join(str(counts[s.value]) for s in Status) + " |")
    return "\n".join(lines) + "\n"
