"""Unhandled-exception hook: log the traceback, then tell the user what happened and where the log is."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

logger = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

# Platforms with no screen a person could look at: a modal dialog there would hang the
# process (CI, --self-test), so the hook only logs.
_HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})

_showing = False  # an exception raised while the dialog is up must not open a second one


def where_it_happened(tb: TracebackType | None) -> str:
    """The innermost frame of a traceback as 'file.py, line N, in function'."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return "unknown location"
    last = frames[-1]
    return f"{Path(last.filename).name}, line {last.lineno}, in {last.name}"


def build_crash_dialog(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_path: Path,
) -> QMessageBox:
    """The dialog shown for an unhandled exception (built, not shown, so tests can inspect it)."""
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("RosterEditor – unexpected error")
    box.setText(
        "RosterEditor ran into an unexpected problem. Your last action may not have finished.\n\n"
        "If you have unsaved changes, save them under a new name and check the result."
    )
    message = str(exc) or "(no message)"
    box.setInformativeText(
        f"What happened: {exc_type.__name__}: {message}\n"
        f"Where: {where_it_happened(tb)}\n\n"
        f"The details are in the log file:\n{log_path}"
    )
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    open_logs = box.addButton("Open Log Folder", QMessageBox.ButtonRole.ActionRole)
    # ActionRole buttons close the box too; the slot just opens the local folder.
    open_logs.clicked.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
    )
    box.addButton(QMessageBox.StandardButton.Close)
    return box


def _show_dialog(box: QMessageBox) -> None:
    box.exec()


def _dialog_possible() -> bool:
    app = QApplication.instance()
    if app is None or not isinstance(app, QApplication):
        return False
    return QGuiApplication.platformName() not in _HEADLESS_PLATFORMS


def install_crash_hook(log_path: Path, *, show_dialog: bool = True) -> ExceptHook:
    """Route unhandled exceptions (main thread, Qt slots, other threads) to the log and a dialog.

    Returns the previous sys.excepthook so callers (tests) can restore it.
    """
    previous = sys.excepthook

    def hook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        global _showing  # noqa: PLW0603 - one dialog at a time, process-wide
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        logger.critical("Unhandled exception", exc_info=(exc_type, exc, tb))
        if not show_dialog or _showing or not _dialog_possible():
            return
        if threading.current_thread() is not threading.main_thread():
            return  # widgets may only be touched from the GUI thread; the log has it
        _showing = True
        try:
            _show_dialog(build_crash_dialog(exc_type, exc, tb, log_path))
        except Exception:
            logger.exception("Could not show the crash dialog")
        finally:
            _showing = False

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return previous
