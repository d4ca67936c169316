"""RosterTableView: the sourcedId column stays in view when scrolling sideways."""

from __future__ import annotations

from rostereditor.core.table import Table
from rostereditor.ui.grid.roster_table_model import RosterTableModel
from rostereditor.ui.grid.roster_table_view import RosterTableView


def test_first_column_stays_visible_when_scrolled_right(qtbot):
    header = ["sourcedId"] + [f"col{i}" for i in range(30)]
    table = Table.from_rows(header, [[f"id{r}"] + ["x" * 20] * 30 for r in range(50)])
    view = RosterTableView()
    qtbot.addWidget(view)
    view.setModel(RosterTableModel(table, "users.csv"))
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert view.horizontalScrollBar().value() > 0
    assert view.frozen_view.isVisible()
    assert view.frozen_view.x() == view.verticalHeader().width() + view.frameWidth()
    assert view.frozen_view.columnWidth(0) == view.columnWidth(0)
    assert all(view.frozen_view.isColumnHidden(c) for c in range(1, 31))
    # the overlay shares the selection, so a cell picked in the grid is picked in the overlay
    view.setCurrentIndex(view.model().index(3, 0))
    assert view.frozen_view.currentIndex().row() == 3


def test_hiding_the_first_column_hides_the_overlay(qtbot):
    table = Table.from_rows(["sourcedId", "name"], [["a", "b"]])
    view = RosterTableView()
    qtbot.addWidget(view)
    view.setModel(RosterTableModel(table, "orgs.csv"))
    view.show()
    view.setColumnHidden(0, True)
    assert not view.frozen_view.isVisible()


def aligned_beside_the_frozen_column(view) -> bool:
    """Rows line up with the overlay, and the first column after it is shown whole."""
    frozen = view.frozen_view
    row = max(view.currentIndex().row(), 0)
    rows_line_up = frozen.rowViewportPosition(row) == view.rowViewportPosition(row)
    starts = [view.columnViewportPosition(c) for c in range(1, view.model().columnCount())
              if not view.isColumnHidden(c)]
    whole = view.horizontalScrollBar().value() == 0 or view.columnWidth(0) in starts
    return rows_line_up and whole and frozen.horizontalScrollBar().value() == 0


def test_the_frozen_column_stays_aligned_after_end_home_f8_and_filtering(window, damaged_zip, keyboard):
    from PySide6.QtCore import Qt

    window.open_bundle(damaged_zip)
    window.resize(800, 500)
    window.go_to_cell("users.csv", 10, 3)
    view = window.current_view()
    view.setFocus()
    moves = [(Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier),
             (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
             (Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier),
             (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
             (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
             (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
             (Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)]
    for key, modifiers in moves:
        keyboard.press(key, modifiers)
        view = window.current_view()  # F8 may go on to the next file's tab
        assert aligned_beside_the_frozen_column(view), (key, modifiers)
    keyboard.press(Qt.Key.Key_End)
    assert view.horizontalScrollBar().value() > 0
    keyboard.press(Qt.Key.Key_Home)
    assert view.horizontalScrollBar().value() == 0  # Home shows the first columns again
    window.go_to_cell("users.csv", 0, 0)
    window.page("users.csv").set_filter(5, "stu")
    view = window.current_view()
    keyboard.press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert aligned_beside_the_frozen_column(view)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() - 7)  # a wheel nudge
    assert aligned_beside_the_frozen_column(view)


def test_the_row_header_has_room_for_a_problem_mark_and_the_line(window, damaged_zip):
    window.open_bundle(damaged_zip)
    view = window.table_view("users.csv")
    header = view.verticalHeader()
    lines = header.fontMetrics().horizontalAdvance(str(len(view.model().table) + 1))
    assert header.width() >= lines + header.style().pixelMetric(
        header.style().PixelMetric.PM_SmallIconSize)
