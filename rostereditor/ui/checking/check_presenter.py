"""Shows what the session's checks find: progress in the status bar, a failure in a message box,
counts in the tab titles, and the problems list (made off the GUI thread when huge).

The session decides when to check and owns the result; this only presents it. Highlights in
the grids come from each RosterTableModel's own subscription, so they follow an edit at once;
the list and the counts wait a moment (PANEL_REFRESH_MS) so typing stays smooth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox

from rostereditor.core.background_work import Job, JobSlot, Progress
from rostereditor.core.errors import Cancelled
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.session import BundleChanged, CheckFailed, CheckProgress, ResultChanged
from rostereditor.core.validation import Finding, ValidationResult
from rostereditor.ui.findings.severity_icons import severity_icon

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

PANEL_REFRESH_MS = 120
# Up to this many findings the list is made at once; more are made by a background job.
INLINE_LISTING_LIMIT = 100_000


def list_findings(result: ValidationResult, progress: Progress) -> list[Finding]:
    """Every finding of a result as objects (slow for a million): the work of a listing job."""
    if not progress(0.0):
        raise Cancelled
    findings = result.findings
    if not progress(1.0):
        raise Cancelled
    return findings


class CheckPresenter(QObject):
    """Follows the session's check events and keeps the window's views of them current."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._session = window.session
        self._panel_timer = QTimer(self, singleShot=True, interval=PANEL_REFRESH_MS)
        self._panel_timer.timeout.connect(self.refresh_findings_views)
        # A newer result supersedes the listing of an older one: it is cancelled, and the new
        # listing starts once the old one has stopped (two never run side by side).
        self._listing = JobSlot(window.runner)
        events = self._session.events
        events.result_changed.connect(self._on_result)
        events.check_progress.connect(self._on_progress)
        events.check_failed.connect(self._on_failed)
        events.bundle_changed.connect(self._on_bundle)
        window.status.cancel_requested.connect(self.cancel)

    def cancel(self) -> None:
        """The status bar's Cancel: stop the running check."""
        session = self._session
        if session.cancel_checks() and session.result is None and session.bundle is not None:
            self._window.statusBar().showMessage(
                "Checking cancelled: the problem list is incomplete (Tools > Check Again).", 8000)

    def shut_down(self) -> None:
        """The window is closing: no more listings, no more timers."""
        self._panel_timer.stop()
        self._listing.cancel()

    def is_listing(self) -> bool:
        return self._listing.is_running()

    def flush_pending_updates(self) -> None:
        """Apply the debounced list and tab updates now (tests and the self-test call this)."""
        if self._panel_timer.isActive() or self._listing.is_running():
            self._panel_timer.stop()
            self.refresh_findings_views(wait=True)

    def refresh_findings_views(self, *, wait: bool = False) -> None:
        """The list and the tab counts from the current result.

        The list shows exactly what `rostereditor validate` prints (validation reports the
        reader's notices too). A huge result, say a date column Excel reformatted in a
        million-row file, is listed by a background job so an edit never freezes the window.
        """
        result = self._session.result
        self._update_tab_titles(result)
        self._listing.cancel()
        if result is None:
            self._show_findings([])
            return
        if wait or sum(result.counts.values()) <= INLINE_LISTING_LIMIT:
            self._show_findings(result.findings)
            return
        self._listing.start(Job(lambda progress: list_findings(result, progress),
                                self._show_findings, name="listing findings"))

    # -- events ------------------------------------------------------------------------------

    def _on_result(self, _event: ResultChanged) -> None:
        self._panel_timer.start()
        self._window.update_status()

    def _on_bundle(self, _event: BundleChanged) -> None:
        self._listing.cancel()
        self._panel_timer.stop()
        self.refresh_findings_views()

    def _on_progress(self, event: CheckProgress) -> None:
        self._window.status.show_progress(event.fraction)

    def _on_failed(self, event: CheckFailed) -> None:
        QMessageBox.warning(self._window, "Checking failed", event.message)

    # -- views -------------------------------------------------------------------------------

    def _show_findings(self, findings: list[Finding]) -> None:
        self._window.findings_panel.set_findings(findings, list(self._window.pages()))
        self._window.findings_updated.emit()

    def _update_tab_titles(self, result: ValidationResult | None) -> None:
        tabs = self._window.tabs
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
