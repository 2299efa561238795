"""A submission cannot change anything that outlives its grading (grader/sandbox.py):
every write outside its private in-memory folder is refused, what it writes there is gone
afterwards, the folder stops at its size limit, and a submission graded after an attack
is graded as if the attack had never happened, by `grade`, `grade-all` and Dask alike."""
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import uuid
from pathlib import Path

import psutil
import pytest

from solution_variants import solution_with

from grader import batch, cli, sandbox
from grader.assignment import REPO_ROOT, Assignment
from grader.cells import cell_role
from grader.execute import Limits
from grader.grade import grade
from grader.report import validate
from grader.sandbox_entry import NOBODY

ASSIGNMENT = Assignment("c1w1_data_as_tensors")
needs_confinement = pytest.mark.skipif(not sandbox.namespaces_available(),
                                       reason=f"kernels cannot be confined here: {sandbox.confinement_problem()}")

# Each payload would, written where it aims, raise the grades of the submissions graded after it.
FULL_MARKS = ("import grader.judge as j, grader.grade as g\nreal = j.judge_exercise\n"
              "def judge_exercise(*a, **k):\n    r = real(*a, **k); r.points, r.status = r.max_points, 'passed'; return r\n"
              "j.judge_exercise = g.judge_exercise = judge_exercise\n")
SOLUTIONS = "\n".join(c.source for c in ASSIGNMENT.source.cells if "exercise" in cell_role(c))
INJECT_SOLUTIONS = (f"SOLUTIONS = {SOLUTIONS!r}\nip = get_ipython()\n"
                    "ip.events.register('post_run_cell', lambda result: exec(SOLUTIONS, ip.user_ns))\n")


JUDGE = REPO_ROOT / "grader" / "judge.py"


def judge_payload(token):
    """What the attack appends to the grader's judge.py: marked, so that only this test's attack is undone."""
    return f"{FULL_MARKS}# attack-{token}\n"


def refused_places(token):
    """path -> what a hostile notebook writes there: the Python environment, the grader and
    the lessons, the system's folders. Every one of these writes must be refused."""
    return {
        Path(sysconfig.get_paths()["purelib"]) / f"zz-{token}.pth": f"import sys; exec({FULL_MARKS!r})\n",
        Path(sysconfig.get_paths()["stdlib"]) / f"sitecustomize_{token}.py": FULL_MARKS,
        JUDGE: judge_payload(token),  # appended to the grader's own source
        REPO_ROOT / "lessons" / f"zz_{token}.py": FULL_MARKS,
        REPO_ROOT / f"zz_{token}.py": FULL_MARKS,  # the repository and Python's own folders are
        Path(sysconfig.get_paths()["platstdlib"]) / "lib-dynload" / f"zz_{token}.py": FULL_MARKS,  # on sys.path
        Path("/etc") / f"zz-{token}": "x",
        Path("/usr/local/lib") / f"zz-{token}.pth": "x",
    }


def private_places(token):
    """path -> what it writes where the kernel has a private copy (home, temporary folders):
    the writes succeed there, and nothing of them may be left on the machine."""
    home = Path.home()
    return {
        home / ".ipython" / "profile_default" / "startup" / f"00-{token}.py": INJECT_SOLUTIONS,
        home / ".jupyter" / f"jupyter_server_config_{token}.py": "c = get_config()\n",
        home / f"zz-{token}": "x", Path("/tmp") / f"zz-{token}": "x", Path("/var/tmp") / f"zz-{token}": "x",
        Path("/dev/shm") / f"zz-{token}": "x",
    }


def attack_cell(token):
    """A learner's cell that writes in every place; `refused` counts the writes that failed where they must."""
    refused = {str(p): text for p, text in refused_places(token).items()}
    private = {str(p): text for p, text in private_places(token).items()}
    return (f"import os\ndef attempt(path, text):\n"
            "    try:\n        os.makedirs(os.path.dirname(path), exist_ok=True)\n"
            "        with open(path, 'a') as f:\n            f.write(text)\n        return True\n"
            "    except OSError:\n        return False\n"
            f"refused = [path for path, text in {refused!r}.items() if not attempt(path, text)]\n"
            f"for path, text in {private!r}.items():\n    attempt(path, text)\n")


