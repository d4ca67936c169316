"""A long job the user waits for (an Excel import or export, opening a big bundle): a progress
dialog with Cancel in front of a core Job. Succeeded or failed arrive on the GUI thread, never
after Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from rostereditor.core.background_work import Job, JobRunner, Work


class ProgressDialogJob(QObject):
    """Runs work on a runner behind a window-modal progress dialog."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progressed = Signal(int)  # percent, as the progress bar shows it

    def __init__(self, parent: QWidget, title: str, label: str, work: Work[object],
                 runner: JobRunner, *, show_after_ms: int = 0, busy: bool = True) -> None:
        """busy: an animated bar until the work first reports progress (for work that reports
        late); otherwise a bar from 0 %, which costs nothing while the work runs."""
        super().__init__(parent)
        self._runner = runner
        self._job: Job[object] = Job(work, self._on_succeeded, self._on_failed, self._on_progress,
                                     name=title)
        self._running = False
        self._quiet = False
        self.dialog = QProgressDialog(label, "Cancel", 0, 0 if busy else 100, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        # While it is up the window takes no edits, so the data cannot change mid-job.
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)
        self.dialog.setMinimumWidth(360)
        self.dialog.setAutoClose(False)  # it closes when the result has been taken
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> ProgressDialogJob:
        self._running = True
        self._runner.start(self._job)
        return self

    def is_running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        if not self._running:
            return
        self._job.cancel()
        self._finish()
        self.cancelled.emit()

    def go_quiet(self) -> None:
        """Take the dialog away and let the window be used: the job keeps running and still
        reports progress (the window shows it elsewhere), and cancel() still stops it."""
        self._quiet = True
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.reset()
        self.dialog.hide()

    def _on_progress(self, fraction: float) -> None:
        if not self._running:
            return
        if self._quiet:
            self.progressed.emit(round(max(0.0, min(1.0, fraction)) * 100))
            return
        if fraction > 0 and self.dialog.maximum() == 0:
            self.dialog.setRange(0, 100)
        percent = round(max(0.0, min(1.0, fraction)) * 100)
        if self.dialog.maximum():
            self.dialog.setValue(percent)
        self.progressed.emit(percent)

    def _on_succeeded(self, result: object) -> None:
        self._end_with(self.succeeded.emit, result)

    def _on_failed(self, error: Exception) -> None:
        self._end_with(self.failed.emit, error)

    def _end_with(self, signal: Callable[[object], None], value: object) -> None:
        if self._running:
            self._finish()
            signal(value)

    def _finish(self) -> None:
        self._running = False
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
