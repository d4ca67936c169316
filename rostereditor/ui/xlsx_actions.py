"""File menu entries for Excel: import a workbook, export the bundle, export the findings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.oneroster_files import ALL_DATA_FILES
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.xlsx.findings_report import write_findings_csv, write_findings_xlsx
from rostereditor.core.xlsx.workbook_layout import HELPER_SHEETS, file_name_for
from rostereditor.core.xlsx.workbook_reader import list_sheets, read_workbook
from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx
from rostereditor.ui.action_ids import ActionId

log = logging.getLogger(__name__)


class XlsxActionId:
    IMPORT = "file.import_xlsx"
    EXPORT = "file.export_xlsx"
    EXPORT_FINDINGS = "file.export_findings"


ALL_FILES_CHOICE = "All files in the bundle"


@dataclass
class _FindingsSnapshot:
    """What the report writers need: the findings as the window lists them."""

    findings: list[Any] = field(default_factory=list)


def install_xlsx_actions(window: Any) -> None:
    """Add the three Excel entries to the window's File menu, before Quit."""
    menu = window.menu("file")
    entries: list[tuple[str, str, Callable[[], None], str]] = [
        (XlsxActionId.IMPORT, "Import from E&xcel…", lambda: import_from_excel(window),
         "Open an Excel workbook as a bundle; cells Excel changed are listed as problems"),
        (XlsxActionId.EXPORT, "&Export to Excel…", lambda: export_to_excel(window),
         "Save the bundle as a workbook whose cells Excel cannot change"),
        (XlsxActionId.EXPORT_FINDINGS, "Export &Findings…", lambda: export_findings(window),
         "Save the list of problems as an Excel workbook or CSV file, to send to someone"),
    ]
    # Next to Open and Save, before Quit, in a group of their own.
    before = window.actions_by_id.get(ActionId.QUIT)
    if before is not None and before in menu.actions():
        menu.insertSeparator(before)
    else:
        before = None
        menu.addSeparator()
    for action_id, text, slot, tip in entries:
        action = QAction(text, window)
        action.setObjectName(action_id)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
        window.actions_by_id[action_id] = action
    if before is not None:
        menu.insertSeparator(before)
    menu.aboutToShow.connect(lambda: _update_enabled(window))
    if hasattr(window, "bundle_opened"):
        window.bundle_opened.connect(lambda: _update_enabled(window))
    _update_enabled(window)


def _update_enabled(window: Any) -> None:
    has_bundle = window.bundle is not None
    window.actions_by_id[XlsxActionId.EXPORT].setEnabled(has_bundle)
    window.actions_by_id[XlsxActionId.EXPORT_FINDINGS].setEnabled(has_bundle)


def import_from_excel(window: Any, path: str | Path | None = None) -> bool:
    """Ask for a workbook (unless given) and show it as the bundle. True if it was opened."""
    if not window.confirm_discard("importing a workbook"):
        return False
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(window, "Import from Excel", "",
                                                "Excel workbooks (*.xlsx);;All files (*)")
        if not chosen:
            return False
        path = chosen
    path = Path(path)
    try:
        with _busy():
            bundle = read_workbook(path)
    except BundleReadError as exc:
        sheet_map = _ask_sheet_map(window, path, str(exc))
        if sheet_map is None:
            return False
        try:
            with _busy():
                bundle = read_workbook(path, sheet_map)
        except BundleReadError as again:
            QMessageBox.warning(window, "Cannot import workbook", str(again))
            return False
    except Exception as exc:  # never a traceback for a bad input file
        log.exception("importing %s failed", path)
        QMessageBox.warning(window, "Cannot import workbook", f"The workbook could not be read: {exc}")
        return False
    window.set_bundle(bundle)
    return True


