"""Make recorded edits again on a bundle read afresh, as real Edits (undo and redo work on them
as on the ones the user made), checking first that each fits: a record that does not is a sign
the source is not what the edits were made on, and nothing of it is applied."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.cell_changes import (
    BundleChanges,
    CellChange,
    apply_changes,
    revert_changes,
)
from rostereditor.core.editing.column_edits import (
    ColumnDeletion,
    ColumnInsertion,
    ColumnMove,
    ColumnRename,
)
from rostereditor.core.editing.row_edits import RowDeletion, RowInsertion
from rostereditor.core.errors import RosterEditorError
from rostereditor.core.recovery.edit_payloads import Payload
from rostereditor.core.recovery.intent_codec import decode_intent
from rostereditor.core.session.edit_intents import with_intent
from rostereditor.core.session.undoable_edits import (
    CellsEdit,
    Direction,
    Edit,
    EditSequence,
    EditTarget,
    Structure,
    StructureEdit,
    TableChange,
)
from rostereditor.core.table import MovedColumn, RemovedColumn, RemovedRow, Table


class ReplayMismatch(RosterEditorError):
    """A recorded edit does not fit the bundle as it stands (the source is not the same)."""


class BundleTarget:
    """Where rebuilt edits write while replaying: straight into the tables, announcing nothing."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle

    def apply_cell_changes(self, changes: BundleChanges, *, reverse: bool = False) -> None:
        names = list(changes)
        for name in reversed(names) if reverse else names:
            table = _table(self.bundle, name)
            (revert_changes if reverse else apply_changes)(table, changes[name])

    def apply_table_change(self, file: str, change: TableChange, structure: Structure, *,
                           reverse: bool = False) -> None:
        table = _table(self.bundle, file)
        if reverse:
            change.undo(table)
        else:
            change.redo(table)


class TargetRelay:
    """What rebuilt edits write through: the bare bundle while replaying, then the session
    that opens it (so their undo and redo announce and re-check like any edit's)."""

    def __init__(self, target: EditTarget) -> None:
        self.target = target

    def apply_cell_changes(self, changes: BundleChanges, *, reverse: bool = False) -> None:
        self.target.apply_cell_changes(changes, reverse=reverse)

    def apply_table_change(self, file: str, change: TableChange, structure: Structure, *,
                           reverse: bool = False) -> None:
        self.target.apply_table_change(file, change, structure, reverse=reverse)


Mode = Direction | None  # None: made as recorded; "undo"/"redo": an edit older than the journal


class EditRebuilder:
    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self.tables = BundleTarget(bundle)
        self.relay = TargetRelay(self.tables)

    def make(self, payload: Payload, description: str, mode: Mode = None) -> Edit:
        """Apply a recorded edit and return it as an Edit: made (mode None), or for an edit
        older than the journal, undone or redone as recorded (and left in that state).
        Raises ReplayMismatch, having changed nothing, if it does not fit."""
        try:
            if payload.get("t") == "seq":
                return self._sequence(payload, description, mode)
            return self._leaf(payload, description, mode)
        except (IndexError, KeyError, TypeError, ValueError, LookupError) as exc:
            raise ReplayMismatch(f"a damaged record: {exc}") from exc

    def _sequence(self, payload: Payload, description: str, mode: Mode) -> Edit:
        # Steps are recorded in the order they ran: reversed for an undo.
        done: list[Edit] = []
        try:
            for step in payload["s"]:
                done.append(with_intent(self._leaf(step, description, mode),
                                        decode_intent(step.get("i"))))
        except Exception:
            for edit in reversed(done):  # nothing of a record is applied unless all of it fits
                self._step_back(edit, mode)
            raise
        return EditSequence(description, list(reversed(done)) if mode == "undo" else done)

    def _step_back(self, edit: Edit, mode: Mode) -> None:
        if mode == "undo":
            edit.redo()
        else:
            edit.undo()

    def _leaf(self, payload: Payload, description: str, mode: Mode) -> Edit:
        kind = payload.get("t")
        if kind == "cells":
            return self._cells(payload, description, forward=mode != "undo")
        handler = _STRUCTURE.get(str(kind))
        if handler is None:
            raise ReplayMismatch(f"unknown record {kind!r}")
        file = str(payload["f"])
        table = _table(self.bundle, file)
        try:
            change, structure = handler(table, payload, mode)
        except (IndexError, KeyError, TypeError, ValueError) as exc:
            raise ReplayMismatch(f"{file}: {exc}") from exc
        return StructureEdit(self.relay, file, change, structure, description)

    def _cells(self, payload: Payload, description: str, *, forward: bool) -> Edit:
        changes: BundleChanges = {}
        for name, entry in payload["f"].items():
            table = _table(self.bundle, name)
            rows = [(int(p), int(c), str(old), str(new)) for p, c, old, new in entry["c"]]
            _check_cells(name, table, rows, forward)
            changes[name] = [CellChange(table.row_id(p), c, old, new) for p, c, old, new in rows]
        edit = CellsEdit(self.relay, changes, description)
        self.tables.apply_cell_changes(edit.changes, reverse=not forward)
        return edit


