"""Connects the background checker to the window: cell highlights, the problems list, tab titles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox

from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.ui.background_tasks import CancellableTask
from rostereditor.ui.bundle_checker import BundleChecker
from rostereditor.ui.severity_icons import severity_icon

if TYPE_CHECKING:
    from rostereditor.ui.main_window import MainWindow

# Highlights follow an edit at once; the list and counts wait this long so typing stays smooth.
PANEL_REFRESH_MS = 120
# Up to this many findings the list is rebuilt at once; more are made off the GUI thread.
INLINE_LISTING_LIMIT = 100_000


class ValidationWiring(QObject):
    """Starts and cancels checks of the window's bundle and shows what they find."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.checker = BundleChecker(window)
        self.findings: list[Any] = []  # what the problems list shows, incl. reader notices
        self._panel_timer = QTimer(self, singleShot=True, interval=PANEL_REFRESH_MS)
        self._panel_timer.timeout.connect(self.refresh_findings_views)
        self._listing: CancellableTask | None = None
        self.checker.result_ready.connect(self._apply_result)
        self.checker.progress_changed.connect(window.status.show_progress)
        self.checker.failed.connect(self._on_check_failed)
        window.status.cancel_requested.connect(self.cancel)

    @property
    def validator(self) -> Any | None:
        return self.checker.validator

    @property
    def result(self) -> Any | None:
        return self.checker.result

    def restart(self) -> None:
        """Check the window's bundle from scratch with the toolbar's profile and version."""
        choices = self._window.choices
        choices.show_detected_version(self._window.bundle)
        self.checker.start(self._window.bundle, choices.profile_name(),
                           choices.version_choice() or None)
        if self.checker.validator is None:
            self.schedule_findings_refresh()

    def stop(self) -> None:
        """The bundle is gone: forget its checker and its findings."""
        self.checker.start(None, "", None)
        self.findings = []
        self.refresh_findings_views()

    def check_all(self) -> None:
        self.checker.check_all()

    def cells_changed(self, file_name: str, row_ids: list[int],
                      columns: Iterable[int] | None = None) -> None:
        if self.checker.validator is None:
            self.schedule_findings_refresh()
            return
        self.checker.cells_changed(file_name, row_ids, columns)

    def structure_changed(self) -> None:
        if self.checker.validator is None:
            self.schedule_findings_refresh()
        self.checker.structure_changed()

    def is_running(self) -> bool:
        return self.checker.is_running()

    def cancel(self) -> None:
        if self.checker.cancel() and self.checker.result is None and self._window.bundle is not None:
            self._window.statusBar().showMessage(
                "Checking cancelled: the problem list is incomplete (Tools > Check Again).", 8000)

    def schedule_findings_refresh(self) -> None:
        self._panel_timer.start()

    def flush_pending_updates(self) -> None:
        if self._panel_timer.isActive() or self._listing is not None:
            self._panel_timer.stop()
            self.refresh_findings_views(wait=True)

    def refresh_findings_views(self, *, wait: bool = False) -> None:
        """Refresh the problem list and tab counts from the current result.

        Validation reports the reader's notices too (merged where one problem explains
        another), so the list shows exactly what `rostereditor validate` prints. A huge result
        (say a date column Excel reformatted in a million-row file) is listed from a worker,
        so an edit never freezes the window while a million findings are made.
        """
        window = self._window
        result = self.result if window.bundle is not None else None
        self._update_tab_titles()
        self._listing = None  # any listing still running is for an older result
        if result is None:
            self._show_findings([])
            return
        if wait or sum(result.counts.values()) <= INLINE_LISTING_LIMIT:
            self._show_findings(result.findings)
            return
        task = CancellableTask(lambda _progress: result.findings)
        self._listing = task
        task.signals.succeeded.connect(lambda findings, t=task: self._listed(t, findings))
        QThreadPool.globalInstance().start(task)

    def _listed(self, task: CancellableTask, findings: list[Any]) -> None:
        if task is self._listing:
            self._listing = None
            self._show_findings(findings)

    def _show_findings(self, findings: list[Any]) -> None:
        self.findings = list(findings)
        self._window.findings_panel.set_findings(self.findings, list(self._window.pages()))
        self._window.findings_updated.emit()

    def _on_check_failed(self, message: str) -> None:
        QMessageBox.warning(self._window, "Checking failed", message)

    def _apply_result(self, result: Any) -> None:
        """Highlights update now (cheap); the list, counts and tab titles follow shortly."""
        for name, page in self._window.pages().items():
            cells = result.cell_index(name)
            if cells is page.model.cell_findings and cells:
                continue  # this file's findings did not change: nothing to repaint
            page.model.set_findings(cells, result.row_findings(name))
        self.schedule_findings_refresh()
        self._window.update_status()

    def _update_tab_titles(self) -> None:
        tabs = self._window.tabs
        result = self.result if self._window.bundle is not None else None
        for name, page in self._window.pages().items():
            index = tabs.indexOf(page)
            counts = result.counts_for(name) if result is not None else {}
            base = f"{name} (read-only)" if name == MANIFEST else name
            errors, warnings = counts.get("error", 0), counts.get("warning", 0)
            tabs.setTabText(index, f"{base} ({errors:,})" if errors else base)
            worst = "error" if errors else "warning" if warnings else None
            tabs.setTabIcon(index, severity_icon(worst) if worst else QIcon())
            if name != MANIFEST:
                tabs.setTabToolTip(
                    index, f"{name}: {errors:,} errors, {warnings:,} warnings, "
                    f"{counts.get('info', 0):,} notes")
