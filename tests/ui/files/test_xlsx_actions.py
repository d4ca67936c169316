"""File > Import from Excel, Export to Excel and Export Findings in the window, run in workers."""

from __future__ import annotations

import threading
import zipfile

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QProgressDialog, QPushButton

from rostereditor.core.xlsx import workbook_writer
from rostereditor.ui.files.findings_export_dialog import FindingsExportDialog
from rostereditor.ui.files.xlsx_actions import XlsxActionId


def _menu_texts(window):
    return [a.text() for a in window.menu("file").actions()]


def test_file_menu_has_the_excel_entries_before_quit(window):
    texts = _menu_texts(window)
    for label in ("Import from E&xcel…", "&Export to Excel…", "Export F&indings…"):
        assert label in texts
    assert texts.index("Export F&indings…") < texts.index("&Quit")
    assert not window.action(XlsxActionId.EXPORT).isEnabled()  # nothing to export yet


def test_export_then_import_round_trip_through_the_menu(window, damaged_zip, tmp_path, monkeypatch,
                                                        qtbot):
    assert window.open_bundle(damaged_zip, background=False)
    book = tmp_path / "district.xlsx"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("All files in the bundle", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(book), ""))
    window.action(XlsxActionId.EXPORT).trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported"), timeout=20000)
    assert book.exists()
    users_before = window.bundle.table("users.csv").column_values(0)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(book), ""))
    window.undo_stack.setClean()
    window.action(XlsxActionId.IMPORT).trigger()
    qtbot.waitUntil(lambda: window.bundle.source is None, timeout=20000)
    assert window.bundle.table("users.csv").column_values(0) == users_before
    assert window.bundle.source is None  # Save asks where: the workbook is never overwritten


def test_importing_an_unnamed_sheet_asks_which_file_it_is(window, tmp_path, monkeypatch, qtbot):
    book = Workbook()
    book.active.title = "Export"
    book.active.append(["sourcedId", "givenName"])
    book.active.append(["007", "Ana"])
    book.save(tmp_path / "sis.xlsx")
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return "users.csv", True

    monkeypatch.setattr(QInputDialog, "getItem", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "sis.xlsx"), ""))
    window.action(XlsxActionId.IMPORT).trigger()
    qtbot.waitUntil(lambda: window.bundle is not None, timeout=20000)
    assert "Export" in asked[0]
    assert window.bundle.table("users.csv").row_values(0) == ["007", "Ana"]


def test_export_findings_to_xlsx_and_csv(window, damaged_zip, tmp_path, monkeypatch, qtbot):
    # Who the report is for: the dialog's default, with values.
    monkeypatch.setattr(FindingsExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert window.open_bundle(damaged_zip, background=False)
    qtbot.waitUntil(lambda: window.validation_result is not None, timeout=20000)
    window.flush_pending_updates()
    expected = len(window.all_findings())
    assert expected > 0
    for name in ("report.xlsx", "report.csv"):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        window.action(XlsxActionId.EXPORT_FINDINGS).trigger()
        qtbot.waitUntil(lambda t=target: window.statusBar().currentMessage().endswith(f"to {t.name}."),
                        timeout=20000)
        assert target.exists()
    book = load_workbook(tmp_path / "report.xlsx", read_only=True)
    rows = list(book["Findings"].values)
    book.close()  # read-only workbooks keep the file open until closed
    assert len(rows) == expected + 1
    csv_lines = (tmp_path / "report.csv").read_bytes().count(b"\r\n")
    assert csv_lines >= expected + 1
    assert zipfile.is_zipfile(tmp_path / "report.xlsx")
    assert not list(tmp_path.glob(".*"))  # no temporary files left beside the reports


def _gate_the_export(monkeypatch) -> threading.Event:
    """Hold the real export until the test opens the gate (never forever, if the test broke)."""
    gate = threading.Event()
    real = workbook_writer.write_bundle_xlsx

    def held(*args, **kwargs):
        gate.wait(timeout=20)
        return real(*args, **kwargs)

    monkeypatch.setattr(workbook_writer, "write_bundle_xlsx", held)
    return gate


def test_export_runs_in_the_background_and_reports_when_done(window, damaged_zip, tmp_path,
                                                             monkeypatch, qtbot):
    assert window.open_bundle(damaged_zip, background=False)
    gate = _gate_the_export(monkeypatch)
    book = tmp_path / "later.xlsx"
    job = window.xlsx.export_to_excel(book)
    # The action has returned while the export is still held: the window is free meanwhile.
    assert job is not None
    assert not book.exists()
    dialog = window.findChild(QProgressDialog)
    assert dialog.labelText() == "Writing later.xlsx\u2026"
    finished = []
    job.succeeded.connect(finished.append)
    gate.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    assert finished[0][0] == book
    assert zipfile.is_zipfile(book)
    assert window.statusBar().currentMessage().startswith("Exported to later.xlsx.")


def test_cancelled_export_leaves_no_file(window, damaged_zip, tmp_path, monkeypatch, message_boxes):
    assert window.open_bundle(damaged_zip, background=False)
    gate = _gate_the_export(monkeypatch)
    book = tmp_path / "never.xlsx"
    window.xlsx.export_to_excel(book)
    window.findChild(QProgressDialog).findChild(QPushButton).click()
    gate.set()
    QThreadPool.globalInstance().waitForDone()
    QTest.qWait(50)  # any late answer from the worker must be ignored
    assert not book.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in {".xlsx", ".tmp"}] == []
    assert message_boxes == []
    assert window.statusBar().currentMessage() == "Export cancelled; never.xlsx was not written."


def test_import_gives_back_files_whose_sheets_were_renamed_for_excel(window, tmp_path, monkeypatch,
                                                                      qtbot):
    # Excel refuses these as sheet names; the export records which file each renamed sheet holds.
    from rostereditor.core.bundle import Bundle, BundleFile
    from rostereditor.core.table import Table

    names = ["History.csv", "[term]:2026*.csv", "users.csv"]
    files = {name: BundleFile(name, name, Table.from_rows(["sourcedId", "note"], [[f"0{i}", name]]))
             for i, name in enumerate(names)}
    book = tmp_path / "renamed.xlsx"
    workbook_writer.write_bundle_xlsx(Bundle(files=files), book)
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: asked.append(a) or ("", False))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(book), ""))
    window.action(XlsxActionId.IMPORT).trigger()
    qtbot.waitUntil(lambda: window.bundle is not None, timeout=20000)
    assert not asked  # nothing to ask: the workbook says which file each sheet is
    assert sorted(window.bundle.files) == sorted(names)
    for i, name in enumerate(names):
        assert window.bundle.table(name).row_values(0) == [f"0{i}", name]
