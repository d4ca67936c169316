"""BundleChecker: the open bundle's validator, run in place when small or in a worker when large."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from rostereditor.core.bundle import Bundle
from rostereditor.ui import validation_bridge
from rostereditor.ui.background_tasks import ValidationTask

log = logging.getLogger(__name__)

# Below this many rows a full check takes a moment, so it runs in place: tests and the
# self-test stay deterministic. Above it, a worker with progress and Cancel.
BACKGROUND_CHECK_ROWS = 60_000

Work = Callable[[Callable[[float], bool]], Any]


class BundleChecker(QObject):
    """Emits result_ready(ValidationResult) after every check; never touches widgets."""

    result_ready = Signal(object)
    progress_changed = Signal(object)  # a fraction in 0..1 while a worker runs, None when done
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bundle: Bundle | None = None
        self.validator: Any | None = None
        self.result: Any | None = None
        self._task: ValidationTask | None = None
        self._stale = False  # an edit arrived while a worker was checking

    def start(self, bundle: Bundle | None, profile: str, version: str | None) -> None:
        """Make a validator for the bundle (profile/version changed, or a new bundle) and check."""
        self.cancel()
        self.bundle, self.result, self.validator = bundle, None, None
        if bundle is None:
            return
        try:
            self.validator = validation_bridge.make_validator(bundle, profile, version)
        except Exception:
            log.exception("creating the validator failed")
        if self.validator is not None:
            self.check_all()

    def check_all(self) -> None:
        if self.validator is not None:
            self.cancel()
            validator = self.validator
            self._run(lambda progress: validator.run(progress=progress))

    def cells_changed(self, file_name: str, row_ids: Iterable[int],
                      columns: Iterable[int] | None = None) -> None:
        """Cheap incremental re-check of edited rows."""
        if self.validator is None:
            return
        if self._task is not None:
            self._stale = True
            return
        if self.result is None:
            self.check_all()
            return
        try:
            result = self.validator.revalidate(file_name, list(row_ids), columns)
        except Exception:  # a checker bug must not lose the user's edit
            log.exception("revalidating %s failed", file_name)
            return
        self._deliver(result)

    def structure_changed(self) -> None:
        """Rows inserted/deleted or several files changed: re-check everything."""
        if self.validator is None:
            return
        if self._task is not None:
            self._stale = True
            return
        validator = self.validator
        self._run(lambda _progress: validator.revalidate_all())

    def is_running(self) -> bool:
        return self._task is not None

    def cancel(self) -> bool:
        """Stop a running worker check; True if one was running."""
        if self._task is None:
            return False
        self._task.cancelled.set()
        self._task = None
        self.progress_changed.emit(None)
        return True

    def _run(self, work: Work) -> None:
        bundle = self.bundle
        rows = sum(len(f.table) for f in bundle.files.values()) if bundle is not None else 0
        if rows <= BACKGROUND_CHECK_ROWS:
            try:
                result = work(lambda _fraction: True)
            except Exception:
                log.exception("checking failed")
                self.failed.emit("Checking the bundle failed; see the log for details.")
                return
            self._deliver(result)
            return
        task = ValidationTask(work)
        task.signals.progressed.connect(self._on_progress)
        task.signals.succeeded.connect(self._on_done)
        task.signals.failed.connect(self._on_failed)
        self._task = task
        self._stale = False
        self.progress_changed.emit(0.0)
        QThreadPool.globalInstance().start(task)

    def _current_signals(self) -> Any:
        return self._task.signals if self._task is not None else None

    def _on_progress(self, fraction: float) -> None:
        if self.sender() is self._current_signals():
            self.progress_changed.emit(fraction)

    def _on_done(self, result: Any) -> None:
        if self.sender() is not self._current_signals():
            return  # a cancelled or superseded run
        self._task = None
        self.progress_changed.emit(None)
        if self._stale and self.validator is not None:
            # Edits landed while checking: this result may be out of date, so check again.
            self._stale = False
            validator = self.validator
            self._run(lambda _progress: validator.revalidate_all())
            return
        self._deliver(result)

    def _on_failed(self, message: str) -> None:
        if self.sender() is not self._current_signals():
            return
        self._task = None
        self.progress_changed.emit(None)
        self.failed.emit(message)

    def _deliver(self, result: Any) -> None:
        self.result = result
        self.result_ready.emit(result)
