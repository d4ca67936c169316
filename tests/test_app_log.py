"""The per-user log goes to each OS's conventional folder and works without a console."""

import logging
import sys
from pathlib import Path

import pytest

from rostereditor import app_log


def test_windows_uses_local_appdata():
    env = {"LOCALAPPDATA": r"C:\Users\pat\AppData\Local"}
    path = app_log.log_dir("win32", env, Path("/home/pat"))
    assert path == Path(r"C:\Users\pat\AppData\Local") / "RosterEditor" / "Logs"


def test_windows_without_localappdata_falls_back_to_profile():
    path = app_log.log_dir("win32", {}, Path("/profiles/pat"))
    assert path == Path("/profiles/pat/AppData/Local/RosterEditor/Logs")


def test_macos_uses_library_logs():
    path = app_log.log_dir("darwin", {}, Path("/Users/pat"))
    assert path == Path("/Users/pat/Library/Logs/RosterEditor")


def test_linux_follows_xdg_state_home():
    assert app_log.log_dir("linux", {"XDG_STATE_HOME": "/state"}, Path("/home/pat")) == Path(
        "/state/rostereditor"
    )
    assert app_log.log_dir("linux", {}, Path("/home/pat")) == Path(
        "/home/pat/.local/state/rostereditor"
    )


def test_environment_override_wins_on_every_platform():
    for platform in ("win32", "darwin", "linux"):
        env = {app_log.LOG_DIR_ENV: "/support/logs", "LOCALAPPDATA": "C:/x"}
        assert app_log.log_dir(platform, env, Path("/home/pat")) == Path("/support/logs")


@pytest.fixture
def logging_to(tmp_path):
    yield tmp_path
    app_log.stop_logging()


def test_setup_writes_records_to_the_file_and_is_idempotent(logging_to):
    path = app_log.setup_logging(directory=logging_to)
    assert app_log.setup_logging(directory=logging_to / "elsewhere") == path
    logging.getLogger("rostereditor.test").info("hello from the test")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path == logging_to / app_log.LOG_FILE_NAME
    assert "hello from the test" in path.read_text(encoding="utf-8")


def test_setup_survives_missing_stdout_and_stderr(logging_to, monkeypatch):
    # What a windowed PyInstaller build on Windows looks like.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    app_log.setup_logging(directory=logging_to)
    sinks = (sys.stdout, sys.stderr)
    print("goes nowhere, does not crash")
    sys.stderr.write("also fine\n")
    for sink in sinks:
        sink.close()


def test_unwritable_log_folder_does_not_stop_the_app(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    path = app_log.setup_logging(directory=blocker / "logs")
    assert path == blocker / "logs" / app_log.LOG_FILE_NAME
    assert not any(getattr(h, "_rostereditor_log", False) for h in logging.getLogger().handlers)


def test_the_log_keeps_student_names_and_ids_out_but_what_support_needs_in(tmp_path):
    path = app_log.setup_logging(directory=tmp_path)
    log = logging.getLogger("rostereditor.test")
    try:
        log.info("opened %s with %d files", tmp_path / "district.zip", 9)
        name, student_id, other = "Zoë Peña", "S-0000123", "Ana O'Neil"
        log.info("edited cell to %r", name)
        try:
            {}[student_id]
        except KeyError:
            log.exception("lookup failed")
        try:
            int(other)
        except ValueError:
            log.exception("Unhandled exception")
    finally:
        for handler in logging.getLogger().handlers:
            handler.flush()
        app_log.stop_logging()
    text = path.read_text(encoding="utf-8")
    for secret in ("Zoë", "Peña", "S-0000123", "Ana", "O'Neil"):
        assert secret not in text
    assert str(tmp_path / "district.zip") in text
    assert "with 9 files" in text
    assert "KeyError: '<9 characters>'" in text
    assert "ValueError: invalid literal for int() with base 10:" in text
    assert 'test_app_log.py", line' in text  # the traceback still says where
