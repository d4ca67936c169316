"""MainWindow: composes the parts of the editor around one EditSession; it holds no data itself.

The session (core, no Qt) owns the bundle, its OneRoster version and vendor profile, the
findings and every edit. The window builds one tab per file (a RosterTableModel that follows
the session's events), and composes the parts that hold its behaviour:
  files/     bundle_opening, bundle_saving, xlsx_actions  (bundles in and out)
  grid/      a FileTabPage per file; current_tab_commands (View menu)
  findings/  the problems panel and problem_navigation (go to cell, line, ID, F8)
  checking/  check_presenter (progress, failures, tab counts, the problems list)
  editing/   SpreadsheetEditing (every edit an undo step on the window's QUndoStack)
  window/    toolbar_choices (vendor and version), menus, status bar, title.
Rows and columns passed between parts are *table* positions (RosterTableModel.source_row and
view_row translate to the grid's sorted and filtered rows).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QPalette,
    QResizeEvent,
    QUndoStack,
)
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
from rostereditor.core.session import BundleChanged, EditSession, FileAdded, Saved, VersionChanged
from rostereditor.core.validation import BundleValidator, Finding, ValidationResult, list_profiles
from rostereditor.ui.background.qt_job_runner import QtJobRunner
from rostereditor.ui.checking.check_presenter import CheckPresenter
from rostereditor.ui.comparison.comparison_actions import ComparisonActions
from rostereditor.ui.conversion.conversion_actions import ConversionActions
from rostereditor.ui.editing.spreadsheet_editing import SpreadsheetEditing
from rostereditor.ui.files.bundle_opening import BundleOpening, Source
from rostereditor.ui.files.bundle_saving import BundleSaving
from rostereditor.ui.files.xlsx_actions import XlsxActions
from rostereditor.ui.findings.findings_panel import FindingsPanel
from rostereditor.ui.findings.problem_navigation import ProblemNavigation
from rostereditor.ui.grid.current_tab_commands import CurrentTabCommands
from rostereditor.ui.grid.file_tab_page import FileTabPage
from rostereditor.ui.grid.roster_table_model import RosterTableModel
from rostereditor.ui.recipes.recipe_actions import RecipeActions
from rostereditor.ui.summary.summary_actions import SummaryActions
from rostereditor.ui.vendor_report.vendor_report_actions import VendorReportActions
from rostereditor.ui.window.current_cell_status import show_current_cell
from rostereditor.ui.window.notice_banner import NoticeBanner
from rostereditor.ui.window.opening_page import OpeningPage
from rostereditor.ui.window.shortcut_keys import remove_ambiguous_keys
from rostereditor.ui.window.status_summary import StatusSummary
from rostereditor.ui.window.toolbar_choices import ToolbarChoices
from rostereditor.ui.window.toolbar_icons import themed_icon
from rostereditor.ui.window.welcome_page import build_welcome_page
from rostereditor.ui.window.window_actions import (
    ACTION_ICONS,
    NEEDS_BUNDLE,
    create_actions,
    populate_menus,
    populate_toolbar,
)
from rostereditor.ui.window.window_fit import (
    ToolbarFit,
    fit_first_window,
    fit_panels,
    keep_layout_within_screen,
    keep_on_screen,
    size_panel,
)
from rostereditor.ui.window.window_settings import WindowSettings
from rostereditor.ui.window.window_title import bundle_title, window_file_path, window_title

APP_NAME = "RosterEditor"
STATUS_TIMEOUT_MS = 5000


class MainWindow(QMainWindow):
    """The editor window. Tests and the self-test drive it with open_bundle() and save_bundle()."""

    view_created = Signal(str, QTableView)
    bundle_opened = Signal()
    findings_updated = Signal()
    # The user closed the window and nothing unsaved is left (saved or discarded).
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.settings = WindowSettings()
        self.runner = QtJobRunner()
        known = {p.name for p in list_profiles()}
        self.session = EditSession(
            self.runner, profile=self.settings.profile if self.settings.profile in known else "1edtech",
            version_choice=self.settings.version)
        self.undo_stack = QUndoStack(self)
        self._pages: dict[str, FileTabPage] = {}
        self._tabs_of_reading = False  # the tabs show a bundle still being read
        self._filter_icon_drawn: QIcon | None = None
        # The name of a bundle opened as an untitled copy (the sample), until it is saved.
        self.untitled_name: str | None = None
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
        self.welcome_page = build_welcome_page(self, self.opening.choose_and_open,
                                               lambda: self.open_sample(damaged=True))
        self.stack.addWidget(self.welcome_page)
        self.stack.addWidget(self.tabs)
        self.opening_page = OpeningPage(self.stack)
        self.stack.addWidget(self.opening_page)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.findings_panel = FindingsPanel(self)
        self.findings_panel.finding_activated.connect(self.navigation.go_to_finding)
        self.findings_panel.collapse_changed.connect(lambda _collapsed: size_panel(self))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_panel)
        self.banner.show_details_requested.connect(self.navigation.show_reader_notices)

        self.actions_by_id: dict[str, QAction] = create_actions(self)
        self._menus = populate_menus(self, self.actions_by_id)
        self.main_toolbar: QToolBar
        self.main_toolbar, self.choices_toolbar = populate_toolbar(self, self.actions_by_id)
        self.toolbar_fit = ToolbarFit(self, self.main_toolbar, self.choices_toolbar)
        self.choices = ToolbarChoices(self.profile_combo, self.version_combo, self.settings,
                                      self.session)
        self.status = StatusSummary(self.statusBar())
        self.checks = CheckPresenter(self)
        self.editing = SpreadsheetEditing(self)
        self.xlsx = XlsxActions(self)
        self.comparisons = ComparisonActions(self)
        self.summary_view = SummaryActions(self)
        self.vendor_reports = VendorReportActions(self)
        self.recipes = RecipeActions(self)
        self.conversion = ConversionActions(self)
        self.session.events.bundle_changed.connect(self._on_bundle_changed)
        self.session.events.file_added.connect(self._on_file_added)
        self.session.events.saved.connect(self._on_saved)
        self.session.events.version_changed.connect(self._on_version_changed)
        self.undo_stack.cleanChanged.connect(self._update_modified)
        self._apply_icons()
        self._update_title()
        self._update_enabled()
        self._restore_window()
        # Last, once every part has added its actions: one action per key.
        remove_ambiguous_keys(self.findChildren(QAction))

    # -- what the parts use ------------------------------------------------------------

    @property
    def bundle(self) -> Bundle | None:
        """The open bundle; None while one is still being read (its first files are shown, but
        nothing may be saved, exported or checked until it is whole)."""
        return None if self.session.reading else self.session.bundle

    def action(self, action_id: str) -> QAction:
        """Any of the window's actions by id, including those its parts added (e.g. edit.copy)."""
        found = self.actions_by_id.get(action_id) or self.findChild(QAction, action_id)
        if found is None:
            raise KeyError(action_id)
        return found

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def dialog_parent(self) -> QWidget:
        return self

    def show_status(self, message: str, timeout_ms: int = STATUS_TIMEOUT_MS) -> None:
        self.statusBar().showMessage(message, timeout_ms)

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

    # -- opening, saving, closing (see bundle_opening and bundle_saving) ---------------

    def open_bundle(self, source: Source, *, background: bool | None = None) -> bool:
        """Open a zip, folder or CSV file(s). False if not opened (cancelled, unreadable)."""
        return self.opening.open(source, background=background)

    def open_sample(self, damaged: bool = False) -> bool:
        return self.opening.open_sample(damaged)

    def is_opening(self) -> bool:
        return self.opening.is_opening()

    def show_opening(self, name: str) -> None:
        """A background read began: with no bundle shown, its progress takes the welcome
        page's place (an open bundle stays in view until the new one is ready)."""
        if self.bundle is None:
            self.opening_page.start(name)
            self.stack.setCurrentWidget(self.opening_page)

    def end_opening(self) -> None:
        """The read was cancelled or failed: back to what was shown before."""
        if self.stack.currentWidget() is self.opening_page:
            self.stack.setCurrentWidget(self.tabs if self.bundle is not None else self.welcome_page)

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

    def set_bundle(self, bundle: Bundle, *, keep_place: bool = False) -> None:
        """Show an already-read bundle: tabs at once, findings once checked.

        keep_place: the bundle's first files were shown while it was read; stay on the tab
        and rows the user went to meanwhile.
        """
        place = self._place() if keep_place else None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.session.open(bundle)  # the tabs come with its bundle_changed event
        if place is not None:
            self._go_back_to(place)

    def show_reading(self, bundle: Bundle) -> None:
        """Show the first files of a bundle still being read (read-only; more tabs follow)."""
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.session.open(bundle, reading=True)

    def close_reading(self, previous: Bundle | None = None) -> None:
        """The read whose first files are shown was cancelled or failed: show the bundle that
        was open before it (previous), else nothing."""
        if not self.session.reading:
            return
        if previous is not None:
            self.set_bundle(previous)
        else:
            self.session.close()

    def _on_file_added(self, event: FileAdded) -> None:
        self._add_tab(event.file)
        order = self.session.file_names
        page = self._pages[event.file]
        self.tabs.tabBar().moveTab(self.tabs.indexOf(page), order.index(event.file))
        self.update_status()

    def _place(self) -> tuple[str, int, int] | None:
        """The current tab, its top row and its current cell (as table rows)."""
        name, view = self.current_file_name(), self.current_view()
        if name is None or view is None:
            return None
        return name, view.verticalScrollBar().value(), view.currentIndex().row()

    def _go_back_to(self, place: tuple[str, int, int]) -> None:
        name, top, row = place
        page = self._pages.get(name)
        if page is None:
            return
        self.tabs.setCurrentWidget(page)
        page.view.verticalScrollBar().setValue(top)
        if row >= 0:
            page.view.setCurrentIndex(page.model.index(row, 0))

    def close_bundle_interactive(self) -> None:
        if self.bundle is None or not self.confirm_discard("closing it"):
            return
        self.undo_stack.clear()
        self.session.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard("closing"):
            event.ignore()
            return
        self.shut_down()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        event.accept()
        self.closed.emit()

    def shut_down(self) -> None:
        """Stop every background job now: none may outlive the window."""
        self.opening.cancel()
        self.checks.shut_down()
        self.session.shut_down()
        self.runner.cancel_all()

    def is_modified(self) -> bool:
        return self.bundle is not None and not self.undo_stack.isClean()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()
        self._update_title()

    def _on_bundle_changed(self, event: BundleChanged) -> None:
        bundle = event.bundle
        # The tabs shown while this bundle was read hold its tables already: they stay (made
        # editable), so the read's end does not build every grid again on the GUI thread.
        kept = self._clear_tabs(keep=bundle if self._tabs_of_reading else None)
        self._tabs_of_reading = self.session.reading
        if bundle is None:
            self.banner.hide()
            self.stack.setCurrentIndex(0)
        else:
            for name in self.session.file_names:
                if name in kept:
                    kept[name].model.edits = self.editing.cells if self.session.is_editable(name) \
                        else None
                else:
                    self._add_tab(name)
            for position, name in enumerate(self.session.file_names):
                self.tabs.tabBar().moveTab(self.tabs.indexOf(self._pages[name]), position)
            self.stack.setCurrentWidget(self.tabs)
            self.banner.show_notices(bundle.notices)
            if bundle.source is not None and bundle.source_kind != "new":
                self.settings.add_recent(bundle.source)
        self._update_title()
        self._update_enabled()
        self.update_status()
        if bundle is not None and not self.session.reading:
            self.bundle_opened.emit()

    def _on_saved(self, _event: Saved) -> None:
        """A save writes the manifest afresh and the session takes that one in: its tab
        shows the new table (and appears if the bundle had no manifest before)."""
        current = self.current_file_name()
        for name in self.session.file_names:
            page = self._pages.get(name)
            if page is not None and page.model.table is self.session.table(name):
                continue
            if page is not None:
                page.model.detach()
                self.tabs.removeTab(self.tabs.indexOf(page))
                page.deleteLater()
                del self._pages[name]
            self._add_tab(name)
        if current is not None and current in self._pages:
            self.tabs.setCurrentWidget(self._pages[current])
        self._update_title()

    def _add_tab(self, name: str) -> None:
        table = self.session.require_table(name)
        edits = self.editing.cells if self.session.is_editable(name) else None
        model = RosterTableModel(table, name, edits)
        model.attach(self.session)
        model.filter_icon = self._filter_icon()
        page = FileTabPage(model, self.tabs)
        page.size_columns_to_content()
        page.view_order_changed.connect(self.update_status)
        model.findings_changed.connect(self.update_status)
        page.view.selectionModel().currentChanged.connect(self.update_status)
        page.view.selectionModel().selectionChanged.connect(self.update_status)
        self._pages[name] = page
        index = self.tabs.addTab(page, f"{name} (read-only)" if name == MANIFEST else name)
        if name == MANIFEST:
            self.tabs.setTabToolTip(index, "The manifest is written fresh on every save, "
                                    "from the files in the bundle and the chosen version.")
        self.view_created.emit(name, page.view)

    def _clear_tabs(self, keep: Bundle | None = None) -> dict[str, FileTabPage]:
        """Remove the tabs, except those showing a table of `keep` (returned by file name)."""
        kept = {name: page for name, page in self._pages.items()
                if keep is not None and page.model.table is keep.table(name)}
        for name, page in list(self._pages.items()):
            if name in kept:
                continue
            page.model.detach()
            del self._pages[name]
            self.tabs.removeTab(self.tabs.indexOf(page))
            page.deleteLater()
        self.navigation.close_find_id()
        return kept

    # -- checking (the session checks; see check_presenter) -------------------------------

    @property
    def validator(self) -> BundleValidator | None:
        """The open bundle's BundleValidator (None without a bundle)."""
        return self.session.validator

    @property
    def validation_result(self) -> ValidationResult | None:
        return self.session.result

    def all_findings(self) -> list[Finding]:
        """What the problems list shows (after flush_pending_updates, the latest result)."""
        return list(self.findings_panel.all_findings())

    def flush_pending_updates(self) -> None:
        """Apply the debounced list/tab updates now (tests and the self-test call this)."""
        self.checks.flush_pending_updates()

    def is_checking(self) -> bool:
        return self.session.is_checking()

    def cancel_validation(self) -> None:
        self.checks.cancel()

    def _on_version_changed(self, _event: VersionChanged) -> None:
        self.update_status()

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
        show_current_cell(self.status, shown, self.session)

    def bundle_title(self) -> str:
        return bundle_title(self.bundle, self.untitled_name)

    def _update_title(self) -> None:
        self.setWindowTitle(window_title(self.bundle, APP_NAME, self.untitled_name))
        self.setWindowFilePath(window_file_path(self.bundle))
        self.setWindowModified(self.is_modified())

    def _update_modified(self, _clean: bool = True) -> None:
        self.setWindowModified(self.is_modified())

    def _update_enabled(self) -> None:
        for action_id in NEEDS_BUNDLE:
            self.actions_by_id[action_id].setEnabled(self.bundle is not None)

    # -- look and feel -----------------------------------------------------------------

    def _icon(self, name: str) -> QIcon:
        return themed_icon(name, self.palette().color(QPalette.ColorRole.WindowText))

    def _filter_icon(self) -> QIcon:
        """The grids' filter mark, drawn once per palette (read and tinted, it took a tab
        opening tens of milliseconds)."""
        if self._filter_icon_drawn is None:
            self._filter_icon_drawn = self._icon("filter")
        return self._filter_icon_drawn

    def _apply_icons(self) -> None:
        for action_id, icon_name in ACTION_ICONS.items():
            self.actions_by_id[action_id].setIcon(self._icon(icon_name))
        self._filter_icon_drawn = None  # the palette may have changed
        filter_icon = self._filter_icon()
        for page in self._pages.values():
            page.model.filter_icon = filter_icon

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_icons()  # light <-> dark: redraw icons in the new text colour
        super().changeEvent(event)

    def _restore_window(self) -> None:
        """The size and layout of the last session, fitted to this screen; a first window
        fits the available space (see window_fit)."""
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            fit_first_window(self)
        else:
            keep_on_screen(self)
            fit_panels(self)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
            # Panels tabbed with the problems list keep their places, but a vendor report or a
            # comparison is not carried over: the problems list (and "Checking…") comes first.
            if not self.findings_panel.isHidden():
                self.findings_panel.raise_()
        self.toolbar_fit.apply()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.toolbar_fit.apply()
        if event.size().width() > event.oldSize().width() or \
                event.size().height() > event.oldSize().height():
            # Grown, perhaps by panels shown side by side: never past the screen's edge.
            QTimer.singleShot(0, self, lambda: keep_layout_within_screen(self))

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
