"""File menu entries for Excel: import a workbook, export the bundle, export the findings.

Each runs as a ProgressDialogJob on the window's runner. The Excel modules (and openpyxl,
a fifth of the window's import time) load when an entry is used, not when the window starts.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.background_work import Progress
from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_origin import BundleOrigin
from rostereditor.core.errors import Cancelled
from rostereditor.core.oneroster_files import ALL_DATA_FILES
from rostereditor.core.read_notice import BundleReadError, ReadNotice
from rostereditor.core.wording import plural
from rostereditor.ui.background.progress_dialog_job import ProgressDialogJob
from rostereditor.ui.files.findings_export_dialog import FindingsExportDialog
from rostereditor.ui.window.action_ids import ActionId, MenuId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow


class XlsxActionId:
    IMPORT = "file.import_xlsx"
    EXPORT = "file.export_xlsx"
    EXPORT_FINDINGS = "file.export_findings"


ALL_FILES_CHOICE = "All files in the bundle"


class XlsxActions:
    """Adds the three Excel entries to the window's File menu, before Quit."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        menu = window.menu(MenuId.FILE)
        entries: list[tuple[str, str, Callable[[], object], str]] = [
            (XlsxActionId.IMPORT, "Import from E&xcel…", self.import_from_excel,
             "Open an Excel workbook as a bundle; cells Excel changed are listed as problems"),
            (XlsxActionId.EXPORT, "&Export to Excel…", self.export_to_excel,
             "Save the bundle as a workbook whose cells Excel cannot change"),
            (XlsxActionId.EXPORT_FINDINGS, "Export F&indings…", self.export_findings,
             "Save the list of problems as an Excel workbook or CSV file, to send to someone"),
        ]
        # Next to Open and Save, before Quit, in a group of their own.
        before = window.actions_by_id[ActionId.QUIT]
        menu.insertSeparator(before)
        for action_id, text, slot, tip in entries:
            action = QAction(text, window)
            action.setObjectName(action_id)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            menu.insertAction(before, action)
            window.actions_by_id[action_id] = action
        menu.insertSeparator(before)
        menu.aboutToShow.connect(self._update_enabled)
        window.bundle_opened.connect(self._update_enabled)
        self._update_enabled()

    def _update_enabled(self) -> None:
        has_bundle = self.window.bundle is not None
        self.window.actions_by_id[XlsxActionId.EXPORT].setEnabled(has_bundle)
        self.window.actions_by_id[XlsxActionId.EXPORT_FINDINGS].setEnabled(has_bundle)

    def _job(self, title: str, label: str, work: Callable[[Progress], object]) -> ProgressDialogJob:
        return ProgressDialogJob(self.window, title, label, work, self.window.runner)

    # -- import ------------------------------------------------------------------------------

    def import_from_excel(self, path: str | Path | None = None,
                          sheet_map: dict[str, str] | None = None) -> ProgressDialogJob | None:
        """Ask for a workbook (unless given) and read it in a worker; the bundle shows when read.

        Returns the running job (None if nothing was started).
        """
        window = self.window
        if sheet_map is None:
            if not window.confirm_discard("importing a workbook"):
                return None
            if path is None:
                chosen, _ = QFileDialog.getOpenFileName(window, "Import from Excel", "",
                                                        "Excel workbooks (*.xlsx);;All files (*)")
                if not chosen:
                    return None
                path = chosen
        assert path is not None
        source = Path(path)

        def read(progress: Progress) -> Bundle:
            from rostereditor.core.xlsx.workbook_reader import read_workbook  # noqa: PLC0415

            bundle = read_workbook(source, sheet_map, progress=progress)
            # Crash recovery reads the workbook again to put unsaved edits back (core.recovery).
            bundle.origin = BundleOrigin("xlsx", (str(source),), tuple((sheet_map or {}).items()))
            return bundle

        job = self._job("Importing from Excel", f"Reading {source.name}\u2026", read)
        job.succeeded.connect(window.set_bundle)
        job.failed.connect(lambda error: self._import_failed(source, sheet_map, error))
        job.cancelled.connect(lambda: window.show_status("Import cancelled.", 4000))
        return job.start()

    def _import_failed(self, path: Path, sheet_map: dict[str, str] | None, error: object) -> None:
        if not isinstance(error, BundleReadError):
            QMessageBox.warning(self.window, "Cannot import workbook",
                                f"The workbook could not be read: {error}")
        elif sheet_map is not None:
            QMessageBox.warning(self.window, "Cannot import workbook", str(error))
        else:
            chosen = self._ask_sheet_map(path, str(error))
            if chosen is not None:
                self.import_from_excel(path, chosen)

    def _ask_sheet_map(self, path: Path, problem: str) -> dict[str, str] | None:
        """When no sheet is named after a file, let the user say which sheet is which file."""
        from rostereditor.core.xlsx.workbook_layout import HELPER_SHEETS, file_name_for  # noqa: PLC0415
        from rostereditor.core.xlsx.workbook_reader import list_sheets  # noqa: PLC0415

        window = self.window
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

    # -- export ------------------------------------------------------------------------------

    def export_to_excel(self, path: str | Path | None = None,
                        files: list[str] | None = None) -> ProgressDialogJob | None:
        """Export all files (or the chosen one) to a workbook in a worker.

        Returns the running job (None if nothing was started); it succeeds with the workbook's path.
        """
        window = self.window
        bundle = window.bundle
        if bundle is None:
            return None
        if path is None:
            current = window.current_file_name()
            if current is not None and len(bundle.data_file_names) > 1:
                choice, ok = QInputDialog.getItem(window, "Export to Excel",
                                                  "What do you want to export?",
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
        version = window.session.version

        def work(progress: Progress) -> tuple[Path, list[ReadNotice]]:
            from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx  # noqa: PLC0415

            return target, write_bundle_xlsx(bundle, target, files=files, version=version,
                                             progress=progress)

        job = self._job("Exporting to Excel", f"Writing {target.name}\u2026", work)
        job.succeeded.connect(lambda result: self._exported(*result))
        job.failed.connect(lambda error: self._explain_failure("Cannot export to Excel", error))
        job.cancelled.connect(lambda: window.show_status(
            f"Export cancelled; {target.name} was not written.", 6000))
        return job.start()

    def _exported(self, target: Path, notices: list[ReadNotice]) -> None:
        message = (f"Exported to {target.name}. Every cell is stored as text, so Excel keeps "
                   "values as they are.")
        if notices:
            hold = "holds" if len(notices) == 1 else "hold"
            message += (f" {plural(len(notices), 'value')} {hold} invisible control characters; they are "
                        "kept, but vendors usually reject them.")
        self.window.show_status(message, 10000)

    def export_findings(self, path: str | Path | None = None, *,
                        include_values: bool | None = None) -> ProgressDialogJob | None:
        """Save the problem list as .xlsx (colour-coded) or .csv, chosen by the file name.

        include_values None asks who the report is for (FindingsExportDialog); without values
        it holds no student data. Returns the running job (None if nothing was started); it
        succeeds with the report's path.
        """
        window = self.window
        bundle = window.bundle
        if bundle is None:
            return None
        window.flush_pending_updates()
        if include_values is None:
            # The listing's length, not window.all_findings(): no Finding objects for a count.
            dialog = FindingsExportDialog(window, len(window.findings_panel.listing))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            include_values = dialog.include_values()
        if path is None:
            suggested = _suggested_path(bundle, None, "-problems.xlsx")
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
        # The list as the window shows it now: immutable, so the worker streams it out.
        snapshot = window.findings_panel.listing
        vendor = window.profile_combo.currentText()
        version = window.session.version

        def write(temp: Path) -> None:
            from rostereditor.core.xlsx.findings_report import (  # noqa: PLC0415
                write_findings_csv,
                write_findings_xlsx,
            )

            if as_csv:
                write_findings_csv(snapshot, temp, include_values=include_values)
            else:
                write_findings_xlsx(snapshot, temp, vendor=vendor, oneroster=version,
                                    include_values=include_values)

        job = self._job("Exporting findings", f"Writing {target.name}\u2026",
                        lambda progress: _write_unless_cancelled(write, target, progress))
        without = "" if include_values else ", without values"
        job.succeeded.connect(lambda _: window.show_status(
            f"Saved {plural(len(snapshot), 'finding')} to {target.name}{without}.", 10000))
        job.failed.connect(lambda error: self._explain_failure("Cannot export findings", error))
        job.cancelled.connect(lambda: window.show_status(
            f"Export cancelled; {target.name} was not written.", 6000))
        return job.start()

    def _explain_failure(self, title: str, error: object) -> None:
        if isinstance(error, SaveError):
            QMessageBox.warning(self.window, title, str(error))
        else:
            QMessageBox.warning(self.window, title, f"The file could not be written: {error}")


def _write_unless_cancelled(write: Callable[[Path], None], target: Path,
                            progress: Progress) -> Path:
    """The report writers cannot stop midway: write beside the target, keep it only if wanted."""
    temp = target.with_name(f".{target.stem}.exporting{target.suffix}")
    try:
        write(temp)
        if progress(1.0) is False:
            raise Cancelled
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _suggested_path(bundle: Bundle, files: list[str] | None, suffix: str) -> Path:
    folder = bundle.source.parent if bundle.source is not None else Path.home()
    stem = bundle.source.stem if bundle.source is not None else "roster"
    if files:
        stem += "-" + files[0].removesuffix(".csv")
    return folder / (stem + suffix)
