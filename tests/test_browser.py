"""The course in JupyterLab, driven by a real (headless) Chromium.

1. A lesson runs clean: open the start-here notebook, Run → Run All Cells, and find its plots
   and the lines its checked cells print, with no error anywhere and no pop-up over it.
2. A learner's self-check passes: open a copy of the C1W2 assignment, type the sigmoid
   solution into the exercise cell, run the cells above it and the self-check cell, and see
   the pass line.
3. The grader's feedback reads well: grade a C1W1 submission with one wrong exercise, open
   the Markdown feedback it writes, and find the score, the table and the hint rendered.
4. A practice exercise: type a wrong answer, see what is wrong with it, ask for a hint, type the
   right answer and see it accepted.
5. A quiz: type answers into the C1W1 quiz, save it from JupyterLab, grade the saved file, and
   read the feedback, which explains the wrong answer.

The test starts its own JupyterLab server on a free localhost port, with its own token and
config and the course's settings (jupyter/settings, as `make lab` gives them), serving a
temporary folder that holds output-free copies of the notebooks: the repository is never
written, and every output seen comes from this run. The browser is the
system's Chromium and chromedriver (Debian: `apt-get install chromium chromium-driver`;
`.ci/run` installs them), given to Selenium by path so that Selenium Manager never looks for
or downloads a driver. Without them the test skips. Screenshots go to $BROWSER_ARTIFACTS,
else tests/artifacts/ (ignored by git).
"""
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REPO = Path(__file__).resolve().parent.parent
LESSON = "notebooks/00_start_here.ipynb"  # where `make lab` sends the learner (test_syllabus checks the Makefile)
LAB_SETTINGS = REPO / "jupyter" / "settings"  # what `make lab` gives JupyterLab (test_syllabus checks that too)
ASSIGNMENT = "assignments/c1w2_logistic_regression/student.ipynb"
QUIZ = "assignments/c1w1_quiz/student.ipynb"
PRACTICE_LESSON = "notebooks/c1_neural_networks/c1w1_why_scale.ipynb"
PRACTICE = "practice.ipynb"  # the lesson's import and one "Your turn" cell, so nothing slow runs first
SIGMOID_STUB = 'raise NotImplementedError("sigmoid: write your code here")'
SIGMOID_SOLUTION = "s = 1 / (1 + np.exp(-z))"

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("no chromium and chromedriver on PATH (Debian: apt-get install chromium "
                "chromium-driver; .ci/run installs them)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed "
                                "(it is pinned in requirements.txt: make install)")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

# Upper bounds only, generous for a loaded 2-core machine; an idle one needs a fraction.
SERVER_START_S = 90
PAGE_LOAD_S = 90
KERNEL_START_S = 120
RUN_S = 240

# The open notebook as the DOM shows it: one entry per cell, and the kernel's status.
NOTEBOOK_STATE_JS = """
const panel = document.querySelector('.jp-NotebookPanel');
if (!panel) return null;
const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
const cells = [...panel.querySelectorAll('.jp-Cell')].map(cell => ({
  code: cell.classList.contains('jp-CodeCell'),
  prompt: (cell.querySelector('.jp-InputArea-prompt') || {}).textContent || '',
  source: [...cell.querySelectorAll('.cm-content .cm-line')].map(l => l.textContent).join('\\n'),
  outputs: [...cell.querySelectorAll('.jp-OutputArea-output')].map(o => ({
    mime: o.dataset.mimeType || '',
    text: o.textContent,
    images: [...o.querySelectorAll('img')].filter(i => i.complete && i.naturalWidth > 0).length,
  })),
}));
return {status: indicator ? indicator.dataset.status : null, cells};
"""


# The text of each pop-up (JupyterLab's notifications) on the page.
TOASTS_JS = "return [...document.querySelectorAll('.Toastify__toast')].map(toast => toast.textContent)"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_without_outputs(source, target):
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)


