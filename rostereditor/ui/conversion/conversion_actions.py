"""File > Convert…: the open bundle converted to another OneRoster version, opened as a new,
unsaved bundle, with the report of every transformation and every loss.

Why a new unsaved bundle rather than asking where to save first: a coordinator converts to send
the result to a vendor, and wants to see it checked against the target version (and fix what
the report asks them to check) before it exists as a file. Nothing is written until they save,
Save always asks where (proposing "<name>-oneroster-<version>.zip" beside the original), and the
original file is never touched; closing without saving asks, as any unsaved change does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox

from rostereditor.core.background_work import Progress
from rostereditor.core.conversion import Conversion, ConversionError, ConversionOptions, convert_bundle
from rostereditor.core.session import BundleChanged
from rostereditor.ui.background.progress_dialog_job import ProgressDialogJob
from rostereditor.ui.conversion.convert_dialog import ConvertDialog
from rostereditor.ui.window.menu_entries import add_file_menu_group
from rostereditor.ui.window.report_dialog import ReportDialog

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow


class ConversionActionId:
    CONVERT = "file.convert"


class ConversionActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_dialog: ConvertDialog | None = None
        self.last_report: ReportDialog | None = None
        self.actions = add_file_menu_group(window, [
            (ConversionActionId.CONVERT, "Co&nvert to Another Version\u2026", self.convert_interactive,
             "Convert the bundle to OneRoster 1.1 or 1.2, with a report of every change and loss"),
        ])
        window.session.events.bundle_changed.connect(self._on_bundle_changed)
        self._on_bundle_changed(BundleChanged(window.session.bundle))

    def _on_bundle_changed(self, event: BundleChanged) -> None:
        for action in self.actions:
            action.setEnabled(event.bundle is not None)

    def convert_interactive(self) -> ProgressDialogJob | None:
        """Ask for the target version, then convert (see convert)."""
        window, session = self.window, self.window.session
        if session.bundle is None:
            return None
        dialog = ConvertDialog(window, window.bundle_title(), session.version,
                               bool(session.version_choice))
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        target = dialog.target()
        return self.convert(target, dialog.options()) if target is not None else None

    def convert(self, to: str, options: ConversionOptions | None = None) -> ProgressDialogJob | None:
        """Convert the open bundle (edits included) in a worker; the result opens when done.

        Returns the running job (None if nothing was started).
        """
        window, session = self.window, self.window.session
        bundle = session.bundle
        if bundle is None or not window.confirm_discard("opening the converted copy"):
            return None
        source_version = session.version
        original = window.bundle_title()

        def work(_progress: Progress) -> Conversion:
            # The progress dialog is window-modal: the tables cannot change while this reads them.
            return convert_bundle(bundle, to, source_version=source_version, options=options)

        job = ProgressDialogJob(window, "Converting", f"Converting to OneRoster {to}\u2026", work,
                                window.runner)
        job.succeeded.connect(lambda conversion: self._open(conversion, original))
        job.failed.connect(self._failed)
        job.cancelled.connect(lambda: window.show_status("Conversion cancelled.", 4000))
        return job.start()

    def _open(self, conversion: object, original: str) -> None:
        assert isinstance(conversion, Conversion)
        window = self.window
        converted = conversion.bundle
        to = conversion.report.target_version
        source = window.bundle.source if window.bundle is not None else None
        if window.untitled_name:  # a copy not saved yet (the sample): its name
            stem = window.untitled_name
        elif source is not None:
            stem = source.stem if source.suffix.lower() == ".zip" else source.name
        else:
            stem = "roster"
        # An untitled copy (as the sample opens): Save asks where, proposing this name beside
        # the original (the converted bundle keeps the original as its source, kind "new").
        converted.source_kind = "new"
        window.untitled_name = f"{stem}-oneroster-{to}"
        if window.session.version_choice not in ("", to):
            # Checked as the converted bundle's manifest says, not as the old choice.
            window.version_combo.setCurrentIndex(max(0, window.version_combo.findData("")))
        window.set_bundle(converted)
        window.undo_stack.resetClean()  # unsaved: closing it asks to save
        name = window.bundle_title()
        closing = (f"The converted bundle is open as {name}; {original} has not changed. It is "
                   f"now checked as OneRoster {to}: look through the problems list, then use "
                   f"File \u203a Save As Zip to keep it.")
        outline = conversion.report.outline()
        self.last_report = ReportDialog(window, outline.with_text(
            closing="\n\n".join(p for p in (outline.closing, closing) if p)))
        self.last_report.show()
        window.show_status(f"Converted to OneRoster {to}; not saved yet.", 10000)

    def _failed(self, error: object) -> None:
        if isinstance(error, ConversionError):
            QMessageBox.warning(self.window, "Cannot convert", str(error))
        else:
            QMessageBox.warning(self.window, "Cannot convert",
                                f"The bundle could not be converted: {error}")
