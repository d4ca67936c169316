"""File > Compare With: read a second bundle, compare the open one with it (in a worker when
big), and show the Changes panel and the tints; Stop Comparing ends it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from rostereditor.core.background_work import Progress
from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.comparison.bundle_snapshot import snapshot_bundle
from rostereditor.core.comparison.change_list import ChangeEntry
from rostereditor.core.comparison.live_comparison import (
    ComparisonOutcome,
    compare_whole,
)
from rostereditor.core.read_notice import BundleReadError
from rostereditor.ui.background.progress_dialog_job import ProgressDialogJob
from rostereditor.ui.comparison.change_tint import ChangeTint
from rostereditor.ui.comparison.changes_panel import ChangesPanel, summary_text
from rostereditor.ui.comparison.comparison_tracker import ComparisonTracker
from rostereditor.ui.comparison.delta_saving import DeltaSaving
from rostereditor.ui.comparison.removal_check import RemovalCheck
from rostereditor.ui.files.bundle_opening import BACKGROUND_OPEN_BYTES, input_size
from rostereditor.ui.window.action_ids import ActionId, MenuId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

Source = Path | str | Sequence[Path | str]
SHOW_PROGRESS_AFTER_MS = 300


class ComparisonActionId:
    COMPARE = "file.compare_with"
    COMPARE_FOLDER = "file.compare_with_folder"
    STOP = "file.stop_comparing"
    SHOW_PANEL = "view.show_changes"


class ComparisonActions(QObject):
    """Compare With, Stop Comparing, the Changes panel and the grid tints."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._session = window.session
        self._job: ProgressDialogJob | None = None
        self.tracker = ComparisonTracker(self._session, window.runner, self)
        self.tint = ChangeTint(self._session, self.tracker)
        self.removals = RemovalCheck(window, self.tracker)

        self.panel = ChangesPanel(self._session, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        window.tabifyDockWidget(window.findings_panel, self.panel)
        self.panel.hide()
        self.panel.entry_activated.connect(self.go_to_entry)
        self.panel.compare_requested.connect(self.choose_and_compare)
        self.panel.stop_requested.connect(self.tracker.stop)
        self.tracker.updated.connect(self._on_updated)
        self.tracker.failed.connect(lambda message: window.show_status(message, 10000))
        window.view_created.connect(self._attach_model)

        file_menu = window.menu(MenuId.FILE)
        before = window.action(ActionId.CLOSE_BUNDLE)
        for action_id, text, slot, tip in (
            (ComparisonActionId.COMPARE, "Co&mpare With\u2026", self.choose_and_compare,
             "Compare this bundle with another (a zip or CSV files), such as the one sent last "
             "time: records added, removed and changed"),
            (ComparisonActionId.COMPARE_FOLDER, "Compare With Fo&lder\u2026",
             self.choose_folder_and_compare, "Compare this bundle with a folder of CSV files"),
            (ComparisonActionId.STOP, "S&top Comparing", self.tracker.stop,
             "Forget the compared bundle: no more tints or Changes list"),
        ):
            action = QAction(text, window)
            action.setObjectName(action_id)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            window.actions_by_id[action_id] = action
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
        self.delta = DeltaSaving(window, self.tracker, window.action(ComparisonActionId.COMPARE))
        toggle = self.panel.toggleViewAction()
        # Tabbed with the problems list: showing it means showing its tab.
        toggle.triggered.connect(self._raise_when_shown)
        toggle.setObjectName(ComparisonActionId.SHOW_PANEL)
        toggle.setText("Chan&ges Panel")
        window.actions_by_id[ComparisonActionId.SHOW_PANEL] = toggle
        window.menu(MenuId.VIEW).addAction(toggle)
        self._session.events.bundle_changed.connect(lambda _event: self._update_enabled())
        self._update_enabled()

    # -- comparing -----------------------------------------------------------------------------

    def _raise_when_shown(self, checked: bool) -> None:
        if checked:
            self.panel.raise_()

    def choose_and_compare(self) -> None:
        settings = self._window.settings
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, "Compare with which bundle?", settings.last_folder(),
            "OneRoster bundles (*.zip *.csv);;All files (*)")
        if paths:
            self.compare_with(paths)

    def choose_folder_and_compare(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._window, "Compare with which folder?",
                                                  self._window.settings.last_folder())
        if folder:
            self.compare_with(folder)

    def compare_with(self, source: Source, *, background: bool | None = None) -> bool:
        """Compare the open bundle with the bundle at `source` (zip, folder or CSV files).

        Small inputs are compared at once (True when done); big ones in a worker behind a
        progress dialog (True once started). False if nothing is open or it cannot be read.
        """
        current = self._session.bundle
        if current is None:
            return False
        paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
        if not paths:
            return False
        target: Path | list[Path] = paths[0] if len(paths) == 1 else paths
        label = paths[0].name if len(paths) == 1 else f"{len(paths)} files"
        if background is None:
            background = input_size(paths) > BACKGROUND_OPEN_BYTES
        if background:
            self._compare_in_background(target, label, snapshot_bundle(current))
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            reference = read_bundle(target)
            outcome = compare_whole(reference, current)
        except BundleReadError as exc:
            self._cannot_read(label, str(exc))
            return False
        except Exception as exc:  # never a traceback for a bad input file
            log.exception("comparing with %s failed", target)
            self._cannot_read(label, f"something unexpected went wrong ({exc})")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._started(reference, label, outcome)
        return True

    def is_comparing_in_background(self) -> bool:
        return self._job is not None

    def _compare_in_background(self, target: Path | list[Path], label: str,
                               snapshot: Bundle) -> None:
        if self._job is not None:
            self._job.cancel()

        def work(progress: Progress) -> tuple[Bundle, ComparisonOutcome]:
            reference = read_bundle(target, progress=lambda f: progress(0.6 * f))
            outcome = compare_whole(reference, snapshot, lambda f: progress(0.6 + 0.4 * f))
            return reference, outcome

        job = ProgressDialogJob(self._window, "Comparing", f"Reading and comparing {label}\u2026",
                                work, self._window.runner, show_after_ms=SHOW_PROGRESS_AFTER_MS,
                                busy=False)
        job.succeeded.connect(lambda done: self._background_done(job, label, done))
        job.failed.connect(lambda error: self._background_failed(job, label, error))
        job.cancelled.connect(lambda: self._background_cancelled(job))
        self._job = job.start()

    def _background_done(self, job: ProgressDialogJob, label: str,
                         done: tuple[Bundle, ComparisonOutcome]) -> None:
        if job is self._job:
            self._job = None
            self._started(done[0], label, done[1])

    def _background_failed(self, job: ProgressDialogJob, label: str, error: Exception) -> None:
        if job is self._job:
            self._job = None
            self._cannot_read(label, str(error) if isinstance(error, BundleReadError)
                              else f"something unexpected went wrong ({error})")

    def _background_cancelled(self, job: ProgressDialogJob) -> None:
        if job is self._job:
            self._job = None
            self._window.show_status("Comparing cancelled.")

    def _started(self, reference: Bundle, label: str, outcome: ComparisonOutcome) -> None:
        self.tracker.start(reference, label, outcome)
        self.panel.show()
        self.panel.raise_()
        self._window.show_status(summary_text(outcome.changes, label), 10000)

    def _cannot_read(self, label: str, message: str) -> None:
        QMessageBox.warning(self._window, "Cannot compare", f"{label} cannot be compared: {message}")

    # -- showing it ----------------------------------------------------------------------------

    def _attach_model(self, name: str, _view: QTableView) -> None:
        model = self._window.model(name)
        if model is not None:
            model.marks = self.tint

    def _on_updated(self) -> None:
        self.panel.set_live(self.tracker.live)
        for page in self._window.pages().values():
            page.model.repaint_all()
        self._update_enabled()

    def _update_enabled(self) -> None:
        has_bundle = self._session.bundle is not None
        for action_id in (ComparisonActionId.COMPARE, ComparisonActionId.COMPARE_FOLDER):
            self._window.actions_by_id[action_id].setEnabled(has_bundle)
        self._window.actions_by_id[ComparisonActionId.STOP].setEnabled(
            self.tracker.live is not None)

    def go_to_entry(self, entry: ChangeEntry) -> bool:
        """Show the record in its grid (a removed record is only in the compared bundle)."""
        live, table = self.tracker.live, self._session.table(entry.file)
        if entry.kind == "removed" or live is None or table is None:
            if live is not None:
                self._window.show_status(f"{entry.key} is not in this bundle; its values in "
                                         f"{live.label} are shown beside the list.")
            return False
        row = table.row_of_id(entry.row_id)
        if row is None:
            self._window.show_status(f"{entry.key} has been deleted since the comparison.")
            return False
        col = 0
        if entry.cells:
            col = table.column_index(entry.cells[0].column) or 0
        else:
            view = self._window.table_view(entry.file)
            if view is not None and view.currentIndex().isValid():
                col = view.currentIndex().column()
        return self._window.go_to_cell(entry.file, row, col)