def artifacts_dir():
    folder = Path(os.environ.get("BROWSER_ARTIFACTS") or REPO / "tests" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Lab:
    """A JupyterLab server of our own on localhost, serving a temporary root."""

    def __init__(self, workdir):
        self.root = workdir / "root"
        self.port = free_port()
        self.token = uuid.uuid4().hex
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "jupyterlab.log"
        config = workdir / "config"
        # Markdown files open rendered, as a learner reading feedback wants them.
        viewers = config / "lab" / "user-settings" / "@jupyterlab" / "docmanager-extension"
        viewers.mkdir(parents=True)
        (viewers / "plugin.jupyterlab-settings").write_text(
            json.dumps({"defaultViewers": {"markdown": "Markdown Preview"}}))
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config),
                   JUPYTER_RUNTIME_DIR=str(workdir / "runtime"))
        command = [sys.executable, "-m", "jupyterlab", "--no-browser",
                   "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
                   "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
                   f"--ServerApp.root_dir={self.root}", f"--LabApp.app_settings_dir={LAB_SETTINGS}"]
        if os.getuid() == 0:
            command.append("--allow-root")
        self.log = open(self.log_path, "w")
        # Its own session, so that teardown can end the server and its kernels together.
        self.process = subprocess.Popen(command, cwd=self.root, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + SERVER_START_S
        while not self.api("GET", "status"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"JupyterLab did not start; its log:\n{self.log_tail()}")
            time.sleep(0.5)

    def api(self, method, path):
        request = urllib.request.Request(f"{self.base}/api/{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body = response.read()
                return json.loads(body) if body else True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def url(self, path, workspace):
        # A workspace of its own per scenario: JupyterLab restores no earlier layout into it.
        return f"{self.base}/lab/workspaces/{workspace}/tree/{path}?token={self.token}"

    def shutdown_kernels(self):
        for kernel in self.api("GET", "kernels") or []:
            self.api("DELETE", f"kernels/{kernel['id']}")

    def log_tail(self, lines=40):
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        if self.process.poll() is None:
            self.shutdown_kernels()
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        with contextlib.suppress(ProcessLookupError):  # kernels left behind, if any
            os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("lab")
    for path in (LESSON, ASSIGNMENT, QUIZ):
        copy_without_outputs(REPO / path, workdir / "root" / path)
    lesson = nbformat.read(REPO / PRACTICE_LESSON, as_version=4)
    your_turn = next(c for c in lesson.cells if c.cell_type == "code" and "practice.neuron_by_hand.check(" in c.source)
    nbformat.write(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from lessons.practice import c1w1_why_scale as practice"),
        nbformat.v4.new_code_cell(your_turn.source),
        nbformat.v4.new_code_cell("practice.neuron_by_hand.hint()")]), workdir / "root" / PRACTICE)
    server = Lab(workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1280,960", "--force-device-scale-factor=1",
                     "--no-first-run", "--disable-background-networking", "--lang=en-US"):
        options.add_argument(argument)
    # The driver given by path: Selenium Manager is never run, so nothing is downloaded.
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(service=service, options=options)
    yield driver
    driver.quit()


@pytest.fixture
def screenshots(lab):
    """The folder for screenshots; each scenario's kernels end with it."""
    yield artifacts_dir()
    lab.shutdown_kernels()


@contextlib.contextmanager
def evidence_on_failure(driver, lab, name):
    try:
        yield
    except BaseException:
        folder = artifacts_dir()
        driver.save_screenshot(str(folder / f"{name}-failure.png"))
        (folder / f"{name}-jupyterlab.log").write_text(lab.log_tail(400))
        raise


def wait(driver, seconds, condition, message):
    return WebDriverWait(driver, seconds, poll_frequency=0.25).until(
        lambda d: condition(d.execute_script(NOTEBOOK_STATE_JS)), message)


def kernel_status_is(*statuses):
    def condition(state):
        if state and state["status"] == "dead":
            raise AssertionError("the kernel died")
        return state if state and state["status"] in statuses else False
    return condition


def open_notebook(driver, lab, path, workspace):
    """Open `path` and wait for all its cells and an idle kernel; returns the notebook's state."""
    cells = len(nbformat.read(lab.root / path, as_version=4).cells)
    driver.get(lab.url(path, workspace))
    wait(driver, PAGE_LOAD_S, lambda state: state and len(state["cells"]) == cells,
         f"JupyterLab did not show the {cells} cells of {path}")

    def kernel_ready(driver):
        # On a slow machine JupyterLab may ask which kernel to start (its kernel list came
        # late); the preselected one is the notebook's own, so accept it as a learner would.
        for button in driver.find_elements(By.CSS_SELECTOR, ".jp-Dialog .jp-mod-accept"):
            if "Select Kernel" in driver.find_element(By.CSS_SELECTOR, ".jp-Dialog").text:
                print(f"{path}: accepted JupyterLab's Select Kernel dialog")
                button.click()
                return False
        sessions = lab.api("GET", "sessions") or []
        started = any(session["path"] == path and session["kernel"]["execution_state"] == "idle"
                      for session in sessions)
        return started and kernel_status_is("idle")(driver.execute_script(NOTEBOOK_STATE_JS))
    return WebDriverWait(driver, KERNEL_START_S, poll_frequency=0.25).until(
        kernel_ready, f"the kernel of {path} did not start")


