"""Find over a whole table quickly and again and again: an index per column, reused until the
column changes.

Most roster columns repeat a few values (roles, dates, school ids), so each such column is
indexed once as its distinct values plus, per row, which one it holds: a search then tests
each distinct value once and counts or places the hits with one vectorized step. Columns of
mostly distinct values (sourcedIds) are searched value by value, ASCII-lowered once for
searches that ignore case. Matches per column and search are kept, so Find Next after the
first press, or after the live count, only looks them up; an edit rebuilds only its column.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.editing.search_match import SearchOptions, match_values
from rostereditor.core.table import Table

# Sampled share of distinct values above which a column is searched value by value.
DISTINCT_SHARE = 0.5
SAMPLE_ROWS = 20_000
_POOL = ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2)),
                           thread_name_prefix="search")


@dataclass(frozen=True)
class CellMatch:
    row: int
    col: int


@dataclass
class ColumnIndex:
    """One column's values as stored (by row id), indexed for search."""

    storage: pa.Array | pa.ChunkedArray  # what it was built from: a new object means rebuild
    values: pa.Array  # distinct values, or every value when `codes` is None
    codes: np.ndarray | None = None  # per row id: which distinct value it holds
    counts: np.ndarray | None = None  # per distinct value: how many rows hold it
    _lowered: pa.Array | None = field(default=None, repr=False)

    @classmethod
    def build(cls, storage: pa.Array | pa.ChunkedArray) -> ColumnIndex:
        whole = storage.combine_chunks() if isinstance(storage, pa.ChunkedArray) else storage
        sample = whole.slice(0, SAMPLE_ROWS)
        if len(sample) and len(pc.unique(sample)) > DISTINCT_SHARE * len(sample):
            return cls(storage, whole)
        encoded = pc.dictionary_encode(whole)
        codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
        counts = np.bincount(codes, minlength=len(encoded.dictionary))
        return cls(storage, encoded.dictionary, codes, counts)

    def lowered(self) -> pa.Array:
        if self._lowered is None:
            self._lowered = pc.ascii_lower(self.values)
        return self._lowered

    def value_hits(self, options: SearchOptions) -> np.ndarray:
        """Which of `values` match, as a boolean array."""
        return match_values(self.values, options, self.lowered)

    def count(self, hits: np.ndarray) -> int:
        return int(self.counts[hits].sum()) if self.counts is not None else int(hits.sum())

    def row_mask(self, hits: np.ndarray) -> np.ndarray:
        """By row id: does the row's value match."""
        return hits[self.codes] if self.codes is not None else hits


