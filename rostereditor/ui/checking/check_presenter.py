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
from rostereditor.core.standing_notices import standing_notices
from rostereditor.core.validation import ValidationResult
from rostereditor.core.validation.findings_listing import FindingsListing
from rostereditor.core.wording import plural
from rostereditor.ui.findings.severity_icons import severity_icon

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

PANEL_REFRESH_MS = 120
# Up to this many findings the list is arranged at once; more, by a background job.
INLINE_LISTING_LIMIT = 100_000


def build_listing(result: ValidationResult, file_order: list[str],
                  progress: Progress) -> FindingsListing:
    """A result's findings in list order, as arrays (no Finding objects): a listing job."""
    if not progress(0.0):
        raise Cancelled
    listing = FindingsListing.of_result(result, file_order)
    listing.everything()  # made here, not on the GUI thread when the list is shown
    listing.counts()
    if not progress(1.0):
        raise Cancelled
    return listing


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
        window.findings_panel.runner = window.runner  # searches of a huge list run there too
        # The result whose findings the panel lists (None: nothing listed yet), how far the
        # running check is, and whether the last check was stopped before it finished.
        self._listed_result: ValidationResult | None = None
        self._fraction: float | None = None
        self._interrupted = False
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
            self._interrupted = True
            self._window.statusBar().showMessage(
                "Checking cancelled: the problem list is incomplete (Tools > Check Again).", 8000)
        self.update_check_state()

    def shut_down(self) -> None:
        """The window is closing: no more listings, no more timers."""
        self._panel_timer.stop()
        self._listing.cancel()
        self._window.findings_panel.cancel_search()

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
        order = list(self._window.pages())
        if result is None:
            self._show_listing(FindingsListing({}), None)
            return
        if wait or result.total <= INLINE_LISTING_LIMIT:
            self._show_listing(FindingsListing.of_result(result, order), result)
            return
        self._listing.start(Job(lambda progress: build_listing(result, order, progress),
                                lambda listing: self._show_listing(listing, result),
                                name="listing findings"))
        self.update_check_state()

    def update_check_state(self) -> None:
        """Tell the problems panel how current its list is: until a check has finished it says
        the bundle is being checked, never "No problems found."; while a re-check runs after
        edits, that the list is from before them."""
        panel = self._window.findings_panel
        session = self._session
        result = session.result
        if session.bundle is None:
            panel.set_check_state(None, listed=False)
        elif result is None:
            panel.set_check_state(self._unchecked_note(), listed=False)
        elif self._listing.is_running() or self._listed_result is None:
            total = result.total
            panel.set_check_state(f"Listing {plural(total, 'problem')}\u2026",
                                  listed=self._listed_result is not None)
        elif session.is_checking() or self._fraction is not None:
            panel.set_check_state("checking again after your changes\u2026 "
                                  "(this list is from before them)", listed=True)
        else:
            panel.set_check_state(None, listed=True)

    def _unchecked_note(self) -> str:
        if self._interrupted:
            return ("Not checked: checking stopped before it finished. "
                    "Tools > Check Again (F5) checks the bundle.")
        if self._fraction:
            return f"Checking the bundle\u2026 {self._fraction:.0%}"
        return "Checking the bundle\u2026"

    # -- events ------------------------------------------------------------------------------

    def _on_result(self, event: ResultChanged) -> None:
        bundle = self._session.bundle
        if event.result is not None:
            self._interrupted = False
        if event.result is not None and bundle is not None:
            # The banner's "While opening: column 11 has no name" goes once that is fixed.
            self._window.banner.keep_only(standing_notices(bundle, bundle.notices))
        self._panel_timer.start()
        self._window.update_status()
        self.update_check_state()

    def _on_bundle(self, _event: BundleChanged) -> None:
        self._listing.cancel()
        self._panel_timer.stop()
        self._listed_result, self._fraction, self._interrupted = None, None, False
        self.refresh_findings_views()
        self.update_check_state()

    def _on_progress(self, event: CheckProgress) -> None:
        self._window.status.show_progress(event.fraction)
        if event.fraction is not None:
            self._interrupted = False
        self._fraction = event.fraction
        self.update_check_state()

    def _on_failed(self, event: CheckFailed) -> None:
        self._interrupted = True
        self.update_check_state()
        QMessageBox.warning(self._window, "Checking failed", event.message)

    # -- views -------------------------------------------------------------------------------

    def _show_listing(self, listing: FindingsListing, result: ValidationResult | None) -> None:
        self._listed_result = result
        self._window.findings_panel.set_listing(listing, list(self._window.pages()))
        self.update_check_state()
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
                    index, f"{name}: {plural(errors, 'error')}, {plural(warnings, 'warning')}, "
                    f"{plural(counts.get('info', 0), 'note')}")
