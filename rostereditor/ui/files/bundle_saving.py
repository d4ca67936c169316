"""Saving: back the way it was opened or as a zip, the errors-left warning, the unsaved-changes prompt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from rostereditor.core.atomic_save import SaveError
from rostereditor.ui.window.unsaved_changes_prompt import ask_save_changes, confirm_save_with_errors

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow


class BundleSaving(QObject):
    """File > Save and Save As Zip, and the question asked before unsaved changes are dropped."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        # Questions other parts ask before File > Save or Save As writes (each True: go on),
        # e.g. whether to remove that many records the vendor has (comparison/removal_check).
        self.checks_before_saving: list[Callable[[], bool]] = []

    def save(self, path: Path | str | None = None) -> Path:
        """Save without asking anything; returns where it went. Raises SaveError on failure.

        No path: back the way it was opened (zip to zip, folder to folder); see EditSession.save.
        """
        target = self._window.session.save(path)
        self._window.untitled_name = None  # saved: it has a name of its own now
        self._window.mark_saved()
        self._window.settings.add_recent(target)
        return target

    def save_interactive(self) -> bool:
        """File > Save: warn about remaining errors, then save back or ask where."""
        bundle = self._window.bundle
        if bundle is None:
            return False
        if bundle.source_kind not in ("zip", "folder"):
            return self.save_as_interactive()
        if not self._confirm_before_saving():
            return False
        return self._save_reporting_errors(None)

    def save_as_interactive(self) -> bool:
        if self._window.bundle is None:
            return False
        path, _ = QFileDialog.getSaveFileName(self._window, "Save bundle as zip",
                                              str(self.suggested_zip_path()), "OneRoster zip (*.zip)")
        if not path:
            return False
        if not path.lower().endswith(".zip"):
            path += ".zip"
        if not self._confirm_before_saving():
            return False
        return self._save_reporting_errors(Path(path))

    def confirm_discard(self, action: str) -> bool:
        """True if it is fine to drop the current bundle (saved, discarded, or unchanged)."""
        if not self._window.is_modified():
            return True
        answer = ask_save_changes(self._window, self._window.bundle_title(), action)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_interactive()
        return answer == QMessageBox.StandardButton.Discard

    def suggested_zip_path(self) -> Path:
        """Next to the original, named as the chosen vendor requires (if it has a rule)."""
        window = self._window
        bundle = window.bundle
        folder = Path(window.settings.last_folder() or Path.home())
        stem = "roster"
        if bundle is not None and bundle.source is not None:
            folder = bundle.source.parent if bundle.source_kind != "files" else bundle.source
            stem = bundle.source.stem if bundle.source_kind in ("zip", "folder") else "roster"
        if window.untitled_name:
            stem = window.untitled_name
        zip_name = window.session.profile.zip_name
        if zip_name:
            return folder / zip_name
        return folder / f"{stem}.zip"

    def _confirm_before_saving(self) -> bool:
        return self._confirm_errors() and all(check() for check in self.checks_before_saving)

    def _confirm_errors(self) -> bool:
        # Warn, never block: a coordinator may have to send a partly fixed bundle.
        result = self._window.session.result
        counts = result.counts if result is not None else {}
        if not counts.get("error"):
            return True
        return confirm_save_with_errors(self._window, counts["error"], counts.get("warning", 0))

    def _save_reporting_errors(self, path: Path | None) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target = self.save(path)
        except SaveError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.critical(self._window, "Not saved", str(exc))
            return False
        except OSError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.critical(self._window, "Not saved", f"Could not save: {exc}")
            return False
        QGuiApplication.restoreOverrideCursor()
        outcome = self._window.session.last_save
        kept = outcome.backup_message() if outcome is not None else None
        self._window.statusBar().showMessage(f"Saved {target}." + (f" {kept}" if kept else ""),
                                             15000 if kept else 5000)
        if kept and outcome is not None and outcome.kind == "folder":
            # A new folder appeared beside theirs: say so once, where it cannot be missed.
            QMessageBox.information(self._window, "Saved", f"Saved {target.name}.\n\n{kept}")
        return True
