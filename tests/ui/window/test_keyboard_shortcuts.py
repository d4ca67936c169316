"""Shortcuts spreadsheet users expect work on every platform, beside the platform's own keys,
and no key belongs to two actions (Qt would ignore it). Real key presses throughout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from rostereditor.core.sample_district import generate_district
from rostereditor.ui.editing.action_ids import EditActionId

Key = Qt.Key
Mod = Qt.KeyboardModifier
Std = QKeySequence.StandardKey

# The standard bindings of a Linux desktop (Qt's X11, KDE and GNOME schemes together) where
# they differ from the offscreen platform's: Delete includes Ctrl+D, Redo is Ctrl+Shift+Z only,
# Replace is Ctrl+R, and Refresh claims Ctrl+R too.
LINUX_KEYS = {
    Std.Delete: ["Del", "Ctrl+D"],
    Std.Redo: ["Ctrl+Shift+Z"],
    Std.Replace: ["Ctrl+R"],
    Std.Refresh: ["F5", "Ctrl+R"],
    Std.FindNext: ["F3", "Ctrl+G"],
    Std.NextChild: ["Ctrl+Tab"],
    Std.PreviousChild: ["Ctrl+Shift+Backtab"],
}


@pytest.fixture(params=["platform", "linux"])
def keyed_window(request, qtbot, monkeypatch):
    if request.param == "linux":
        real = QKeySequence.keyBindings
        monkeypatch.setattr(QKeySequence, "keyBindings", lambda key: (
            [QKeySequence(k) for k in LINUX_KEYS[key]] if key in LINUX_KEYS else real(key)))
    from rostereditor.ui import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_bundle(generate_district(students=30, seed=5).bundle)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    yield window
    window.undo_stack.setClean()


def focus_grid(window, file_name, row, col):
    window.go_to_cell(file_name, row, col)
    view = window.current_view()
    view.setFocus()
    assert QApplication.focusWidget() is view
    return view


def test_no_key_belongs_to_two_actions(keyed_window):
    owners: dict[str, str] = {}
    for action in keyed_window.findChildren(QAction):
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in owners, f"{key} is both {owners[key]} and {action.objectName()}"
            owners[key] = action.objectName()
    assert owners["Ctrl+D"] == EditActionId.FILL_DOWN
    assert owners["Ctrl+Y"] == owners["Ctrl+Shift+Z"] == EditActionId.REDO
    assert owners["Ctrl+H"] == EditActionId.REPLACE


def test_ctrl_d_fills_down_from_the_keyboard(keyed_window, keyboard):
    users = keyed_window.bundle.table("users.csv")
    col = users.column_index("givenName")
    view = focus_grid(keyed_window, "users.csv", 0, col)
    keyboard.press(Key.Key_Down, Mod.ShiftModifier)
    keyboard.press(Key.Key_Down, Mod.ShiftModifier)
    keyboard.press(Key.Key_D, Mod.ControlModifier)
    assert users.cell(1, col) == users.cell(2, col) == users.cell(0, col)
    assert keyed_window.undo_stack.undoText().startswith("Fill down")
    assert view.currentIndex().column() == col


def test_ctrl_y_and_ctrl_shift_z_redo(keyed_window, keyboard):
    users = keyed_window.bundle.table("users.csv")
    col = users.column_index("givenName")
    focus_grid(keyed_window, "users.csv", 0, col)
    keyboard.type("Ann")
    keyboard.press(Key.Key_Up)
    for redo in ((Key.Key_Y, Mod.ControlModifier),
                 (Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)):
        keyboard.press(Key.Key_Z, Mod.ControlModifier)
        assert users.cell(0, col) != "Ann"
        keyboard.press(*redo)
        assert users.cell(0, col) == "Ann"


def test_ctrl_h_opens_replace(keyed_window, keyboard):
    focus_grid(keyed_window, "users.csv", 0, 0)
    keyboard.press(Key.Key_H, Mod.ControlModifier)
    dialog = keyed_window.editing.find_dialog
    assert isinstance(dialog, QDialog)
    assert dialog.isVisible()
    assert dialog.replace_edit.isVisible()
    dialog.close()


def test_ctrl_page_down_and_up_move_between_file_tabs(keyed_window, keyboard):
    focus_grid(keyed_window, "orgs.csv", 0, 0)
    names = list(keyed_window.pages())
    keyboard.press(Key.Key_PageDown, Mod.ControlModifier)
    assert keyed_window.current_file_name() == names[1]
    keyboard.press(Key.Key_PageDown, Mod.ControlModifier)
    assert keyed_window.current_file_name() == names[2]
    keyboard.press(Key.Key_PageUp, Mod.ControlModifier)
    assert keyed_window.current_file_name() == names[1]
    keyboard.press(Key.Key_Tab, Mod.ControlModifier)
    assert keyed_window.current_file_name() == names[2]
    assert QApplication.focusWidget() is keyed_window.current_view()


@pytest.fixture
def damaged_window(window, qtbot, damaged_zip):
    window.open_bundle(damaged_zip)  # a copy of its own: the tests below fix cells in it
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    window.flush_pending_updates()
    return window


def fixable_cell(window):
    finding = next(f for f in window.all_findings() if f.fix is not None and f.row_id is not None)
    table = window.bundle.table(finding.file)
    return finding, table, table.row_of_id(finding.row_id)


@pytest.mark.parametrize("menu_key", [(Key.Key_Menu, Mod.NoModifier), (Key.Key_F10, Mod.ShiftModifier)])
def test_menu_key_and_shift_f10_open_the_cell_menu_with_its_fixes(damaged_window, keyboard, menu_key):
    finding, table, row = fixable_cell(damaged_window)
    view = focus_grid(damaged_window, finding.file, row, finding.column_index)
    keyboard.press(*menu_key)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu.actions()[0].text().startswith("Fix: change to")
    assert menu.activeAction() is menu.actions()[0]  # as Ctrl+. does: no Down needed
    keyboard.press(Key.Key_Return)
    assert table.cell(row, finding.column_index) == finding.fix
    assert view.currentIndex().row() == view.model().view_row(row)  # still on that cell


def test_ctrl_period_offers_the_fixes_and_enter_applies_the_first(damaged_window, keyboard):
    finding, table, row = fixable_cell(damaged_window)
    focus_grid(damaged_window, finding.file, row, finding.column_index)
    keyboard.press(Key.Key_Period, Mod.ControlModifier)
    assert isinstance(QApplication.activePopupWidget(), QMenu)
    keyboard.press(Key.Key_Return)
    assert table.cell(row, finding.column_index) == finding.fix
    assert damaged_window.undo_stack.undoText() != ""


def test_the_menu_key_as_the_platform_sends_it_keeps_the_current_cell(damaged_window, keyboard):
    """On X11 the Menu key arrives as a keyboard context-menu event in the view's coordinates
    (it used to open the menu one row down and one column right, without the Fix items)."""
    from PySide6.QtGui import QContextMenuEvent

    finding, _table, row = fixable_cell(damaged_window)
    view = focus_grid(damaged_window, finding.file, row, finding.column_index)
    before = view.currentIndex()
    cursor = view.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, cursor,
                              view.mapToGlobal(cursor), Mod.NoModifier)
    QApplication.sendEvent(view, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert view.currentIndex() == before
    assert menu.actions()[0].text().startswith("Fix: change to")
    keyboard.press(Key.Key_Escape)
    assert view.currentIndex() == before


@pytest.mark.parametrize("menu_key", [(Key.Key_Menu, Mod.NoModifier), (Key.Key_F10, Mod.ShiftModifier)])
def test_a_problem_in_the_panel_is_fixed_from_the_keyboard(damaged_window, keyboard, menu_key):
    finding, table, row = fixable_cell(damaged_window)
    panel = damaged_window.findings_panel
    panel.view.setFocus()
    panel.select_finding(finding)
    keyboard.press(*menu_key)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == f"Fix: change to \u2018{finding.fix}\u2019"
    assert texts[-1] == "&Go to It"
    keyboard.press(Key.Key_Return)  # the menu starts on the first fix
    assert table.cell(row, finding.column_index) == finding.fix


def test_the_header_finding_is_fixed_from_the_panel(damaged_window, keyboard):
    panel = damaged_window.findings_panel
    header = next(f for f in panel.shown_findings() if f.rule == "excel.trailing-empty-columns")
    courses = damaged_window.bundle.table("courses.csv")
    width = courses.column_count
    panel.view.setFocus()
    panel.select_finding(header)
    keyboard.press(Key.Key_F10, Mod.ShiftModifier)
    menu = QApplication.activePopupWidget()
    assert menu.actions()[0].text() == "Fix header: Delete the empty trailing column"
    keyboard.press(Key.Key_Return)
    assert courses.column_count == width - 1


def test_a_right_click_menu_starts_on_nothing(damaged_window, qtbot):
    """Only the keyboard's menu starts on a fix: a click's Enter must not fix by surprise."""
    finding, _table, row = fixable_cell(damaged_window)
    view = focus_grid(damaged_window, finding.file, row, finding.column_index)
    view.customContextMenuRequested.emit(view.visualRect(view.currentIndex()).center())
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu.actions()[0].text().startswith("Fix: change to")
    assert menu.activeAction() is None
    menu.close()
