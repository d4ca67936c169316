"""An edit as a journal records it: what changed, by position in the file at that moment, so
it can be made again on the source read afresh (where row ids differ, e.g. after a save).

Only the edit is recorded: changed cells' old and new text, inserted rows' values (a blank row
or a copy of the row above is named, not spelled out), positions of deleted rows and columns.
Putting back rows or columns that the source does not hold (undoing, after a save, an edit
made before it) records their values: that is the edit then.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.column_edits import (
    ColumnDeletion,
    ColumnInsertion,
    ColumnMove,
    ColumnRename,
)
from rostereditor.core.editing.row_edits import RowDeletion, RowInsertion
from rostereditor.core.session.undoable_edits import CellsEdit, Edit, StructureEdit
from rostereditor.core.table import Table

Payload = dict[str, Any]

# The table changes a StructureEdit can hold; test_journal checks this against row_edits and
# column_edits, so a new kind of change cannot go unrecorded.
STRUCTURE_CHANGES = (RowInsertion, RowDeletion, ColumnInsertion, ColumnDeletion, ColumnRename,
                     ColumnMove)


def is_leaf(edit: Edit) -> bool:
    return isinstance(edit, CellsEdit | StructureEdit)


def encode_leaf(edit: Edit, bundle: Bundle, *, applied: bool, full: bool = False,
                lines: bool = True) -> Payload:
    """A CellsEdit or StructureEdit as it stands now (`applied`: made or redone, else undone).

    full: also what the source may not hold (values of put-back columns, short records' field
    counts), for an edit older than the journal. lines: record each row's line in the source.
    """
    if isinstance(edit, CellsEdit):
        return _cells(edit, bundle, lines)
    if isinstance(edit, StructureEdit):
        table = _table(bundle, edit.file)
        change = edit.change
        base: Payload = {"f": edit.file}
        if isinstance(change, RowInsertion):
            return base | _rows_in(change, table, applied)
        if isinstance(change, RowDeletion):
            return base | _rows_out(change, table, applied, lines)
        if isinstance(change, ColumnInsertion):
            return base | _column_in(change, table, applied, full)
        if isinstance(change, ColumnDeletion):
            return base | _columns_out(change, table, applied, full)
        if isinstance(change, ColumnRename):
            return base | {"t": "colname", "c": change.col, "old": change.old, "new": change.new}
        if isinstance(change, ColumnMove):
            return base | _column_move(change, table, applied, full)
        raise TypeError(f"no journal record for {type(change).__name__}")
    raise TypeError(f"no journal record for {type(edit).__name__}")


def _table(bundle: Bundle, name: str) -> Table:
    table = bundle.table(name)
    if table is None:
        raise LookupError(f"{name} is not in the bundle")
    return table


def positions_of(table: Table, row_ids: Sequence[int]) -> list[int]:
    """Where rows stand now (LookupError for one that is not in the table)."""
    if len(row_ids) <= 16:
        found = [table.row_of_id(i) for i in row_ids]
    else:
        order = table.row_ids()
        size = max(int(order.max()) + 1 if len(order) else 0, max(row_ids) + 1)
        position = np.full(size, -1, dtype=np.int64)
        position[order] = np.arange(len(order), dtype=np.int64)
        found = [int(p) if p >= 0 else None for p in position[np.asarray(row_ids, dtype=np.int64)]]
    if any(p is None for p in found):
        raise LookupError("an edited row is not in the table")
    return [p for p in found if p is not None]


def _cells(edit: CellsEdit, bundle: Bundle, lines: bool) -> Payload:
    files: Payload = {}
    for name, changes in edit.changes.items():
        table = _table(bundle, name)
        ids = [c.row_id for c in changes]
        positions = positions_of(table, ids)
        entry: Payload = {
            "c": [[p, c.col, c.old, c.new] for p, c in zip(positions, changes, strict=True)],
            # Column names, for a list of the changes when the source cannot be read again.
            "h": {str(col): table.header[col] for col in sorted({c.col for c in changes})},
        }
        if lines:
            entry["l"] = [table.line_of_id(i) for i in ids]
        files[name] = entry
    return {"t": "cells", "f": files}


def _rows_in(change: RowInsertion, table: Table, applied: bool) -> Payload:
    if not applied:
        return {"t": "rows+", "r": [[p.row] for p in change.placed]}
    rows: list[list[Any]] = []
    ascending = all(a.row < b.row for a, b in zip(change.placed, change.placed[1:], strict=False))
    for placed in change.placed:
        values = table.row_values(placed.row)
        content: Any = values
        if len(values) == table.column_count and not any(values):
            content = "blank"
        elif ascending and placed.row > 0 and values == table.row_values(placed.row - 1):
            content = "above"  # a duplicated row: say so rather than copy a student's record
        rows.append([placed.row, content])
    return {"t": "rows+", "r": rows}


def _rows_out(change: RowDeletion, table: Table, applied: bool, lines: bool) -> Payload:
    rows: list[list[Any]] = []
    for removed in change.removed:
        entry: list[Any] = [removed.row, table.line_of_id(removed.row_id) if lines else None]
        if not applied:  # put back: the source read afresh may not hold these records
            entry.append(table.row_values(removed.row))
        rows.append(entry)
    return {"t": "rows-", "r": rows}


def _column_in(change: ColumnInsertion, table: Table, applied: bool, full: bool) -> Payload:
    payload: Payload = {"t": "col+", "c": change.col, "n": change.name}
    if applied and full:
        payload |= {"v": column_values(table, change.col), "w": short_records(table)}
    return payload


def _columns_out(change: ColumnDeletion, table: Table, applied: bool, full: bool) -> Payload:
    payload: Payload = {"t": "col-", "c": [r.col for r in change.removed],
                        "n": [r.name for r in change.removed]}
    if not applied and full:
        payload |= {"v": {str(r.col): column_values(table, r.col) for r in change.removed},
                    "w": short_records(table)}
    return payload


def _column_move(change: ColumnMove, table: Table, applied: bool, full: bool) -> Payload:
    moved = change.moved
    payload: Payload = {"t": "colmove", "c": moved.col, "to": moved.to,
                        "n": table.header[moved.to if applied else moved.col]}
    if not applied and full:
        payload["w"] = short_records(table)
    return payload


def column_values(table: Table, col: int) -> list[list[Any]]:
    """The non-empty values of one column as [position, text], as the records show them."""
    short = {int(entry[0]): int(entry[1]) for entry in short_records(table)}
    return [[pos, text] for pos, text in enumerate(table.column_values(col))
            if text and short.get(pos, col + 1) > col]


def short_records(table: Table) -> list[list[int]]:
    """[position, field count] of every record with fewer fields than the header."""
    return [[row, table.field_count(row)] for row in table.ragged_rows()
            if table.field_count(row) < table.column_count]
