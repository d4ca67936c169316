"""Excel's rules for where pasted cells go, fill down and clear."""

from rostereditor.core.editing.cell_range import CellRange
from rostereditor.core.editing.paste_plan import plan_paste
from rostereditor.core.editing.range_edits import plan_clear, plan_fill_down


def test_one_value_fills_the_whole_selection():
    plan = plan_paste([["007"]], CellRange(0, 0, 1, 1), row_count=5, column_count=3)
    assert sorted(plan.cells) == [(0, 0, "007"), (0, 1, "007"), (1, 0, "007"), (1, 1, "007")]


def test_block_pastes_from_the_top_left_cell():
    plan = plan_paste([["a", "b"], ["c", "d"]], CellRange(1, 1, 1, 1), 5, 3)
    assert plan.cells == [(1, 1, "a"), (1, 2, "b"), (2, 1, "c"), (2, 2, "d")]


def test_columns_past_the_end_are_dropped_and_counted():
    plan = plan_paste([["a", "b", "c"]], CellRange(0, 2, 0, 2), 5, 3)
    assert plan.cells == [(0, 2, "a")]
    assert plan.clipped_columns == 2


def test_rows_past_the_end_become_full_width_new_rows():
    plan = plan_paste([["x"], ["y"], ["z"]], CellRange(1, 1, 1, 1), row_count=2, column_count=3)
    assert plan.cells == [(1, 1, "x")]
    assert plan.new_rows == [["", "y", ""], ["", "z", ""]]


def test_selection_multiple_of_block_tiles_it():
    plan = plan_paste([["a"], ["b"]], CellRange(0, 0, 3, 0), 10, 1)
    assert plan.cells == [(0, 0, "a"), (1, 0, "b"), (2, 0, "a"), (3, 0, "b")]


def test_fill_down_copies_top_row_of_each_column():
    grid = {(0, 0): "09", (0, 1): "true"}
    planned = plan_fill_down([CellRange(0, 0, 2, 1)], lambda r, c: grid.get((r, c), "?"))
    assert sorted(planned) == [(1, 0, "09"), (1, 1, "true"), (2, 0, "09"), (2, 1, "true")]


def test_fill_down_on_one_row_copies_the_row_above():
    planned = plan_fill_down([CellRange(3, 0, 3, 0)], lambda r, c: f"r{r}")
    assert planned == [(3, 0, "r2")]
    assert plan_fill_down([CellRange(0, 0, 0, 0)], lambda r, c: "x") == []


def test_clear_empties_every_selected_cell():
    assert plan_clear([CellRange(0, 1, 1, 1)]) == [(0, 1, ""), (1, 1, "")]
