"""Defects seen driving the real window under Xvfb with real key presses, each pinned here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def damaged_window(window, qtbot, damaged_zip):
    window.open_bundle(damaged_zip)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    window.flush_pending_updates()
    return window


def test_the_status_bar_stops_naming_a_problem_once_the_cell_is_fixed(damaged_window, qtbot,
                                                                     keyboard):
    """Ctrl+. then Enter fixed the cell, but the status bar kept saying what was wrong with it."""
    finding = next(f for f in damaged_window.all_findings()
                   if f.fix is not None and f.row_id is not None)
    table = damaged_window.bundle.table(finding.file)
    row = table.row_of_id(finding.row_id)
    damaged_window.go_to_cell(finding.file, row, finding.column_index)
    view = damaged_window.current_view()
    view.setFocus()
    label = damaged_window.status.column_label
    assert finding.message in label.text()  # the selected cell's problem, said in words
    keyboard.press(Key.Key_Period, Mod.ControlModifier)
    assert isinstance(QApplication.activePopupWidget(), QMenu)
    keyboard.press(Key.Key_Return)
    assert table.cell(row, finding.column_index) == finding.fix
    qtbot.waitUntil(lambda: not damaged_window.is_checking(), timeout=20_000)
    damaged_window.flush_pending_updates()
    assert finding.message not in label.text()


@pytest.mark.parametrize("case", [
    (1, "1 line matching nothing is listed"),
    (2, "2 lines matching nothing are listed"),
])
def test_the_vendor_report_status_counts_unmatched_lines_in_plain_english(
        window, qtbot, tmp_path, monkeypatch, case):
    """It said "1 line matching nothing are listed in the Vendor Report panel"."""
    unknown, said = case
    from PySide6.QtWidgets import QFileDialog

    from rostereditor.core.sample_district import generate_district
    from rostereditor.ui.vendor_report.vendor_report_actions import VendorReportActionId

    window.set_bundle(generate_district(students=20, seed=3).bundle)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    users = window.bundle.table("users.csv")
    known = users.cell(1, users.column_index("sourcedId"))
    report = tmp_path / "errors.csv"
    report.write_text("Entity,SourcedId,Field,Error Message\n"
                      f"Student,{known},email,Email domain is not allowed\n"
                      + "".join(f"Student,u-99{n},,Unknown student\n" for n in range(unknown)),
                      encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(report), ""))
    window.action(VendorReportActionId.OPEN).trigger()
    message = window.statusBar().currentMessage()
    assert said in message
    assert "1 problem shown on its record" in message


def test_the_recovery_question_gives_a_time_anyone_can_read(window, qtbot, tmp_path):
    """Under the C locale (LANG=C.UTF-8, common on Linux) it said "the last one at 4 12 2026
    17:05": day and month as bare numbers, in an order nobody uses."""
    import re

    from PySide6.QtCore import QLocale

    from rostereditor.core.bundle_reader import read_bundle
    from rostereditor.core.bundle_writer import write_bundle_zip
    from rostereditor.core.recovery import EditJournal
    from rostereditor.core.sample_district import generate_district
    from rostereditor.core.session import EditSession
    from rostereditor.ui.recovery.recovery_prompt import RecoveryPrompt
    from rostereditor.ui.recovery.window_recovery import WindowRecovery

    source = tmp_path / "district.zip"
    write_bundle_zip(generate_district(students=20, seed=5).bundle, source, keep_backup=False)
    folder = tmp_path / "recovery"
    session = EditSession()
    journal = EditJournal(session, folder)
    session.open(read_bundle(source))
    session.edit_cell("users.csv", 0, 0, "changed")
    journal._file.close(delete=False)  # the app was killed

    seen: list[str] = []

    def not_now() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryPrompt):
            QTimer.singleShot(20, not_now)
            return
        seen.append(dialog.message.text())
        dialog.reject()

    before = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        QTimer.singleShot(0, not_now)
        WindowRecovery(window, folder).offer_left_journals()
    finally:
        QLocale.setDefault(before)
    assert seen
    assert not re.search(r"\b\d{1,2} \d{1,2} \d{4}\b", seen[0])
    assert "(the last one today at " in seen[0]


def test_save_fix_recipe_takes_the_title_typed_when_it_opens(damaged_window, keyboard,
                                                              monkeypatch, tmp_path):
    """The dialog opened with the keyboard in its list of steps: a title typed straight away
    went nowhere and the recipe was saved with title = ""."""
    from PySide6.QtWidgets import QFileDialog

    from rostereditor.core.recipes import load_recipe
    from rostereditor.ui.recipes.recipe_actions import RecipeActionId

    found = next(f for f in damaged_window.all_findings()
                 if f.fix is not None and f.row_id is not None)
    damaged_window.editing.quick_fixes.fix_cell(found.file, found)
    path = tmp_path / "nightly.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    keyboard.answer_next_dialog("Nightly Campus export")
    damaged_window.action(RecipeActionId.SAVE).trigger()
    assert load_recipe(path).title == "Nightly Campus export"


