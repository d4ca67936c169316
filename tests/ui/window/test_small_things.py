"""Small things a coordinator notices: paste selects what it pasted, the status bar never draws
one part over another, and counts of one are singular."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.sample_district import generate_district
from rostereditor.core.table import Table

Key = Qt.Key
Mod = Qt.KeyboardModifier


def test_paste_selects_the_block_it_pasted(window, qtbot, keyboard):
    window.set_bundle(generate_district(students=30, seed=6).bundle)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    users = window.bundle.table("users.csv")
    col = users.column_index("givenName")
    window.go_to_cell("users.csv", 2, col)
    view = window.current_view()
    view.setFocus()
    QGuiApplication.clipboard().setText("Ann\tLee\r\nBo\tKim\r\nCy\tNg\r\n")
    keyboard.press(Key.Key_V, Mod.ControlModifier)
    assert [users.cell(r, col) for r in (2, 3, 4)] == ["Ann", "Bo", "Cy"]
    picked = {(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()}
    assert picked == {(r, c) for r in (2, 3, 4) for c in (col, col + 1)}
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, col)
    keyboard.press(Key.Key_Delete)  # the pasted block is what the next key acts on
    assert [users.cell(r, col + 1) for r in (2, 3, 4)] == ["", "", ""]


def test_a_long_column_description_is_shortened_not_drawn_under_the_line(window, qtbot, damaged_zip):
    window.open_bundle(damaged_zip)
    window.resize(900, 600)
    table = window.bundle.table("users.csv")
    window.go_to_cell("users.csv", table.row_for_line(667), table.column_index("enabledUser"))
    QApplication.processEvents()
    status = window.status
    full = status.column_label.text()
    assert "Error" in full
    shown = status.column_label.shown_text()
    assert shown.endswith("\u2026")
    assert len(shown) < len(full)
    assert status.column_label.toolTip() == full  # the whole text on hover
    line = status.selection_label
    assert line.text().startswith("Line 667")
    right = status.column_label.mapTo(window, status.column_label.rect().topRight()).x()
    assert right < line.mapTo(window, line.rect().topLeft()).x()


def test_counts_of_one_are_singular(window, qtbot):
    table = Table.from_rows(["sourcedId", "name", "type"], [["org-1", "Lincoln", "school"]])
    window.set_bundle(Bundle(files={"orgs.csv": BundleFile("orgs.csv", "orgs.csv", table)}))
    window.go_to_cell("orgs.csv", 0, 0)
    assert window.status.rows_label.text() == "1 row"
    dialog = window.navigation
    window.show_find_id()
    finder = dialog.find_id_dialog
    qtbot.addWidget(finder)
    finder.query.setText("org-1")
    finder.search()
    assert finder.summary.text().startswith("Found in 1 cell.")


def test_a_collapsed_problems_panel_opens_its_list_on_request(window, qtbot, damaged_zip):
    window.open_bundle(damaged_zip)
    window.flush_pending_updates()
    panel = window.findings_panel
    panel.set_compact(True)
    assert panel.is_collapsed()
    assert not panel.view.isVisible()
    assert panel.counts_label.text().startswith("14 errors") or "error" in panel.counts_label.text()
    panel.list_button.click()
    assert panel.view.isVisible()
    assert panel.list_button.text() == "Hide the list"
