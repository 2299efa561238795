"""Results for people: a console table, Markdown feedback, Gradescope's results.json,
Coursera's {fractionalScore, feedback}."""
import json
from importlib.resources import files

import jsonschema
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from grader.outcome import Status

STATUS_STYLE = {Status.PASSED: "green", Status.FAILED: "yellow", Status.ERROR: "red", Status.TIMEOUT: "red",
                Status.OUT_OF_MEMORY: "red", Status.NOT_ATTEMPTED: "dim"}


def validate(result):
    """Raise jsonschema.ValidationError if `result` does not follow the versioned schema."""
    schema = json.loads(files("grader").joinpath(f"schema/result-{result['schema_version']}.json").read_text())
    jsonschema.validate(result, schema)


def print_table(result, console=None):
    console = console or Console()
    table = Table(title=f"{result['assignment']}: {result['submission']}", title_justify="left")
    for column in ("exercise", "status", "points", "feedback"):
        table.add_column(column, overflow="fold")
    for e in result["exercises"]:
        style = STATUS_STYLE[Status(e["status"])]
        table.add_row(escape(e["id"]), f"[{style}]{e['status']}[/]", f"{e['points']:g}/{e['max_points']:g}",
                      escape(e["message"]))  # a learner's "KeyError: ['x']" is text, not Rich markup
    console.print(table)
    for note in result["notes"]:
        console.print(f"[yellow]note:[/] {escape(note)}")
    console.print(f"[bold]score: {result['score']:g} / {result['max_score']:g}[/]")


def markdown(result):
    lines = [f"# {result['assignment']}: {result['score']:g} / {result['max_score']:g}", ""]
    lines += [f"> {note}" for note in result["notes"]]
    lines += ["| exercise | status | points | feedback |", "|---|---|---|---|"]
    for e in result["exercises"]:
        message = e["message"].replace("|", "\\|")
        lines.append(f"| {e['id']} | {e['status']} | {e['points']:g}/{e['max_points']:g} | {message} |")
    for e in result["exercises"]:
        if e["cases"]:
            lines += ["", f"## {e['id']}", ""]
            lines += [f"- {'✔' if c['passed'] else '✘'} {c['name']}" + ("" if c["passed"] else f": {c['message']}")
                      for c in e["cases"]]
    env = result["environment"]
    lines += ["", f"Graded with TensorFlow {env['tensorflow']}, Keras {env['keras']}, seed {env['seed']}, "
                  f"in {env['seconds']['total']:.1f} s."]
    return "\n".join(lines) + "\n"


def gradescope(result):
    """Gradescope's autograder results.json: one test per exercise."""
    return {
        "score": result["score"],
        "output": "\n".join(result["notes"]),
        "tests": [{"name": e["id"], "score": e["points"], "max_score": e["max_points"],
                   "status": "passed" if e["status"] == "passed" else "failed",
                   "output": e["message"]} for e in result["exercises"]],
    }


COURSERA_FEEDBACK_BYTES = 64 * 1024  # Coursera's cap on a grader's feedback text


def coursera(result):
    """Coursera's custom-grader output: the score as a fraction and Markdown feedback,
    cut to the platform's 64 KB with a note saying so."""
    feedback = markdown(result)
    if len(feedback.encode("utf-8")) > COURSERA_FEEDBACK_BYTES:
        note = "\n\n(feedback cut here: it was longer than Coursera allows)\n"
        room = COURSERA_FEEDBACK_BYTES - len(note.encode("utf-8"))
        feedback = feedback.encode("utf-8")[:room].decode("utf-8", errors="ignore") + note
    fraction = result["score"] / result["max_score"] if result["max_score"] else 0.0
    return {"fractionalScore": round(fraction, 4), "feedback": feedback}
