"""Keeps the open bundle's comparison with another bundle current while the user edits.

Only the files edited are compared again. Small bundles are compared in place at the end of
the event-loop turn of the edit, so the tints follow an edit (and its undo) at once; big ones a
moment after the last edit, on a snapshot in a worker, so typing never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from rostereditor.core.background_work import Job, JobRunner, JobSlot
from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.bundle_snapshot import snapshot_bundle
from rostereditor.core.comparison.live_comparison import (
    ComparisonOutcome,
    LiveComparison,
    compare_files,
)
from rostereditor.core.session import CellsChanged, ColumnsChanged, EditSession, RowsChanged

# Up to this many records in the open bundle, comparing again takes a few milliseconds.
INLINE_COMPARE_ROWS = 30_000
RECOMPARE_DELAY_MS = 400


def record_count(bundle: Bundle) -> int:
    return sum(len(f.table) for f in bundle.files.values())


class ComparisonTracker(QObject):
    """The LiveComparison of the session's bundle, if the user compared it with another."""

    updated = Signal()  # a comparison started, was made again, or stopped
    failed = Signal(str)

    def __init__(self, session: EditSession, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._live: LiveComparison | None = None
        self._edited: set[str] = set()  # files edited since the last comparison was started
        self._comparing: set[str] = set()  # files the comparison under way is of
        self._slot = JobSlot(runner)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._recompare)
        events = session.events
        events.cells_changed.connect(self._on_change)
        events.rows_changed.connect(self._on_change)
        events.columns_changed.connect(self._on_change)
        events.bundle_changed.connect(self._on_bundle)

    @property
    def live(self) -> LiveComparison | None:
        return self._live

    def start(self, reference: Bundle, label: str, outcome: ComparisonOutcome) -> None:
        self._stop_work()
        self._live = LiveComparison(reference, label, outcome)
        self.updated.emit()

    def stop(self) -> None:
        self._stop_work()
        if self._live is not None:
            self._live = None
            self.updated.emit()

    def is_pending(self) -> bool:
        return self._timer.isActive() or self._slot.is_running()

    def flush(self) -> None:
        """Compare again now, in place, if an edit is waiting for it (tests call this)."""
        if self._timer.isActive() or self._slot.is_running():
            self._timer.stop()
            self._recompare(in_place=True)

    def shut_down(self) -> None:
        self._stop_work()

    # -- after edits ---------------------------------------------------------------------------

    def _on_change(self, event: CellsChanged | RowsChanged | ColumnsChanged) -> None:
        bundle = self._session.bundle
        if self._live is None or bundle is None:
            return
        self._edited.add(event.file)
        small = record_count(bundle) <= INLINE_COMPARE_ROWS
        self._timer.start(0 if small else RECOMPARE_DELAY_MS)

    def _on_bundle(self, _event: object) -> None:
        self.stop()  # the comparison was of the bundle that has gone

    def _recompare(self, *, in_place: bool = False) -> None:
        live, bundle = self._live, self._session.bundle
        if live is None or bundle is None:
            return
        # A comparison still under way is superseded: its files are compared in this one.
        files = frozenset(self._edited | self._comparing)
        self._edited, self._comparing = set(), set(files)
        previous, reference = live.outcome, live.reference
        if in_place or record_count(bundle) <= INLINE_COMPARE_ROWS:
            self._slot.cancel()
            self._apply(live, compare_files(reference, bundle, previous, files))
            return
        snapshot = snapshot_bundle(bundle)  # here, on the thread that edits
        self._slot.start(Job(
            lambda progress: compare_files(reference, snapshot, previous, files, progress),
            lambda outcome: self._apply(live, outcome), self._on_failed,
            name="comparing again"))

    def _apply(self, live: LiveComparison, outcome: ComparisonOutcome) -> None:
        self._comparing = set()
        if live is not self._live:
            return  # stopped or replaced meanwhile
        live.update(outcome)
        self.updated.emit()

    def _on_failed(self, error: Exception) -> None:
        self.failed.emit(f"Comparing again failed: {error}")

    def _stop_work(self) -> None:
        self._timer.stop()
        self._slot.cancel()
        self._edited, self._comparing = set(), set()
