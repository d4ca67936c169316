"""One slow piece of work (an Excel import or export) in a worker, with a progress dialog and Cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from rostereditor.core.bundle_reader import ReadCancelled
from rostereditor.core.xlsx.workbook_writer import ExportCancelled

log = logging.getLogger(__name__)

# work(progress) -> result; progress(fraction) returns False once the user has cancelled.
Work = Callable[[Callable[[float], bool]], Any]


class _RunnerSignals(QObject):
    """Created on the GUI thread, so the worker's emits arrive there (queued)."""

    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, for the caller to explain


class _Runner(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = _RunnerSignals()
        self.cancelled = threading.Event()

    def _progress(self, fraction: float) -> bool:
        if not self.cancelled.is_set():
            self.signals.progressed.emit(float(fraction))
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except (ReadCancelled, ExportCancelled):
            return  # the user asked for it: nothing to report
        except Exception as exc:  # a bad file must never take the window down
            if not self.cancelled.is_set():
                log.info("background work failed: %s", exc, exc_info=True)
                self.signals.failed.emit(exc)
            return
        if not self.cancelled.is_set():
            self.signals.succeeded.emit(result)


class BackgroundJob(QObject):
    """Runs work off the GUI thread; succeeded or failed arrive on the GUI thread, never after Cancel."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, label: str, work: Work) -> None:
        super().__init__(parent)
        self._runner = _Runner(work)
        self._running = False
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)  # busy until a first report
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown at once: while it is up the window takes no edits, so the data cannot change mid-job.
        self.dialog.setMinimumDuration(0)
        self.dialog.setMinimumWidth(360)
        self.dialog.setAutoClose(False)  # it closes when the result has been taken
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._runner.signals.progressed.connect(self._on_progress)
        self._runner.signals.succeeded.connect(self._on_succeeded)
        self._runner.signals.failed.connect(self._on_failed)

    def start(self) -> BackgroundJob:
        self._running = True
        QThreadPool.globalInstance().start(self._runner)
        return self

    def is_running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        if not self._running:
            return
        self._runner.cancelled.set()
        self._finish()
        self.cancelled.emit()

    def _on_progress(self, fraction: float) -> None:
        if not self._running:
            return
        if fraction > 0 and self.dialog.maximum() == 0:
            self.dialog.setRange(0, 100)
        if self.dialog.maximum():
            self.dialog.setValue(round(max(0.0, min(1.0, fraction)) * 100))

    def _on_succeeded(self, result: object) -> None:
        if self._running:
            self._finish()
            self.succeeded.emit(result)

    def _on_failed(self, error: object) -> None:
        if self._running:
            self._finish()
            self.failed.emit(error)

    def _finish(self) -> None:
        self._running = False
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
