"""File > Open Vendor Report in the window: problems pinned to their cells, listed with ours,
asked about when unsure, remembered per vendor, done when fixed or dismissed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from rostereditor.core.sample_district import generate_district
from rostereditor.core.vendor_report import VENDOR_RULE
from rostereditor.ui.findings.severity_style import SEVERITY_BRUSH
from rostereditor.ui.vendor_report.column_mapping_dialog import ColumnMappingDialog
from rostereditor.ui.vendor_report.vendor_report_actions import VendorReportActionId
from rostereditor.ui.window.action_ids import ActionId

Role = Qt.ItemDataRole


@pytest.fixture
def district_window(window, qtbot):
    # A district without damage: every highlight in these tests is the vendor's.
    window.set_bundle(generate_district(students=40, seed=3).bundle)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    return window


def users_value(window, row, column):
    table = window.bundle.table("users.csv")
    return table.cell(row, table.column_index(column))


def open_report(window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.action(VendorReportActionId.OPEN).trigger()


def vendor_findings(window):
    window.flush_pending_updates()
    return [f for f in window.all_findings() if f.rule == VENDOR_RULE]


def hmh_report(window, tmp_path):
    """HMH's layout (entity, sourcedId, field, message, weight) about users 2 and 5."""
    path = tmp_path / "errors.csv"
    second, fifth = users_value(window, 1, "sourcedId"), users_value(window, 4, "sourcedId")
    path.write_text("Entity,SourcedId,Field,Error Message,Weight\n"
                    f"Student,{second},email,Email domain is not allowed,2\n"
                    f"Student,{fifth},,Student is not enrolled in any class,1\n"
                    "Student,u-999,,Unknown student,1\n", encoding="utf-8")
    return path


def test_file_menu_has_open_vendor_report_enabled_with_a_bundle(window, district_window):
    texts = [a.text() for a in window.menu("file").actions()]
    assert "Open &Vendor Report\u2026" in texts
    assert texts.index("Open &Vendor Report\u2026") < texts.index("&Close Bundle")
    assert window.action(VendorReportActionId.OPEN).isEnabled()
    window.session.close()
    assert not window.action(VendorReportActionId.OPEN).isEnabled()


def test_recognised_report_is_pinned_to_cells_without_asking(district_window, tmp_path,
                                                              monkeypatch):
    window = district_window
    open_report(window, monkeypatch, hmh_report(window, tmp_path))
    assert window.vendor_reports.dialog is None  # sourcedIds need no line numbering: no question
    found = vendor_findings(window)
    assert [(f.file, f.line, f.column) for f in found] == [("users.csv", 3, "email"),
                                                            ("users.csv", 6, None)]
    assert found[0].message == "Vendor: Email domain is not allowed"
    model = window.model("users.csv")
    email = model.index(model.view_row(1), model.table.column_index("email"))
    assert email.data(Role.BackgroundRole) == SEVERITY_BRUSH["error"]
    assert "Vendor: Email domain" in email.data(Role.ToolTipRole)
    assert model.headerData(model.view_row(4), Qt.Orientation.Vertical,
                            Role.ToolTipRole).endswith("Vendor: Student is not enrolled in any class")
    panel = window.vendor_reports.panel
    assert panel.isVisible()
    states = [(r.report_line, r.state) for r in panel.model.rows()]
    assert states == [(2, "open"), (3, "open"), (4, "unmatched")]
    assert "u-999" in panel.model.index(2, 5).data()
    assert "1 line matching nothing" in panel.summary.text()


def test_clicking_a_report_line_goes_to_its_cell(district_window, tmp_path, monkeypatch, qtbot):
    window = district_window
    open_report(window, monkeypatch, hmh_report(window, tmp_path))
    window.go_to_cell("orgs.csv", 0, 0)
    panel = window.vendor_reports.panel
    rect = panel.view.visualRect(panel.model.index(0, 5))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_file_name() == "users.csv"
    current = window.current_view().currentIndex()
    assert window.model("users.csv").source_row(current.row()) == 1
    assert window.model("users.csv").table.header[current.column()] == "email"


def test_fixing_the_cell_marks_the_problem_done_and_undo_brings_it_back(district_window, tmp_path,
                                                                       monkeypatch):
    window = district_window
    open_report(window, monkeypatch, hmh_report(window, tmp_path))
    model = window.model("users.csv")
    email = model.index(model.view_row(1), model.table.column_index("email"))
    assert model.setData(email, "fixed@example.org", Role.EditRole)
    assert [f.line for f in vendor_findings(window)] == [6]
    assert email.data(Role.BackgroundRole) is None
    assert next(r.state for r in window.vendor_reports.panel.model.rows()) == "fixed"
    window.action(ActionId.UNDO).trigger()
    assert [f.line for f in vendor_findings(window)] == [3, 6]
    assert email.data(Role.BackgroundRole) == SEVERITY_BRUSH["error"]


def test_dismiss_in_the_panel_and_restore(district_window, tmp_path, monkeypatch):
    window = district_window
    open_report(window, monkeypatch, hmh_report(window, tmp_path))
    panel = window.vendor_reports.panel
    panel.view.selectRow(1)
    assert panel.dismiss_button.text() == "Dismiss"
    panel.dismiss_button.click()
    assert [f.line for f in vendor_findings(window)] == [3]
    assert panel.model.rows()[1].state == "dismissed"
    assert panel.dismiss_button.text() == "Restore"
    panel.dismiss_button.click()
    assert [f.line for f in vendor_findings(window)] == [3, 6]


