"""The recorded benchmark tables: README quotes the current ones, and GPU runs sit beside CPU runs."""
import subprocess
import sys

import benchmark_scripts

from lessons.syllabus import REPO_ROOT


def test_readme_quotes_the_current_benchmark_tables():
    run = subprocess.run([sys.executable, "benchmarks/quote_in_readme.py", "--check"], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("lesson_times", "grading_times", "batch_throughput"):
        assert f"<!-- quote benchmarks/{name}.md -->" in readme


def test_quoting_replaces_only_the_block_body(tmp_path, monkeypatch):
    quote = benchmark_scripts.load("quote_in_readme")
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "benchmarks" / "t.md").write_text("# Title\n\n| a |\n|---|\n| 2 |\n")
    monkeypatch.setattr(quote, "REPO", tmp_path)
    readme = "intro\n<!-- quote benchmarks/t.md -->\n| a |\n| 1 |\n<!-- end quote -->\noutro\n"
    assert quote.quoted(readme) == ("intro\n<!-- quote benchmarks/t.md -->\n\n| a |\n|---|\n| 2 |\n\n"
                                    "<!-- end quote -->\noutro\n")


def test_a_gpu_run_is_kept_beside_the_cpu_run_and_gives_a_speed_up(tmp_path, monkeypatch):
    lessons = benchmark_scripts.load("run_lessons")
    monkeypatch.setattr(lessons, "TABLE", tmp_path / "lesson_times.md")
    path = "notebooks/c1_neural_networks/c1w1_why_scale.ipynb"
    cpu = [path, "90", "27.0", "833", "yes", "2 CPU, x86_64", "2026-11-23"]
    gpu = [path, "90", "9.0", "2100", "yes", "16 CPU, x86_64, GPU NVIDIA H200", "2026-12-03"]
    lessons.write_table({(path, False): cpu})
    assert "No GPU run is recorded" in lessons.TABLE.read_text()
    lessons.write_table({**lessons.read_table(), (path, True): gpu})
    rows = lessons.read_table()
    assert rows == {(path, False): cpu, (path, True): gpu}
    assert f"| {path} | 27.0 | 9.0 | 3.0x |" in lessons.TABLE.read_text()


def test_suite_durations_are_totalled_by_file_and_the_slowest_listed():
    durations = benchmark_scripts.load("suite_durations")
    output = ("============ slowest durations ============\n"
              "61.50s call     tests/test_a.py::test_slow[x]\n"
              "3.00s setup    tests/test_a.py::test_slow[x]\n"
              "12.25s call     notebooks/n.ipynb::Cell 3\n"
              "0.01s teardown tests/test_b.py::test_quick\n"
              "== 3 passed in 80.00s ==\n")
    parsed = durations.parse(output)
    assert parsed[0] == ("tests/test_a.py::test_slow[x]", "call", 61.5) and len(parsed) == 4
    assert durations.by_file(parsed)[0] == ("tests/test_a.py", 64.5, 1)
    table = durations.table(parsed, 90.0, "3 passed in 80.00s", 2)
    assert "| tests/test_a.py | 1 | 64 | 84% |" in table and "| notebooks/n.ipynb::Cell 3 | call | 12.2 |" in table