def run_menu(driver, command):
    """Run → the item that runs `command`, clicked as a learner would."""
    menubar = driver.find_element(By.CSS_SELECTOR, "#jp-menu-panel, .lm-MenuBar")
    run = next(item for item in menubar.find_elements(By.CSS_SELECTOR, ".lm-MenuBar-item")
               if item.text.strip() == "Run")
    run.click()
    selector = f'.lm-Menu .lm-Menu-item[data-command="{command}"]:not(.lm-mod-disabled)'
    item = WebDriverWait(driver, 30).until(
        lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()),
                       False), f"no enabled menu item Run → {command}")
    item.click()


def execution_count(prompt):
    match = re.fullmatch(r"\s*\[(\d+)\]:\s*", prompt)
    return int(match.group(1)) if match else None


def error_outputs(state):
    """Tracebacks and error messages in any output (errors are rendered as stderr)."""
    return [output["text"] for cell in state["cells"] for output in cell["outputs"]
            if output["mime"] == "application/vnd.jupyter.stderr"
            and re.search(r"Traceback|\w+(Error|Exception)\b", output["text"])]


def checked_lines(path):
    """The lines the committed notebook's `# NBVAL_CHECK_OUTPUT` cells print."""
    notebook = nbformat.read(REPO / path, as_version=4)
    return [line.rstrip() for cell in notebook.cells
            if cell.cell_type == "code" and cell.source.startswith("# NBVAL_CHECK_OUTPUT")
            for output in cell.outputs if output.get("name") == "stdout"
            for line in output.text.splitlines() if line.strip()]


def committed_images(path):
    notebook = nbformat.read(REPO / path, as_version=4)
    return sum("image/png" in output.get("data", {}) for cell in notebook.cells
               if cell.cell_type == "code" for output in cell.outputs)


def scroll_into_view(driver, css, index=-1):
    driver.execute_script(
        "const all = document.querySelectorAll(arguments[0]);"
        "all[(arguments[1] + all.length) % all.length].scrollIntoView({block: 'center'});",
        css, index)


CELL_CSS = ".jp-NotebookPanel .jp-Cell"


def type_over_line(driver, cell_index, old_text, new_text, new_source):
    """In cell `cell_index`'s CodeMirror editor, replace the line holding `old_text` by
    `new_text` (after its indentation), typed as a learner types, and wait for `new_source`."""
    scroll_into_view(driver, CELL_CSS, cell_index)
    cell = driver.find_elements(By.CSS_SELECTOR, CELL_CSS)[cell_index]
    line = next(line for line in cell.find_elements(By.CSS_SELECTOR, ".cm-line") if old_text in line.text)
    line.click()
    keys = ActionChains(driver)
    keys.send_keys(Keys.END).send_keys(Keys.HOME)  # Home stops after the indentation
    keys.key_down(Keys.SHIFT).send_keys(Keys.END).key_up(Keys.SHIFT)
    keys.send_keys(new_text).perform()
    wait(driver, 30, lambda state: state["cells"][cell_index]["source"] == new_source,
         f"the typed line did not land in cell {cell_index} as expected")


def run_cells(driver, upto):
    """Run every cell up to `upto` (Run → Run All Above, then Run Selected Cell) and wait for them."""
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    driver.find_elements(By.CSS_SELECTOR, CELL_CSS)[upto].find_element(
        By.CSS_SELECTOR, ".jp-InputArea-prompt").click()  # select the cell, as a click in its margin does
    if upto:
        run_menu(driver, "notebook:run-all-above")
    run_menu(driver, "notebook:run-cell")

    def ran(state):
        done = all(execution_count(c["prompt"]) for c in state["cells"][:upto + 1] if c["code"])
        return state if done and kernel_status_is("idle")(state) else False
    return wait(driver, RUN_S, ran, f"the cells up to {upto} did not run")


def printed(state, cell_index):
    return "\n".join(output["text"] for output in state["cells"][cell_index]["outputs"])


