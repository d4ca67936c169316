"""An unhandled exception is logged and explained in a dialog instead of the app vanishing."""

import logging
import sys
import threading

import pytest

from rostereditor import app_log
from rostereditor.ui import crash_dialog


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    # Restore the real hooks after each test, whatever install_crash_hook replaced.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = app_log.setup_logging(directory=tmp_path)
    yield path
    app_log.stop_logging()


def _raise_and_capture():
    try:
        {}["missing-sourcedId"]
    except KeyError:
        return sys.exc_info()
    raise AssertionError("unreachable")


def _log_text(path):
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_hook_logs_traceback_and_shows_dialog(qtbot, log_file, monkeypatch):
    shown = []
    monkeypatch.setattr(crash_dialog, "_dialog_possible", lambda: True)
    monkeypatch.setattr(crash_dialog, "_show_dialog", shown.append)
    crash_dialog.install_crash_hook(log_file)

    sys.excepthook(*_raise_and_capture())

    text = _log_text(log_file)
    assert "Unhandled exception" in text
    # The key could be a student's ID: the log keeps its length, not its text (log_redaction).
    assert "KeyError: '<17 characters>'" in text
    assert "missing-sourcedId'" not in text.split("KeyError")[-1]
    assert len(shown) == 1
    box = shown[0]
    qtbot.addWidget(box)
    assert "KeyError" in box.informativeText()
    assert "test_crash_dialog.py, line" in box.informativeText()
    assert str(log_file) in box.informativeText()
    assert "Traceback" in box.detailedText()


def test_headless_platform_only_logs(qtbot, log_file, monkeypatch):
    shown = []
    monkeypatch.setattr(crash_dialog, "_show_dialog", shown.append)
    crash_dialog.install_crash_hook(log_file)

    sys.excepthook(*_raise_and_capture())

    assert shown == []  # offscreen: a modal dialog would hang CI and --self-test
    assert "missing-sourcedId" in _log_text(log_file)


def test_exception_in_worker_thread_is_logged(qtbot, log_file, monkeypatch):
    shown = []
    monkeypatch.setattr(crash_dialog, "_dialog_possible", lambda: True)
    monkeypatch.setattr(crash_dialog, "_show_dialog", shown.append)
    crash_dialog.install_crash_hook(log_file)

    def fail():
        raise ValueError("bad row in worker")

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()

    assert "bad row in worker" in _log_text(log_file)
    assert shown == []  # widgets belong to the GUI thread


def test_where_it_happened_names_innermost_frame():
    _, _, tb = _raise_and_capture()
    assert crash_dialog.where_it_happened(tb).startswith("test_crash_dialog.py, line ")
    assert crash_dialog.where_it_happened(None) == "unknown location"
