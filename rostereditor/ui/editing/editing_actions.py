"""The Edit menu's actions (with standard shortcuts) and the grid's context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from rostereditor.core.validation import Finding
from rostereditor.core.wording import plural
from rostereditor.ui.editing.action_ids import EditActionId
from rostereditor.ui.window.shortcut_keys import Key, set_keys

if TYPE_CHECKING:
    from rostereditor.ui.editing.spreadsheet_editing import SpreadsheetEditing

StandardKey = QKeySequence.StandardKey


# Actions on the grid's cells: their shortcuts work only while a grid has focus, so Delete or
# Ctrl+V in the findings panel or a dialog never changes cells.
GRID_ACTIONS = (
    EditActionId.CUT, EditActionId.COPY, EditActionId.PASTE, EditActionId.FILL_DOWN,
    EditActionId.CLEAR, EditActionId.INSERT_ROW_ABOVE, EditActionId.INSERT_ROW_BELOW,
    EditActionId.DUPLICATE_ROWS, EditActionId.DELETE_ROWS, EditActionId.GO_TO_REFERENCED,
    EditActionId.SHOW_REFERENCES, EditActionId.QUICK_FIX,
)


# The same groups, in the same order, in the Edit menu and the grid's right-click menu.
CELL_GROUP = (EditActionId.CUT, EditActionId.COPY, EditActionId.PASTE, EditActionId.FILL_DOWN,
              EditActionId.CLEAR)
ROW_GROUP = (EditActionId.INSERT_ROW_ABOVE, EditActionId.INSERT_ROW_BELOW,
             EditActionId.DUPLICATE_ROWS, EditActionId.DELETE_ROWS)
COLUMN_GROUP = (EditActionId.INSERT_COLUMN_LEFT, EditActionId.INSERT_COLUMN_RIGHT,
                EditActionId.RENAME_COLUMN, EditActionId.MOVE_COLUMN_LEFT,
                EditActionId.MOVE_COLUMN_RIGHT, EditActionId.DELETE_COLUMNS)


def make_action(parent: QObject, action_id: str, text: str, slot: Callable[[], object],
                shortcut: Key | tuple[Key, ...] | None = None) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(action_id)
    if shortcut is not None:
        set_keys(action, *(shortcut if isinstance(shortcut, tuple) else (shortcut,)))
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
            # Ctrl+D is part of the standard Delete binding on Linux: Fill Down names it, so
            # it is Fill Down's (see shortcut_keys).
            (EditActionId.FILL_DOWN, "Fill &Down", e.ranges.fill_down, "Ctrl+D"),
            (EditActionId.CLEAR, "C&lear Cells", e.clipboard.clear, StandardKey.Delete),
            (EditActionId.INSERT_ROW_ABOVE, "Insert Row &Above", e.rows.insert_above,
             "Ctrl+Shift+="),
            (EditActionId.INSERT_ROW_BELOW, "Insert Row &Below", e.rows.insert_below,
             "Ctrl+Alt+="),
            (EditActionId.DUPLICATE_ROWS, "D&uplicate Rows", e.rows.duplicate, "Ctrl+Shift+D"),
            (EditActionId.DELETE_ROWS, "Delete &Rows", e.rows.delete, "Ctrl+-"),
            (EditActionId.INSERT_COLUMN_LEFT, "&Insert Column Left\u2026", e.columns.insert_left),
            (EditActionId.INSERT_COLUMN_RIGHT, "In&sert Column Right\u2026",
             e.columns.insert_right),
            (EditActionId.RENAME_COLUMN, "Rena&me Column\u2026", e.columns.rename_current),
            (EditActionId.MOVE_COLUMN_LEFT, "M&ove Column Left", e.columns.move_left),
            (EditActionId.MOVE_COLUMN_RIGHT, "Move Column Rig&ht", e.columns.move_right),
            (EditActionId.DELETE_COLUMNS, "Delete Col&umns", e.columns.delete_selected),
            (EditActionId.FIND, "&Find\u2026", lambda: e.open_find(replace=False),
             StandardKey.Find),
            (EditActionId.REPLACE, "R&eplace\u2026", lambda: e.open_find(replace=True),
             (StandardKey.Replace, "Ctrl+H")),
            # Only F3: the standard Ctrl+G on Linux is the window's Go to Line.
            (EditActionId.FIND_NEXT, "Find &Next", e.find_next, "F3"),
            (EditActionId.GO_TO_REFERENCED, "&Go to Referenced Record",
             e.references.go_to_referenced, "F12"),
            (EditActionId.SHOW_REFERENCES, "Show References to This &Record\u2026",
             e.references.show_references, "Shift+F12"),
            (EditActionId.REVIEW_CHANGES, "Re&view Changes\u2026", e.review_changes, None),
            # As in code editors: the fixes for the current cell, the first one ready for Enter.
            (EditActionId.QUICK_FIX, "&Quick Fix\u2026", self.show_fix_menu, "Ctrl+."),
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
        menu.addActions([a[i] for i in COLUMN_GROUP])
        menu.addSeparator()
        menu.addActions([a[i] for i in (EditActionId.FIND, EditActionId.REPLACE,
                                        EditActionId.FIND_NEXT)])
        menu.addSeparator()
        menu.addActions([a[EditActionId.GO_TO_REFERENCED], a[EditActionId.SHOW_REFERENCES]])
        menu.addSeparator()
        menu.addActions([a[EditActionId.QUICK_FIX], a[EditActionId.REVIEW_CHANGES]])

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
        columns = menu.addMenu("Co&lumn")
        columns.addActions([a[i] for i in COLUMN_GROUP])
        menu.addSeparator()
        go = a[EditActionId.GO_TO_REFERENCED]
        go.setEnabled(self.editing.references.referenced_target() is not None)
        menu.addActions([go, a[EditActionId.SHOW_REFERENCES]])
        return menu

    def show_context_menu(self, view: QTableView, file_name: str, pos: QPoint) -> None:
        menu = self.context_menu(view, file_name, pos)
        if getattr(view, "menu_from_keyboard", False):
            activate_first_fix(menu)
        menu.popup(view.viewport().mapToGlobal(pos))

    def show_fix_menu(self) -> QMenu | None:
        """Ctrl+.: the quick fixes of the current cell beside it; Enter applies the first."""
        view = self.editing.window.current_view()
        file_name = self.editing.window.current_file_name()
        if view is None or file_name is None:
            return None
        menu = QMenu(view)
        self._add_fixes(menu, view, file_name)
        fixes = [action for action in menu.actions() if not action.isSeparator()]
        if not fixes:
            self.editing.window.show_status("No quick fix for this cell.")
            return None
        index = view.currentIndex()
        menu.setActiveAction(fixes[0])
        menu.popup(view.viewport().mapToGlobal(view.visualRect(index).bottomLeft()))
        return menu

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
        self.add_header_fixes(menu, file_name, index.column())
        if not menu.isEmpty():
            menu.addSeparator()

    def show_finding_menu(self, finding: Finding, where: QPoint, keyboard: bool) -> None:
        menu = self.finding_menu(finding)
        if keyboard:
            activate_first_fix(menu)
        menu.popup(where)

    def finding_menu(self, finding: Finding) -> QMenu:
        """What can be done about a problem in the Problems panel: its fixes, then Go to it."""
        menu = QMenu(self.editing.window)
        file_name = finding.file
        editable = file_name is not None and self.editing.context.editable(file_name)
        if editable and file_name is not None and finding.fix is not None \
                and finding.row_id is not None and finding.column_index is not None:
            fixes = self.editing.quick_fixes
            one = menu.addAction(f"Fix: change to \u2018{finding.fix}\u2019")
            one.triggered.connect(lambda _=False: fixes.fix_cell(file_name, finding))
            count = fixes.fix_all_count(file_name, finding)
            if count > 1:
                every = menu.addAction(f"Fix all like this in column ({plural(count, 'cell')})")
                every.triggered.connect(lambda _=False: fixes.fix_all(file_name, finding))
        if editable and file_name is not None:
            columns = self.editing.columns
            for fix in columns.fixes_for(finding):
                action = menu.addAction(f"Fix header: {fix.label}")
                action.triggered.connect(lambda _=False, f=fix: columns.apply_fix(file_name, f))
        if menu.actions():
            menu.addSeparator()
        go = menu.addAction("&Go to It")
        go.triggered.connect(lambda _=False: self.editing.window.navigation.go_to_finding(finding))
        return menu

    def add_header_fixes(self, menu: QMenu, file_name: str, col: int) -> None:
        """The fixes of findings about this column's header (or the header around it)."""
        columns = self.editing.columns
        for _finding, fix in columns.fixes_in_column(file_name, col):
            action = menu.addAction(f"Fix header: {fix.label}")
            action.triggered.connect(lambda _=False, f=fix: columns.apply_fix(file_name, f))

    def header_menu(self, menu: QMenu, file_name: str, col: int) -> None:
        """Add to a column header's right-click menu: its fixes first, then column operations."""
        if not self.editing.context.editable(file_name):
            return
        fixes = QMenu(menu)
        self.add_header_fixes(fixes, file_name, col)
        if fixes.actions() and menu.actions():
            first = menu.actions()[0]
            menu.insertActions(first, fixes.actions())
            menu.insertSeparator(first)
        columns = self.editing.columns
        menu.addSeparator()
        for text, slot in (
            ("Insert Column &Left\u2026", lambda: columns.insert(file_name, col)),
            ("Insert Column R&ight\u2026", lambda: columns.insert(file_name, col + 1)),
            ("Re&name Column\u2026", lambda: columns.rename(file_name, col)),
            ("Move Column Lef&t", lambda: columns.move(file_name, col, col - 1)),
            ("Move Column Ri&ght", lambda: columns.move(file_name, col, col + 1)),
            ("&Delete Column", lambda: columns.delete(file_name, [col])),
        ):
            menu.addAction(text, slot)


def activate_first_fix(menu: QMenu) -> None:
    """A menu opened from the keyboard starts on its first fix, so Enter applies it (as Ctrl+.
    does); without one it starts on nothing, as usual."""
    for action in menu.actions():
        if action.text().startswith("Fix") and action.isEnabled():
            menu.setActiveAction(action)
            return