def _table(bundle: Bundle, name: str) -> Table:
    table = bundle.table(name)
    if table is None:
        raise ReplayMismatch(f"{name} is not in the bundle")
    return table


def _check_cells(name: str, table: Table, rows: list[tuple[int, int, str, str]],
                 forward: bool) -> None:
    """Every cell must hold what the edit found there (its old text; its new one to undo).

    A cell changed twice in one edit is checked once: the edit may have been planned from the
    table as it was (both changes with the same old text), and it is made as it was then.
    """
    seen: set[tuple[int, int]] = set()
    for pos, col, old, new in rows if forward else reversed(rows):
        if not (0 <= pos < len(table) and 0 <= col < table.column_count):
            raise ReplayMismatch(f"{name}: no cell at row {pos + 1}, column {col + 1}")
        if (pos, col) in seen:
            continue
        seen.add((pos, col))
        if table.cell(pos, col) != (old if forward else new):
            raise ReplayMismatch(f"{name}: row {pos + 1}, column {col + 1} is not as recorded")


def _need(condition: bool, what: str) -> None:
    if not condition:
        raise ValueError(what)


# -- rows ------------------------------------------------------------------------------------


def _rows_in(table: Table, payload: Payload, mode: Mode) -> tuple[TableChange, Structure]:
    entries = payload["r"]
    if mode == "undo":  # the rows are in the source: take them out again
        positions = [int(e[0]) for e in entries]
        _need(all(0 <= p < len(table) for p in positions), "inserted rows are not there")
        change = RowInsertion(tuple(RemovedRow(p, table.row_id(p)) for p in positions))
        change.undo(table)
        return change, "rows"
    count = len(table)
    for entry in entries:
        _need(0 <= int(entry[0]) <= count and (entry[1] != "above" or int(entry[0]) > 0),
              "an inserted row does not fit")
        count += 1
    placed = [RemovedRow(int(pos), _insert(table, int(pos), content)) for pos, content in entries]
    return RowInsertion(tuple(placed)), "rows"


def _insert(table: Table, pos: int, content: Any) -> int:
    if content == "blank":
        values = [""] * table.column_count
    elif content == "above":
        values = table.row_values(pos - 1)
    else:
        values = [str(v) for v in content]
    (row_id,) = table.insert_rows(pos, [values])
    return row_id


def _rows_out(table: Table, payload: Payload, mode: Mode) -> tuple[TableChange, Structure]:
    entries = payload["r"]
    if mode == "undo":  # put back records the source may not hold, with their recorded values
        count = len(table)
        for entry in entries:
            _need(0 <= int(entry[0]) <= count and len(entry) > 2, "a put-back row does not fit")
            count += 1
        removed = [RemovedRow(int(e[0]), _insert(table, int(e[0]), e[2])) for e in entries]
        return RowDeletion(tuple(removed)), "rows"
    positions = [int(e[0]) for e in entries]
    _need(all(0 <= p < len(table) for p in positions), "deleted rows are not there")
    for pos, line, *_ in entries:
        _need(line is None or table.source_line(int(pos)) == line, "a deleted row is not as recorded")
    return RowDeletion(tuple(table.delete_rows(positions))), "rows"


