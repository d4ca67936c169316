"""Undo and redo show the cell they change, as Excel selects what it undoes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoCommand

from rostereditor.core.session import CellsEdit, EditSequence
from rostereditor.ui.editing.undo_commands import EditCommand
from rostereditor.ui.window.action_ids import ActionId

if TYPE_CHECKING:
    from rostereditor.core.session import Edit
    from rostereditor.ui.window.main_window import MainWindow


def first_changed_cell(edit: Edit) -> tuple[str, int, int] | None:
    """(file, row id, column) of the first cell an edit changes; None for rows and columns."""
    if isinstance(edit, CellsEdit):
        for file, changes in edit.changes.items():
            if changes:
                return file, changes[0].row_id, changes[0].col
    if isinstance(edit, EditSequence):
        for step in edit.steps:
            found = first_changed_cell(step)
            if found is not None:
                return found
    return None


def reveal(window: MainWindow, command: QUndoCommand | None) -> None:
    """Go to the first cell `command` changed, if it is among the rows shown (a filter the
    user set is not dropped for it)."""
    if not isinstance(command, EditCommand):
        return
    found = first_changed_cell(command.edit)
    page = window.page(found[0]) if found is not None else None
    if found is None or page is None:
        return
    file, row_id, col = found
    row = page.model.table.row_of_id(row_id)
    view_row = page.model.view_row(row) if row is not None else None
    if row is not None and view_row is not None and view_row < page.model.rowCount():
        window.go_to_cell(file, row, col)
        # Ctrl is still down from Ctrl+Z: the view would add the cell to the old selection.
        view = page.view
        view.selectionModel().select(view.currentIndex(),
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)


def reveal_on_undo_and_redo(window: MainWindow) -> None:
    """After the Undo and Redo actions (menu, toolbar, Ctrl+Z, Ctrl+Y), show their cell."""
    stack = window.undo_stack
    window.action(ActionId.UNDO).triggered.connect(
        lambda _checked=False: reveal(window, stack.command(stack.index())))
    window.action(ActionId.REDO).triggered.connect(
        lambda _checked=False: reveal(window, stack.command(stack.index() - 1)))
