"""MainWindow: tabs of exact-text grids, the problems panel, opening, checking and saving bundles.

Contract with plug-ins (editing, xlsx) — they code against exactly these names:
  undo_stack (QUndoStack), bundle (Bundle | None), validator (BundleValidator | None),
  current_file_name(), table_view(file_name), current_view(), model(file_name) -> RosterTableModel,
  go_to_cell(file_name, row, col), menu(name) for "file"/"edit"/"view"/"tools"/"help",
  main_toolbar, view_created Signal(str, QTableView) emitted for every new tab view,
  notify_cells_changed(file_name, row_ids), notify_rows_changed(file_name), notify_bundle_changed().
Rows and columns passed in or out are *table* positions (RosterTableModel.source_row/view_row map).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder, write_bundle_zip
from rostereditor.core.oneroster_files import MANIFEST, SUPPORTED_VERSIONS
from rostereditor.core.read_notice import BundleReadError
from rostereditor.ui import validation_bridge
from rostereditor.ui.about_box import show_about
from rostereditor.ui.action_ids import ActionId
from rostereditor.ui.background_tasks import BundleOpenTask
from rostereditor.ui.bundle_checker import BundleChecker
from rostereditor.ui.file_tab_page import FileTabPage
from rostereditor.ui.find_id_dialog import FindIdDialog
from rostereditor.ui.findings_panel import FindingsPanel
from rostereditor.ui.notice_banner import NoticeBanner
from rostereditor.ui.notice_findings import notice_findings
from rostereditor.ui.roster_table_model import RosterTableModel
from rostereditor.ui.sample_bundles import sample_bundle_path
from rostereditor.ui.severity_icons import severity_icon
from rostereditor.ui.status_summary import StatusSummary
from rostereditor.ui.toolbar_icons import themed_icon
from rostereditor.ui.unsaved_changes_prompt import ask_save_changes, confirm_save_with_errors
from rostereditor.ui.window_actions import (
    ACTION_ICONS,
    create_actions,
    populate_menus,
    populate_toolbar,
)
from rostereditor.ui.window_settings import WindowSettings

log = logging.getLogger(__name__)

APP_NAME = "RosterEditor"
# Below these sizes work is quick enough to do in place, which keeps tests and the
# self-test deterministic; above them it moves to a worker with progress and Cancel.
BACKGROUND_OPEN_BYTES = 8 * 1024 * 1024
PANEL_REFRESH_MS = 120

Source = Path | str | Sequence[Path | str]


class MainWindow(QMainWindow):
    """The editor window. Tests and the self-test drive it with open_bundle() and save_bundle()."""

    view_created = Signal(str, QTableView)
    bundle_opened = Signal()
    findings_updated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.undo_stack = QUndoStack(self)
        self.bundle: Bundle | None = None
        self.checker = BundleChecker(self)
        self.checker.result_ready.connect(self._apply_result)
        self.settings = WindowSettings()
        self._pages: dict[str, FileTabPage] = {}
        self._unrecorded_changes = False  # edits made without the editing plug-in's undo stack
        self._open_task: BundleOpenTask | None = None
        self._open_progress: QProgressDialog | None = None
        self._find_id_dialog: FindIdDialog | None = None
        self._findings_cache: list[Any] = []
        self.recent_menu: QMenu
        self.profile_combo: Any
        self.version_combo: Any

        self.banner = NoticeBanner(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Files in the bundle")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_welcome())
        self.stack.addWidget(self.tabs)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.findings_panel = FindingsPanel(self)
        self.findings_panel.finding_activated.connect(self.go_to_finding)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_panel)
        self.banner.show_details_requested.connect(self._show_notices_in_panel)

        self.actions_by_id: dict[str, QAction] = create_actions(self)
        self._menus = populate_menus(self, self.actions_by_id)
        self.main_toolbar: QToolBar = populate_toolbar(self, self.actions_by_id)
        self._fill_toolbar_choices()
        self.status = StatusSummary(self.statusBar())
        self.status.cancel_requested.connect(self.cancel_validation)
        self.checker.progress_changed.connect(self._on_check_progress)
        self.checker.failed.connect(self._on_check_failed)
        self._panel_timer = QTimer(self, singleShot=True, interval=PANEL_REFRESH_MS)
        self._panel_timer.timeout.connect(self._refresh_findings_views)
        self.undo_stack.cleanChanged.connect(self._update_modified)
        self._apply_icons()
        self._update_title()
        self._update_enabled()
        self._install_plugins()
        self._restore_window()

    # -- the contract for plug-ins -----------------------------------------------------

    def action(self, action_id: str) -> QAction:
        return self.actions_by_id[action_id]

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def current_file_name(self) -> str | None:
        page = self.tabs.currentWidget()
        return page.model.file_name if isinstance(page, FileTabPage) else None

    def table_view(self, file_name: str) -> QTableView | None:
        page = self._pages.get(file_name)
        return page.view if page else None

    def current_view(self) -> QTableView | None:
        page = self.tabs.currentWidget()
        return page.view if isinstance(page, FileTabPage) else None

    def model(self, file_name: str) -> RosterTableModel | None:
        page = self._pages.get(file_name)
        return page.model if page else None

    def page(self, file_name: str) -> FileTabPage | None:
        return self._pages.get(file_name)

    def go_to_cell(self, file_name: str, row: int, col: int) -> bool:
        """Show a table cell: switch tab, drop filters hiding it, select it and scroll to it."""
        page = self._pages.get(file_name)
        if page is None or not 0 <= row < len(page.model.table):
            return False
        self.tabs.setCurrentWidget(page)
        view_row = page.model.view_row(row)
        if view_row is None or view_row >= page.model.rowCount():
            page.clear_view_order()
            self.actions_by_id[ActionId.PROBLEM_ROWS_ONLY].setChecked(False)
            view_row = page.model.view_row(row)
        col = max(0, min(col, page.model.columnCount() - 1))
        if page.view.isColumnHidden(col):
            page.view.setColumnHidden(col, False)
        index = page.model.index(view_row or 0, col)
        page.view.setCurrentIndex(index)
        page.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        page.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def notify_cells_changed(self, file_name: str, row_ids: Iterable[int]) -> None:
        """Cell values changed: repaint those rows, re-check them, update highlights and lists."""
        row_ids = list(row_ids)
        model = self.model(file_name)
        if model is not None:
            model.refresh_rows(row_ids)
        if self.checker.validator is None:
            self._schedule_findings_refresh()
            return
        self.checker.cells_changed(file_name, row_ids)

    def notify_rows_changed(self, file_name: str) -> None:
        """Rows were inserted, deleted or reordered: rebuild the grid's mapping, re-check."""
        model = self.model(file_name)
        if model is not None:
            model.rebuild_rows()
        self._recheck_after_structural_change()

    def notify_bundle_changed(self) -> None:
        """Several files changed at once (e.g. an id renamed with its references)."""
        for page in self._pages.values():
            page.model.rebuild_rows()
        self._recheck_after_structural_change()

    # -- opening -----------------------------------------------------------------------

    def open_bundle(self, source: Source, *, background: bool | None = None) -> bool:
        """Open a zip, folder or CSV file(s). Returns False if not opened (cancelled, unreadable).

        Small inputs open synchronously; large ones (or background=True) open in a worker with
        progress and Cancel, and this returns True once that has started.
        """
        if not self.confirm_discard("opening another bundle"):
            return False
        paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
        if not paths:
            return False
        target: Path | list[Path] = paths[0] if len(paths) == 1 else paths
        if background is None:
            background = _input_size(paths) > BACKGROUND_OPEN_BYTES
        if background:
            self._open_in_background(target)
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            bundle = read_bundle(target)
        except BundleReadError as exc:
            self._show_open_error(str(exc))
            return False
        except Exception as exc:  # never a traceback for a bad input file
            log.exception("reading %s failed", target)
            self._show_open_error(f"The bundle could not be read: {exc}")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.set_bundle(bundle)
        return True

    def set_bundle(self, bundle: Bundle) -> None:
        """Show an already-read bundle: tabs first, then findings once checked."""
        self.cancel_validation()
        self._clear_tabs()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._unrecorded_changes = False
        self.bundle = bundle
        version = self.selected_version()
        names = [*bundle.data_file_names, *([MANIFEST] if MANIFEST in bundle.files else [])]
        for name in names:
            model = RosterTableModel(bundle.files[name].table, name, read_only=name == MANIFEST)
            model.cells_changed_callback = self._on_unrecorded_edit
            model.filter_icon = self._icon("filter")
            model.set_column_tooltips([
                validation_bridge.column_tooltip(version, name, column)
                for column in model.table.header
            ])
            page = FileTabPage(model, self.tabs)
            page.size_columns_to_content()
            page.view_order_changed.connect(self._update_status)
            page.view.selectionModel().currentChanged.connect(self._on_current_cell_changed)
            page.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
            self._pages[name] = page
            title = f"{name} (read-only)" if name == MANIFEST else name
            index = self.tabs.addTab(page, title)
            if name == MANIFEST:
                self.tabs.setTabToolTip(index, "The manifest is written fresh on every save, "
                                        "from the files in the bundle and the chosen version.")
            self.view_created.emit(name, page.view)
        self.stack.setCurrentWidget(self.tabs)
        self.banner.show_notices(bundle.notices)
        if bundle.source is not None and bundle.source_kind != "new":
            self.settings.add_recent(bundle.source)
        self._update_title()
        self._update_enabled()
        self._update_status()
        self._findings_cache = []
        self._refresh_findings_views()
        self.bundle_opened.emit()
        self._rebuild_validator()

    def choose_and_open(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open OneRoster bundle", self.settings.last_folder(),
            "OneRoster bundles (*.zip *.csv);;Zip files (*.zip);;CSV files (*.csv);;All files (*)")
        if paths:
            self.settings.set_last_folder(Path(paths[0]).parent)
            self.open_bundle(paths)

    def choose_and_open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open folder of OneRoster CSV files",
                                                  self.settings.last_folder())
        if folder:
            self.settings.set_last_folder(folder)
            self.open_bundle(folder)

    def open_sample(self, damaged: bool = False) -> bool:
        path = sample_bundle_path(damaged)
        if path is None:
            QMessageBox.information(self, "Sample district",
                                    "The sample district is not included in this build.")
            return False
        return self.open_bundle(path)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.settings.recent_paths()
        for number, path in enumerate(paths, start=1):
            prefix = f"&{number} " if number < 10 else ""
            action = self.recent_menu.addAction(f"{prefix}{Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        if not paths:
            self.recent_menu.addAction("No recent bundles").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear Recent", self.settings.clear_recent)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            QMessageBox.warning(self, "Open Recent", f"{path} is no longer there.")
            self.settings.remove_recent(path)
            return
        self.open_bundle(path)

    def _open_in_background(self, target: Path | list[Path]) -> None:
        task = BundleOpenTask(target)
        name = target.name if isinstance(target, Path) else f"{len(target)} files"
        progress = QProgressDialog(f"Opening {name}\u2026", "Cancel", 0, 0, self)
        progress.setWindowTitle("Opening")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(task.cancelled.set)
        progress.canceled.connect(self._forget_open_task)
        task.signals.succeeded.connect(self._on_background_open_done)
        task.signals.failed.connect(self._on_background_open_failed)
        self._open_task = task
        self._open_progress = progress
        QThreadPool.globalInstance().start(task)

    def _forget_open_task(self) -> None:
        self._open_task = None
        self.statusBar().showMessage("Opening cancelled.", 4000)

    def _close_open_progress(self) -> None:
        if self._open_progress is not None:
            self._open_progress.canceled.disconnect()
            self._open_progress.reset()
            self._open_progress.deleteLater()
            self._open_progress = None
        self._open_task = None

    def _on_background_open_done(self, bundle: Bundle) -> None:
        if self._open_task is None:
            return
        self._close_open_progress()
        self.set_bundle(bundle)

    def _on_background_open_failed(self, message: str) -> None:
        if self._open_task is None:
            return
        self._close_open_progress()
        self._show_open_error(message)

    def _show_open_error(self, message: str) -> None:
        QMessageBox.warning(self, "Cannot open bundle", message)

    def is_opening(self) -> bool:
        return self._open_task is not None

    # -- closing -----------------------------------------------------------------------

    def is_modified(self) -> bool:
        return self.bundle is not None and (not self.undo_stack.isClean() or self._unrecorded_changes)

    def confirm_discard(self, action: str) -> bool:
        """True if it is fine to drop the current bundle (saved, discarded, or unchanged)."""
        if not self.is_modified():
            return True
        answer = ask_save_changes(self, self._bundle_title(), action)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_interactive()
        return answer == QMessageBox.StandardButton.Discard

    def close_bundle_interactive(self) -> None:
        if self.bundle is None or not self.confirm_discard("closing it"):
            return
        self.cancel_validation()
        self._clear_tabs()
        self.bundle = None
        self.checker.start(None, "", None)
        self.undo_stack.clear()
        self._unrecorded_changes = False
        self.banner.hide()
        self.stack.setCurrentIndex(0)
        self._findings_cache = []
        self._refresh_findings_views()
        self._update_title()
        self._update_enabled()
        self._update_status()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard("closing"):
            event.ignore()
            return
        self.cancel_validation()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        event.accept()

    # -- saving ------------------------------------------------------------------------

    def save_bundle(self, path: Path | str | None = None) -> Path:
        """Save without asking anything; returns where it went. Raises SaveError on failure.

        No path: back the way it was opened (zip to zip, folder to folder). A path ending in
        .zip (or not an existing folder) gets a zip; an existing folder gets the CSV files.
        """
        bundle = self.bundle
        if bundle is None:
            raise SaveError("There is no bundle to save.")
        version = self.selected_version() if self._version_choice() else None
        if path is None:
            if bundle.source is None or bundle.source_kind not in ("zip", "folder"):
                raise SaveError("Choose where to save this bundle (File > Save As Zip).")
            target, kind = bundle.source, bundle.source_kind
        else:
            target = Path(path)
            kind = "folder" if target.is_dir() and target.suffix.lower() != ".zip" else "zip"
        if kind == "zip":
            write_bundle_zip(bundle, target, version)
        else:
            write_bundle_folder(bundle, target, version)
        bundle.source, bundle.source_kind = target, kind
        self.undo_stack.setClean()
        self._unrecorded_changes = False
        self.settings.add_recent(target)
        self._update_title()
        return target

    def save_interactive(self) -> bool:
        """File > Save: warn about remaining errors, then save back or ask where."""
        if self.bundle is None:
            return False
        if self.bundle.source_kind not in ("zip", "folder"):
            return self.save_as_interactive()
        if not self._confirm_errors():
            return False
        return self._save_reporting_errors(None)

    def save_as_interactive(self) -> bool:
        if self.bundle is None:
            return False
        suggested = self._suggested_zip_path()
        path, _ = QFileDialog.getSaveFileName(self, "Save bundle as zip", str(suggested),
                                              "OneRoster zip (*.zip)")
        if not path:
            return False
        if not path.lower().endswith(".zip"):
            path += ".zip"
        if not self._confirm_errors():
            return False
        return self._save_reporting_errors(Path(path))

    def _confirm_errors(self) -> bool:
        counts = Counter(f.severity for f in self._findings_cache)
        if not counts.get("error"):
            return True
        return confirm_save_with_errors(self, counts["error"], counts.get("warning", 0))

    def _save_reporting_errors(self, path: Path | None) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target = self.save_bundle(path)
        except SaveError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.critical(self, "Not saved", str(exc))
            return False
        except OSError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.critical(self, "Not saved", f"Could not save: {exc}")
            return False
        QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Saved {target}", 5000)
        return True

    def _suggested_zip_path(self) -> Path:
        bundle = self.bundle
        folder = Path(self.settings.last_folder() or Path.home())
        stem = "roster"
        if bundle is not None and bundle.source is not None:
            folder = bundle.source.parent if bundle.source_kind != "files" else bundle.source
            stem = bundle.source.stem if bundle.source_kind in ("zip", "folder") else "roster"
        profile = self._current_profile()
        if profile is not None and profile.zip_name:
            return folder / profile.zip_name
        return folder / f"{stem}.zip"

    # -- toolbar choices ---------------------------------------------------------------

    def _fill_toolbar_choices(self) -> None:
        self._profiles = validation_bridge.available_profiles()
        for profile in self._profiles:
            self.profile_combo.addItem(profile.title, profile.name)
            self.profile_combo.setItemData(self.profile_combo.count() - 1, profile.description,
                                           Qt.ItemDataRole.ToolTipRole)
        wanted = self.settings.profile or validation_bridge.DEFAULT_PROFILE
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(wanted)))
        self.version_combo.addItem("As the bundle says", "")
        for version in SUPPORTED_VERSIONS:
            self.version_combo.addItem(version, version)
        self.version_combo.setCurrentIndex(max(0, self.version_combo.findData(self.settings.version)))
        self.profile_combo.currentIndexChanged.connect(self._on_profile_changed)
        self.version_combo.currentIndexChanged.connect(self._on_version_changed)

    def _current_profile(self) -> validation_bridge.ProfileChoice | None:
        name = self.profile_combo.currentData()
        return next((p for p in self._profiles if p.name == name), None)

    def _version_choice(self) -> str:
        return str(self.version_combo.currentData() or "")

    def selected_version(self) -> str:
        """The version being checked against: the toolbar's choice, else the bundle's own."""
        choice = self._version_choice()
        if choice:
            return choice
        return self.bundle.detected_version if self.bundle is not None else "1.1"

    def _on_profile_changed(self) -> None:
        self.settings.profile = str(self.profile_combo.currentData())
        self._rebuild_validator()

    def _on_version_changed(self) -> None:
        self.settings.version = self._version_choice()
        self._update_version_label()
        if self.bundle is not None:
            version = self.selected_version()
            for name, page in self._pages.items():
                page.model.set_column_tooltips([
                    validation_bridge.column_tooltip(version, name, c) for c in page.model.table.header
                ])
        self._rebuild_validator()

    def _update_version_label(self) -> None:
        detected = self.bundle.detected_version if self.bundle is not None else None
        self.version_combo.setItemText(0, f"As the bundle says ({detected})" if detected
                                       else "As the bundle says")

    # -- checking (validation) ---------------------------------------------------------

    @property
    def validator(self) -> Any | None:
        """The BundleValidator for the open bundle (None without a bundle or validation)."""
        return self.checker.validator

    @property
    def validation_result(self) -> Any | None:
        return self.checker.result

    def _rebuild_validator(self) -> None:
        self._update_version_label()
        profile = str(self.profile_combo.currentData() or validation_bridge.DEFAULT_PROFILE)
        self.checker.start(self.bundle, profile, self._version_choice() or None)
        if self.checker.validator is None:
            self._schedule_findings_refresh()

    def revalidate_everything(self) -> None:
        self.checker.check_all()

    def _recheck_after_structural_change(self) -> None:
        if self.checker.validator is None:
            self._schedule_findings_refresh()
        self.checker.structure_changed()

    def is_checking(self) -> bool:
        return self.checker.is_running()

    def cancel_validation(self) -> None:
        if self.checker.cancel() and self.checker.result is None and self.bundle is not None:
            self.statusBar().showMessage(
                "Checking cancelled: the problem list is incomplete (Tools > Check Again).", 8000)

    def _on_check_progress(self, fraction: float | None) -> None:
        self.status.show_progress(fraction)

    def _on_check_failed(self, message: str) -> None:
        QMessageBox.warning(self, "Checking failed", message)

    def _apply_result(self, result: Any) -> None:
        """Highlights update now (cheap); the list, counts and tab titles follow shortly."""
        for name, page in self._pages.items():
            cells = result.cell_index(name)
            if cells is page.model.cell_findings and cells:
                continue  # this file's findings did not change: nothing to repaint
            row_level: dict[int, list[Any]] = {}
            for finding in result.for_file(name):
                if finding.column_index is None and finding.row_id is not None:
                    row_level.setdefault(finding.row_id, []).append(finding)
            page.model.set_findings(cells, row_level)
        self._schedule_findings_refresh()
        self._update_status()

    def _schedule_findings_refresh(self) -> None:
        self._panel_timer.start()

    def flush_pending_updates(self) -> None:
        """Apply the debounced list/tab updates now (tests and the self-test call this)."""
        if self._panel_timer.isActive():
            self._panel_timer.stop()
            self._refresh_findings_views()

    def all_findings(self) -> list[Any]:
        return list(self._findings_cache)

    def _refresh_findings_views(self) -> None:
        findings: list[Any] = []
        if self.bundle is not None:
            if self.validation_result is not None:
                findings.extend(self.validation_result.findings)
            reported = {(f.rule, f.file, f.line) for f in findings}
            findings.extend(notice_findings(self.bundle, reported))
        self._findings_cache = findings
        self.findings_panel.set_findings(findings, list(self._pages))
        self._update_tab_titles()
        self.findings_updated.emit()

    def _update_tab_titles(self) -> None:
        per_file: dict[str, Counter[str]] = {}
        for f in self._findings_cache:
            if f.file:
                per_file.setdefault(f.file, Counter())[f.severity] += 1
        for name, page in self._pages.items():
            index = self.tabs.indexOf(page)
            counts = per_file.get(name, Counter())
            base = f"{name} (read-only)" if name == MANIFEST else name
            errors, warnings = counts.get("error", 0), counts.get("warning", 0)
            self.tabs.setTabText(index, f"{base} ({errors:,})" if errors else base)
            worst = "error" if errors else "warning" if warnings else None
            self.tabs.setTabIcon(index, severity_icon(worst) if worst else self._blank_icon())
            if name != MANIFEST:
                self.tabs.setTabToolTip(
                    index, f"{name}: {errors:,} errors, {warnings:,} warnings, "
                    f"{counts.get('info', 0):,} notes")

    def _blank_icon(self) -> QIcon:
        return QIcon()

    # -- navigation --------------------------------------------------------------------

    def go_to_finding(self, finding: Any) -> bool:
        if self.bundle is None or not finding.file or finding.file not in self._pages:
            return False
        table = self._pages[finding.file].model.table
        row = table.row_of_id(finding.row_id) if finding.row_id is not None else None
        if row is None and finding.line is not None:
            row = table.row_for_line(finding.line)
        if row is None:
            self.tabs.setCurrentWidget(self._pages[finding.file])
            return False
        col = finding.column_index
        if col is None:
            view = self._pages[finding.file].view
            col = view.currentIndex().column() if view.currentIndex().isValid() else 0
        return self.go_to_cell(finding.file, row, col)

    def go_to_next_problem(self, backwards: bool = False) -> Any | None:
        """F8 / Shift+F8: the next problem after the current cell in the problems list."""
        self.flush_pending_updates()
        name = self.current_file_name()
        view = self.current_view()
        if name is not None and view is not None and view.currentIndex().isValid():
            model = self._pages[name].model
            row = model.source_row(view.currentIndex().row())
            key = self.findings_panel.position_key(name, model.table.source_line(row),
                                                   view.currentIndex().column())
        elif name is not None:
            key = self.findings_panel.position_key(name, 0, -2)
        else:
            key = (-1, 0, 0)
        finding = self.findings_panel.next_after(key, backwards)
        attempts = len(self.findings_panel.shown_findings())
        # Skip bundle-level findings, which have no cell to go to.
        while finding is not None and attempts > 0 and not self.go_to_finding(finding):
            key = self.findings_panel.sort_key(finding)
            finding = self.findings_panel.next_after(key, backwards)
            attempts -= 1
        if finding is None or attempts <= 0:
            self.statusBar().showMessage("No problems to go to.", 3000)
            return None
        self.findings_panel.select_finding(finding)
        self.statusBar().showMessage(finding.message, 8000)
        return finding

    def go_to_line(self, line: int, file_name: str | None = None) -> bool:
        """Select the record at a physical line of the original file (as vendors report it)."""
        file_name = file_name or self.current_file_name()
        page = self._pages.get(file_name or "")
        if page is None:
            return False
        row = page.model.table.row_for_line(line)
        if row is None:
            self.statusBar().showMessage(f"Line {line} is the header, or not in {file_name}.", 4000)
            return False
        view = page.view
        col = view.currentIndex().column() if view.currentIndex().isValid() else 0
        return self.go_to_cell(page.model.file_name, row, col)

    def ask_go_to_line(self) -> None:
        name = self.current_file_name()
        if name is None:
            return
        table = self._pages[name].model.table
        last = max(2, (table.source_line(len(table) - 1) or 2) if len(table) else 2)
        line, ok = QInputDialog.getInt(self, "Go to line",
                                       f"Line number in {name} (as in a vendor's report):",
                                       2, 1, max(last, 2) + 1000000)
        if ok:
            self.go_to_line(line, name)

    def show_find_id(self) -> None:
        if self.bundle is None:
            return
        if self._find_id_dialog is None or self._find_id_dialog.bundle is not self.bundle:
            self._find_id_dialog = FindIdDialog(self.bundle, self)
            self._find_id_dialog.hit_chosen.connect(self.go_to_cell)
        view = self.current_view()
        if view is not None and view.currentIndex().isValid():
            self._find_id_dialog.query.setText(str(view.currentIndex().data(Qt.ItemDataRole.EditRole)))
        self._find_id_dialog.show()
        self._find_id_dialog.raise_()
        self._find_id_dialog.query.selectAll()
        self._find_id_dialog.query.setFocus()

    def _show_notices_in_panel(self) -> None:
        self.findings_panel.show()
        self.findings_panel.raise_()
        self.findings_panel.search.setText("")
        rule_combo = self.findings_panel.rule_filter
        for i in range(rule_combo.count()):
            if str(rule_combo.itemData(i) or "").startswith("read."):
                rule_combo.setCurrentIndex(i)
                break

    # -- view commands on the current tab ----------------------------------------------

    def _current_page_and_column(self) -> tuple[FileTabPage | None, int]:
        page = self.tabs.currentWidget()
        if not isinstance(page, FileTabPage):
            return None, -1
        index = page.view.currentIndex()
        return page, index.column() if index.isValid() else 0

    def sort_current_column(self, descending: bool) -> None:
        page, col = self._current_page_and_column()
        if page is not None:
            page.sort_by(col, descending)

    def filter_current_column(self) -> None:
        page, col = self._current_page_and_column()
        if page is not None:
            page.ask_filter(col)

    def set_problem_rows_only(self, on: bool) -> None:
        page, _ = self._current_page_and_column()
        if page is not None and page.model.order.problem_rows_only != on:
            page.set_problem_rows_only(on)

    def clear_view_order(self) -> None:
        page, _ = self._current_page_and_column()
        if page is not None:
            page.clear_view_order()
            self.actions_by_id[ActionId.PROBLEM_ROWS_ONLY].setChecked(False)

    def hide_current_column(self) -> None:
        page, col = self._current_page_and_column()
        if page is not None:
            page.hide_column(col)

    def show_all_columns(self) -> None:
        page, _ = self._current_page_and_column()
        if page is not None:
            page.show_all_columns()

    def show_about(self) -> None:
        show_about(self)

    # -- status, title, enabling -------------------------------------------------------

    def _on_tab_changed(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, FileTabPage):
            action = self.actions_by_id[ActionId.PROBLEM_ROWS_ONLY]
            action.blockSignals(True)
            action.setChecked(page.model.order.problem_rows_only)
            action.blockSignals(False)
        self._update_status()

    def _on_current_cell_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_status()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_status()

    def _update_status(self) -> None:
        page = self.tabs.currentWidget()
        if not isinstance(page, FileTabPage) or self.bundle is None:
            self.status.set_rows(0, 0)
            self.status.rows_label.setText("")
            self.status.set_selection("")
            self.status.set_column("")
            return
        model = page.model
        self.status.set_rows(model.rowCount(), len(model.table))
        index = page.view.currentIndex()
        selected = len(page.view.selectionModel().selectedIndexes())
        if index.isValid():
            line = model.table.source_line(model.source_row(index.row()))
            where = f"Line {line}" if line is not None else "New row"
            extra = f" \u00b7 {selected:,} cells selected" if selected > 1 else ""
            self.status.set_selection(where + extra)
            column = model.table.header[index.column()]
            summary = validation_bridge.column_summary(self.selected_version(), model.file_name, column)
            # The selection colour hides a cell's tint, so say what is wrong with it here.
            findings = model.findings_at(model.source_row(index.row()), index.column())
            if findings:
                worst = findings[0]
                summary = f"{worst.severity.capitalize()}: {worst.message}   \u2014   {summary}"
            self.status.set_column(summary)
        else:
            self.status.set_selection("")
            self.status.set_column("")

    def _bundle_title(self) -> str:
        if self.bundle is None or self.bundle.source is None:
            return "Untitled bundle"
        if self.bundle.source_kind == "files":
            return f"CSV files in {self.bundle.source.name}"
        return self.bundle.source.name

    def _update_title(self) -> None:
        if self.bundle is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
        else:
            # [*] is where Qt shows the modified marker (and macOS the dot in the close button).
            self.setWindowTitle(f"{self._bundle_title()}[*] \u2014 {APP_NAME}")
            if self.bundle.source is not None and self.bundle.source_kind in ("zip", "folder"):
                self.setWindowFilePath(str(self.bundle.source))
        self.setWindowModified(self.is_modified())

    def _update_modified(self, _clean: bool = True) -> None:
        self.setWindowModified(self.is_modified())

    def _on_unrecorded_edit(self, file_name: str, row_ids: list[int]) -> None:
        # Without the editing plug-in, edits bypass the undo stack; still mark the window.
        self._unrecorded_changes = True
        self._update_modified()
        self.notify_cells_changed(file_name, row_ids)

    def _update_enabled(self) -> None:
        has = self.bundle is not None
        for action_id in (ActionId.SAVE, ActionId.SAVE_AS, ActionId.CLOSE_BUNDLE,
                          ActionId.SORT_ASCENDING, ActionId.SORT_DESCENDING,
                          ActionId.FILTER_COLUMN, ActionId.PROBLEM_ROWS_ONLY,
                          ActionId.CLEAR_FILTERS, ActionId.HIDE_COLUMN, ActionId.SHOW_ALL_COLUMNS,
                          ActionId.NEXT_PROBLEM, ActionId.PREVIOUS_PROBLEM, ActionId.GO_TO_LINE,
                          ActionId.FIND_ID, ActionId.REVALIDATE):
            self.actions_by_id[action_id].setEnabled(has)

    def _clear_tabs(self) -> None:
        self._pages.clear()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        if self._find_id_dialog is not None:
            self._find_id_dialog.close()
            self._find_id_dialog = None

    # -- look and feel -----------------------------------------------------------------

    def _icon(self, name: str) -> Any:
        return themed_icon(name, self.palette().color(QPalette.ColorRole.WindowText))

    def _apply_icons(self) -> None:
        for action_id, icon_name in ACTION_ICONS.items():
            self.actions_by_id[action_id].setIcon(self._icon(icon_name))
        filter_icon = self._icon("filter")
        for page in self._pages.values():
            page.model.filter_icon = filter_icon

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_icons()  # light <-> dark: redraw icons in the new text colour
        super().changeEvent(event)

    def _build_welcome(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("welcome")
        title = QLabel("<h2>Open a OneRoster bundle</h2>", page)
        text = QLabel(
            "Open the zip a vendor rejected (or a folder, or the CSV files), fix what is "
            "highlighted, and save. Values are kept exactly as typed.\n\n"
            "You can also drop a zip or CSV files onto this window.", page)
        text.setWordWrap(True)
        text.setMaximumWidth(520)
        open_button = QPushButton("Open Bundle\u2026", page)
        open_button.clicked.connect(self.choose_and_open)
        sample_button = QPushButton("Try the Sample District", page)
        sample_button.clicked.connect(lambda: self.open_sample(damaged=True))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(open_button)
        buttons.addWidget(sample_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for widget in (title, text):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return page

    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def _install_plugins(self) -> None:
        try:
            from rostereditor.ui.editing import install_editing  # noqa: PLC0415 - optional plug-in
        except ImportError:
            log.info("editing plug-in not available")
        else:
            install_editing(self)
        try:
            from rostereditor.ui.xlsx_actions import install_xlsx_actions  # noqa: PLC0415
        except ImportError:
            log.info("xlsx plug-in not available")
        else:
            install_xlsx_actions(self)

    # -- drag and drop -----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # Open after the drop finishes so the source app is not kept waiting.
            QTimer.singleShot(0, lambda: self.open_bundle(paths))


def _input_size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        try:
            if path.is_dir():
                total += sum(p.stat().st_size for p in path.iterdir() if p.is_file())
            else:
                total += path.stat().st_size
        except OSError:
            pass
    return total

