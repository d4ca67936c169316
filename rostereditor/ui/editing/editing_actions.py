"""The Edit menu's actions (with standard shortcuts) and the grid's context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from rostereditor.core.wording import plural
from rostereditor.ui.editing.action_ids import EditActionId

if TYPE_CHECKING:
    from rostereditor.ui.editing.spreadsheet_editing import SpreadsheetEditing

StandardKey = QKeySequence.StandardKey


# Actions on the grid's cells: their shortcuts work only while a grid has focus, so Delete or
# Ctrl+V in the findings panel or a dialog never changes cells.
GRID_ACTIONS = (
    EditActionId.CUT, EditActionId.COPY, EditActionId.PASTE, EditActionId.FILL_DOWN,
    EditActionId.CLEAR, EditActionId.INSERT_ROW_ABOVE, EditActionId.INSERT_ROW_BELOW,
    EditActionId.DUPLICATE_ROWS, EditActionId.DELETE_ROWS, EditActionId.GO_TO_REFERENCED,
    EditActionId.SHOW_REFERENCES,
)


# The same groups, in the same order, in the Edit menu and the grid's right-click menu.
CELL_GROUP = (EditActionId.CUT, EditActionId.COPY, EditActionId.PASTE, EditActionId.FILL_DOWN,
              EditActionId.CLEAR)
ROW_GROUP = (EditActionId.INSERT_ROW_ABOVE, EditActionId.INSERT_ROW_BELOW,
             EditActionId.DUPLICATE_ROWS, EditActionId.DELETE_ROWS)


def make_action(parent: QObject, action_id: str, text: str, slot: Callable[[], object],
                shortcut: StandardKey | str | None = None) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(action_id)
    if isinstance(shortcut, StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(
        Qt.ShortcutContext.WidgetWithChildrenShortcut if action_id in GRID_ACTIONS
        else Qt.ShortcutContext.WindowShortcut
    )
    action.triggered.connect(lambda _checked=False: slot())
    return action


class EditingActions:
    """Creates the actions once; menus and the context menu share them."""

    def __init__(self, window: QWidget, editing: SpreadsheetEditing) -> None:
        self.window = window
        self.editing = editing
        e = editing
        self.actions: dict[str, QAction] = {}
        for spec in (
            (EditActionId.CUT, "Cu&t", e.clipboard.cut, StandardKey.Cut),
            (EditActionId.COPY, "&Copy", e.clipboard.copy, StandardKey.Copy),
            (EditActionId.PASTE, "&Paste", e.clipboard.paste, StandardKey.Paste),
            (EditActionId.FILL_DOWN, "Fill &Down", e.ranges.fill_down, "Ctrl+D"),
            (EditActionId.CLEAR, "C&lear Cells", e.clipboard.clear, StandardKey.Delete),
            (EditActionId.INSERT_ROW_ABOVE, "Insert Row &Above", e.rows.insert_above,
             "Ctrl+Shift+="),
            (EditActionId.INSERT_ROW_BELOW, "Insert Row &Below", e.rows.insert_below,
             "Ctrl+Alt+="),
            (EditActionId.DUPLICATE_ROWS, "D&uplicate Rows", e.rows.duplicate, "Ctrl+Shift+D"),
            (EditActionId.DELETE_ROWS, "Delete &Rows", e.rows.delete, "Ctrl+-"),
            (EditActionId.FIND, "&Find\u2026", lambda: e.open_find(replace=False),
             StandardKey.Find),
            (EditActionId.REPLACE, "R&eplace\u2026", lambda: e.open_find(replace=True),
             StandardKey.Replace),
            # Only F3: the standard Ctrl+G on Linux is the window's Go to Line.
            (EditActionId.FIND_NEXT, "Find &Next", e.find_next, "F3"),
            (EditActionId.GO_TO_REFERENCED, "&Go to Referenced Record",
             e.references.go_to_referenced, "F12"),
            (EditActionId.SHOW_REFERENCES, "Show References to This &Record\u2026",
             e.references.show_references, "Shift+F12"),
            (EditActionId.REVIEW_CHANGES, "Re&view Changes\u2026", e.review_changes, None),
        ):
            action = make_action(window, *spec)
            self.actions[action.objectName()] = action
            if action.objectName() not in GRID_ACTIONS:
                window.addAction(action)

    def attach_to_grid(self, view: QTableView) -> None:
        view.addActions([self.actions[i] for i in GRID_ACTIONS])

    def fill_edit_menu(self, menu: QMenu) -> None:
        """Append to the window's Edit menu (which already has Undo and Redo)."""
        a = self.actions
        menu.addSeparator()
        menu.addActions([a[i] for i in CELL_GROUP])
        menu.addSeparator()
        menu.addActions([a[i] for i in ROW_GROUP])
        menu.addSeparator()
        menu.addActions([a[i] for i in (EditActionId.FIND, EditActionId.REPLACE,
                                        EditActionId.FIND_NEXT)])
        menu.addSeparator()
        menu.addActions([a[EditActionId.GO_TO_REFERENCED], a[EditActionId.SHOW_REFERENCES]])
        menu.addSeparator()
        menu.addAction(a[EditActionId.REVIEW_CHANGES])

    def context_menu(self, view: QTableView, file_name: str, pos: QPoint | None = None) -> QMenu:
        """The grid's right-click menu, with quick fixes for the clicked cell first."""
        a = self.actions
        menu = QMenu(view)
        index = view.indexAt(pos) if pos is not None else view.currentIndex()
        if index.isValid() and index != view.currentIndex():
            view.setCurrentIndex(index)
        self._add_fixes(menu, view, file_name)
        menu.addActions([a[i] for i in CELL_GROUP])
        menu.addSeparator()
        menu.addActions([a[i] for i in ROW_GROUP])
        menu.addSeparator()
        go = a[EditActionId.GO_TO_REFERENCED]
        go.setEnabled(self.editing.references.referenced_target() is not None)
        menu.addActions([go, a[EditActionId.SHOW_REFERENCES]])
        return menu

    def show_context_menu(self, view: QTableView, file_name: str, pos: QPoint) -> None:
        self.context_menu(view, file_name, pos).popup(view.viewport().mapToGlobal(pos))

    def _add_fixes(self, menu: QMenu, view: QTableView, file_name: str) -> None:
        index = view.currentIndex()
        model = self.editing.window.model(file_name)
        if not index.isValid() or model is None or model.read_only:
            return
        fixes = self.editing.quick_fixes
        row = model.source_row(index.row())
        for finding in fixes.fixable_findings(file_name, row, index.column()):
            one = menu.addAction(f"Fix: change to \u2018{finding.fix}\u2019")
            one.triggered.connect(lambda _=False, f=finding: fixes.fix_cell(file_name, f))
            count = fixes.fix_all_count(file_name, finding)
            if count > 1:
                every = menu.addAction(f"Fix all like this in column ({plural(count, 'cell')})")
                every.triggered.connect(lambda _=False, f=finding: fixes.fix_all(file_name, f))
        if not menu.isEmpty():
            menu.addSeparator()
