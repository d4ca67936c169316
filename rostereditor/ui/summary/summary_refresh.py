"""When to summarise the open bundle again: a moment after the last edit, only while someone
looks, in place for small bundles and on a snapshot in a worker for big ones."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from rostereditor.core.background_work import Job, JobRunner, JobSlot, Progress
from rostereditor.core.comparison.bundle_snapshot import snapshot_bundle
from rostereditor.core.errors import Cancelled
from rostereditor.core.session import EditSession
from rostereditor.core.summary import RosterSummary, summarize_bundle

# A 60,000-record bundle is summarised in about 20 ms; more waits for a worker.
INLINE_SUMMARY_ROWS = 60_000
REFRESH_DELAY_MS = 500


def _summarize_snapshot(make: Callable[[], RosterSummary], progress: Progress) -> RosterSummary:
    if not progress(0.0):
        raise Cancelled
    return make()


class SummaryRefresh(QObject):
    """Emits summarized(summary or None) after the bundle or its values change."""

    summarized = Signal(object)
    started = Signal()
    failed = Signal(str)

    def __init__(self, session: EditSession, runner: JobRunner, is_shown: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._is_shown = is_shown
        self._slot = JobSlot(runner)
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        events = session.events
        for emitter in (events.cells_changed, events.rows_changed, events.columns_changed):
            emitter.connect(self._on_change)
        events.bundle_changed.connect(self._on_bundle)

    def is_busy(self) -> bool:
        return self._timer.isActive() or self._slot.is_running()

    def shown(self) -> None:
        """The view became visible: bring it up to date if edits came while hidden."""
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Summarise now (in place, or start the worker)."""
        self._timer.stop()
        bundle = self._session.bundle
        if bundle is None:
            self._slot.cancel()
            self._stale = False
            self.summarized.emit(None)
            return
        if not self._is_shown():
            self._stale = True
            return
        self._stale = False
        if sum(len(f.table) for f in bundle.files.values()) <= INLINE_SUMMARY_ROWS:
            self._slot.cancel()
            self.summarized.emit(summarize_bundle(bundle))
            return
        snapshot = snapshot_bundle(bundle)  # on the thread that edits; the worker reads the copy
        self.started.emit()
        self._slot.start(Job(
            lambda progress: _summarize_snapshot(lambda: summarize_bundle(snapshot),
                                                 progress),
            self.summarized.emit, lambda error: self.failed.emit(str(error)),
            name="summarising"))

    def shut_down(self) -> None:
        self._timer.stop()
        self._slot.cancel()

    def _on_change(self, _event: object) -> None:
        self._stale = True
        if self._is_shown():
            self._timer.start()

    def _on_bundle(self, _event: object) -> None:
        self._stale = True
        self.refresh()
