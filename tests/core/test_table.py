"""Table edits keep exact text, stable row ids and the file's original line numbers."""

import pytest

from rostereditor.core.table import Table


@pytest.fixture
def table():
    return Table.from_rows(["sourcedId", "grades"], [["u1", "09"], ["u2", "10"], ["u3", "11"]])


def values(table):
    return [table.row_values(r) for r in range(len(table))]


def test_set_cell_returns_old_text_and_column_array_sees_the_edit(table):
    assert table.set_cell(1, 1, "9") == "10"
    assert table.cell(1, 1) == "9"
    assert table.column_values(1) == ["09", "9", "11"]


def test_cells_hold_text_only(table):
    with pytest.raises(TypeError):
        table.set_cell(0, 1, 9)


def test_insert_and_delete_keep_line_numbers_of_read_rows(table):
    table.insert_rows(1, [["new", "KG"]])
    assert values(table) == [["u1", "09"], ["new", "KG"], ["u2", "10"], ["u3", "11"]]
    assert [table.source_line(r) for r in range(4)] == [2, None, 3, 4]
    removed = table.delete_rows([0, 2])
    assert values(table) == [["new", "KG"], ["u3", "11"]]
    table.restore_rows(removed)
    assert values(table) == [["u1", "09"], ["new", "KG"], ["u2", "10"], ["u3", "11"]]


def test_row_ids_survive_reordering(table):
    row_id = table.row_id(2)
    table.insert_rows(0, [["a", "01"], ["b", "02"]])
    assert table.row_of_id(row_id) == 4
    table.delete_rows([4])
    assert table.row_of_id(row_id) is None


def test_appending_rows_keeps_order_cheap_and_correct(table):
    table.insert_rows(3, [["u4", "12"]])
    assert values(table)[-1] == ["u4", "12"]
    assert table.source_line(3) is None


def test_short_record_grows_when_a_missing_cell_is_edited():
    table = Table.from_rows(["a", "b", "c"], [["1"]])
    assert table.cell(0, 2) == ""
    assert table.row_values(0) == ["1"]
    table.set_cell(0, 2, "x")
    assert table.row_values(0) == ["1", "", "x"]


def test_extra_fields_of_long_records_are_kept():
    table = Table.from_rows(["a"], [["1", "2", "3"]])
    assert table.row_values(0) == ["1", "2", "3"]
    assert table.extra_fields(0) == ["2", "3"]
    assert table.ragged_rows() == [0]


def test_changes_since_reading_are_listed(table):
    table.set_cell(0, 1, "9")
    table.set_cell(1, 1, "10")  # same text as read: not a change
    table.insert_rows(3, [["u4", "12"]])
    table.delete_rows([2])
    assert table.changed_cells() == [(0, 1, "09", "9")]
    assert table.added_row_ids() == [3]
    assert table.deleted_row_ids() == [2]


def test_version_increases_on_every_change(table):
    before = table.version
    table.set_cell(0, 0, "x")
    table.insert_rows(0, [["y", "01"]])
    table.delete_rows([0])
    assert table.version == before + 3


def test_bulk_write_of_one_column_matches_cell_by_cell_writes():
    table = Table.from_rows(["id", "g"], [["a", "9"], ["b"], ["c", "10"]])
    table.insert_rows(3, [["d", "11"]])
    ids = [table.row_id(r) for r in range(4)]
    table.set_cells_by_id(1, ids, ["09", "08", "10", "11"])
    assert [table.row_values(r) for r in range(4)] == [["a", "09"], ["b", "08"], ["c", "10"], ["d", "11"]]
    assert table.changed_cells() == [(0, 1, "9", "09"), (1, 1, "", "08")]


def test_line_of_a_deleted_record_is_still_known(table):
    row_id = table.row_id(1)
    table.delete_rows([1])
    assert table.line_of_id(row_id) == 3
    new_id = table.insert_rows(0, [["n", "01"]])[0]
    assert table.line_of_id(new_id) is None


def test_a_snapshot_keeps_row_ids_and_values_while_the_table_moves_on():
    table = Table.from_rows(["id", "name"], [["1", "Ana"], ["2", "Ben"], ["3", "Cruz"]])
    table.delete_rows([0])
    table.insert_rows(2, [["4", "Dee"]])
    table.set_cell(0, 1, "Benjamin")
    copy = table.snapshot()
    table.set_cell(0, 1, "Ben again")
    table.delete_rows([1])
    assert [copy.row_values(r) for r in range(len(copy))] == [["2", "Benjamin"], ["3", "Cruz"],
                                                             ["4", "Dee"]]
    assert copy.row_ids().tolist() == [1, 2, 3]
    assert [copy.source_line(r) for r in range(len(copy))] == [3, 4, None]
