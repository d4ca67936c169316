"""The open bundle compared with another one (File > Compare With), kept current while editing.

A LiveComparison holds the compared (reference) bundle and the latest comparison of the open
bundle against it: the change list, and per file the changed cells and added records indexed
by the open bundle's row ids, so a grid can tint a cell with a lookup. Whoever owns it
compares again after edits (compare_live in place for small bundles, compare_snapshot in a
worker for big ones) and hands the result to update().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.bundle_comparison import BundleComparison, compare_bundles
from rostereditor.core.comparison.bundle_snapshot import BundleSnapshot, with_live_row_ids
from rostereditor.core.comparison.change_list import ChangeList
from rostereditor.core.comparison.file_comparison import FileComparison
from rostereditor.core.comparison.record_keys import whole
from rostereditor.core.errors import Cancelled

Progress = Callable[[float], bool]


@dataclass(frozen=True)
class ComparisonOutcome:
    """One comparison of the open bundle (NEW) against the reference (OLD), with its list."""

    comparison: BundleComparison
    changes: ChangeList


def compare_live(reference: Bundle, current: Bundle) -> ComparisonOutcome:
    """Compare the open bundle itself (in place: nothing may edit it meanwhile)."""
    comparison = compare_bundles(reference, current)
    return ComparisonOutcome(comparison, ChangeList(comparison, reference, current))


def compare_snapshot(reference: Bundle, snapshot: BundleSnapshot,
                     progress: Progress | None = None) -> ComparisonOutcome:
    """Compare a snapshot of the open bundle (safe in a worker), row ids put back on the live
    tables'. Raises Cancelled when progress says stop."""
    if progress is not None and not progress(0.0):
        raise Cancelled
    comparison = compare_bundles(reference, snapshot.bundle)
    if progress is not None and not progress(0.8):
        raise Cancelled
    changes = ChangeList(comparison, reference, snapshot.bundle)
    live = with_live_row_ids(comparison, snapshot)
    return ComparisonOutcome(live, changes.with_comparison(live))


class CellChanges:
    """One file's changed cells (with the reference's text) and added records, by row id."""

    def __init__(self, result: FileComparison, header: list[str]) -> None:
        changed = result.changed
        width = len(header) + 1
        columns = pc.index_in(changed.columns, value_set=pa.array(header, pa.string()))
        col = np.asarray(columns.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
        keep = col >= 0  # a column renamed since: nothing to tint until the next comparison
        keys = changed.new_row_ids[keep].astype(np.int64) * width + col[keep]
        order = np.argsort(keys, kind="stable")
        self._width = width
        self._keys = keys[order]
        self._old = whole(changed.old_values).filter(pa.array(keep)).take(pa.array(order))
        self._added = np.sort(result.added_row_ids.astype(np.int64))
        self._rows = np.unique(changed.new_row_ids.astype(np.int64))

    @property
    def cell_count(self) -> int:
        return len(self._keys)

    def old_value(self, row_id: int, col: int) -> str | None:
        """The reference's text of a changed cell; None when the cell did not change."""
        if not len(self._keys) or not 0 <= col < self._width:
            return None
        key = row_id * self._width + col
        at = int(np.searchsorted(self._keys, key))
        if at < len(self._keys) and self._keys[at] == key:
            return str(self._old[at].as_py())
        return None

    def is_added(self, row_id: int) -> bool:
        at = int(np.searchsorted(self._added, row_id))
        return at < len(self._added) and int(self._added[at]) == row_id

    def row_ids(self) -> set[int]:
        """Every record that looks different (changed or added): what a repaint must cover."""
        return {int(i) for i in self._rows} | {int(i) for i in self._added}


class LiveComparison:
    """The reference bundle, what it is called, and the latest comparison against it."""

    def __init__(self, reference: Bundle, label: str, outcome: ComparisonOutcome) -> None:
        self.reference = reference
        self.label = label
        self.outcome = outcome
        self._cells: dict[str, CellChanges] = {}

    @property
    def comparison(self) -> BundleComparison:
        return self.outcome.comparison

    @property
    def changes(self) -> ChangeList:
        return self.outcome.changes

    def update(self, outcome: ComparisonOutcome) -> None:
        """Take a newer comparison (after edits)."""
        self.outcome = outcome
        self._cells = {}

    def cells(self, file: str, header: list[str]) -> CellChanges | None:
        """What looks different in one file of the open bundle (None: file not compared)."""
        result = self.comparison.files.get(file)
        if result is None:
            return None
        cached = self._cells.get(file)
        if cached is None:
            cached = self._cells[file] = CellChanges(result, header)
        return cached