def mnemonic(text: str) -> str | None:
    import re

    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("menu_name", ["file", "view"])
def test_every_item_of_the_file_and_view_menus_has_a_letter_of_its_own(window, menu_name):
    """Alt+F, F went to Open Folder or Export Findings by turns (and Alt+V, P, H, F, V likewise):
    with two items on one letter, the letter only moves between them."""
    items = [a.text() for a in window.menu(menu_name).actions() if not a.isSeparator()]
    letters = [mnemonic(t) for t in items]
    assert None not in letters, [t for t in items if mnemonic(t) is None]
    clashes = {x: [t for t in items if mnemonic(t) == x] for x in letters if letters.count(x) > 1}
    assert not clashes


def test_a_new_session_starts_with_the_problems_list_in_front(window, qtbot):
    """The last session ended on the Vendor Report tab; the next one opened a district with
    that empty tab in front, hiding the problems list and its "Checking the bundle…"."""
    from rostereditor.ui import MainWindow
    from rostereditor.ui.vendor_report.vendor_report_actions import VendorReportActionId

    window.action(VendorReportActionId.SHOW_PANEL).trigger()
    qtbot.waitUntil(lambda: window.findings_panel.visibleRegion().isEmpty())
    window.close()  # keeps the layout for next time

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.vendor_reports.panel.isVisible()  # the layout is kept...
    qtbot.waitUntil(lambda: not again.findings_panel.visibleRegion().isEmpty())
    assert again.vendor_reports.panel.visibleRegion().isEmpty()  # ...with the problems in front


@pytest.mark.parametrize("case", [(1, "Export the 1 problem in the list."),
                                  (1204, "Export the 1,204 problems in the list.")])
def test_export_findings_counts_the_problems_in_plain_english(window, case):
    from rostereditor.ui.files.findings_export_dialog import FindingsExportDialog

    count, said = case
    dialog = FindingsExportDialog(window, count)
    assert said in dialog.intro.text()


def test_insert_column_says_where_the_column_goes_and_shows_its_whole_title(damaged_window,
                                                                          qtbot):
    """The question was "Name of the new column:" in a box so narrow its title read
    "Insert ...Editor"; nothing said where the column would go."""
    from PySide6.QtWidgets import QInputDialog

    from rostereditor.ui.editing.action_ids import EditActionId

    users = damaged_window.bundle.table("users.csv")
    damaged_window.go_to_cell("users.csv", 3, users.column_index("enabledUser"))
    damaged_window.current_view().setFocus()
    seen: list[tuple[str, int, int]] = []

    def look_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, look_then_cancel)
            return
        title = dialog.windowTitle()
        seen.append((dialog.labelText(), dialog.width(), dialog.fontMetrics().horizontalAdvance(
            f"{title} \u2014 RosterEditor")))
        dialog.reject()

    QTimer.singleShot(0, look_then_cancel)
    damaged_window.editing.actions.actions[EditActionId.INSERT_COLUMN_LEFT].trigger()
    label, width, title_width = seen[0]
    assert "users.csv" in label
    assert "before enabledUser" in label
    assert width >= title_width + 120  # room for the title bar's buttons


def test_leaving_only_rows_with_problems_keeps_the_frozen_column_beside_its_rows(damaged_window,
                                                                                keyboard):
    """F8 to line 231, Ctrl+E on and off: the grid showed line 231 again, but the frozen
    sourcedId column beside it was back at the top (line 218 read "adm-0001"): an edit there
    would be made to someone else's record by the look of it."""
    users = damaged_window.bundle.table("users.csv")
    damaged_window.go_to_cell("users.csv", 229, users.column_index("grades"))
    view = damaged_window.current_view()
    view.setFocus()
    row = view.currentIndex().row()
    keyboard.press(Key.Key_E, Mod.ControlModifier)
    assert view.model().rowCount() < len(users)
    keyboard.press(Key.Key_E, Mod.ControlModifier)
    assert view.model().rowCount() == len(users)
    row = view.currentIndex().row()
    assert view.verticalScrollBar().value() > 0  # still showing that record, far down
    frozen = view.frozen_view
    assert frozen.verticalScrollBar().value() == view.verticalScrollBar().value()
    assert frozen.rowViewportPosition(row) == view.rowViewportPosition(row)


