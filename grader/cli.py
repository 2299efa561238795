"""python -m grader {grade, grade-all, submit, collect, release, fixtures, check-assignment}: one
clear error line and exit 2 on bad input."""
import argparse
import json
import sys
from pathlib import Path

from grader import batch, collect, fixtures, lint, release, report, sandbox, submit
from grader.assignment import Assignment, AssignmentError
from grader.execute import Limits
from grader.files import write_atomically
from grader.grade import grade
from grader.load import SubmissionError


def _write_json(path, data):
    write_atomically(path, json.dumps(data, indent=2) + "\n")


def _limit_options(parser):
    defaults = Limits()
    parser.add_argument("--cell-seconds", type=int, default=defaults.cell_seconds,
                        help=f"time limit of any one cell (default {defaults.cell_seconds})")
    parser.add_argument("--notebook-seconds", type=int, default=defaults.notebook_seconds,
                        help=f"time limit of the whole notebook (default {defaults.notebook_seconds})")
    parser.add_argument("--memory-mib", type=int, default=defaults.memory_mib,
                        help=f"memory limit of the kernel, MiB (default {defaults.memory_mib})")
    parser.add_argument("--scratch-mib", type=int, default=defaults.scratch_mib,
                        help="space for the files the kernel writes (its folder, /tmp, home), in memory, "
                             f"MiB (default {defaults.scratch_mib})")


def _limits(args):
    names = ("cell_seconds", "notebook_seconds", "memory_mib", "scratch_mib")
    for name in names:
        if getattr(args, name) <= 0:
            raise SubmissionError(f"--{name.replace('_', '-')} must be a positive number")
    return Limits(**{name: getattr(args, name) for name in names})


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader", description="The course's autograder.")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("grade", help="grade one submitted notebook")
    p.add_argument("submission", type=Path)
    p.add_argument("--assignment", help="assignment id (default: read from the notebook's metadata)")
    p.add_argument("--json", type=Path, help="write the result JSON here")
    p.add_argument("--markdown", type=Path, help="write learner feedback as Markdown here")
    p.add_argument("--gradescope", type=Path, help="write Gradescope's results.json here")
    p.add_argument("--coursera", type=Path, help="write Coursera's {fractionalScore, feedback} JSON here")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--full", action="store_true", help="run training at full size (FAST=False)")
    _limit_options(p)

    p = commands.add_parser("grade-all", help="grade every notebook in a folder (one per learner)")
    p.add_argument("folder", type=Path)
    p.add_argument("--assignment", required=True)
    p.add_argument("--jobs", type=int, default=2, help="notebooks graded at once (default 2)")
    p.add_argument("--out", type=Path, help="results folder (default: FOLDER/results)")
    p.add_argument("--dask", metavar="ADDRESS", help="grade on a Dask cluster's workers (scheduler address, "
                                                     "e.g. tcp://10.0.0.5:8786) instead of local processes")
    p.add_argument("--export", action="append", default=[], choices=sorted(batch.EXPORTS),
                   help="also write OUT/<learner>.<format>.json (may be repeated)")
    p.add_argument("--accept-grade-tampering-risk", action="store_true",
                   help="grade even where kernels cannot be confined, although a submission could then change "
                        "the grader and the grades of the submissions after it")
    _limit_options(p)

    p = commands.add_parser("submit", help="check a finished notebook and package it for upload")
    p.add_argument("notebook", type=Path)
    p.add_argument("--learner", help="your learner id (default: $COURSE_LEARNER_ID, else your user name)")
    p.add_argument("--no-run", action="store_true", help="skip running it top to bottom first")
    p.add_argument("--out", type=Path, help="folder for the .zip (default: beside the notebook)")

    p = commands.add_parser("collect", help="lay out submitted packages one per learner for grading")
    p.add_argument("sources", nargs="+", type=Path, help="submission .zips, folders of them, or an LMS bulk .zip")
    p.add_argument("--assignment", required=True)
    p.add_argument("--into", type=Path, required=True)

    p = commands.add_parser("release", help="make the student notebook of an assignment")
    p.add_argument("assignment")
    p = commands.add_parser("fixtures", help="run the solutions: record the checks' expected outputs "
                                             "and store the source notebook's outputs")
    p.add_argument("assignment")
    p = commands.add_parser("check-assignment", help="list what is wrong with an assignment's folder, for its "
                                                     "author (runs no notebook); exit 1 if anything is")
    p.add_argument("assignment")

    args = parser.parse_args(argv)
    try:
        if args.command == "grade":
            limits = _limits(args)
            if sandbox.confinement_problem():
                print(f"warning: this notebook's kernel will not be confined ({sandbox.confinement_problem()}): "
                      "it can change files on this machine, the grader's included. Grade untrusted work only "
                      "where user namespaces are allowed.", file=sys.stderr)
            result = grade(args.submission, args.assignment, seed=args.seed, fast=not args.full, limits=limits)
            report.validate(result)
            report.print_table(result)
            if args.json:
                _write_json(args.json, result)
            if args.gradescope:
                _write_json(args.gradescope, report.gradescope(result))
            if args.coursera:
                _write_json(args.coursera, report.coursera(result))
            if args.markdown:
                args.markdown.write_text(report.markdown(result))
        elif args.command == "grade-all":
            if not args.folder.is_dir():
                raise SubmissionError(f"{args.folder}: no such folder")
            if args.jobs <= 0:
                raise SubmissionError("--jobs must be a positive number")
            results = batch.grade_all(args.folder, args.assignment, args.out, args.jobs, dask=args.dask,
                                      limits=_limits(args), exports=args.export,
                                      accept_unconfined=args.accept_grade_tampering_risk)
            print(batch.summary(results, Assignment(args.assignment)))
        elif args.command == "submit":
            submit.package(args.notebook, args.learner, run=not args.no_run, out_dir=args.out)
        elif args.command == "collect":
            Assignment(args.assignment)  # an unknown id is an error before anything is read
            result = collect.collect(args.sources, args.assignment, args.into)
            print(f"collected {len(result.collected)} learner(s) into {args.into}")
            for line in result.replaced:
                print(f"  replaced by a later submission: {line}")
            for line in result.skipped:
                print(f"  skipped: {line}")
            return 1 if result.skipped else 0
        elif args.command == "release":
            print(f"wrote {release.release(Assignment(args.assignment))}")
        elif args.command == "fixtures":
            assignment = Assignment(args.assignment)
            for path in fixtures.build(assignment):
                print(f"wrote {path}")
            print(f"ran and stored {fixtures.store_source_outputs(assignment)}")
        elif args.command == "check-assignment":
            problems = lint.problems(Assignment(args.assignment))
            for problem in problems:
                print(problem)
            if problems:
                return 1
            print(f"{args.assignment}: no problems found")
    except (SubmissionError, AssignmentError, batch.BatchError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        resume = " (every result already written is kept: run the same command again to go on)" \
            if args.command == "grade-all" else ""
        print(f"interrupted{resume}", file=sys.stderr)
        return 130  # the shell's code for a stop by Ctrl-C
    return 0
