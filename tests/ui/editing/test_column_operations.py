"""Columns in the window: insert, delete, rename and move from the header menu and the Edit menu,
each one undo step; header findings fixed from the keyboard; F8, Go to Line and the row header."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from rostereditor.ui.window.action_ids import ActionId

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def damaged_window(window, qtbot, damaged_zip):
    window.open_bundle(damaged_zip)  # its own copy: these tests change columns
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    window.flush_pending_updates()
    return window


def grid(window, file_name, row=0, col=0):
    window.go_to_cell(file_name, row, col)
    view = window.current_view()
    view.setFocus()
    return view, window.bundle.table(file_name)


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_insert_column_from_the_edit_menu_with_the_keyboard(damaged_window, keyboard):
    view, users = grid(damaged_window, "users.csv", 3, 2)
    header = list(users.header)

    keyboard.press(Key.Key_E, Mod.AltModifier)  # the Edit menu
    assert isinstance(QApplication.activePopupWidget(), QMenu)
    keyboard.answer_next_dialog("metadata.house")  # the name it asks for
    keyboard.press(Key.Key_I)  # &Insert Column Left...
    assert users.header == [*header[:2], "metadata.house", *header[2:]]
    assert all(users.cell(r, 2) == "" for r in range(len(users)))
    assert view.currentIndex().column() == 2
    assert damaged_window.undo_stack.undoText() == "Insert column metadata.house"
    keyboard.press(Key.Key_Z, Mod.ControlModifier)
    assert users.header == header


def test_header_menu_offers_every_column_operation_each_one_undo_step(damaged_window):
    damaged_window.editing.columns.ask_name = lambda *_: "nickname"
    page = damaged_window.page("users.csv")
    users = page.model.table
    before = [list(users.header), *users.iter_rows()]
    given = users.column_index("givenName")
    texts = menu_texts(page.header_menu(given))
    for wanted in ("Insert Column &Left\u2026", "Insert Column R&ight\u2026",
                   "Re&name Column\u2026", "Move Column Lef&t", "Move Column Ri&ght",
                   "&Delete Column"):
        assert wanted in texts

    def pick(col, text):
        next(a for a in page.header_menu(col).actions() if a.text() == text).trigger()

    pick(given, "Move Column Ri&ght")
    assert users.header[given + 1] == "givenName"
    pick(given + 1, "Re&name Column\u2026")
    assert users.header[given + 1] == "nickname"
    pick(given + 1, "Insert Column R&ight\u2026")
    pick(given, "&Delete Column")
    stack = damaged_window.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Move column givenName", "Rename column givenName to nickname",
        "Insert column nickname", f"Delete column {before[0][given + 1]}"]
    while stack.canUndo():
        stack.undo()
    assert [list(users.header), *users.iter_rows()] == before


def test_f8_visits_the_header_finding_and_ctrl_period_deletes_the_trailing_column(
        damaged_window, keyboard):
    view, courses = grid(damaged_window, "courses.csv", 0, 0)
    width = courses.column_count
    view.setCurrentIndex(view.model().index(-1, -1))  # nothing current: F8 starts the file
    keyboard.press(Key.Key_F8)
    assert damaged_window.current_file_name() == "courses.csv"
    assert view.currentIndex().column() == width - 1  # the trailing empty column, in view
    assert view.visualRect(view.currentIndex()).intersects(view.viewport().rect())
    assert "The last column has no name" in damaged_window.statusBar().currentMessage()
    keyboard.press(Key.Key_Period, Mod.ControlModifier)
    menu = QApplication.activePopupWidget()
    assert menu_texts(menu) == ["Fix header: Delete the empty trailing column"]
    keyboard.press(Key.Key_Return)
    assert courses.column_count == width - 1
    damaged_window.flush_pending_updates()
    assert not any(f.rule == "excel.trailing-empty-columns" for f in damaged_window.all_findings())
    keyboard.press(Key.Key_Z, Mod.ControlModifier)
    assert courses.column_count == width


def test_header_menu_puts_the_fix_first_and_names_an_unnamed_column_by_position(damaged_window):
    page = damaged_window.page("courses.csv")
    last = page.model.table.column_count - 1
    texts = menu_texts(page.header_menu(last))
    assert texts[0] == "Fix header: Delete the empty trailing column"
    assert f"Sort by column {last + 1} A\u2192Z" in texts  # never "Sort by  A→Z"


def test_review_changes_mentions_column_operations(damaged_window, qtbot):
    page = damaged_window.page("courses.csv")
    last = page.model.table.column_count - 1
    damaged_window.editing.columns.delete("courses.csv", [last])
    dialog = damaged_window.editing.review_changes()
    qtbot.addWidget(dialog)
    rows = [[dialog.tree.topLevelItem(i).text(c) for c in range(7)]
            for i in range(dialog.tree.topLevelItemCount())]
    assert ["courses.csv", "1", "", "column deleted", f"column {last + 1}", "\u2192", ""] in rows
    assert dialog.summary.text().endswith("; 1 column deleted.")


def test_go_to_line_lands_on_the_problem_cell(damaged_window, keyboard):
    grid(damaged_window, "users.csv", 0, 0)

    keyboard.answer_next_dialog("667")
    keyboard.press(Key.Key_G, Mod.ControlModifier)
    view = damaged_window.current_view()
    users = damaged_window.bundle.table("users.csv")
    assert users.source_line(view.model().source_row(view.currentIndex().row())) == 667
    assert users.header[view.currentIndex().column()] == "enabledUser"  # its TRUE


def test_row_header_marks_rows_with_problems(damaged_window):
    model = damaged_window.model("users.csv")
    users = model.table
    bad = users.row_for_line(667)
    good = next(r for r in range(len(users)) if not any(
        model.findings_at(r, c) for c in range(users.column_count)) and r != bad)
    mark = model.headerData(model.view_row(bad), Qt.Orientation.Vertical,
                            Qt.ItemDataRole.DecorationRole)
    assert mark is not None
    assert not mark.isNull()
    assert model.headerData(model.view_row(good), Qt.Orientation.Vertical,
                            Qt.ItemDataRole.DecorationRole) is None


def test_sorting_z_to_a_shows_a_down_arrow(damaged_window):
    page = damaged_window.page("users.csv")
    page.sort_by(1, descending=True)
    # Qt draws AscendingOrder as the down arrow (macOS's way), so Z→A is shown with it.
    assert page.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    page.sort_by(1)
    assert page.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert damaged_window.action(ActionId.CLEAR_FILTERS).isEnabled()
