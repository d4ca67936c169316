"""One CSV file held as exact text: compact Arrow columns from the reader plus an edit overlay.

Rows have two numberings. A *row* (0-based) is the position the user sees and the order the
file is written in. A *row id* is stable storage identity: it survives inserts and deletes,
so undo commands and findings can point at a record while rows move around it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


class _Column:
    """One column: an immutable Arrow base, per-row overrides, and rows appended after reading."""

    __slots__ = ("_appended", "_base", "_cache", "_overrides")

    def __init__(self, base: pa.Array | pa.ChunkedArray) -> None:
        self._base = base
        self._overrides: dict[int, str] = {}
        self._appended: list[str] = []
        self._cache: pa.Array | None = base

    def get(self, row_id: int) -> str:
        value = self._overrides.get(row_id)
        if value is not None:
            return value
        base_len = len(self._base)
        if row_id < base_len:
            text: str = self._base[row_id].as_py()
            return text
        return self._appended[row_id - base_len]

    def original(self, row_id: int) -> str | None:
        """The value as read from the file, or None for rows added in the editor."""
        if row_id < len(self._base):
            text: str = self._base[row_id].as_py()
            return text
        return None

    def overridden_ids(self) -> list[int]:
        return list(self._overrides)

    def set(self, row_id: int, value: str) -> None:
        if row_id < len(self._base):
            self._overrides[row_id] = value
        else:
            self._appended[row_id - len(self._base)] = value
        self._cache = None

    def set_many(self, row_ids: Sequence[int], values: Sequence[str]) -> None:
        base_len = len(self._base)
        for row_id, value in zip(row_ids, values, strict=True):
            if row_id < base_len:
                self._overrides[row_id] = value
            else:
                self._appended[row_id - base_len] = value
        self._cache = None

    def append(self, value: str) -> None:
        self._appended.append(value)
        self._cache = None

    def pad_to(self, stored: int) -> None:
        """Give rows added while this column was out of the table an empty value in it."""
        missing = stored - len(self._base) - len(self._appended)
        if missing > 0:
            self._appended.extend([""] * missing)
            self._cache = None

    def storage_array(self) -> pa.Array | pa.ChunkedArray:
        """All stored rows by row id, edits applied (Arrow string array, possibly chunked)."""
        if self._cache is None:
            self._cache = _with_edits(self._base, self._overrides, self._appended)
        return self._cache

    def storage_later(self) -> Callable[[], pa.Array | pa.ChunkedArray]:
        """storage_array as it is now, to be made on any thread (later edits are not in it)."""
        cached = self._cache
        if cached is not None:
            return lambda: cached
        base, overrides, appended = self._base, dict(self._overrides), list(self._appended)
        return lambda: _with_edits(base, overrides, appended)


def _with_edits(base: pa.Array | pa.ChunkedArray, overrides: dict[int, str],
                appended: list[str]) -> pa.Array | pa.ChunkedArray:
    array = base
    if overrides:
        ids = np.fromiter(overrides.keys(), dtype=np.int64, count=len(overrides))
        # replace_with_mask takes replacements in row order; sort once, vectorized.
        order = np.argsort(ids, kind="stable")
        mask = np.zeros(len(array), dtype=bool)
        mask[ids] = True
        values = pa.array(list(overrides.values()), type=array.type)
        replacements = values.take(pa.array(order))
        array = pc.replace_with_mask(array, pa.array(mask), replacements)
    if appended:
        extra = pa.array(appended, type=array.type)
        chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
        array = pa.chunked_array([*chunks, extra], type=array.type)
    return array


@dataclass(frozen=True)
class RemovedRow:
    """What delete_rows took out, enough to put it back exactly."""

    row: int
    row_id: int


@dataclass(frozen=True)
class RemovedColumn:
    """What delete_column took out (its name, every value, edits included), to put it back."""

    col: int
    name: str
    storage: _Column
    widths: dict[int, int]  # the short records' field counts before the removal


@dataclass(frozen=True)
class MovedColumn:
    """A column moved from `col` to `to`; widths are the short records' field counts before."""

    col: int
    to: int
    widths: dict[int, int]


