"""--self-test drives the real window end to end and reports through a JSON file and exit code."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rostereditor import app_log
from rostereditor.ui import self_test
from rostereditor.ui.files import sample_bundles

# The offscreen platform plugin warns about this whenever a main window is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

EXPECTED_CHECKS = [
    "main window shown", "open damaged sample", "validate", "edit and undo",
    "save and re-read", "xlsx round trip",
]


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    # Keep the test's log and report out of the developer's real profile.
    folder = tmp_path / "logs"
    monkeypatch.setenv(app_log.LOG_DIR_ENV, str(folder))
    yield folder
    app_log.stop_logging()


def test_self_test_passes_without_stdout_and_writes_report(qapp, log_dir, tmp_path, monkeypatch):
    # A windowed build on Windows has no console streams at all.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    report_path = tmp_path / "out" / "report.json"

    code = self_test.run_self_test(report_path)

    for sink in (sys.stdout, sys.stderr):
        if sink is not None:
            sink.close()  # the devnull sinks app_log put in place
    report = json.loads(report_path.read_text(encoding="utf-8"))
    failures = [c for c in report["checks"] if not c["ok"]]
    assert code == 0, failures
    assert report["ok"] is True
    assert [c["name"] for c in report["checks"]] == EXPECTED_CHECKS
    assert report["environment"]["qt_platform"] == "offscreen"
    assert report["window_shown_at"] >= report["started_at"]
    assert "self-test passed" in (log_dir / app_log.LOG_FILE_NAME).read_text(encoding="utf-8")


def test_missing_sample_fails_and_says_why(qapp, log_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(sample_bundles, "sample_bundle_path", lambda damaged=False: None)
    report_path = tmp_path / "report.json"

    assert self_test.run_self_test(report_path) == 1

    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["ok"] is False
    last = report["checks"][-1]
    assert last["name"] == "open damaged sample"
    assert "sample-district-damaged.zip" in last["detail"]


def test_report_defaults_to_the_log_folder(qapp, log_dir, monkeypatch):
    monkeypatch.setattr(sample_bundles, "sample_bundle_path", lambda damaged=False: None)
    self_test.run_self_test(None)
    assert (log_dir / self_test.REPORT_FILE_NAME).is_file()


@pytest.mark.slow
def test_command_line_self_test_exits_zero(tmp_path):
    report_path = tmp_path / "report.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           app_log.LOG_DIR_ENV: str(tmp_path / "logs")}
    result = subprocess.run(
        [sys.executable, "-m", "rostereditor", "--self-test", "--report", str(report_path)],
        env=env, capture_output=True, text=True, timeout=180, check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(report_path.read_text(encoding="utf-8"))["ok"] is True
