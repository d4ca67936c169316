"""The open bundle compared with another one (File > Compare With), kept current while editing.

A LiveComparison holds the compared (reference) bundle and the latest comparison of the open
bundle against it: the change list, and per file the changed cells and added records indexed
by the open bundle's row ids, so a grid can tint a cell with a lookup. Whoever owns it
compares again after edits, only the files edited (compare_files), in place for small bundles
or on a snapshot (bundle_snapshot) in a worker for big ones, and hands the result to update().
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.bundle_comparison import (
    BundleComparison,
    compare_again,
    compare_bundles,
)
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


def compare_whole(reference: Bundle, current: Bundle,
                  progress: Progress | None = None) -> ComparisonOutcome:
    """Compare every file. `current` is the open bundle (in place: nothing may edit it
    meanwhile) or a snapshot of it (in a worker). Raises Cancelled when progress says stop."""
    _step(progress, 0.0)
    comparison = compare_bundles(reference, current)
    _step(progress, 0.8)
    return ComparisonOutcome(comparison, ChangeList(comparison, reference, current))


def compare_files(reference: Bundle, current: Bundle, previous: ComparisonOutcome,
                  files: Collection[str], progress: Progress | None = None) -> ComparisonOutcome:
    """`previous` with the edited `files` compared again; the list reuses the rest."""
    _step(progress, 0.0)
    comparison = compare_again(previous.comparison, reference, current, files)
    _step(progress, 0.8)
    return ComparisonOutcome(comparison, ChangeList(comparison, reference, current,
                                                    reuse=previous.changes))


def _step(progress: Progress | None, fraction: float) -> None:
    if progress is not None and not progress(fraction):
        raise Cancelled


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
