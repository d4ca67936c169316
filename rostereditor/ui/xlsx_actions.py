"""File menu entries for Excel: import a workbook, export the bundle, export the findings (in workers)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.oneroster_files import ALL_DATA_FILES
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.xlsx.findings_report import write_findings_csv, write_findings_xlsx
from rostereditor.core.xlsx.workbook_layout import HELPER_SHEETS, file_name_for
from rostereditor.core.xlsx.workbook_reader import list_sheets, read_workbook
from rostereditor.core.xlsx.workbook_writer import ExportCancelled, Progress, write_bundle_xlsx
from rostereditor.ui.action_ids import ActionId
from rostereditor.ui.background_job import BackgroundJob


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


def import_from_excel(window: Any, path: str | Path | None = None,
                      sheet_map: dict[str, str] | None = None) -> BackgroundJob | None:
    """Ask for a workbook (unless given) and read it in a worker; the bundle shows when read.

    Returns the running job (None if nothing was started); window.bundle changes when it succeeds.
    """
    if sheet_map is None:
        if not window.confirm_discard("importing a workbook"):
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(window, "Import from Excel", "",
                                                    "Excel workbooks (*.xlsx);;All files (*)")
            if not chosen:
                return None
            path = chosen
    source = Path(path)  # type: ignore[arg-type]
    job = BackgroundJob(window, "Importing from Excel", f"Reading {source.name}\u2026",
                        lambda progress: read_workbook(source, sheet_map, progress=progress))
    job.succeeded.connect(window.set_bundle)
    job.failed.connect(lambda error: _import_failed(window, source, sheet_map, error))
    job.cancelled.connect(lambda: window.statusBar().showMessage("Import cancelled.", 4000))
    return job.start()


def _import_failed(window: Any, path: Path, sheet_map: dict[str, str] | None,
                   error: object) -> None:
    if not isinstance(error, BundleReadError):
        QMessageBox.warning(window, "Cannot import workbook",
                            f"The workbook could not be read: {error}")
    elif sheet_map is not None:
        QMessageBox.warning(window, "Cannot import workbook", str(error))
    else:
        chosen = _ask_sheet_map(window, path, str(error))
        if chosen is not None:
            import_from_excel(window, path, chosen)


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
        f"Which OneRoster file does the sheet \u201c{sheet}\u201d hold?", list(ALL_DATA_FILES),
        list(ALL_DATA_FILES).index("users.csv"), False)
    if not ok:
        return None
    return {sheet: file_name}


def export_to_excel(window: Any, path: str | Path | None = None,
                    files: list[str] | None = None) -> BackgroundJob | None:
    """Export all files (or the chosen one) to a workbook in a worker.

    Returns the running job (None if nothing was started); it succeeds with the workbook's path.
    """
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
    target = _with_suffix(Path(path), ".xlsx")
    version = window.selected_version()

    def work(progress: Progress) -> tuple[Path, list[Any]]:
        return target, write_bundle_xlsx(bundle, target, files=files, version=version,
                                         progress=progress)

    job = BackgroundJob(window, "Exporting to Excel", f"Writing {target.name}\u2026", work)
    job.succeeded.connect(lambda result: _exported(window, *result))
    job.failed.connect(lambda error: _explain_failure(window, "Cannot export to Excel", error))
    job.cancelled.connect(lambda: window.statusBar().showMessage(
        f"Export cancelled; {target.name} was not written.", 6000))
    return job.start()


def _exported(window: Any, target: Path, notices: list[Any]) -> None:
    message = f"Exported to {target.name}. Every cell is stored as text, so Excel keeps values as they are."
    if notices:
        message += (f" {len(notices)} value(s) hold invisible control characters; they are kept, "
                    "but vendors usually reject them.")
    window.statusBar().showMessage(message, 10000)


def export_findings(window: Any, path: str | Path | None = None) -> BackgroundJob | None:
    """Save the problem list as .xlsx (colour-coded) or .csv, chosen by the file name, in a worker.

    Returns the running job (None if nothing was started); it succeeds with the report's path.
    """
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
    as_csv = target.suffix.lower() == ".csv"
    if not as_csv:
        target = _with_suffix(target, ".xlsx")
    snapshot = _FindingsSnapshot(list(window.all_findings()))  # taken now, on the GUI thread
    vendor = window.profile_combo.currentText() if hasattr(window, "profile_combo") else None
    version = window.selected_version()

    def write(temp: Path) -> None:
        if as_csv:
            write_findings_csv(snapshot, temp)
        else:
            write_findings_xlsx(snapshot, temp, vendor=vendor, oneroster=version)

    job = BackgroundJob(window, "Exporting findings", f"Writing {target.name}\u2026",
                        lambda progress: _write_unless_cancelled(write, target, progress))
    job.succeeded.connect(lambda _: window.statusBar().showMessage(
        f"Saved {len(snapshot.findings)} finding(s) to {target.name}.", 10000))
    job.failed.connect(lambda error: _explain_failure(window, "Cannot export findings", error))
    job.cancelled.connect(lambda: window.statusBar().showMessage(
        f"Export cancelled; {target.name} was not written.", 6000))
    return job.start()


def _write_unless_cancelled(write: Callable[[Path], None], target: Path,
                            progress: Progress) -> Path:
    """The report writers cannot stop midway: write beside the target, keep it only if wanted."""
    temp = target.with_name(f".{target.stem}.exporting{target.suffix}")
    try:
        write(temp)
        if progress(1.0) is False:
            raise ExportCancelled
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target


def _explain_failure(window: Any, title: str, error: object) -> None:
    if isinstance(error, SaveError):
        QMessageBox.warning(window, title, str(error))
    else:
        QMessageBox.warning(window, title, f"The file could not be written: {error}")


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _suggested_path(bundle: Any, files: list[str] | None, suffix: str) -> Path:
    folder = bundle.source.parent if bundle.source is not None else Path.home()
    stem = bundle.source.stem if bundle.source is not None else "roster"
    if files:
        stem += "-" + files[0].removesuffix(".csv")
    return folder / (stem + suffix)
