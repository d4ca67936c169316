"""Plain-Python events the EditSession emits, in the manner of napari's evented models.

Each kind of change has one EventEmitter and one frozen event class saying what changed.
Listeners (the window's Qt models, tests, a script) connect a callable; the emitter holds
bound methods weakly, so a discarded listener never keeps a dead grid alive or gets called.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from rostereditor.core.bundle import Bundle
    from rostereditor.core.save_result import SaveResult
    from rostereditor.core.validation import ValidationResult

E = TypeVar("E")
Listener = Callable[[E], object]


class EventEmitter(Generic[E]):
    """Calls every connected listener, in connection order, with each emitted event."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._listeners: list[Callable[[], Listener[E] | None]] = []

    def connect(self, listener: Listener[E]) -> Listener[E]:
        """Call `listener(event)` on every emit; returns it, so this works as a decorator."""
        if hasattr(listener, "__self__") and hasattr(listener, "__func__"):
            self._listeners.append(weakref.WeakMethod(listener))
        else:
            self._listeners.append(lambda: listener)
        return listener

    def disconnect(self, listener: Listener[E] | None = None) -> None:
        """Stop calling `listener` (every listener when None)."""
        self._listeners = [] if listener is None else [
            ref for ref in self._listeners if ref() not in (None, listener)]

    @property
    def listener_count(self) -> int:
        return sum(1 for ref in self._listeners if ref() is not None)

    def emit(self, event: E) -> None:
        alive = []
        for ref in list(self._listeners):
            listener = ref()
            if listener is None:
                continue
            alive.append(ref)
            listener(event)
        if len(alive) != len(self._listeners):
            self._listeners = [ref for ref in self._listeners if ref() is not None]

    def __repr__(self) -> str:
        return f"<EventEmitter {self.name}: {self.listener_count} listeners>"


@dataclass(frozen=True)
class BundleChanged:
    """Another bundle was opened (or the bundle was closed: None)."""

    bundle: Bundle | None


@dataclass(frozen=True)
class FileAdded:
    """Another file of a bundle still being read arrived (shown, not yet editable)."""

    file: str


@dataclass(frozen=True)
class CellsChanged:
    """Values changed in these rows (by stable row id) and columns of one file."""

    file: str
    row_ids: tuple[int, ...]
    columns: tuple[int, ...]


@dataclass(frozen=True)
class RowsChanged:
    """Rows of one file were inserted, deleted or put back; row positions may all have moved."""

    file: str


@dataclass(frozen=True)
class ColumnsChanged:
    """Columns of one file were inserted, deleted, renamed or moved."""

    file: str


@dataclass(frozen=True)
class ResultChanged:
    """A check finished: the latest findings (None while no result is current)."""

    result: ValidationResult | None


@dataclass(frozen=True)
class CheckProgress:
    """How far a check running in the background is: 0..1, or None when none is running."""

    fraction: float | None


@dataclass(frozen=True)
class CheckFailed:
    """A check ended with an error (a checker bug, not a problem in the data)."""

    message: str


@dataclass(frozen=True)
class VersionChanged:
    """The OneRoster version in force changed: `version` is what checks and editors use,
    `choice` what was picked ("" = as the bundle says)."""

    version: str
    choice: str


@dataclass(frozen=True)
class ProfileChanged:
    profile: str


@dataclass(frozen=True)
class Saving:
    """A save to `path` is about to start (it may still fail: then no Saved follows)."""

    path: Path


@dataclass(frozen=True)
class Saved:
    """The bundle was written to `path`; `outcome` says where the originals were kept."""

    path: Path
    outcome: SaveResult | None = None


class SessionEvents:
    """Every event an EditSession emits, one emitter each."""

    def __init__(self) -> None:
        self.bundle_changed: EventEmitter[BundleChanged] = EventEmitter("bundle_changed")
        self.file_added: EventEmitter[FileAdded] = EventEmitter("file_added")
        self.cells_changed: EventEmitter[CellsChanged] = EventEmitter("cells_changed")
        self.rows_changed: EventEmitter[RowsChanged] = EventEmitter("rows_changed")
        self.columns_changed: EventEmitter[ColumnsChanged] = EventEmitter("columns_changed")
        self.result_changed: EventEmitter[ResultChanged] = EventEmitter("result_changed")
        self.check_progress: EventEmitter[CheckProgress] = EventEmitter("check_progress")
        self.check_failed: EventEmitter[CheckFailed] = EventEmitter("check_failed")
        self.version_changed: EventEmitter[VersionChanged] = EventEmitter("version_changed")
        self.profile_changed: EventEmitter[ProfileChanged] = EventEmitter("profile_changed")
        self.saving: EventEmitter[Saving] = EventEmitter("saving")
        self.saved: EventEmitter[Saved] = EventEmitter("saved")

    def emitters(self) -> list[EventEmitter[object]]:
        return [e for e in vars(self).values() if isinstance(e, EventEmitter)]