def test_lesson_runs_all_cells_in_jupyterlab(lab, browser, screenshots):
    started = time.monotonic()
    with evidence_on_failure(browser, lab, "lesson"):
        state = open_notebook(browser, lab, LESSON, "lesson")
        # The file browser has followed the notebook into notebooks/.
        WebDriverWait(browser, 30).until(
            lambda d: "notebooks" in d.find_element(By.CSS_SELECTOR, ".jp-BreadCrumbs").text,
            "the file browser is not in notebooks/")
        code_cells = sum(cell["code"] for cell in state["cells"])
        opened = time.monotonic()
        run_menu(browser, "runmenu:run-all")

        def all_cells_ran(state):
            counts = [execution_count(cell["prompt"]) for cell in state["cells"] if cell["code"]]
            return state if kernel_status_is("idle")(state) and None not in counts else False
        state = wait(browser, RUN_S, all_cells_ran, "Run All Cells did not finish")
        ran = time.monotonic()

        counts = [execution_count(cell["prompt"]) for cell in state["cells"] if cell["code"]]
        assert counts == list(range(1, code_cells + 1))
        assert error_outputs(state) == []
        shown = {line.rstrip() for cell in state["cells"] for output in cell["outputs"]
                 for line in output["text"].splitlines()}
        expected = checked_lines(LESSON)
        assert expected and [line for line in expected if line not in shown] == []
        images = sum(output["images"] for cell in state["cells"] for output in cell["outputs"])
        assert images >= committed_images(LESSON) > 0
        # No pop-up covers the lesson. A new learner's JupyterLab asks about Jupyter news, in
        # a pop-up that stays until answered, unless the course's settings say no.
        assert browser.execute_script(TOASTS_JS) == []

        scroll_into_view(browser, ".jp-OutputArea-output img")
        browser.save_screenshot(str(screenshots / "lesson-run-all.png"))
    print(f"lesson: opened with an idle kernel in {opened - started:.1f} s, "
          f"Run All took {ran - opened:.1f} s")


def test_student_types_sigmoid_and_self_check_passes(lab, browser, screenshots):
    started = time.monotonic()
    notebook = nbformat.read(REPO / ASSIGNMENT, as_version=4)
    exercise = next(i for i, cell in enumerate(notebook.cells)
                    if cell.metadata.get("grader", {}).get("exercise") == "sigmoid")
    self_check = exercise + 1
    assert notebook.cells[self_check].source.strip() == 'check("sigmoid", sigmoid)'
    typed_source = notebook.cells[exercise].source.replace(SIGMOID_STUB, SIGMOID_SOLUTION)

    with evidence_on_failure(browser, lab, "selfcheck"):
        state = open_notebook(browser, lab, ASSIGNMENT, "assignment")
        assert SIGMOID_STUB in state["cells"][exercise]["source"]
        opened = time.monotonic()

        type_over_line(browser, exercise, SIGMOID_STUB, SIGMOID_SOLUTION, typed_source)

        # Select the self-check cell from the keyboard, then run what it needs from the menu.
        ActionChains(browser).send_keys(Keys.ESCAPE).send_keys(Keys.DOWN).perform()
        WebDriverWait(browser, 30).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, CELL_CSS)[self_check].get_attribute(
                "class").split().count("jp-mod-active"), "the self-check cell was not selected")
        run_menu(browser, "notebook:run-all-above")   # parameters, setup, data, sigmoid
        run_menu(browser, "notebook:run-cell")        # the self-check itself

        def checked(state):
            cells = state["cells"][:self_check + 1]
            done = all(execution_count(c["prompt"]) for c in cells if c["code"])
            return state if done and kernel_status_is("idle")(state) else False
        state = wait(browser, RUN_S, checked, "the cells up to the self-check did not run")
        ran = time.monotonic()

        assert error_outputs(state) == []
        printed = "\n".join(output["text"] for output in state["cells"][self_check]["outputs"])
        assert re.search(r"All \d+ public checks of sigmoid passed", printed), printed
        assert "✘" not in printed

        scroll_into_view(browser, CELL_CSS, self_check)
        browser.save_screenshot(str(screenshots / "selfcheck-passed.png"))
    print(f"assignment: opened with an idle kernel in {opened - started:.1f} s, "
          f"typing and running to the self-check took {ran - opened:.1f} s")


FEEDBACK_JS = """
const view = document.querySelector('.jp-RenderedMarkdown');
if (!view) return null;
return {title: (view.querySelector('h1') || {}).textContent || '',
        rows: [...view.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()))};
"""


