"""Slow work off the GUI thread: reading a bundle and validating it, with progress and cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from rostereditor.core.bundle_reader import ReadCancelled, read_bundle
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.xlsx.workbook_writer import ExportCancelled

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals of a task; they arrive on the GUI thread (queued) because this lives there."""

    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(object)  # a message for the user, or the exception when the caller explains it


# work(progress) -> result; progress(fraction) returns False once the user has cancelled.
Work = Callable[[Callable[[float], bool]], Any]


class CancellableTask(QRunnable):
    """Runs work(progress) off the GUI thread; nothing is reported once it has been cancelled."""

    # Exceptions that mean "the user cancelled": ended quietly, never reported as failures.
    quiet: tuple[type[BaseException], ...] = (ReadCancelled, ExportCancelled)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.cancelled = threading.Event()

    def explain(self, error: Exception) -> object:
        """What `failed` carries; subclasses turn the exception into words for the user."""
        return error

    def _progress(self, fraction: float) -> bool:
        if not self.cancelled.is_set():
            self.signals.progressed.emit(float(fraction))
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except self.quiet:
            return
        except Exception as exc:  # a bad file must never take the window down
            if not self.cancelled.is_set():
                log.info("background work failed: %s", exc, exc_info=True)
                self.signals.failed.emit(self.explain(exc))
            return
        if not self.cancelled.is_set():
            self.signals.succeeded.emit(result)


class BundleOpenTask(CancellableTask):
    """Reads a bundle, reporting after each file; Cancel stops the read between files."""

    def __init__(self, source: Path | Sequence[Path]) -> None:
        super().__init__(lambda progress: read_bundle(source, progress=progress))
        self.source = source

    def explain(self, error: Exception) -> object:
        if isinstance(error, BundleReadError):
            return str(error)
        return f"The bundle could not be read: {error}"


class ValidationTask(CancellableTask):
    """Runs a full check (or revalidate_all) off the GUI thread."""

    def explain(self, error: Exception) -> object:
        return f"Checking the bundle failed: {error}"
