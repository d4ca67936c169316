"""An edit repaints its row once, and only what changed, whatever the re-check finds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rostereditor.core.sample_district import generate_district


@pytest.fixture
def users(window, qtbot):
    window.set_bundle(generate_district(students=40, seed=3).bundle)
    window.go_to_cell("users.csv", 0, 0)
    model = window.model("users.csv")
    qtbot.wait(10)
    repaints: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: repaints.append(
        (top.row(), bottom.row(), top.column(), bottom.column())))
    return model, repaints


def _edit_and_settle(model, qtbot, row, col, text):
    assert model.setData(model.index(row, col), text, Qt.ItemDataRole.EditRole)
    qtbot.wait(20)  # the views paint after this event-loop turn


@pytest.mark.parametrize(("column", "text"), [
    ("enabledUser", "TRUE"),  # becomes an error: the re-check changes the cell's highlight
    ("givenName", "Zoë"),  # stays fine: only the value changes
])
def test_an_edited_row_is_repainted_once(users, qtbot, column, text):
    model, repaints = users
    col = model.table.column_index(column)
    _edit_and_settle(model, qtbot, 5, col, text)
    touching = [r for r in repaints if r[0] <= 5 <= r[1]]
    assert len(touching) == 1
    assert all(top == bottom for top, bottom, _, _ in repaints)  # never the whole grid


def test_a_highlight_that_goes_away_repaints_its_row(users, qtbot):
    model, repaints = users
    col = model.table.column_index("enabledUser")
    _edit_and_settle(model, qtbot, 5, col, "TRUE")
    assert model.index(5, col).data(Qt.ItemDataRole.BackgroundRole) is not None
    repaints.clear()
    _edit_and_settle(model, qtbot, 5, col, "true")
    assert model.index(5, col).data(Qt.ItemDataRole.BackgroundRole) is None
    assert [r[:2] for r in repaints] == [(5, 5)]


def test_a_problem_the_edit_causes_in_another_row_repaints_that_row(users, qtbot, window):
    model, repaints = users
    window.editing.cells.ask_rename = lambda *_: False  # change only this cell
    duplicate = model.table.cell(6, 0)
    _edit_and_settle(model, qtbot, 5, 0, duplicate)  # two records now share a sourcedId
    assert model.index(6, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert sorted({r[0] for r in repaints}) == [5, 6]
    assert len([r for r in repaints if r[0] == 5]) == 1
