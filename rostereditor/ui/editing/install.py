"""install_editing(window): wires every editing operation into the window once, after its menus
exist; each grid gets the cell-edit handler, the type-aware editors and the context menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from rostereditor.core.editing.closest_ids import broken_reference_suggestions
from rostereditor.ui.editing.cell_edit_actions import CellEditActions
from rostereditor.ui.editing.clipboard_actions import ClipboardActions
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


class SpreadsheetEditing:
    """Everything the user can change in the grid, each change one command on the undo stack."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.context = EditingContext(window)
        self.cells = CellEditActions(self.context)
        self.clipboard = ClipboardActions(self.context)
        self.ranges = RangeActions(self.context)
        self.rows = RowActions(self.context)
        self.quick_fixes = QuickFixActions(self.context)
        self.references = ReferenceActions(self.context)
        self.find_dialog: FindReplaceDialog | None = None
        self.review_dialog: ReviewChangesDialog | None = None
        self.actions = EditingActions(window, self)
        self.history = HistoryDock(window.undo_stack, window)
        self.history.setVisible(False)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history)
        self._fill_menus()
        window.view_created.connect(self.attach_view)

    def attach_view(self, file_name: str, view: QTableView) -> None:
        """Called for each tab's grid: route edits through undo, set editors and context menu."""
        model = self.window.model(file_name)
        if model is not None:
            model.cell_edit_handler = self.cells.handler_for(file_name)
            model.reference_hint = lambda row, col, n=file_name: self._reference_hint(n, row, col)
        # One delegate per view: a delegate shared by the grid and its frozen-column overlay
        # sends each editor's commit to both views, and Qt warns about the foreign editor.
        QTableView.setItemDelegate(view, ColumnEditorDelegate(self.context, file_name, view))
        frozen = getattr(view, "frozen_view", None)
        if isinstance(frozen, QTableView):
            frozen.setItemDelegate(ColumnEditorDelegate(self.context, file_name, frozen))
        self.actions.attach_to_grid(view)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos, v=view, n=file_name: self.actions.show_context_menu(v, n, pos)
        )

    def _reference_hint(self, file_name: str, row: int, col: int) -> str | None:
        bundle = self.window.bundle
        table = bundle.table(file_name) if bundle is not None else None
        if table is None:
            return None
        suggestions = broken_reference_suggestions(
            bundle, self.context.version, file_name, table.header[col], table.cell(row, col))
        lines = [f"“{item}”: did you mean {', '.join(close)}?" for item, close in suggestions.items()
                 if close]
        return "\n".join(lines) if lines else None

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
        self.review_dialog = ReviewChangesDialog(self.window)
        self.review_dialog.show()
        return self.review_dialog

    def _fill_menus(self) -> None:
        # Undo and Redo are the window's own actions on its stack; we add everything after them.
        self.actions.fill_edit_menu(self.window.menu("edit"))
        self.window.menu("view").addAction(self.history.toggleViewAction())


def install_editing(window: Any) -> SpreadsheetEditing:
    editing = SpreadsheetEditing(window)
    window.editing = editing
    return editing
