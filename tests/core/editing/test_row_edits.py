"""Inserting, duplicating and deleting rows, and undoing them back to the exact order."""

from rostereditor.core.editing.row_edits import (
    delete_rows,
    duplicate_rows,
    insert_blank_rows,
    insert_rows,
)
from rostereditor.core.table import Table

ROWS = [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]]


def table() -> Table:
    return Table.from_rows(["sourcedId", "n"], ROWS)


def ids(t: Table) -> list[str]:
    return [t.cell(r, 0) for r in range(len(t))]


def test_insert_blank_rows_above_then_undo_redo():
    t = table()
    edit = insert_blank_rows(t, 1, 2)
    assert ids(t) == ["a", "", "", "b", "c", "d"]
    assert t.row_values(1) == ["", ""]
    edit.undo(t)
    assert ids(t) == ["a", "b", "c", "d"]
    edit.redo(t)
    assert ids(t) == ["a", "", "", "b", "c", "d"]
    assert t.added_row_ids() == edit.row_ids


def test_duplicate_non_adjacent_rows_puts_copies_below_each():
    t = table()
    edit = duplicate_rows(t, [2, 0])
    assert ids(t) == ["a", "a", "b", "c", "c", "d"]
    edit.undo(t)
    assert [t.row_values(r) for r in range(len(t))] == ROWS
    edit.redo(t)
    assert ids(t) == ["a", "a", "b", "c", "c", "d"]


def test_delete_rows_undo_restores_exact_order_and_values():
    t = table()
    edit = delete_rows(t, [3, 1])
    assert ids(t) == ["a", "c"]
    edit.undo(t)
    assert [t.row_values(r) for r in range(len(t))] == ROWS
    assert t.deleted_row_ids() == []
    edit.redo(t)
    assert ids(t) == ["a", "c"]


def test_insert_at_end_appends_full_width_rows():
    t = table()
    edit = insert_rows(t, len(t), [["e"]])
    assert t.row_values(4) == ["e", ""]
    edit.undo(t)
    assert len(t) == 4
