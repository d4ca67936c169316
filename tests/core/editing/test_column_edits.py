"""Insert, delete, rename and move columns: every value keeps its column, undo is exact."""

from __future__ import annotations

import pytest

from rostereditor.core.bundle_writer import bundle_csv_files
from rostereditor.core.editing.column_edits import (
    delete_columns,
    insert_column,
    move_column,
    rename_column,
)
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import EditSession
from rostereditor.core.table import Table

HEADER = ["a", "b", "c"]
# A full record, an added one, a short one, a long one (extra field) and another short one.
ROWS = [["1", "2", "3"], ["4"], ["5", "6", "7", "8"], ["9", "10"]]


def table() -> Table:
    t = Table.from_rows(HEADER, ROWS)
    t.insert_rows(1, [["x", "y", "z"]])
    return t


def records(t: Table) -> list[list[str]]:
    return [t.header, *t.iter_rows()]


def test_insert_gives_every_record_that_reaches_it_an_empty_field():
    t = table()
    insert_column(t, 1, "new")
    assert records(t) == [["a", "new", "b", "c"], ["1", "", "2", "3"], ["x", "", "y", "z"], ["4"],
                          ["5", "", "6", "7", "8"], ["9", "", "10"]]


def test_delete_then_undo_puts_back_values_and_edits_exactly():
    t = table()
    before = records(t)
    t.set_cell(0, 1, "edited")
    edited = records(t)
    deletion = delete_columns(t, [1, 0])
    assert records(t) == [["c"], ["3"], ["z"], [], ["7", "8"], []]
    deletion.undo(t)
    assert records(t) == edited
    assert t.changed_cells() == [(0, 1, "2", "edited")]
    assert before != edited


def test_move_keeps_values_under_their_column_and_undo_restores_order():
    t = table()
    before = records(t)
    move = move_column(t, 0, 2)
    assert records(t) == [["b", "c", "a"], ["2", "3", "1"], ["y", "z", "x"], ["", "", "4"],
                          ["6", "7", "5", "8"], ["10", "", "9"]]
    move.undo(t)
    assert records(t) == before
    move.redo(t)
    assert t.header == ["b", "c", "a"]


def test_rename_changes_only_the_header():
    t = table()
    rename = rename_column(t, 2, "z")
    assert t.header == ["a", "b", "z"]
    rename.undo(t)
    assert t.header == HEADER


def test_insert_undo_redo_brings_back_the_same_column():
    t = table()
    insertion = insert_column(t, 3, "d")
    t.set_cell(0, 3, "typed")
    t.set_cell(0, 3, "")
    t.set_cell(0, 3, "kept")
    insertion.undo(t)
    assert t.header == HEADER
    insertion.redo(t)
    assert t.cell(0, 3) == "kept"


@pytest.mark.parametrize(("col", "to"), [(0, 3), (3, 0), (1, 2)])
def test_every_column_operation_round_trips_the_saved_bytes(col, to):
    bundle = generate_district(students=20, seed=2).bundle
    before = bundle_csv_files(bundle)
    session = EditSession()
    session.open(bundle)
    steps = [session.insert_column("users.csv", col, "metadata.x"),
             session.move_column("users.csv", col, to),
             session.rename_column("users.csv", to, "metadata.y"),
             session.delete_columns("users.csv", [to, 5])]
    assert bundle_csv_files(bundle) != before
    for step in reversed(steps):
        step.undo()
    assert bundle_csv_files(bundle) == before


def test_session_announces_column_changes_and_rechecks_the_header():
    session = EditSession()
    session.open(generate_district(students=20, seed=2).bundle)
    changed = []
    session.events.columns_changed.connect(lambda e: changed.append(e.file))
    users = session.require_table("users.csv")
    given = users.column_index("givenName")

    def header_problems():
        return [f for f in session.result.for_file("users.csv") if f.rule.startswith("header.")]

    assert header_problems() == []
    edit = session.delete_columns("users.csv", [given])
    assert edit.description == "Delete column givenName"
    assert changed == ["users.csv"]
    assert any("givenName" in f.message for f in header_problems())
    edit.undo()
    assert header_problems() == []
    assert changed == ["users.csv", "users.csv"]


def test_a_column_put_back_after_rows_came_and_went_takes_new_rows_in_place():
    # Delete a column, add a row, undo both, add another row: the new row's values must land
    # in the new row (the put-back column once missed a value and crashed the next read).
    session = EditSession()
    bundle = generate_district(students=5, seed=1).bundle
    session.open(bundle)
    users = session.require_table("users.csv")
    deleted = session.delete_columns("users.csv", [2])
    added = session.insert_rows("users.csv", len(users), [["x"] * users.column_count])
    assert deleted is not None
    added.undo()
    deleted.undo()
    session.insert_rows("users.csv", len(users), [[f"v{c}" for c in range(users.column_count)]])
    assert users.row_values(len(users) - 1) == [f"v{c}" for c in range(users.column_count)]