class TableSearch:
    """Counts and finds matches in tables, keeping per-column indexes and results."""

    def __init__(self) -> None:
        self._indexes: weakref.WeakKeyDictionary[Table, dict[int, ColumnIndex]] = (
            weakref.WeakKeyDictionary())
        self._hits: weakref.WeakKeyDictionary[
            Table, dict[tuple[int, SearchOptions], tuple[ColumnIndex, np.ndarray]]] = (
            weakref.WeakKeyDictionary())
        self._rows: weakref.WeakKeyDictionary[
            Table, dict[tuple[int, SearchOptions], tuple[int, np.ndarray]]] = (
            weakref.WeakKeyDictionary())

    def count(self, table: Table, options: SearchOptions,
              columns: Sequence[int] | None = None) -> int:
        """How many cells match (a cell counts once however often the text is in it)."""
        if not options.text or len(table) == 0:
            return 0
        cols = _columns(table, columns)
        self._prepare(table, cols, options)
        if table.in_stored_order:
            total = 0
            for col in cols:
                index, hits = self._value_hits(table, col, options)
                total += index.count(hits)
            return total
        return sum(len(self.rows(table, col, options)) for col in cols)

    def rows(self, table: Table, col: int, options: SearchOptions) -> np.ndarray:
        """Rows (in row order) whose cell in `col` matches."""
        if not options.text or len(table) == 0:
            return np.empty(0, dtype=np.int64)
        cache = self._rows.setdefault(table, {})
        key = (col, options)
        known = cache.get(key)
        if known is not None and known[0] == table.version:
            return known[1]
        index, hits = self._value_hits(table, col, options)
        mask = index.row_mask(hits)
        if table.in_stored_order:
            rows = np.flatnonzero(mask[: len(table)])
        else:
            rows = np.flatnonzero(mask[table.row_ids()])
        cache[key] = (table.version, rows)
        return rows

    def find_next(self, table: Table, options: SearchOptions, after: CellMatch | None,
                  columns: Sequence[int] | None = None, *,
                  backwards: bool = False) -> CellMatch | None:
        """The next matching cell in reading order (row by row) after `after`, wrapping round.

        Wrapping comes last: a match at or before `after` is returned only when none follows.
        """
        best: tuple[int, int] | None = None
        wrap: tuple[int, int] | None = None
        cols = _columns(table, columns)
        if options.text and len(table):
            self._prepare(table, cols, options)
        for col in cols:
            rows = self.rows(table, col, options)
            if not len(rows):
                continue
            edge = (int(rows[-1]), col) if backwards else (int(rows[0]), col)
            wrap = edge if wrap is None or (edge > wrap if backwards else edge < wrap) else wrap
            if after is None:
                found = edge
            elif backwards:
                # The last row before after.row, or after.row itself for a column left of it.
                pos = int(np.searchsorted(rows, after.row + (1 if col < after.col else 0))) - 1
                if pos < 0:
                    continue
                found = (int(rows[pos]), col)
            else:
                pos = int(np.searchsorted(rows, after.row + (0 if col > after.col else 1)))
                if pos >= len(rows):
                    continue
                found = (int(rows[pos]), col)
            if best is None or (found > best if backwards else found < best):
                best = found
        chosen = best or wrap
        return CellMatch(*chosen) if chosen is not None else None

    def _prepare(self, table: Table, cols: list[int], options: SearchOptions) -> None:
        """Index and match the columns not known yet, side by side on every core (Arrow's
        kernels release the GIL); what they find is kept as the one-by-one path would."""
        indexes = self._indexes.setdefault(table, {})
        hits = self._hits.setdefault(table, {})
        missing = []
        for col in cols:
            index = indexes.get(col)
            known = hits.get((col, options))
            if (index is None or index.storage is not table.column_storage(col)
                    or known is None or known[0] is not index):
                missing.append(col)
        if len(missing) < 2:
            return  # nothing to share out

        def work(col: int) -> tuple[int, ColumnIndex, np.ndarray]:
            storage = table.column_storage(col)
            index = indexes.get(col)
            if index is None or index.storage is not storage:
                index = ColumnIndex.build(storage)
            return col, index, index.value_hits(options)

        for col, index, found in _POOL.map(work, missing):
            if indexes.get(col) is not index:
                self._forget_column(table, col)
                indexes[col] = index
            hits[(col, options)] = (index, found)

    def _value_hits(self, table: Table, col: int,
                    options: SearchOptions) -> tuple[ColumnIndex, np.ndarray]:
        index = self._index(table, col)
        cache = self._hits.setdefault(table, {})
        key = (col, options)
        known = cache.get(key)
        if known is not None and known[0] is index:
            return known
        found = (index, index.value_hits(options))
        cache[key] = found
        return found

    def _index(self, table: Table, col: int) -> ColumnIndex:
        indexes = self._indexes.setdefault(table, {})
        storage = table.column_storage(col)
        index = indexes.get(col)
        if index is None or index.storage is not storage:
            self._forget_column(table, col)
            index = indexes[col] = ColumnIndex.build(storage)
        return index

    def _forget_column(self, table: Table, col: int) -> None:
        """Results for the old values of this column are stale."""
        for cache in (self._hits.get(table, {}), self._rows.get(table, {})):
            for key in [k for k in cache if k[0] == col]:
                del cache[key]

    def forget(self, table: Table) -> None:
        """Drop what is kept for a table (columns inserted or deleted shift every index)."""
        for cache in (self._indexes, self._hits, self._rows):
            cache.pop(table, None)


def _columns(table: Table, columns: Sequence[int] | None) -> list[int]:
    return list(range(table.column_count)) if columns is None else list(columns)
