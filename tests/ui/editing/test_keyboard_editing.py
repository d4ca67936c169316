"""Editing cells with the keyboard as in a spreadsheet: real key presses, never setData."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget

from rostereditor.core.sample_district import generate_district
from rostereditor.ui.editing.choice_editor import ChoiceEditor

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def district_window(window, qtbot):
    window.set_bundle(generate_district(students=40, seed=3).bundle)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    return window


def at(window, file_name, row, column):
    """Make a cell current (as a click would) and give its grid the keyboard."""
    table = window.bundle.table(file_name)
    col = table.column_index(column) if isinstance(column, str) else column
    window.go_to_cell(file_name, row, col)
    view = window.current_view()
    view.setFocus()
    assert QApplication.focusWidget() is view
    return view, table, col


def current(view):
    index = view.currentIndex()
    return view.model().source_row(index.row()), index.column()


@pytest.mark.parametrize(("file_name", "column", "typed"), [
    ("users.csv", "enabledUser", "false"),            # boolean dropdown
    ("users.csv", "role", "Teacher"),                 # enumeration dropdown, case kept
    ("enrollments.csv", "beginDate", "2019-09-03"),   # date with calendar
    ("users.csv", "givenName", "Zoë"),                # plain text
])
def test_typing_over_a_cell_replaces_its_value_in_every_editor(
        district_window, keyboard, file_name, column, typed):
    view, table, col = at(district_window, file_name, 2, column)
    assert table.cell(2, col) not in ("", typed)
    keyboard.type(typed)
    keyboard.press(Key.Key_Return)
    assert table.cell(2, col) == typed
    assert current(view) == (3, col)  # Enter committed and moved down, once


def test_typing_over_a_reference_replaces_it_and_one_enter_picks_the_suggestion(
        district_window, keyboard):
    users = district_window.bundle.table("users.csv")
    wanted = users.cell(5, 0)
    view, enrollments, col = at(district_window, "enrollments.csv", 0, "userSourcedId")
    keyboard.type(wanted)
    assert QApplication.activePopupWidget() is not None  # matching records are offered
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Return)
    assert enrollments.cell(0, col) == wanted
    assert current(view) == (1, col)


def test_tab_with_the_suggestions_open_commits_what_was_typed_and_moves_right(
        district_window, keyboard):
    typed = district_window.bundle.table("users.csv").cell(5, 0)[:5]
    view, enrollments, col = at(district_window, "enrollments.csv", 0, "userSourcedId")
    keyboard.type(typed)
    assert QApplication.activePopupWidget() is not None  # the suggestions are open
    keyboard.press(Key.Key_Tab)
    assert enrollments.cell(0, col) == typed
    assert current(view) == (0, col + 1)
    assert QApplication.focusWidget() is view


def test_inline_completion_takes_the_listed_value_and_typed_case_is_kept(district_window, keyboard):
    _, users, role = at(district_window, "users.csv", 1, "role")
    keyboard.type("stu")
    keyboard.press(Key.Key_Return)
    assert users.cell(1, role) == "student"
    keyboard.type("STU")  # no listed value starts so; what was typed is kept exactly
    keyboard.press(Key.Key_Return)
    assert users.cell(2, role) == "STU"


def test_enter_tab_and_their_shift_forms_commit_and_move(district_window, keyboard):
    view, users, given = at(district_window, "users.csv", 4, "givenName")
    keyboard.type("Ann")
    keyboard.press(Key.Key_Tab)
    assert users.cell(4, given) == "Ann"
    assert current(view) == (4, given + 1)
    keyboard.type("Lee")
    keyboard.press(Key.Key_Backtab, Mod.ShiftModifier)
    assert users.cell(4, given + 1) == "Lee"
    assert current(view) == (4, given)
    keyboard.type("Bo")
    keyboard.press(Key.Key_Return, Mod.ShiftModifier)
    assert users.cell(4, given) == "Bo"
    assert current(view) == (3, given)
    keyboard.press(Key.Key_Return)  # not editing: Enter just moves down, as in Excel
    assert current(view) == (4, given)
    assert district_window.undo_stack.count() == 3


def test_escape_cancels_and_f2_edits_in_place(district_window, keyboard):
    view, users, family = at(district_window, "users.csv", 6, "familyName")
    old = users.cell(6, family)
    keyboard.type("Wrong")
    keyboard.press(Key.Key_Escape)
    assert users.cell(6, family) == old
    assert current(view) == (6, family)
    keyboard.press(Key.Key_F2)
    keyboard.type("-Smith")  # the caret is after the last character
    keyboard.press(Key.Key_Return)
    assert users.cell(6, family) == old + "-Smith"


def test_alt_down_opens_the_list_and_one_enter_picks(district_window, keyboard):
    view, users, role = at(district_window, "users.csv", 3, "role")
    keyboard.press(Key.Key_Down, Mod.AltModifier)
    editor = view.findChild(ChoiceEditor)
    assert editor is not None
    assert editor.view().isVisible()
    # The list is at least as wide as the cell and shows many values at once.
    assert editor.view().width() >= view.columnWidth(role)
    assert editor.maxVisibleItems() >= 10
    assert editor.view().sizeHintForRow(0) >= editor.fontMetrics().height() + 8  # not cramped
    first = editor.itemText(0)
    keyboard.press(Key.Key_Home)
    keyboard.press(Key.Key_Return)
    assert users.cell(3, role) == first
    assert view.state() != view.State.EditingState  # no second Enter needed
    assert current(view) == (3, role)


@pytest.mark.parametrize("column", ["enabledUser", "role"])
def test_a_dropdown_covers_its_cell_and_its_list_is_as_wide_as_cell_and_values(
        district_window, keyboard, column):
    view, _users, _col = at(district_window, "users.csv", 3, column)
    cell = view.visualRect(view.currentIndex())
    keyboard.press(Key.Key_Down, Mod.AltModifier)
    editor = view.findChild(ChoiceEditor)
    assert editor is not None
    assert editor.view().isVisible()
    # On X11 a combo box later shrinks itself to its own size hint ("true" is narrow); the
    # old value then peeked out beside a dropdown narrower than its cell.
    editor.adjustSize()
    assert editor.width() >= cell.width()
    assert editor.height() >= cell.height()
    longest = max(editor.view().sizeHintForColumn(0), cell.width())
    assert editor.view().width() >= longest
    assert editor.view().height() >= editor.count() * editor.view().sizeHintForRow(0)  # all shown


def test_alt_down_opens_the_calendar_on_the_locale_first_day(district_window, keyboard):
    view, enrollments, begin = at(district_window, "enrollments.csv", 0, "beginDate")
    day = QDate.fromString(enrollments.cell(0, begin), "yyyy-MM-dd")
    keyboard.press(Key.Key_Down, Mod.AltModifier)
    calendar = QApplication.activePopupWidget()
    assert isinstance(calendar, QCalendarWidget)
    assert calendar.firstDayOfWeek() == QLocale.system().firstDayOfWeek()
    keyboard.press(Key.Key_Right)
    keyboard.press(Key.Key_Return)
    assert enrollments.cell(0, begin) == day.addDays(1).toString("yyyy-MM-dd")
    assert QApplication.activePopupWidget() is None
    assert current(view) == (0, begin)


def test_typing_in_the_frozen_first_column_edits_it_where_it_can_be_seen(district_window, keyboard):
    district_window.editing.cells.ask_rename = lambda *_: False  # only this cell, no question
    view, orgs, _ = at(district_window, "orgs.csv", 1, 0)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    keyboard.type("org-new")
    editor = QApplication.focusWidget()
    assert view.frozen_view.isAncestorOf(editor)  # not hidden under the overlay
    keyboard.press(Key.Key_Return)
    assert orgs.cell(1, 0) == "org-new"
    assert QApplication.focusWidget() is view
    assert current(view) == (2, 0)


def test_the_calendar_opens_on_a_spreadsheet_style_date(district_window, keyboard):
    _, enrollments, begin = at(district_window, "enrollments.csv", 1, "beginDate")
    enrollments.set_cell(1, begin, "8/26/2024")  # as Excel writes it
    keyboard.press(Key.Key_Down, Mod.AltModifier)
    calendar = QApplication.activePopupWidget()
    assert isinstance(calendar, QCalendarWidget)
    assert calendar.selectedDate() == QDate(2024, 8, 26)
    keyboard.press(Key.Key_Return)  # picking the day writes it the OneRoster way
    assert enrollments.cell(1, begin) == "2024-08-26"
