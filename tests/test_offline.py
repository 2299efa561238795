"""Notebooks run with no network in the test suite (tests/offline_kernels.py) and when the
source notebooks' outputs are stored (grader.fixtures): their kernels are in an empty network
namespace, and a notebook that downloads fails with a clear message. Where no namespace can be
made, they run with the network and say so."""
import ast
import os
import re
import subprocess
import sys
from types import SimpleNamespace

import nbformat
import nbval.kernel
import pytest
from jupyter_client.manager import KernelManager
from nbval.kernel import RunningKernel

import offline_kernels

from grader import fixtures, offline
from grader.offline import OfflineKernelManager
from grader.outcome import OFFLINE_HINT

offline_only = offline_kernels.skip_unless_offline()

# Run in the kernel: what network it has. 192.0.2.1 is an address reserved for documentation.
NETWORK_FACTS = """
import errno, os, socket
server = socket.create_server(("127.0.0.1", 0))
socket.create_connection(server.getsockname()).close()  # its loopback works
try:
    socket.create_connection(("192.0.2.1", 80), timeout=5)
    outside = "reached"
except OSError as error:
    outside = errno.errorcode.get(error.errno, str(error))
facts = {"namespace": os.readlink("/proc/self/ns/net"), "outside": outside,
         "interfaces": [name for _, name in socket.if_nameindex()]}
"""

PLANTED_CELLS = [
    ('import urllib.request\n'  # what keras.datasets.mnist.load_data() downloads
     'urllib.request.urlopen("https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz")'),
    'import socket\nsocket.create_connection(("8.8.8.8", 53), timeout=5)',
    'print("no network needed")',
    'raise ValueError("a mistake that is not about the network")',
]


@offline_only
def test_nbval_starts_kernels_without_network(tmp_path):
    kernel = RunningKernel("python3", cwd=str(tmp_path))  # as nbval starts each notebook's kernel
    manager = kernel.km
    try:
        reply = kernel.kc.execute_interactive(NETWORK_FACTS, user_expressions={"facts": "facts"},
                                              output_hook=lambda message: None, timeout=60)
    finally:
        kernel.stop()
    assert isinstance(manager, OfflineKernelManager)
    assert reply["content"]["status"] == "ok", reply["content"]
    facts = ast.literal_eval(reply["content"]["user_expressions"]["facts"]["data"]["text/plain"])
    assert facts["namespace"] != os.readlink("/proc/self/ns/net")
    assert facts["interfaces"] == ["lo"]
    assert facts["outside"] == "ENETUNREACH"
    assert not os.path.exists(manager.socket_folder)


@offline_only
@pytest.mark.slow
def test_a_notebook_that_downloads_fails_with_a_clear_message(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in PLANTED_CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, tmp_path / "planted.ipynb")
    tests = os.path.dirname(__file__)
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "offline_kernels", "-p", "no:cacheprovider",
                           "--nbval-lax", "-c", os.devnull, "--rootdir", str(tmp_path), "planted.ipynb"],
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": tests}, capture_output=True,
                          text=True, timeout=300)
    report = done.stdout
    assert done.returncode == 1, report + done.stderr
    assert "3 failed, 1 passed" in report
    assert "Temporary failure in name resolution" in report and "Network is unreachable" in report
    # Each failed cell's report, from the FAILURES section (pytest repeats the reports in its short
    # summary when the CI variable is set, so the summary is left out).
    failures = report.split(" FAILURES ")[1].split(" short test summary info ")[0]
    cells = dict(re.findall(r"_ planted\.ipynb::(Cell \d) _+\n(.*?)(?=\n_{4,} planted|\Z)", failures, re.S))
    assert sorted(cells) == ["Cell 0", "Cell 1", "Cell 3"], report
    assert [OFFLINE_HINT in cells[cell] for cell in sorted(cells)] == [True, True, False], report


def stored_network_facts(tmp_path):
    """Store the outputs of a source notebook that shows its kernel's network; returns them."""
    cells = [NETWORK_FACTS, "print(facts)"]
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]),
                   tmp_path / "source.ipynb")
    path = fixtures.store_source_outputs(SimpleNamespace(folder=tmp_path))
    return ast.literal_eval(nbformat.read(path, as_version=4).cells[1].outputs[0].text)


@offline_only
def test_source_notebook_outputs_are_stored_without_network(tmp_path, capsys):
    facts = stored_network_facts(tmp_path)
    assert facts["interfaces"] == ["lo"] and facts["outside"] == "ENETUNREACH"
    assert facts["namespace"] != os.readlink("/proc/self/ns/net")
    assert capsys.readouterr().err == ""


@pytest.fixture
def no_namespaces(tmp_path, monkeypatch):
    """This machine as one where no network namespace can be made: the launcher fails as
    grader/no_network.py does there."""
    launcher = tmp_path / "no_network.py"
    launcher.write_text("import sys\nprint('no network namespace: planted for the test', file=sys.stderr)\n"
                        "sys.exit(125)\n")
    monkeypatch.setattr(offline, "LAUNCHER", launcher)
    offline.offline_problem.cache_clear()
    yield
    offline.offline_problem.cache_clear()  # forget the planted answer: the next call asks the real launcher


def test_without_network_namespaces_notebooks_run_with_the_network_and_say_so(no_namespaces, monkeypatch):
    reason = "notebooks run with the network here (no network namespace: planted for the test)"
    mark = offline_kernels.skip_unless_offline()
    assert mark.args == (True,) and mark.kwargs["reason"] == reason

    monkeypatch.setattr(nbval.kernel, "KernelManager", KernelManager)  # as nbval has it
    config = SimpleNamespace(add_cleanup=lambda cleanup: pytest.fail("nothing should need undoing"))
    offline_kernels.pytest_configure(config)
    assert nbval.kernel.KernelManager is KernelManager
    assert offline_kernels.pytest_report_header(config) == (
        "notebooks: kernels with the network; running offline is not tested here "
        "(no network namespace: planted for the test)")


@pytest.mark.slow
def test_without_network_namespaces_source_outputs_are_stored_with_a_warning(no_namespaces, tmp_path, capsys):
    facts = stored_network_facts(tmp_path)
    assert facts["namespace"] == os.readlink("/proc/self/ns/net")
    assert "runs with the network here (no network namespace: planted for the test)" in capsys.readouterr().err
