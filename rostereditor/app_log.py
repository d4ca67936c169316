"""Per-user log file: where it lives on each OS, and a rotating handler that needs no console."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from rostereditor.log_redaction import RedactingFormatter

APP_DIR_NAME = "RosterEditor"
LOG_FILE_NAME = "rostereditor.log"
# Native crashes (a segfault inside Qt) bypass Python logging; faulthandler writes them here.
FAULT_FILE_NAME = "native-crash.log"
# Tests and support staff can point the log somewhere else without touching the user's profile.
LOG_DIR_ENV = "ROSTEREDITOR_LOG_DIR"

_MAX_BYTES = 1_000_000
_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_fault_stream: TextIO | None = None


def log_dir(
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """The folder for this user's log files, following each OS's convention.

    Windows: %LOCALAPPDATA%\\RosterEditor\\Logs (local, not roaming: logs are machine-specific).
    macOS:   ~/Library/Logs/RosterEditor (where Console.app looks).
    Others:  $XDG_STATE_HOME/rostereditor, default ~/.local/state/rostereditor.
    """
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    override = env.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    if platform == "win32":
        base = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_DIR_NAME / "Logs"
    if platform == "darwin":
        return home / "Library" / "Logs" / APP_DIR_NAME
    state = env.get("XDG_STATE_HOME") or str(home / ".local" / "state")
    return Path(state) / APP_DIR_NAME.lower()


def log_file_path() -> Path:
    """The main log file the app writes to (it may not exist until setup_logging runs)."""
    return log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO, directory: Path | None = None) -> Path:
    """Send the app's log records to a rotating per-user file and return its path.

    Safe to call more than once: later calls return the same file. Works when the app is a
    windowed build where sys.stdout and sys.stderr are None.
    """
    directory = log_dir() if directory is None else directory
    path = directory / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "_rostereditor_log", False):
            return Path(handler.baseFilename)  # type: ignore[attr-defined]
    _replace_missing_std_streams()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        # A locked-down profile must not stop the editor from starting; records are dropped.
        return path
    # Roster values (names, IDs) never go into the log; see log_redaction.
    handler.setFormatter(RedactingFormatter(_FORMAT))
    handler._rostereditor_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.captureWarnings(True)
    _enable_fault_log(directory)
    return path


def stop_logging() -> None:
    """Detach and close the handler setup_logging added (tests; the app keeps it until exit)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_rostereditor_log", False):
            root.removeHandler(handler)
            handler.close()
    logging.captureWarnings(False)


def _replace_missing_std_streams() -> None:
    # A windowed PyInstaller build on Windows has no stdout/stderr (they are None); libraries
    # that write to them would then raise AttributeError, so give them a sink instead.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives for the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives for the process


def _enable_fault_log(directory: Path) -> None:
    global _fault_stream  # noqa: PLW0603 - faulthandler needs the file kept open for the process
    if _fault_stream is not None or faulthandler.is_enabled():
        return  # someone (python -X faulthandler, pytest) already chose where faults go
    try:
        _fault_stream = open(directory / FAULT_FILE_NAME, "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(_fault_stream)
    except (OSError, RuntimeError, ValueError):
        _fault_stream = None