def attacker(tmp_path, token):
    """The attack after the first exercise; `standardize` answers right only if every write was refused,
    and `train_dev_test_split` writes until its space runs out."""
    standardize = next(c.source for c in ASSIGNMENT.source.cells if cell_role(c).get("exercise") == "standardize")
    signature, body = standardize.split("\n", 1)
    count = len(refused_places(token))
    guarded = f"{signature}\n    if len(refused) != {count}:\n        return None\n{body}"
    flood = ("def train_dev_test_split(X, Y, fractions=(0.8, 0.1, 0.1), seed=0):\n"
             "    with open('flood.bin', 'wb') as f:\n        while True:\n            f.write(b'x' * 2**20)\n")
    return solution_with(tmp_path, ASSIGNMENT, replace={"standardize": guarded, "train_dev_test_split": flood},
                         add_after={"flatten_images": attack_cell(token)})


class Guard:
    """Undoes whatever an attack managed, so that a failing test cannot spoil the machine for later ones.
    judge.py counts only if it holds this attack's payload, and only that payload is taken out of it:
    others may be editing the grader in the same checkout."""

    def __init__(self, token):
        self.token = token

    def survivors(self):
        places = [p for p in [*refused_places(self.token), *private_places(self.token)] if p != JUDGE]
        attacked = f"# attack-{self.token}" in JUDGE.read_text()
        return [p for p in places if p.exists()] + ([JUDGE] if attacked else [])

    def undo(self):
        for place in self.survivors():
            if place == JUDGE:
                JUDGE.write_text(JUDGE.read_text().replace(judge_payload(self.token), ""))
            else:
                place.unlink()


@pytest.fixture
def guard():
    guard = Guard(uuid.uuid4().hex[:12])
    yield guard
    guard.undo()


def test_the_guard_undoes_only_its_own_attack_on_the_grader(tmp_path, monkeypatch):
    judge = tmp_path / "judge.py"
    judge.write_text("def judge_exercise(): ...\n")
    monkeypatch.setattr(sys.modules[__name__], "JUDGE", judge)
    guard = Guard("t0ken")
    judge.write_text(judge.read_text() + "# another session's edit\n")
    assert guard.survivors() == []  # an edit without the attack's token is not the attack's
    with judge.open("a") as f:
        f.write(judge_payload("t0ken"))
    assert guard.survivors() == [judge]
    guard.undo()
    assert judge.read_text() == "def judge_exercise(): ...\n# another session's edit\n"
    assert guard.survivors() == []


