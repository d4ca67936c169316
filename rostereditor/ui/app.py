"""Start the editor: the QApplication (with the macOS file-open event) and the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from rostereditor import __version__
from rostereditor.app_log import setup_logging
from rostereditor.ui.crash_dialog import install_crash_hook
from rostereditor.ui.resource_files import resource_path

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow


class RosterEditorApp(QApplication):
    """Adds file_open_requested for macOS Finder's "Open With" and dock drops (QFileOpenEvent)."""

    file_open_requested = Signal(str)

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.setApplicationName("RosterEditor")
        self.setApplicationDisplayName("RosterEditor")
        self.setOrganizationName("RosterEditor")
        self.setApplicationVersion(__version__)
        self.setDesktopFileName("rostereditor")
        icon_path = resource_path("app-icon.svg") or resource_path("app-icon.png")
        if icon_path is not None:
            self.setWindowIcon(QIcon(str(icon_path)))
        # A file-open event can arrive before the window exists (app launched by opening a file).
        self.pending_open: list[str] = []

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self.pending_open.append(path)
                self.file_open_requested.emit(path)
            return True
        return super().event(event)


def create_app(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, or a new RosterEditorApp configured for crisp high-DPI."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scaling (125 %, 150 %) without rounding: text and SVG icons stay sharp.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    return RosterEditorApp(argv if argv is not None else sys.argv[:1])


def run_app(args: argparse.Namespace) -> int:
    """Show the window, open what the command line asked for, and run until it closes."""
    if getattr(args, "self_test", False):
        from rostereditor.ui.self_test import run_self_test  # noqa: PLC0415 - owned by packaging

        return int(run_self_test(args))
    app = create_app()
    _install_crash_reporting()
    from rostereditor.ui.recovery.window_recovery import WindowRecovery  # noqa: PLC0415
    from rostereditor.ui.window.main_window import MainWindow  # noqa: PLC0415 - after QApplication

    window = MainWindow()
    window.show()
    # Every edit is journaled from here on; changes a crashed run left are offered first
    # (with no screen to ask on, they are kept for a start that has one).
    recovery = WindowRecovery(window)
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        recovery.offer_left_journals()
    opener = _Opener(window)
    if isinstance(app, RosterEditorApp):
        app.file_open_requested.connect(opener.open_later)
        for path in app.pending_open:
            opener.open_later(path)
        app.pending_open.clear()
    wanted = getattr(args, "path", None)
    if wanted:
        opener.open_later(str(Path(wanted).expanduser()))
    elif getattr(args, "sample", False):
        QTimer.singleShot(0, lambda: window.open_sample(damaged=True))
    code = int(app.exec())
    # Let a running check notice its cancellation before the interpreter shuts down.
    QThreadPool.globalInstance().waitForDone(5000)
    return code


class _Opener(QObject):
    """Opens files once the event loop runs, so the window paints before a long read starts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def open_later(self, path: str) -> None:
        QTimer.singleShot(0, lambda: self.window.open_bundle(path))


def _install_crash_reporting() -> None:
    install_crash_hook(setup_logging())