def _ask_sheet_map(window: Any, path: Path, problem: str) -> dict[str, str] | None:
    """When no sheet is named after a file, let the user say which sheet is which file."""
    try:
        sheets = [s for s in list_sheets(path) if s not in HELPER_SHEETS]
    except BundleReadError:
        sheets = []
    if not sheets or any(file_name_for(s) for s in sheets):
        QMessageBox.warning(window, "Cannot import workbook", problem)
        return None
    sheet = sheets[0]
    if len(sheets) > 1:
        sheet, ok = QInputDialog.getItem(window, "Import from Excel",
                                         "No sheet is named after a OneRoster file. "
                                         "Which sheet do you want to import?", sheets, 0, False)
        if not ok:
            return None
    file_name, ok = QInputDialog.getItem(
        window, "Import from Excel",
        f"Which OneRoster file does the sheet “{sheet}” hold?", list(ALL_DATA_FILES),
        list(ALL_DATA_FILES).index("users.csv"), False)
    if not ok:
        return None
    return {sheet: file_name}


def export_to_excel(window: Any, path: str | Path | None = None,
                    files: list[str] | None = None) -> Path | None:
    """Export all files (or the chosen one) to a workbook. Returns where it went."""
    bundle = window.bundle
    if bundle is None:
        return None
    if path is None:
        current = window.current_file_name()
        if current is not None and len(bundle.data_file_names) > 1:
            choice, ok = QInputDialog.getItem(window, "Export to Excel", "What do you want to export?",
                                              [ALL_FILES_CHOICE, f"Only {current}"], 0, False)
            if not ok:
                return None
            files = None if choice == ALL_FILES_CHOICE else [current]
        suggested = _suggested_path(bundle, files, ".xlsx")
        chosen, _ = QFileDialog.getSaveFileName(window, "Export to Excel", str(suggested),
                                                "Excel workbook (*.xlsx)")
        if not chosen:
            return None
        path = chosen
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    try:
        with _busy():
            notices = write_bundle_xlsx(bundle, target, files=files,
                                        version=window.selected_version())
    except SaveError as exc:
        QMessageBox.warning(window, "Cannot export to Excel", str(exc))
        return None
    message = f"Exported to {target.name}. Every cell is stored as text, so Excel keeps values as they are."
    if notices:
        message += (f" {len(notices)} value(s) hold invisible control characters; they are kept, "
                    "but vendors usually reject them.")
    window.statusBar().showMessage(message, 10000)
    return target


def export_findings(window: Any, path: str | Path | None = None) -> Path | None:
    """Save the problem list as .xlsx (colour-coded) or .csv, chosen by the file name."""
    if window.bundle is None:
        return None
    if hasattr(window, "flush_pending_updates"):
        window.flush_pending_updates()
    if path is None:
        suggested = _suggested_path(window.bundle, None, "-problems.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(
            window, "Export findings", str(suggested),
            "Excel workbook (*.xlsx);;CSV file (*.csv)")
        if not chosen:
            return None
        path = chosen
    target = Path(path)
    snapshot = _FindingsSnapshot(list(window.all_findings()))
    try:
        with _busy():
            if target.suffix.lower() == ".csv":
                write_findings_csv(snapshot, target)
            else:
                if target.suffix.lower() != ".xlsx":
                    target = target.with_name(target.name + ".xlsx")
                vendor = window.profile_combo.currentText() if hasattr(window, "profile_combo") else None
                write_findings_xlsx(snapshot, target, vendor=vendor,
                                    oneroster=window.selected_version())
    except SaveError as exc:
        QMessageBox.warning(window, "Cannot export findings", str(exc))
        return None
    window.statusBar().showMessage(
        f"Saved {len(snapshot.findings)} finding(s) to {target.name}.", 10000)
    return target


def _suggested_path(bundle: Any, files: list[str] | None, suffix: str) -> Path:
    folder = bundle.source.parent if bundle.source is not None else Path.home()
    stem = bundle.source.stem if bundle.source is not None else "roster"
    if files:
        stem += "-" + files[0].removesuffix(".csv")
    return folder / (stem + suffix)


class _busy:  # noqa: N801 - used as `with _busy():`, reads like a phrase
    """Wait cursor while a workbook is read or written."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