def grade_in_a_new_process(notebook, tmp_path):
    out = tmp_path / f"{notebook.stem}-result.json"
    run = subprocess.run([sys.executable, "-m", "grader", "grade", str(notebook), "--json", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return json.loads(out.read_text())


def student_release(folder, name="student"):
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(ASSIGNMENT.student_path, folder / f"{name}.ipynb"))


@needs_confinement
@pytest.mark.slow
def test_an_attack_leaves_nothing_behind_and_the_next_submission_is_graded_as_before(tmp_path, guard):
    result = grade(attacker(tmp_path, guard.token), limits=Limits(scratch_mib=64))
    validate(result)
    by_id = {e["id"]: e for e in result["exercises"]}
    assert by_id["flatten_images"]["status"] == "passed"
    assert by_id["standardize"]["status"] == "passed", "a place that lasts was writable: " + by_id["standardize"]["message"]
    flood = by_id["train_dev_test_split"]
    assert flood["status"] == "error" and "no space left" in flood["message"] and "64 MiB" in flood["message"], flood
    assert guard.survivors() == []

    isolation = result["environment"]["isolation"]
    assert "without capabilities" in isolation["user"]
    assert isolation["user"].startswith("nobody" if os.geteuid() == 0 else "the grader's own user")
    assert "64 MiB" in isolation["writable"] and isolation["scratch_mib"] == 64

    assert grade_in_a_new_process(student_release(tmp_path / "next"), tmp_path)["score"] == 0


@needs_confinement
@pytest.mark.slow
def test_grade_all_with_two_workers_keeps_attacks_from_the_submissions_graded_after_them(tmp_path, guard):
    """The attackers sort first: each of the two workers grades an attack, then a release."""
    folder = tmp_path / "class"
    folder.mkdir()
    for name in ("a_mallory", "b_mallory"):
        attacker(folder, guard.token).rename(folder / f"{name}.ipynb")
    student_release(folder, "c_ada")
    student_release(folder, "d_bob")
    run = subprocess.run([sys.executable, "-m", "grader", "grade-all", str(folder), "--assignment", ASSIGNMENT.id,
                          "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert guard.survivors() == []
    results = {name: json.loads((folder / "results" / f"{name}.json").read_text())
               for name in ("a_mallory", "b_mallory", "c_ada", "d_bob")}
    for name in ("a_mallory", "b_mallory"):  # each attack ran, and every write that lasts was refused
        assert {e["id"]: e["status"] for e in results[name]["exercises"]}["standardize"] == "passed", name
    assert results["c_ada"]["score"] == results["d_bob"]["score"] == 0


@needs_confinement
@pytest.mark.slow
def test_a_dask_worker_keeps_an_attack_from_the_next_submission(tmp_path, guard):
    from distributed import LocalCluster

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    attacker(first, guard.token).rename(first / "mallory.ipynb")
    student_release(second, "bob")
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        batch.grade_all(first, ASSIGNMENT.id, dask=cluster.scheduler_address)
        assert guard.survivors() == []
        results = batch.grade_all(second, ASSIGNMENT.id, dask=cluster.scheduler_address)
    assert results["bob"]["score"] == 0


@needs_confinement
def test_the_kernel_runs_without_privileges_and_its_files_vanish(tmp_path):
    probe = ("import ctypes, os\nlibc = ctypes.CDLL(None, use_errno=True)\n"
             "status = open('/proc/self/status').read()\n"
             "open('left-behind', 'w').write('x')\n"
             f"print(os.getuid(), status.split('CapEff:')[1].split()[0], libc.umount2(b'/', 2), "
             f"sorted(os.listdir({str(REPO_ROOT)!r})), os.getcwd(), open('/tmp/.grader/input.npz').read())")
    sandbox.write_for_kernel(tmp_path / "input.npz", b"check inputs")
    sandbox.share_with_kernel(tmp_path)
    command = sandbox.confined_command([sys.executable, "-c", probe], tmp_path, scratch_mib=16)
    run = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    uid, capabilities, unmounted, rest = run.stdout.split(" ", 3)
    assert uid == "1000" and int(capabilities, 16) == 0 and unmounted == "-1", run.stdout
    kept = sorted(p.name for p in (REPO_ROOT / "grader", REPO_ROOT / "lessons", Path(sys.prefix)) if p.parent == REPO_ROOT)
    assert rest.strip() == f"{kept} /tmp/work check inputs"
    assert not (tmp_path / "left-behind").exists()


def steer_control_socket(listener):
    """A learner's cell that replaces the kernel's control socket by a link to `listener`, a socket
    of the grader's machine, then drops the grader's connections to it so that they would reconnect."""
    return ("import json, os, socket, time\n"
            "info = json.load(open('/tmp/.grader/kernel.json'))\n"
            "path = f\"{info['ip']}-{info['control_port']}\"  # /tmp/work/kernel-ipc-N\n"
            f"os.unlink(path)\nos.symlink({str(listener)!r}, path)\n"
            "for fd in os.listdir('/proc/self/fd'):\n"
            "    try:\n        s = socket.socket(fileno=os.dup(int(fd)))\n    except OSError:\n        continue\n"
            "    with s:\n"
            "        if s.family == socket.AF_UNIX and s.getsockname() == path \\\n"
            "                and not s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):\n"
            "            s.shutdown(socket.SHUT_RDWR)\n"
            "time.sleep(2)\n")


@needs_confinement
@pytest.mark.slow
def test_a_kernel_cannot_steer_the_grader_to_another_socket(tmp_path):
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "listener"))
    listener.listen(8)
    listener.setblocking(False)
    notebook = solution_with(tmp_path, ASSIGNMENT, add_after={"flatten_images": steer_control_socket(tmp_path / "listener")})
    result = grade(notebook)
    validate(result)
    with pytest.raises(BlockingIOError):
        listener.accept()  # nothing connected to it
    assert result["score"] == ASSIGNMENT.max_score


@needs_confinement
def test_the_kernels_processes_run_as_nobody_on_the_machine_or_as_the_grader(tmp_path):
    sandbox.share_with_kernel(tmp_path)
    waiting = "import time\nprint('ready', flush=True)\ntime.sleep(60)"
    launcher = subprocess.Popen(sandbox.confined_command([sys.executable, "-c", waiting], tmp_path, scratch_mib=16),
                                stdout=subprocess.PIPE, text=True)
    try:
        assert launcher.stdout.readline() == "ready\n"
        kernel = psutil.Process(launcher.pid).children(recursive=True)
        user, group = (NOBODY, NOBODY) if os.geteuid() == 0 else (os.geteuid(), os.getegid())
        assert kernel and all((set(p.uids()), set(p.gids())) == ({user}, {group}) for p in kernel), \
            [(p.cmdline(), p.uids(), p.gids()) for p in kernel]
    finally:
        launcher.kill()
        launcher.wait()


@needs_confinement
def test_a_class_and_its_results_under_tmp_stay_hidden_from_the_kernel(tmp_path):
    """The usual layout of a class cloned into /tmp: results nested in the submissions' folder."""
    submissions, results, control = tmp_path / "class", tmp_path / "class" / "results", tmp_path / "control"
    for folder in (results, control):
        folder.mkdir(parents=True)
    (submissions / "ada.ipynb").write_text("another learner's work")
    (results / "ada.json").write_text("another learner's grade")
    probe = f"import os\nprint(os.listdir({str(submissions)!r}), os.access({str(submissions)!r}, os.W_OK))"
    command = sandbox.confined_command([sys.executable, "-c", probe], control, private=[submissions, results],
                                       scratch_mib=16)
    run = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout.strip()) == (0, "[] False"), run.stderr