def test_dismiss_from_the_tools_menu_on_the_current_cell(district_window, tmp_path, monkeypatch):
    window = district_window
    open_report(window, monkeypatch, hmh_report(window, tmp_path))
    window.go_to_cell("users.csv", 1, window.bundle.table("users.csv").column_index("email"))
    window.action(VendorReportActionId.DISMISS).trigger()
    assert [f.line for f in vendor_findings(window)] == [6]
    window.go_to_cell("orgs.csv", 0, 0)
    window.action(VendorReportActionId.DISMISS).trigger()  # nothing there: says what to do
    assert "Select a vendor's problem" in window.statusBar().currentMessage()


def unlabelled_report(window, tmp_path):
    """Headers we cannot recognise, rows counted from 1 without the header (FastBridge)."""
    path = tmp_path / "upload-problems.csv"
    path.write_text("Where,Record,Problem Details,Thing\n"
                    "users.csv,3,Grade level not recognised,grades\n", encoding="utf-8")
    return path


def answer_unlabelled(dialog, qtbot):
    dialog.choose("file", "Where")
    dialog.choose("line", "Record")
    dialog.choose("message", "Problem Details")
    dialog.choose("field", "Thing")
    dialog.header_counted.setCurrentIndex(dialog.header_counted.findData(False))
    assert "line 4 of users.csv" in dialog.example.text()  # record 3 is line 4
    dialog.vendor.setCurrentText("FastBridge")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_unsure_report_asks_and_the_answer_is_remembered_for_the_vendor(district_window, tmp_path,
                                                                       monkeypatch, qtbot):
    window = district_window
    path = unlabelled_report(window, tmp_path)
    open_report(window, monkeypatch, path)
    dialog = window.vendor_reports.dialog
    assert isinstance(dialog, ColumnMappingDialog)
    assert dialog.isVisible()
    assert "error message" in dialog.questions.text()
    assert vendor_findings(window) == []  # nothing is shown before the user answers
    answer_unlabelled(dialog, qtbot)
    qtbot.waitUntil(lambda: window.vendor_reports.dialog is None)
    assert [(f.line, f.column) for f in vendor_findings(window)] == [(4, "grades")]
    assert "(FastBridge)" in window.statusBar().currentMessage()

    window.session.pin_vendor_report(None)
    open_report(window, monkeypatch, path)  # the same layout again: read as remembered
    assert window.vendor_reports.dialog is None
    assert [(f.line, f.column) for f in vendor_findings(window)] == [(4, "grades")]


def test_cancelling_the_question_shows_nothing(district_window, tmp_path, monkeypatch, qtbot):
    window = district_window
    open_report(window, monkeypatch, unlabelled_report(window, tmp_path))
    dialog = window.vendor_reports.dialog
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.vendor_reports.dialog is None)
    assert vendor_findings(window) == []
    assert window.session.vendor_report is None


def test_a_report_numbering_lines_without_sourced_ids_asks_how_it_counts(district_window, tmp_path,
                                                                         monkeypatch, qtbot):
    window = district_window
    path = tmp_path / "users-errors.csv"
    path.write_text("Row Number,Column,Error\n4,email,Email already in use\n", encoding="utf-8")
    open_report(window, monkeypatch, path)
    dialog = window.vendor_reports.dialog
    assert dialog is not None
    assert "counted" in dialog.questions.text()
    assert dialog.default_file.currentData() == "users.csv"  # from the report's own name
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert [(f.line, f.column) for f in vendor_findings(window)] == [(4, "email")]


def test_reading_again_with_other_line_numbers_moves_the_problems(district_window, tmp_path,
                                                                  monkeypatch, qtbot):
    window = district_window
    path = tmp_path / "users-errors.csv"
    path.write_text("Row Number,Column,Error\n4,email,Email already in use\n", encoding="utf-8")
    open_report(window, monkeypatch, path)
    first = window.vendor_reports.dialog
    qtbot.mouseClick(first.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    window.vendor_reports.panel.reread_button.click()
    again = window.vendor_reports.dialog
    assert again is not None
    again.first_number.setCurrentIndex(again.first_number.findData(0))  # header counted, from 0
    qtbot.mouseClick(again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert [f.line for f in vendor_findings(window)] == [5]


def test_an_unreadable_report_is_explained(district_window, tmp_path, monkeypatch, message_boxes):
    window = district_window
    broken = tmp_path / "errors.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    open_report(window, monkeypatch, broken)
    assert message_boxes[-1][0] == "warning"
    assert "not a readable .xlsx" in message_boxes[-1][1]


def test_an_xlsx_report_reads_like_a_csv_one(district_window, tmp_path, monkeypatch):
    from openpyxl import Workbook

    window = district_window
    book = Workbook()
    sheet = book.active
    sheet.append(["Entity", "SourcedId", "Field", "Error Message"])
    sheet.append(["Student", users_value(window, 1, "sourcedId"), "email", "Email not allowed"])
    path = tmp_path / "errors.xlsx"
    book.save(path)
    open_report(window, monkeypatch, path)
    assert [(f.line, f.column, f.message) for f in vendor_findings(window)] == [
        (3, "email", "Vendor: Email not allowed")]


def test_the_report_lines_model_is_well_behaved(district_window, tmp_path, monkeypatch,
                                                qtmodeltester):
    open_report(district_window, monkeypatch, hmh_report(district_window, tmp_path))
    qtmodeltester.check(district_window.vendor_reports.panel.model)