class Table:
    """The header and records of one CSV file, every value kept as the exact text read."""

    def __init__(
        self,
        header: Sequence[str],
        columns: Sequence[pa.Array | pa.ChunkedArray],
        lines: np.ndarray,
        *,
        widths: dict[int, int] | None = None,
        extras: dict[int, list[str]] | None = None,
        header_extras: Sequence[str] = (),
    ) -> None:
        """Build from reader output.

        widths: row id -> field count, only for records shorter than the header.
        extras: row id -> fields beyond the header's width, only for longer records.
        """
        if len(columns) != len(header):
            raise ValueError("one column per header name")
        self.header: list[str] = list(header)
        self._columns = [_Column(c if c.type == pa.string() else c.cast(pa.string())) for c in columns]
        self._stored = len(lines)
        self._lines: list[int] | np.ndarray = lines
        self._order: np.ndarray | None = None
        # Derived from the order, built when first asked for and kept until the order changes:
        # the identity order's row ids, and each stored row id's position (-1: deleted).
        self._identity: np.ndarray | None = None
        self._inverse: tuple[np.ndarray, np.ndarray] | None = None
        self._widths: dict[int, int] = dict(widths or {})
        self._extras: dict[int, list[str]] = {k: list(v) for k, v in (extras or {}).items()}
        self._header_extras = list(header_extras)
        self._version = 0
        # The columns as read (by identity, with their names), so the changes made to the
        # header since reading can be listed: columns added, deleted, renamed and moved.
        self._read_columns = list(self._columns)
        self._read_header = list(self.header)

    @classmethod
    def from_rows(cls, header: Sequence[str], rows: Iterable[Sequence[str]],
                  lines: Sequence[int] | None = None) -> Table:
        """A table from Python lists (tests, generators, small files).

        lines: each record's physical start line in its file; default one record per line.
        """
        rows = [list(r) for r in rows]
        width = len(header)
        widths: dict[int, int] = {}
        extras: dict[int, list[str]] = {}
        columns: list[list[str]] = [[] for _ in range(width)]
        for i, row in enumerate(rows):
            if len(row) < width:
                widths[i] = len(row)
            elif len(row) > width:
                extras[i] = list(row[width:])
            for c in range(width):
                columns[c].append(row[c] if c < len(row) else "")
        arrays = [pa.array(col, type=pa.string()) for col in columns]
        starts = (np.arange(2, len(rows) + 2, dtype=np.int64) if lines is None
                  else np.asarray(lines, dtype=np.int64))
        return cls(header, arrays, starts, widths=widths, extras=extras)

    # -- shape -------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._stored if self._order is None else len(self._order)

    @property
    def column_count(self) -> int:
        return len(self.header)

    @property
    def version(self) -> int:
        """Increases on every change, so caches built from this table know when to rebuild."""
        return self._version

    def column_index(self, name: str) -> int | None:
        try:
            return self.header.index(name)
        except ValueError:
            return None

    def row_id(self, row: int) -> int:
        if self._order is None:
            if not 0 <= row < self._stored:
                raise IndexError(row)
            return row
        return int(self._order[row])

    def row_of_id(self, row_id: int) -> int | None:
        """The current position of a stored record, or None if it has been deleted."""
        if self._order is None:
            return row_id if 0 <= row_id < self._stored else None
        if not 0 <= row_id < self._stored:
            return None
        position = int(self._positions_by_id()[row_id])
        return position if position >= 0 else None

    def positions_of(self, row_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The current rows of those row ids still in the table, and those row ids (in the
        order given); costs what the row ids number, not what the table holds."""
        ids = np.asarray(row_ids, dtype=np.int64)
        ids = ids[(ids >= 0) & (ids < self._stored)]
        if self._order is None:
            return ids.copy(), ids
        positions = self._positions_by_id()[ids]
        kept = positions >= 0
        return positions[kept].astype(np.int64), ids[kept]

    def _positions_by_id(self) -> np.ndarray:
        order = self._current_order()
        cached = self._inverse
        if cached is not None and cached[0] is order:
            return cached[1]
        inverse = np.full(self._stored, -1, dtype=np.int32 if self._stored < 2**31 else np.int64)
        inverse[order] = np.arange(len(order), dtype=inverse.dtype)
        self._inverse = (order, inverse)
        return inverse

    @property
    def rows_in_read_order(self) -> bool:
        """No row was inserted before another or deleted: row == row id for every row."""
        return self._order is None

    def line_of_id(self, row_id: int) -> int | None:
        """Original line of a stored record, even one now deleted; None for added rows."""
        return int(self._lines[row_id]) if 0 <= row_id < len(self._lines) else None

    def read_lines(self) -> np.ndarray:
        """Each stored record's line in the file as read (header = 1), by row id; shared, not
        copied, so read-only to the caller."""
        return np.asarray(self._lines, dtype=np.int64)

    def lines_of_ids(self, row_ids: np.ndarray) -> np.ndarray:
        """Each row id's line in the file as read (header = 1); -1 for rows added since."""
        lines = np.asarray(self._lines, dtype=np.int64)
        found = np.full(len(row_ids), -1, dtype=np.int64)
        read = (row_ids >= 0) & (row_ids < len(lines))
        found[read] = lines[row_ids[read]]
        return found

    def source_line(self, row: int) -> int | None:
        """Physical line in the original file where this record starts (header = 1).

        None for rows added in the editor.
        """
        row_id = self.row_id(row)
        if row_id >= len(self._lines):
            return None
        return int(self._lines[row_id])

    def row_for_line(self, line: int) -> int | None:
        """The row whose record spans the given physical line of the original file."""
        lines = np.asarray(self._lines[: len(self._lines)])
        pos = int(np.searchsorted(lines, line, side="right")) - 1
        if pos < 0:
            return None
        return self.row_of_id(pos)

    # -- reading values ----------------------------------------------------------------

    def cell(self, row: int, col: int) -> str:
        """The exact text of one cell ('' where a short record has no such field)."""
        row_id = self.row_id(row)
        width = self._widths.get(row_id)
        if width is not None and col >= width:
            return ""
        return self._columns[col].get(row_id)

    def field_count(self, row: int) -> int:
        """How many fields the record really has (differs from the header when ragged)."""
        row_id = self.row_id(row)
        if row_id in self._widths:
            return self._widths[row_id]
        return len(self.header) + len(self._extras.get(row_id, ()))

    def extra_fields(self, row: int) -> list[str]:
        """Fields beyond the header's width, kept so nothing is dropped on save."""
        return list(self._extras.get(self.row_id(row), ()))

    def row_values(self, row: int) -> list[str]:
        """All fields of one record, exactly as they will be written."""
        row_id = self.row_id(row)
        width = self._widths.get(row_id, len(self.header))
        values = [self._columns[c].get(row_id) for c in range(min(width, len(self.header)))]
        values.extend(self._extras.get(row_id, ()))
        return values

    def column_array(self, col: int) -> pa.Array | pa.ChunkedArray:
        """One column in row order with edits applied, for vectorized checks and export.

        May be chunked; pyarrow.compute functions accept either form.
        """
        array = self._columns[col].storage_array()
        if self._order is not None:
            array = array.take(pa.array(self._order))
        return array

    def column_storage(self, col: int) -> pa.Array | pa.ChunkedArray:
        """One column by row id (the order records were stored in), edits applied. The same
        object until the column changes, so a cache built from it knows when to rebuild."""
        return self._columns[col].storage_array()

    @property
    def in_stored_order(self) -> bool:
        """True while row == row id (no row inserted before the end, none deleted)."""
        return self._order is None

    def snapshot(self) -> Table:
        """The values as they are now, in a Table of their own with the same row ids and lines,
        for another thread to read while this one is edited (the Arrow arrays are immutable
        and shared; only the row order is copied)."""
        copy = Table(list(self.header), [c.storage_array() for c in self._columns],
                     np.asarray(self._lines, dtype=np.int64), widths=self._widths,
                     extras=self._extras, header_extras=self._header_extras)
        copy._stored = self._stored
        copy._order = None if self._order is None else self._order.copy()
        return copy

    def column_later(self, col: int) -> Callable[[], pa.Array | pa.ChunkedArray]:
        """column_array as it is now, to be made on any thread: what a worker sorting or
        filtering the grid reads while the user goes on editing (their edits are not in it)."""
        storage, order = self._columns[col].storage_later(), self._order

        def made() -> pa.Array | pa.ChunkedArray:
            array = storage()
            return array if order is None else array.take(pa.array(order))

        return made

    def column_values(self, col: int) -> list[str]:
        values: list[str] = self.column_array(col).to_pylist()
        return values

    def iter_rows(self) -> Iterator[list[str]]:
        for row in range(len(self)):
            yield self.row_values(row)

    def ragged_rows(self) -> list[int]:
        """Rows whose field count differs from the header's."""
        ids = set(self._widths) | set(self._extras)
        rows = [self.row_of_id(i) for i in ids]
        return sorted(r for r in rows if r is not None)

    def has_ragged_rows(self) -> bool:
        return bool(self._widths or self._extras)

    @property
    def header_extras(self) -> list[str]:
        return list(self._header_extras)

    # -- editing -----------------------------------------------------------------------

    def set_cell(self, row: int, col: int, value: str) -> str:
        """Replace one cell's text; returns the text it had. A short record grows to reach it."""
        if not isinstance(value, str):
            raise TypeError("cells hold text only")
        row_id = self.row_id(row)
        old = self.cell(row, col)
        width = self._widths.get(row_id)
        if width is not None and col >= width:
            self._widths[row_id] = col + 1
            if self._widths[row_id] >= len(self.header):
                del self._widths[row_id]
        self._columns[col].set(row_id, value)
        self._version += 1
        return old

    def set_cells_by_id(self, col: int, row_ids: Sequence[int], values: Sequence[str]) -> None:
        """Write many cells of one column at once (a fix-all or replace-all over a big file)."""
        if any(not isinstance(v, str) for v in values):
            raise TypeError("cells hold text only")
        for row_id in set(row_ids) & set(self._widths):
            # A short record grows to reach the written column, as in set_cell.
            if col >= self._widths[row_id]:
                self._widths[row_id] = col + 1
                if self._widths[row_id] >= len(self.header):
                    del self._widths[row_id]
        self._columns[col].set_many(row_ids, values)
        self._version += 1

    def insert_rows(self, row: int, rows: Sequence[Sequence[str]]) -> list[int]:
        """Insert new records before `row`; returns their row ids."""
        count_before = len(self)
        if not 0 <= row <= count_before:
            raise IndexError(row)
        order_before = self._order
        new_ids = []
        width = len(self.header)
        for values in rows:
            row_id = self._stored
            self._stored += 1
            for c, column in enumerate(self._columns):
                column.append(values[c] if c < len(values) else "")
            if len(values) > width:
                self._extras[row_id] = list(values[width:])
            elif len(values) < width:
                self._widths[row_id] = len(values)
            new_ids.append(row_id)
        if order_before is not None or row != count_before:
            # Appending to an unreordered table keeps the cheap identity order.
            base = np.arange(count_before, dtype=np.int64) if order_before is None else order_before
            self._order = np.insert(base, row, np.asarray(new_ids, dtype=np.int64))
        self._version += 1
        return new_ids

    def restore_rows(self, removed: Sequence[RemovedRow]) -> None:
        """Put deleted rows back where they were (undo of delete_rows)."""
        for item in sorted(removed, key=lambda r: r.row):
            self._place(item.row, [item.row_id])

    def delete_rows(self, rows: Iterable[int]) -> list[RemovedRow]:
        """Remove rows from the file; their storage is kept so undo can restore them."""
        positions = sorted(set(rows))
        removed = [RemovedRow(r, self.row_id(r)) for r in positions]
        order = self._current_order()
        self._order = np.delete(order, positions)
        self._version += 1
        return removed

    def row_ids(self) -> np.ndarray:
        """Every row's row id, in row order. Read-only and shared (no copy per call): the
        validator asks for it several times per edit, and a copy would cost milliseconds."""
        order = self._current_order()
        order.flags.writeable = False  # changes replace the order array, never write into it
        return order

    def _current_order(self) -> np.ndarray:
        if self._order is None:
            identity = self._identity
            if identity is None or len(identity) != self._stored:
                identity = np.arange(self._stored, dtype=np.int64)
                identity.flags.writeable = False
                self._identity = identity
            return identity
        return self._order

    def _place(self, row: int, row_ids: Sequence[int]) -> None:
        self._order = np.insert(self._current_order(), row, np.asarray(row_ids, dtype=np.int64))
        self._version += 1

    # -- what changed since reading ------------------------------------------------------

    @property
    def read_row_count(self) -> int:
        """How many records the file had when it was read (row ids below this came from it)."""
        return len(self._lines)

    @property
    def read_header(self) -> list[str]:
        """The header row as it was read."""
        return list(self._read_header)

    def column_origins(self) -> list[int | None]:
        """For each column now, its position in the header as read (None: added since)."""
        index = {id(c): i for i, c in enumerate(self._read_columns)}
        return [index.get(id(c)) for c in self._columns]

    def original_cell(self, row_id: int, col: int) -> str | None:
        """A cell as it was in the file when read; None for rows added in the editor."""
        return self._columns[col].original(row_id)

    def changed_cells(self) -> list[tuple[int, int, str, str]]:
        """(row_id, col, old, new) for every read-in cell whose text now differs, by row id."""
        changes = []
        for col, column in enumerate(self._columns):
            for row_id in column.overridden_ids():
                old = column.original(row_id)
                new = column.get(row_id)
                if old is not None and old != new:
                    changes.append((row_id, col, old, new))
        changes.sort()
        return changes

    def added_row_ids(self) -> list[int]:
        """Rows added in the editor that are still in the file."""
        present = self._current_order()
        return sorted(int(i) for i in present[present >= len(self._lines)])

    def deleted_row_ids(self) -> list[int]:
        """Records read from the file that are no longer in it."""
        if self._order is None:
            return []
        present = np.zeros(len(self._lines), dtype=bool)
        kept = self._order[self._order < len(self._lines)]
        present[kept] = True
        return [int(i) for i in np.flatnonzero(~present)]

    # -- columns -------------------------------------------------------------------------
    #
    # A column operation moves whole fields in every record. Short (ragged) records hold fewer
    # fields than the header; the rules keep each of their values under the same column name.

    def rename_column(self, col: int, name: str) -> str:
        """Change one header name; returns the old one. Values are untouched."""
        old = self.header[col]
        self.header[col] = name
        self._version += 1
        return old

    def insert_column(self, col: int, name: str) -> None:
        """A new column of empty values before `col` (column_count appends it)."""
        if not 0 <= col <= self.column_count:
            raise IndexError(col)
        read = len(self._lines)
        storage = _Column(pc.fill_null(pa.nulls(read, pa.string()), ""))
        for _ in range(self._stored - read):
            storage.append("")
        # A short record that reaches past the new column gains an (empty) field in it.
        widths = {row_id: width + 1 if col < width else width for row_id, width in self._widths.items()}
        self._place_column(RemovedColumn(col, name, storage, widths))

    def delete_column(self, col: int) -> RemovedColumn:
        """Remove a column from every record; restore_column puts the very same values back."""
        if not 0 <= col < self.column_count:
            raise IndexError(col)
        removed = RemovedColumn(col, self.header[col], self._columns[col], dict(self._widths))
        del self.header[col]
        del self._columns[col]
        for row_id, width in list(self._widths.items()):
            if col < width:
                self._widths[row_id] = width - 1  # the record lost one of its own fields
            elif width >= self.column_count:
                del self._widths[row_id]  # it now has exactly as many fields as the header
        self._version += 1
        return removed

    def restore_column(self, removed: RemovedColumn) -> None:
        """Undo of delete_column (and redo of insert_column)."""
        self._place_column(removed)

    def move_column(self, col: int, to: int) -> MovedColumn:
        """Move the column at `col` so that it sits at position `to`."""
        count = self.column_count
        if not (0 <= col < count and 0 <= to < count):
            raise IndexError(col if not 0 <= col < count else to)
        moved = MovedColumn(col, to, dict(self._widths))
        low, high = min(col, to), max(col, to)
        for row_id, width in list(self._widths.items()):
            if low < width <= high:
                # The move reaches past the record's last field: its missing (empty) fields
                # become real ones, so every value stays under its column.
                self._widths[row_id] = high + 1
                if high + 1 >= count:
                    del self._widths[row_id]
        self.header.insert(to, self.header.pop(col))
        self._columns.insert(to, self._columns.pop(col))
        self._version += 1
        return moved

    def undo_move_column(self, moved: MovedColumn) -> None:
        self.header.insert(moved.col, self.header.pop(moved.to))
        self._columns.insert(moved.col, self._columns.pop(moved.to))
        self._widths = dict(moved.widths)
        self._version += 1

    def _place_column(self, column: RemovedColumn) -> None:
        # Rows may have been added (and taken out again) while the column was out; without a
        # value for them the next new row's value would land at the wrong row id.
        column.storage.pad_to(self._stored)
        self.header.insert(column.col, column.name)
        self._columns.insert(column.col, column.storage)
        self._widths = dict(column.widths)
        self._version += 1
