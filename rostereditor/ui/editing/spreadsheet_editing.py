"""SpreadsheetEditing: every way the user changes data in the grid, composed once by the window.

Each grid's model sends typed values to `cells` (its CellEditSink); each view gets the
type-aware editors and the right-click menu. Every change is a session edit, pushed as one
step on the window's undo stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView

from rostereditor.ui.editing.cell_edit_actions import CellEditActions
from rostereditor.ui.editing.clipboard_actions import ClipboardActions
from rostereditor.ui.editing.column_actions import ColumnActions
from rostereditor.ui.editing.column_delegate import ColumnEditorDelegate
from rostereditor.ui.editing.editing_actions import EditingActions
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.find_replace_dialog import FindReplaceDialog
from rostereditor.ui.editing.history_dock import HistoryDock
from rostereditor.ui.editing.quick_fix_actions import QuickFixActions
from rostereditor.ui.editing.range_actions import RangeActions
from rostereditor.ui.editing.reference_actions import ReferenceActions
from rostereditor.ui.editing.review_changes_dialog import ReviewChangesDialog
from rostereditor.ui.editing.row_actions import RowActions
from rostereditor.ui.editing.undo_reveal import reveal_on_undo_and_redo
from rostereditor.ui.grid.cell_editor_keys import Step
from rostereditor.ui.grid.file_tab_page import FileTabPage
from rostereditor.ui.grid.roster_table_view import RosterTableView
from rostereditor.ui.window.action_ids import MenuId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow


class SpreadsheetEditing:
    """Everything the user can change in the grid, each change one command on the undo stack."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.context = EditingContext(window)
        self.cells = CellEditActions(self.context)
        self.clipboard = ClipboardActions(self.context)
        self.ranges = RangeActions(self.context)
        self.rows = RowActions(self.context)
        self.columns = ColumnActions(self.context)
        self.quick_fixes = QuickFixActions(self.context)
        self.references = ReferenceActions(self.context)
        self.find_dialog: FindReplaceDialog | None = None
        self.review_dialog: ReviewChangesDialog | None = None
        self.actions = EditingActions(window, self)
        self.history = HistoryDock(window.undo_stack, window)
        self.history.setVisible(False)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history)
        self.actions.fill_edit_menu(window.menu(MenuId.EDIT))
        window.menu(MenuId.VIEW).addAction(self.history.toggleViewAction())
        window.view_created.connect(self.attach_view)
        window.findings_panel.finding_menu_requested.connect(
            self.actions.show_finding_menu)
        reveal_on_undo_and_redo(window)

    def attach_view(self, file_name: str, view: QTableView) -> None:
        """Called for each tab's grid: type-aware editors and the context menu."""
        # One delegate per view: a delegate shared by the grid and its frozen-column overlay
        # sends each editor's commit to both views, and Qt warns about the foreign editor.
        delegate = ColumnEditorDelegate(self.context, file_name, view)
        QTableView.setItemDelegate(view, delegate)
        delegates = [delegate]
        frozen = getattr(view, "frozen_view", None)
        if isinstance(frozen, QTableView):
            delegates.append(ColumnEditorDelegate(self.context, file_name, frozen))
            frozen.setItemDelegate(delegates[-1])
        if isinstance(view, RosterTableView):
            for each in delegates:
                # Enter, Tab or a pick commits; the grid's current cell then moves (or stays).
                each.step_requested.connect(lambda step, grid=view: grid.step(Step(step)))
        self.actions.attach_to_grid(view)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def show_menu(pos: QPoint) -> None:
            self.actions.show_context_menu(view, file_name, pos)

        view.customContextMenuRequested.connect(show_menu)
        page = view.parentWidget()
        if isinstance(page, FileTabPage):
            page.header_menu_opening.connect(
                lambda menu, col: self.actions.header_menu(menu, file_name, col))

    def open_find(self, *, replace: bool) -> FindReplaceDialog:
        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self.context)
        self.find_dialog.open_for(replace=replace)
        return self.find_dialog

    def find_next(self) -> None:
        if self.find_dialog is None or not self.find_dialog.find_edit.text():
            self.open_find(replace=False)
        else:
            self.find_dialog.find_next()

    def review_changes(self) -> ReviewChangesDialog:
        self.review_dialog = ReviewChangesDialog(self.context.session.bundle,
                                                 self.window.dialog_parent())
        self.review_dialog.show()
        return self.review_dialog