def test_without_confinement_grade_warns_and_grade_all_refuses_unless_told(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sandbox, "confinement_problem", lambda: "user namespaces are disabled here")
    student_release(tmp_path)
    assert cli.main(["grade-all", str(tmp_path), "--assignment", ASSIGNMENT.id]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: kernels cannot be confined (this machine: user namespaces are disabled here)")
    assert "--accept-grade-tampering-risk" in error and not (tmp_path / "results" / "student.json").exists()

    with pytest.raises(batch.BatchError):
        batch.grade_all(tmp_path, ASSIGNMENT.id)
    isolation = sandbox.isolation_summary(Limits())
    assert all(isolation[key] == "not enforced: user namespaces are disabled here"
               for key in ("user", "network", "files", "writable"))
    assert isolation["scratch_mib"] is None  # nothing caps what the kernel writes then
    manager = sandbox.kernel_manager_class_for(Limits(), sandbox.Monitor(), tmp_path)(kernel_name="python3")
    _, launch = asyncio.run(manager._async_pre_start_kernel())
    assert launch["env"][sandbox.GRADING_ENV] == "1" and sandbox.SCRATCH_ENV not in launch["env"]


@pytest.mark.slow
def test_a_dask_cluster_refuses_to_grade_unconfined_unless_told(tmp_path, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr(sandbox, "confinement_problem", lambda: "user namespaces are disabled here")
    student_release(tmp_path)
    with LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        with pytest.raises(batch.BatchError, match=r"^kernels cannot be confined \(.*user namespaces are disabled"):
            batch.grade_all(tmp_path, ASSIGNMENT.id, dask=cluster.scheduler_address)
        assert not list((tmp_path / "results").glob("*.json"))
        results = batch.grade_all(tmp_path, ASSIGNMENT.id, dask=cluster.scheduler_address, accept_unconfined=True)
    assert results["student"]["score"] == 0
    assert results["student"]["environment"]["isolation"]["user"] == "not enforced: user namespaces are disabled here"


@pytest.mark.slow
def test_grading_unconfined_warns_and_says_so_in_the_result(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sandbox, "confinement_problem", lambda: "user namespaces are disabled here")
    notebook = student_release(tmp_path)
    assert cli.main(["grade", str(notebook), "--json", str(tmp_path / "r.json")]) == 0
    assert "warning: this notebook's kernel will not be confined (user namespaces are disabled here)" \
        in capsys.readouterr().err
    result = json.loads((tmp_path / "r.json").read_text())
    isolation = result["environment"]["isolation"]
    assert result["score"] == 0 and isolation["files"].startswith("not enforced") and isolation["scratch_mib"] is None
