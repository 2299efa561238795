"""Run an assignment's solutions: record the expected output of every check case, and
store the source notebook's own outputs so that authors see what a correct run prints
(release strips them from the student notebook)."""
import nbformat
from nbclient import NotebookClient

from grader import codec, execute
from grader.assignment import AssignmentError


def build(assignment, seed=0):
    """Write assignments/<id>/expected/<exercise>.npz; returns the paths written."""
    run = execute.run(assignment.source, assignment.check_inputs(), {"SEED": seed, "FAST": True})
    paths = []
    for exercise in assignment.exercises:
        output = run.outputs.get(exercise.id)
        if output is None or output["missing"]:
            raise AssignmentError(f"{assignment.id}: the solution of {exercise.id} produced nothing "
                                  f"({run.failures.get(exercise.id, 'function missing')})")
        bad = [c for c in output["cases"] if "value" not in c]
        if bad:
            raise AssignmentError(f"{assignment.id}: the solution of {exercise.id} failed a case: {bad[0]}")
        path = assignment.expected_path(exercise.id)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(codec.dumps([c["value"] for c in output["cases"]]))
        paths.append(path)
    return paths


def store_source_outputs(assignment):
    """Execute the source notebook top to bottom in its folder, in place."""
    path = assignment.folder / "source.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(assignment.folder)}}).execute()
    nbformat.write(nb, path)
    return path
