"""ViewRowOrder: sorting and filtering what a grid shows, never the table itself."""

from __future__ import annotations

from rostereditor.core.table import Table
from rostereditor.ui.grid.view_row_order import ViewRowOrder


def _table() -> Table:
    return Table.from_rows(["sourcedId", "role"],
                           [["u3", "teacher"], ["u1", "student"], ["u2", "Student"], ["u4", "aide"]])


def test_sort_maps_view_rows_to_table_rows_and_back():
    table = _table()
    order = ViewRowOrder()
    order.sort_column = 0
    order.rebuild(table)
    assert [table.cell(order.table_row(v), 0) for v in range(order.count(table))] == ["u1", "u2", "u3", "u4"]
    assert order.view_row(0) == 2  # u3 is third when sorted
    assert table.cell(0, 0) == "u3"  # the table itself is untouched


def test_filter_is_case_insensitive_substring_and_hides_other_rows():
    table = _table()
    order = ViewRowOrder()
    order.filters[1] = "stud"
    order.rebuild(table)
    assert order.count(table) == 2
    assert order.view_row(0) is None
    assert [order.table_row(v) for v in range(2)] == [1, 2]


def test_problem_rows_only_uses_row_ids():
    table = _table()
    order = ViewRowOrder()
    order.problem_rows_only = True
    order.rebuild(table, {table.row_id(3)})
    assert order.count(table) == 1
    assert order.table_row(0) == 3


def test_clear_returns_to_identity():
    table = _table()
    order = ViewRowOrder()
    order.sort_column = 1
    order.sort_descending = True
    order.rebuild(table)
    order.clear()
    order.rebuild(table)
    assert not order.active
    assert [order.table_row(v) for v in range(4)] == [0, 1, 2, 3]