# -- columns ---------------------------------------------------------------------------------


def _column_in(table: Table, payload: Payload, mode: Mode) -> tuple[TableChange, Structure]:
    col, name = int(payload["c"]), str(payload["n"])
    if mode == "undo":
        _need(col < table.column_count and table.header[col] == name, "the column is not there")
        change = ColumnInsertion(col, name)
        change.undo(table)
        return change, "columns"
    _need(0 <= col <= table.column_count, "the column does not fit")
    if mode == "redo":
        _place_column(table, col, name, payload.get("v", []), payload.get("w", []))
    else:
        table.insert_column(col, name)
    return ColumnInsertion(col, name), "columns"


def _columns_out(table: Table, payload: Payload, mode: Mode) -> tuple[TableChange, Structure]:
    cols, names = [int(c) for c in payload["c"]], [str(n) for n in payload["n"]]
    if mode == "undo":  # put back, lowest first, with the values recorded
        values, short = payload.get("v", {}), payload.get("w", [])
        ascending = list(reversed(list(zip(cols, names, strict=True))))
        for count, (col, _) in enumerate(ascending, start=table.column_count):
            _need(0 <= col <= count, "a put-back column does not fit")
            _check_rows(table, values.get(str(col), []))
        _check_rows(table, short)
        placed = {col: _place_column(table, col, name, values.get(str(col), []), short)
                  for col, name in ascending}
        return ColumnDeletion(tuple(placed[c] for c in cols)), "columns"
    removed = []
    for col, name in zip(cols, names, strict=True):
        _need(col < table.column_count and table.header[col] == name, "the column is not there")
        removed.append(table.delete_column(col))
    return ColumnDeletion(tuple(removed)), "columns"


def _place_column(table: Table, col: int, name: str, values: list[list[Any]],
                  short: list[list[int]]) -> RemovedColumn:
    """Put a column back with its values and the records' field counts as recorded."""
    _need(0 <= col <= table.column_count, "the column does not fit")
    _check_rows(table, values)
    _check_rows(table, short)
    table.insert_column(col, name)
    for pos, text in values:
        table.set_cell(int(pos), col, str(text))
    removed = table.delete_column(col)
    exact = dataclasses.replace(removed, widths=_widths(table, short))
    table.restore_column(exact)
    return exact


def _check_rows(table: Table, entries: list[list[Any]]) -> None:
    _need(all(0 <= int(e[0]) < len(table) for e in entries), "a recorded row is not there")


def _widths(table: Table, short: list[list[int]]) -> dict[int, int]:
    return {table.row_id(int(pos)): int(count) for pos, count in short}


def _column_rename(table: Table, payload: Payload, mode: Mode) -> tuple[TableChange, Structure]:
    col, old, new = int(payload["c"]), str(payload["old"]), str(payload["new"])
    change = ColumnRename(col, old, new)
    _need(col < table.column_count and table.header[col] == (new if mode == "undo" else old),
          "the column is not as recorded")
    if mode == "undo":
        change.undo(table)
    else:
        change.redo(table)
    return change, "columns"


def _column_move(table: Table, payload: Payload, mode: Mode) -> tuple[TableChange, Structure]:
    col, to, name = int(payload["c"]), int(payload["to"]), str(payload["n"])
    count = table.column_count
    _need(0 <= col < count and 0 <= to < count, "the column does not fit")
    if mode == "undo":
        _need(table.header[to] == name, "the moved column is not there")
        _check_rows(table, payload.get("w", []))
        change = ColumnMove(MovedColumn(col, to, _widths(table, payload.get("w", []))))
        change.undo(table)
        return change, "columns"
    _need(table.header[col] == name, "the column is not as recorded")
    return ColumnMove(table.move_column(col, to)), "columns"


_STRUCTURE: dict[str, Callable[[Table, Payload, Mode], tuple[TableChange, Structure]]] = {
    "rows+": _rows_in,
    "rows-": _rows_out,
    "col+": _column_in,
    "col-": _columns_out,
    "colname": _column_rename,
    "colmove": _column_move,
}