def test_grader_feedback_renders_in_jupyterlab(lab, browser, screenshots, tmp_path):
    from grader.assignment import Assignment
    from solution_variants import solution_with

    wrong = "def standardize(X_train, X_other):\n    return X_train, X_other\n"
    submission = solution_with(tmp_path, Assignment("c1w1_data_as_tensors"), replace={"standardize": wrong})
    feedback = lab.root / "feedback.md"
    graded = subprocess.run([sys.executable, "-m", "grader", "grade", str(submission), "--markdown", str(feedback)],
                            capture_output=True, text=True, timeout=600)
    assert graded.returncode == 0, graded.stderr

    with evidence_on_failure(browser, lab, "feedback"):
        browser.get(lab.url("feedback.md", "feedback"))
        shown = WebDriverWait(browser, PAGE_LOAD_S, poll_frequency=0.25).until(
            lambda d: (lambda v: v if v and v["rows"] else False)(d.execute_script(FEEDBACK_JS)),
            "the feedback did not open as rendered Markdown")
        assert shown["title"].rstrip("¶") == "c1w1_data_as_tensors: 5 / 8"  # ¶: the heading's anchor link
        by_exercise = {row[0]: row for row in shown["rows"] if len(row) == 4}
        assert by_exercise["flatten_images"][1:3] == ["passed", "2/2"]
        assert by_exercise["standardize"][1:3] == ["failed", "0/3"]
        assert "check '" in by_exercise["standardize"][3]  # the hint, then the failing check
        browser.save_screenshot(str(screenshots / "feedback.png"))


def test_practice_says_what_is_wrong_gives_a_hint_and_accepts_the_right_answer(lab, browser, screenshots):
    source = nbformat.read(lab.root / PRACTICE, as_version=4).cells[1].source
    stub = next(line for line in source.splitlines() if line.startswith("my_outputs = None"))
    with evidence_on_failure(browser, lab, "practice"):
        open_notebook(browser, lab, PRACTICE, "practice")
        type_over_line(browser, 1, stub, "my_outputs = [2, -3]", source.replace(stub, "my_outputs = [2, -3]"))
        state = run_cells(browser, 2)  # the answer's cell, then the hint's
        assert error_outputs(state) == []
        assert printed(state, 1).startswith("One ReLU neuron by hand: Not yet. Your second output is negative")
        assert printed(state, 2).startswith("Hint 1 of 3: First the weighted sum plus bias")

        type_over_line(browser, 1, "my_outputs = [2, -3]", "my_outputs = [2, 0]",
                       source.replace(stub, "my_outputs = [2, 0]"))
        state = run_cells(browser, 1)
        wait(browser, 30, lambda state: printed(state, 1).startswith("One ReLU neuron by hand: Right."),
             "the right answer was not accepted")
        scroll_into_view(browser, CELL_CSS, 1)
        browser.save_screenshot(str(screenshots / "practice.png"))


def test_a_quiz_answered_in_jupyterlab_is_graded_with_its_explanations(lab, browser, screenshots):
    notebook = nbformat.read(lab.root / QUIZ, as_version=4)
    cell_of = {c.metadata["grader"]["exercise"]: i for i, c in enumerate(notebook.cells)
               if "exercise" in c.metadata.get("grader", {})}
    answers = {"q1": 'q1 = "b"', "q2": 'q2 = "abcd"'}  # q2 wrong: the perceptron is not why it took off
    with evidence_on_failure(browser, lab, "quiz"):
        open_notebook(browser, lab, QUIZ, "quiz")
        for question, line in answers.items():
            typed = notebook.cells[cell_of[question]].source.replace(f"{question} = None", line)
            type_over_line(browser, cell_of[question], f"{question} = None", line, typed)
        ActionChains(browser).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
        saved = lab.root / QUIZ
        def saved_answers(_):
            sources = [c.source for c in nbformat.read(saved, as_version=4).cells]
            return all(any(line in source for source in sources) for line in answers.values())
        WebDriverWait(browser, 30, poll_frequency=0.25).until(saved_answers, "the quiz was not saved")

    feedback = lab.root / "quiz-feedback.md"
    graded = subprocess.run([sys.executable, "-m", "grader", "grade", str(saved), "--markdown", str(feedback)],
                            capture_output=True, text=True, timeout=600)
    assert graded.returncode == 0, graded.stderr
    with evidence_on_failure(browser, lab, "quiz-feedback"):
        browser.get(lab.url("quiz-feedback.md", "quiz-feedback"))
        shown = WebDriverWait(browser, PAGE_LOAD_S, poll_frequency=0.25).until(
            lambda d: (lambda v: v if v and v["rows"] else False)(d.execute_script(FEEDBACK_JS)),
            "the quiz feedback did not open as rendered Markdown")
        assert shown["title"].rstrip("¶") == "c1w1_quiz: 1 / 9"
        by_question = {row[0]: row for row in shown["rows"] if len(row) == 4}
        assert by_question["q1"][1:3] == ["passed", "1/1"]
        assert by_question["q2"][1:3] == ["failed", "0/1"]
        assert by_question["q2"][3].startswith("d: The perceptron dates from 1958")
        assert by_question["q3"][1] == "not_attempted"
        browser.save_screenshot(str(screenshots / "quiz-feedback.png"))