def test_undo_and_redo_show_the_cell_they_change(damaged_window, keyboard):
    """Ctrl+Z far from the edit undid it out of sight: the grid stayed at the top and only the
    problem count said something had changed (Excel selects what it undoes)."""
    users = damaged_window.bundle.table("users.csv")
    col = users.column_index("grades")
    damaged_window.go_to_cell("users.csv", 229, col)
    view = damaged_window.current_view()
    view.setFocus()
    keyboard.type("04")
    keyboard.press(Key.Key_Return)
    assert users.cell(229, col) == "04"

    def shows_the_edited_cell() -> bool:
        """That cell is current, in sight, and the only one selected (Ctrl, still down from
        Ctrl+Z, must not add it to what was selected before)."""
        index = view.currentIndex()
        return (view.model().source_row(index.row()), index.column()) == (229, col) and \
            view.viewport().rect().intersects(view.visualRect(index)) and \
            view.selectionModel().selectedIndexes() == [index]

    keyboard.press(Key.Key_Home, Mod.ControlModifier)
    assert not shows_the_edited_cell()
    keyboard.press(Key.Key_Z, Mod.ControlModifier)
    assert users.cell(229, col) == "4"
    assert shows_the_edited_cell()
    keyboard.press(Key.Key_Home, Mod.ControlModifier)
    keyboard.press(Key.Key_Y, Mod.ControlModifier)
    assert users.cell(229, col) == "04"
    assert shows_the_edited_cell()


def test_go_to_line_starts_at_the_current_cells_line(damaged_window, keyboard):
    """Ctrl+G always offered line 2: a coordinator checking "line 45" from where they stood
    had to retype the whole number."""
    from PySide6.QtWidgets import QInputDialog

    users = damaged_window.bundle.table("users.csv")
    col = users.column_index("givenName")
    damaged_window.go_to_cell("users.csv", 40, col)
    view = damaged_window.current_view()
    view.setFocus()
    offered: list[int] = []

    def read_then_enter() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if not (isinstance(dialog, QInputDialog) and focus is not None
                and dialog.isAncestorOf(focus)):
            QTimer.singleShot(20, read_then_enter)
            return
        offered.append(dialog.intValue())
        keyboard.press(Key.Key_Return)

    QTimer.singleShot(0, read_then_enter)
    keyboard.press(Key.Key_G, Mod.ControlModifier)
    assert offered == [users.source_line(40)]
    assert offered[0] != 2
    index = view.currentIndex()
    assert view.model().source_row(index.row()) == 40  # Enter keeps the cell where it was


def test_the_opening_banner_forgets_a_nameless_column_once_it_is_deleted(damaged_window,
                                                                        keyboard, qtbot):
    """ "While opening: courses.csv line 1: Column 11 has no name" stayed above the grid after
    that column was deleted and the bundle saved."""
    banner = damaged_window.banner
    assert banner.isVisible()
    assert "has no name" in banner.label.text()
    panel = damaged_window.findings_panel
    header = next(f for f in panel.shown_findings() if f.rule == "excel.trailing-empty-columns")
    panel.view.setFocus()
    panel.select_finding(header)
    keyboard.press(Key.Key_F10, Mod.ShiftModifier)
    keyboard.press(Key.Key_Return)  # Fix header: Delete the 1 empty trailing column
    assert "" not in damaged_window.bundle.table("courses.csv").header
    qtbot.waitUntil(lambda: not damaged_window.is_checking(), timeout=20_000)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)
    assert damaged_window.save_bundle()
    assert not banner.isVisible()


def test_panels_side_by_side_never_push_the_window_past_the_screen(damaged_window, qtbot):
    """A saved layout with the Changes panel beside the problems list, then View > Summary
    beside them too: Qt grew the window past the screen's right edge to make room."""
    from PySide6.QtWidgets import QDockWidget

    from rostereditor.ui.window.window_fit import fit_first_window

    window = damaged_window
    fit_first_window(window)
    docks = {dock.objectName(): dock for dock in window.findChildren(QDockWidget)}
    bottom, across = Qt.DockWidgetArea.BottomDockWidgetArea, Qt.Orientation.Horizontal
    for name in ("summaryPanel", "changesPanel"):
        window.removeDockWidget(docks[name])
        window.addDockWidget(bottom, docks[name], across)
        docks[name].show()
    docks["summaryPanel"].hide()
    saved = window.saveState()
    window.restoreState(saved)
    window.actions_by_id["view.show_summary"].trigger()
    area = window.screen().availableGeometry()
    qtbot.waitUntil(docks["summaryPanel"].isVisible)
    qtbot.wait(50)  # the layout settles in the event loop
    frame = window.frameGeometry()
    assert frame.width() <= area.width()
    assert frame.height() <= area.height()
    assert area.contains(frame.topLeft())
    assert docks["findingsPanel"].isVisible() or docks["summaryPanel"].isVisible()
