"""MainWindow: tabs of exact-text grids and the problems panel, composed from one part per idea.

Contract with plug-ins (editing, xlsx) — they code against exactly these names:
  undo_stack (QUndoStack), bundle (Bundle | None), validator (BundleValidator | None),
  current_file_name(), table_view(file_name), current_view(), model(file_name) -> RosterTableModel,
  go_to_cell(file_name, row, col), menu(name) for "file"/"edit"/"view"/"tools"/"help",
  main_toolbar, view_created Signal(str, QTableView) emitted for every new tab view,
  notify_cells_changed(file_name, row_ids), notify_rows_changed(file_name), notify_bundle_changed().
Rows and columns passed in or out are *table* positions (RosterTableModel.source_row/view_row map).

The parts: bundle_opening (open flow), bundle_saving (save flow and the unsaved-changes prompt),
problem_navigation (go to cell/finding/line/ID, F8), validation_wiring (checks -> highlights,
list, tab titles), toolbar_choices (vendor and version), current_tab_commands (View menu).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.bundle import Bundle
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.ui import validation_bridge
from rostereditor.ui.bundle_opening import BundleOpening, Source
from rostereditor.ui.bundle_saving import BundleSaving
from rostereditor.ui.current_cell_status import show_current_cell
from rostereditor.ui.current_tab_commands import CurrentTabCommands
from rostereditor.ui.file_tab_page import FileTabPage
from rostereditor.ui.findings_panel import FindingsPanel
from rostereditor.ui.notice_banner import NoticeBanner
from rostereditor.ui.problem_navigation import ProblemNavigation
from rostereditor.ui.roster_table_model import RosterTableModel
from rostereditor.ui.status_summary import StatusSummary
from rostereditor.ui.toolbar_choices import ToolbarChoices
from rostereditor.ui.toolbar_icons import themed_icon
from rostereditor.ui.validation_wiring import ValidationWiring
from rostereditor.ui.welcome_page import build_welcome_page
from rostereditor.ui.window_actions import (
    ACTION_ICONS,
    NEEDS_BUNDLE,
    create_actions,
    populate_menus,
    populate_toolbar,
)
from rostereditor.ui.window_plugins import install_plugins
from rostereditor.ui.window_settings import WindowSettings
from rostereditor.ui.window_title import bundle_title, window_file_path, window_title

APP_NAME = "RosterEditor"


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
        self.settings = WindowSettings()
        self._pages: dict[str, FileTabPage] = {}
        self._unrecorded_changes = False  # edits made without the editing plug-in's undo stack
        self.recent_menu: QMenu
        self.profile_combo: QComboBox
        self.version_combo: QComboBox

        # The parts that hold the window's behaviour; menus and toolbar connect straight to them.
        self.opening = BundleOpening(self)
        self.saving = BundleSaving(self)
        self.navigation = ProblemNavigation(self)
        self.tab_commands = CurrentTabCommands(self)

        self.banner = NoticeBanner(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Files in the bundle")
        self.tabs.currentChanged.connect(self.tab_commands.sync_to_current_tab)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(build_welcome_page(self, self.opening.choose_and_open,
                                                lambda: self.open_sample(damaged=True)))
        self.stack.addWidget(self.tabs)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.findings_panel = FindingsPanel(self)
        self.findings_panel.finding_activated.connect(self.navigation.go_to_finding)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_panel)
        self.banner.show_details_requested.connect(self.navigation.show_reader_notices)

        self.actions_by_id: dict[str, QAction] = create_actions(self)
        self._menus = populate_menus(self, self.actions_by_id)
        self.main_toolbar: QToolBar = populate_toolbar(self, self.actions_by_id)
        self.choices = ToolbarChoices(self.profile_combo, self.version_combo, self.settings)
        self.status = StatusSummary(self.statusBar())
        self.checking = ValidationWiring(self)
        self.checker = self.checking.checker
        self.choices.profile_changed.connect(self.checking.restart)
        self.choices.version_changed.connect(self._on_version_changed)
        self.undo_stack.cleanChanged.connect(self._update_modified)
        self._apply_icons()
        self._update_title()
        self._update_enabled()
        install_plugins(self)
        self._restore_window()

    # -- the contract for plug-ins -----------------------------------------------------

    def action(self, action_id: str) -> QAction:
        """Any of the window's actions by id, including those plug-ins added (e.g. edit.copy)."""
        found = self.actions_by_id.get(action_id) or self.findChild(QAction, action_id)
        if found is None:
            raise KeyError(action_id)
        return found

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

    def pages(self) -> dict[str, FileTabPage]:
        """The open tabs by file name, in tab order."""
        return self._pages

    def go_to_cell(self, file_name: str, row: int, col: int) -> bool:
        """Show a table cell: switch tab, drop filters hiding it, select it and scroll to it."""
        return self.navigation.go_to_cell(file_name, row, col)

    def notify_cells_changed(self, file_name: str, row_ids: Iterable[int],
                             columns: Iterable[int] | None = None) -> None:
        """Cell values changed: repaint those rows, re-check them, update highlights and lists.

        columns, when known, lets the re-check skip what those columns cannot affect.
        """
        row_ids = list(row_ids)
        model = self.model(file_name)
        if model is not None:
            model.refresh_rows(row_ids)
        self.checking.cells_changed(file_name, row_ids, columns)

    def notify_rows_changed(self, file_name: str) -> None:
        """Rows were inserted, deleted or reordered: rebuild the grid's mapping, re-check."""
        model = self.model(file_name)
        if model is not None:
            model.rebuild_rows()
        self.checking.structure_changed()

    def notify_bundle_changed(self) -> None:
        """Several files changed at once (e.g. an id renamed with its references)."""
        for page in self._pages.values():
            page.model.rebuild_rows()
        self.checking.structure_changed()

    # -- opening, saving, closing (see bundle_opening and bundle_saving) ---------------

    def open_bundle(self, source: Source, *, background: bool | None = None) -> bool:
        """Open a zip, folder or CSV file(s). False if not opened (cancelled, unreadable)."""
        return self.opening.open(source, background=background)

    def open_sample(self, damaged: bool = False) -> bool:
        return self.opening.open_sample(damaged)

    def is_opening(self) -> bool:
        return self.opening.is_opening()

    def save_bundle(self, path: Path | str | None = None) -> Path:
        """Save without asking anything; returns where it went. Raises SaveError on failure."""
        return self.saving.save(path)

    def save_interactive(self) -> bool:
        return self.saving.save_interactive()

    def save_as_interactive(self) -> bool:
        return self.saving.save_as_interactive()

    def confirm_discard(self, action: str) -> bool:
        """True if it is fine to drop the current bundle (saved, discarded, or unchanged)."""
        return self.saving.confirm_discard(action)

    def set_bundle(self, bundle: Bundle) -> None:
        """Show an already-read bundle: tabs first, then findings once checked."""
        self.checking.cancel()
        self._clear_tabs()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._unrecorded_changes = False
        self.bundle = bundle
        names = [*bundle.data_file_names, *([MANIFEST] if MANIFEST in bundle.files else [])]
        for name in names:
            self._add_tab(name)
        self.stack.setCurrentWidget(self.tabs)
        self.banner.show_notices(bundle.notices)
        if bundle.source is not None and bundle.source_kind != "new":
            self.settings.add_recent(bundle.source)
        self._update_title()
        self._update_enabled()
        self.update_status()
        self.checking.findings = []
        self.checking.refresh_findings_views()
        self.bundle_opened.emit()
        self.checking.restart()

    def _add_tab(self, name: str) -> None:
        assert self.bundle is not None
        model = RosterTableModel(self.bundle.files[name].table, name, read_only=name == MANIFEST)
        model.cells_changed_callback = self._on_unrecorded_edit
        model.filter_icon = self._icon("filter")
        self._set_column_tooltips(model)
        page = FileTabPage(model, self.tabs)
        page.size_columns_to_content()
        page.view_order_changed.connect(self.update_status)
        page.view.selectionModel().currentChanged.connect(self.update_status)
        page.view.selectionModel().selectionChanged.connect(self.update_status)
        self._pages[name] = page
        index = self.tabs.addTab(page, f"{name} (read-only)" if name == MANIFEST else name)
        if name == MANIFEST:
            self.tabs.setTabToolTip(index, "The manifest is written fresh on every save, "
                                    "from the files in the bundle and the chosen version.")
        self.view_created.emit(name, page.view)

    def close_bundle_interactive(self) -> None:
        if self.bundle is None or not self.confirm_discard("closing it"):
            return
        self.checking.cancel()
        self._clear_tabs()
        self.bundle = None
        self.checking.stop()
        self.undo_stack.clear()
        self._unrecorded_changes = False
        self.banner.hide()
        self.stack.setCurrentIndex(0)
        self._update_title()
        self._update_enabled()
        self.update_status()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard("closing"):
            event.ignore()
            return
        self.checking.cancel()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        event.accept()

    def is_modified(self) -> bool:
        return self.bundle is not None and (not self.undo_stack.isClean() or self._unrecorded_changes)

    def mark_saved(self) -> None:
        self.undo_stack.setClean()
        self._unrecorded_changes = False
        self._update_title()

    def _clear_tabs(self) -> None:
        self._pages.clear()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self.navigation.close_find_id()

    # -- checking (see validation_wiring and toolbar_choices) --------------------------

    @property
    def validator(self) -> Any | None:
        """The BundleValidator for the open bundle (None without a bundle or validation)."""
        return self.checking.validator

    @property
    def validation_result(self) -> Any | None:
        return self.checking.result

    def selected_version(self) -> str:
        """The version being checked against: the toolbar's choice, else the bundle's own."""
        return self.choices.selected_version(self.bundle)

    def all_findings(self) -> list[Any]:
        return list(self.checking.findings)

    def flush_pending_updates(self) -> None:
        """Apply the debounced list/tab updates now (tests and the self-test call this)."""
        self.checking.flush_pending_updates()

    def is_checking(self) -> bool:
        return self.checking.is_running()

    def cancel_validation(self) -> None:
        self.checking.cancel()

    def _on_version_changed(self) -> None:
        for page in self._pages.values():
            self._set_column_tooltips(page.model)
        self.checking.restart()

    def _set_column_tooltips(self, model: RosterTableModel) -> None:
        version = self.selected_version()
        model.set_column_tooltips([
            validation_bridge.column_tooltip(version, model.file_name, column)
            for column in model.table.header
        ])

    # -- navigation (see problem_navigation) -------------------------------------------

    def go_to_line(self, line: int, file_name: str | None = None) -> bool:
        """Select the record at a physical line of the original file (as vendors report it)."""
        return self.navigation.go_to_line(line, file_name)

    def show_find_id(self) -> None:
        self.navigation.show_find_id()

    # -- status, title, enabling -------------------------------------------------------

    def update_status(self, *_signal_args: object) -> None:
        page = self.tabs.currentWidget()
        shown = page if isinstance(page, FileTabPage) and self.bundle is not None else None
        show_current_cell(self.status, shown, self.selected_version())

    def bundle_title(self) -> str:
        return bundle_title(self.bundle)

    def _update_title(self) -> None:
        self.setWindowTitle(window_title(self.bundle, APP_NAME))
        self.setWindowFilePath(window_file_path(self.bundle))
        self.setWindowModified(self.is_modified())

    def _update_modified(self, _clean: bool = True) -> None:
        self.setWindowModified(self.is_modified())

    def _on_unrecorded_edit(self, file_name: str, row_ids: list[int]) -> None:
        # Without the editing plug-in, edits bypass the undo stack; still mark the window.
        self._unrecorded_changes = True
        self._update_modified()
        self.notify_cells_changed(file_name, row_ids)

    def _update_enabled(self) -> None:
        for action_id in NEEDS_BUNDLE:
            self.actions_by_id[action_id].setEnabled(self.bundle is not None)

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

    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

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
