"""One slow piece of work (an Excel import or export) in a worker, with a progress dialog and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from rostereditor.ui.background_tasks import CancellableTask, Work


class BackgroundJob(QObject):
    """Runs work off the GUI thread; succeeded or failed arrive on the GUI thread, never after Cancel."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, label: str, work: Work) -> None:
        super().__init__(parent)
        self._runner = CancellableTask(work)
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
