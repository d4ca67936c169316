"""Export Findings asks who the report is for; "a vendor or help desk" leaves every cell value
out, so no student data travels (issue 9)."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QFileDialog

from rostereditor.ui.files.findings_export_dialog import FindingsExportDialog
from rostereditor.ui.files.xlsx_actions import XlsxActionId


def export(window, qtbot, monkeypatch, target, *, without_values):
    def answer(dialog):
        (dialog.without_values if without_values else dialog.with_values).setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FindingsExportDialog, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.action(XlsxActionId.EXPORT_FINDINGS).trigger()
    qtbot.waitUntil(lambda: target.name in window.statusBar().currentMessage(), timeout=20_000)
    return window.statusBar().currentMessage()


def student_values(window):
    """Values the findings quote that are plainly a student's data (IDs, dates), not words a
    message also uses about the rule (TRUE/FALSE)."""
    return {f.value for f in window.all_findings()
            if f.value and len(f.value) >= 5 and any(ch.isdigit() for ch in f.value)}


def test_without_values_no_cell_value_reaches_the_report(window, qtbot, monkeypatch, tmp_path,
                                                         damaged_zip):
    assert window.open_bundle(damaged_zip, background=False)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    window.flush_pending_updates()
    values = student_values(window)
    assert values  # the damaged district quotes IDs and dates in its findings

    with_values = tmp_path / "mine.csv"
    export(window, qtbot, monkeypatch, with_values, without_values=False)
    assert any(v in with_values.read_text(encoding="utf-8-sig") for v in values)

    shared = tmp_path / "for-vendor.csv"
    message = export(window, qtbot, monkeypatch, shared, without_values=True)
    assert message.endswith("to for-vendor.csv, without values.")
    text = shared.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "file,line,column,rule,severity,message"
    assert [v for v in values if v in text] == []

    book_path = tmp_path / "for-vendor.xlsx"
    export(window, qtbot, monkeypatch, book_path, without_values=True)
    book = load_workbook(book_path, read_only=True)
    cells = [str(c) for sheet in book.worksheets for row in sheet.values for c in row if c]
    book.close()
    assert [v for v in values if any(v in c for c in cells)] == []


def test_cancelling_the_question_exports_nothing(window, monkeypatch, damaged_zip, qtbot):
    assert window.open_bundle(damaged_zip, background=False)
    monkeypatch.setattr(FindingsExportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    assert window.xlsx.export_findings() is None
    assert asked == []


def test_the_question_defaults_to_values_for_ones_own_use(window):
    dialog = FindingsExportDialog(window, 12)
    assert dialog.include_values()
    dialog.without_values.setChecked(True)
    assert not dialog.include_values()
