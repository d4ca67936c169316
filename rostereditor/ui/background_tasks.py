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

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals of a task; they arrive on the GUI thread (queued) because this lives there."""

    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(str)


class BundleOpenTask(QRunnable):
    """Reads a bundle, reporting after each file; Cancel stops the read between files."""

    def __init__(self, source: Path | Sequence[Path]) -> None:
        super().__init__()
        self.source = source
        self.signals = TaskSignals()
        self.cancelled = threading.Event()

    def _progress(self, fraction: float) -> bool:
        if not self.cancelled.is_set():
            self.signals.progressed.emit(float(fraction))
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            bundle = read_bundle(self.source, progress=self._progress)
        except ReadCancelled:
            return  # the user asked for it: nothing to report
        except BundleReadError as exc:
            if not self.cancelled.is_set():
                self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # an unreadable file must never take the window down
            log.exception("reading %s failed", self.source)
            if not self.cancelled.is_set():
                self.signals.failed.emit(f"The bundle could not be read: {exc}")
            return
        if not self.cancelled.is_set():
            self.signals.succeeded.emit(bundle)


class ValidationTask(QRunnable):
    """Runs work(progress) -> ValidationResult (a full run or revalidate_all) off the GUI thread."""

    def __init__(self, work: Callable[[Callable[[float], bool]], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.cancelled = threading.Event()

    def _progress(self, fraction: float) -> bool:
        self.signals.progressed.emit(float(fraction))
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Exception as exc:
            log.exception("validation failed")
            if not self.cancelled.is_set():
                self.signals.failed.emit(f"Checking the bundle failed: {exc}")
            return
        if not self.cancelled.is_set() and result is not None:
            self.signals.succeeded.emit(result)
