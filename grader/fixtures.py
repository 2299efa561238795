"""Run an assignment's solutions: record the expected output of every check case, and
store the source notebook's own outputs so that authors see what a correct run prints
(release strips them from the student notebook).

The expected outputs of an exercise are in assignments/<id>/expected/<exercise>.npz, written
by grader.codec (so reading one never runs code): a list with one record per case, in case order,

    {"name": the case's name, "inputs_sha256": codec.digest(case.args), "value": the solution's output}

`Assignment.expected` hands out the values only while the names, their order and the input hashes
still match checks.py; otherwise it says which case differs and to run `python -m grader fixtures ID`.
The same outputs always give the same bytes, so re-recording unchanged fixtures changes no file.
"""
import sys

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

from grader import codec, execute
from grader.assignment import AssignmentError
from grader.offline import AsyncOfflineKernelManager, offline_problem


def build(assignment, seed=0):
    """Write assignments/<id>/expected/<exercise>.npz; returns the paths written."""
    run = execute.run(assignment.source, assignment.check_inputs(), {"SEED": seed, "FAST": True},
                      answers=assignment.answer_ids)
    paths = []
    for exercise in assignment.exercises:
        output = run.outputs.get(exercise.id)
        if output is None or output["missing"]:
            raise AssignmentError(f"{assignment.id}: the solution of {exercise.id} produced nothing "
                                  f"({run.failures.get(exercise.id, 'function missing')})")
        bad = [c for c in output["cases"] if "value" not in c]
        if bad:
            raise AssignmentError(f"{assignment.id}: the solution of {exercise.id} failed a case: {bad[0]}")
        paths.append(record(assignment, exercise.id, [c["value"] for c in output["cases"]]))
    return paths


def record(assignment, exercise_id, values):
    """Write the expected values of an exercise's cases (in case order) with each case's name
    and input hash; returns the path written."""
    cases = assignment.checks[exercise_id].cases
    records = [{"name": case.name, "inputs_sha256": codec.digest(case.args), "value": value}
               for case, value in zip(cases, values, strict=True)]
    path = assignment.expected_path(exercise_id)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(codec.dumps(records))
    return path


def store_source_outputs(assignment):
    """Execute the source notebook top to bottom in its folder, in place, with no network where
    the machine allows it (grader.offline), as a learner offline would; else say so on stderr."""
    path = assignment.folder / "source.ipynb"
    nb = nbformat.read(path, as_version=4)
    problem = offline_problem()
    if problem:
        print(f"warning: {path} runs with the network here ({problem}), so a download in it would go unnoticed",
              file=sys.stderr)
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                   kernel_manager_class=AsyncKernelManager if problem else AsyncOfflineKernelManager,
                   resources={"metadata": {"path": str(assignment.folder)}}).execute()
    nbformat.write(nb, path)
    return path
