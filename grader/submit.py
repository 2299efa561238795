"""Hand in an assignment: check the notebook, then package it with a manifest.

    python -m grader submit NOTEBOOK.ipynb [--learner ID] [--no-run] [--out DIR]

or, in the notebook's last cell, `from grader.submit import submit; submit(learner="ID")`.

Refused (nothing written): a file that is not a notebook of a known assignment, or one
whose locked cells were edited. Warned about, but packaged: exercises not attempted,
cells that fail when the notebook runs top to bottom in a fresh kernel. The package is
one zip holding the notebook and manifest.json, nothing else.
"""
import datetime
import getpass
import hashlib
import importlib.metadata
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill

from grader import handin, load, sandbox
from grader.cells import cell_role, without_submit_cells
from grader.files import write_atomically
from grader.selfcheck import COUNTS_KEY
from grader.load import SubmissionError

STUB = re.compile(r'raise NotImplementedError\("[\w]+: write your code here"\)')


@dataclass
class Package:
    path: Path
    manifest: dict
    warnings: list = field(default_factory=list)


def _learner_id(learner):
    learner = learner or os.environ.get("COURSE_LEARNER_ID") or getpass.getuser()
    if learner == "YOUR_ID":
        raise SubmissionError('put your learner id in place of "YOUR_ID" in the submit cell')
    if not handin.LEARNER_ID.fullmatch(learner):
        raise SubmissionError(f"learner id {learner!r}: use letters, digits and . _ @ - only")
    return learner


def _run_top_to_bottom(path, seconds):
    """Run the notebook as saved in a fresh kernel; returns (executed notebook, problems)."""
    with tempfile.TemporaryDirectory(prefix="submit-") as folder:
        copy, out = Path(folder) / "notebook.ipynb", Path(folder) / "executed.ipynb"
        nbformat.write(without_submit_cells(nbformat.read(path, as_version=4)), copy)
        try:
            papermill.execute_notebook(copy, out, kernel_name="python3", cwd=folder, progress_bar=False,
                                       execution_timeout=seconds, allow_errors=True,
                                       kernel_manager_class=sandbox.QuietKernelManager)
        except papermill.PapermillExecutionError:
            pass
        except Exception as error:
            return None, [f"the notebook could not run to the end: {type(error).__name__}: {error}"]
        executed = nbformat.read(out, as_version=4)
    problems = [f"cell {cell.execution_count}: {o.ename}: {o.evalue[:120]}"
                for cell in executed.cells if cell.cell_type == "code"
                for o in cell.get("outputs", []) if o.output_type == "error"]
    return executed, problems


def _public_check_summary(executed):
    """Per exercise, how many public checks passed and failed, as its self-check reported them."""
    return {counts["exercise"]: {"passed": counts["passed"], "failed": counts["failed"]}
            for cell in executed.cells if cell_role(cell).get("locked")
            for output in cell.get("outputs", []) if COUNTS_KEY in output.get("metadata", {})
            for counts in [output["metadata"][COUNTS_KEY]]}


def submit(notebook=None, learner=None, run=True, out_dir=None):
    """The notebook's hand-in cell: package this notebook, or say plainly why not.

    Returns the Package, or None when refused (the reason is printed, not raised, so the
    learner sees one line instead of a traceback).
    """
    if notebook is None:  # inside JupyterLab the kernel knows its notebook's name
        notebook = Path.cwd() / Path(os.environ.get("JPY_SESSION_NAME", "student.ipynb")).name
    try:
        return package(notebook, learner, run, out_dir)
    except SubmissionError as error:
        print(f"✘ Not submitted: {error}")
        return None


def package(notebook, learner=None, run=True, out_dir=None, run_seconds=300):
    """Check and package a notebook; returns a Package. Raises SubmissionError if refused."""
    path = Path(notebook)
    learner = _learner_id(learner)  # before the slow part: a missing id is the commonest slip
    sub = load.load(path)
    if sub.tampered:
        raise SubmissionError(f"{path.name}: {len(sub.tampered)} locked cell(s) were edited or deleted; "
                              "copy them back from a fresh student.ipynb, then submit again")
    warnings = [f"exercise {e} has been deleted" for e in sub.missing_exercises]
    for cell in sub.notebook.cells:
        role = cell_role(cell)
        if "exercise" in role and role.get("answer") and re.search(rf"^{role['exercise']} = None$", cell.source, re.M):
            warnings.append(f"question {role['exercise']} is not answered yet")
        elif "exercise" in role and STUB.search(cell.source):
            warnings.append(f"exercise {role['exercise']} is not attempted yet")

    public = None
    if run:
        executed, problems = _run_top_to_bottom(path, run_seconds)
        warnings += [f"running top to bottom: {p}" for p in problems]
        public = _public_check_summary(executed) if executed is not None else None

    data = path.read_bytes()
    now = datetime.datetime.now(datetime.timezone.utc)
    manifest = {
        "manifest_version": handin.MANIFEST_VERSION,
        "assignment": sub.assignment.id,
        "learner": learner,
        "submitted_at": now.isoformat(timespec="seconds"),
        "notebook": handin.NOTEBOOK_NAME,
        "sha256": hashlib.sha256(data).hexdigest(),
        "versions": {name: importlib.metadata.version(name) for name in ("keras-course", "tensorflow", "keras")},
        "ran_top_to_bottom": run and not any(w.startswith("running") for w in warnings),
        "public_checks": public,
        "warnings": warnings,
    }
    out_dir = Path(out_dir) if out_dir else path.parent
    target = out_dir / f"{sub.assignment.id}__{learner}__{now:%Y%m%dT%H%M%SZ}.zip"
    write_atomically(target, handin.pack(data, manifest))
    made = Package(target, manifest, warnings)
    print(describe(made))
    return made


def describe(made):
    lines = [f"⚠ {w}" for w in made.warnings]
    checks = made.manifest["public_checks"]
    if checks:
        passed = sum(c["passed"] for c in checks.values())
        failed = sum(c["failed"] for c in checks.values())
        lines.append(f"public checks: {passed} passed, {failed} failed (the grader also runs hidden checks)")
    lines.append(f"Submission written: {made.path}")
    lines.append("Upload this one .zip file on your course's submission page.")
    return "\n".join(lines)
