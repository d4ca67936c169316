"""Typing into a cell becomes an undo command; changing a sourcedId offers to rename references."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

from rostereditor.core.editing.cell_changes import CellChange
from rostereditor.core.editing.reference_columns import ID_COLUMN
from rostereditor.core.editing.rename_plan import merge_changes, plan_reference_updates
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.undo_commands import CellChangesCommand, plural

# (old id, new id, reference count, file count) -> True update all, False only this cell,
# None cancel. Replaceable so tests and scripted runs need no modal dialog.
RenamePrompt = Callable[[str, str, int, int], bool | None]


class CellEditActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context
        self.ask_rename: RenamePrompt = self._ask_rename

    def handler_for(self, file_name: str) -> Callable[[int, int, str], None]:
        return lambda row, col, text: self.edit_cell(file_name, row, col, text)

    def edit_cell(self, file_name: str, row: int, col: int, text: str) -> None:
        """Write one cell (table row) as an undo step; a renamed sourcedId may carry references."""
        table = self.context.table(file_name)
        if table is None:
            return
        old = table.cell(row, col)
        if old == text:
            return
        own = {file_name: [CellChange(table.row_id(row), col, old, text)]}
        where = f"{table.header[col]} (line {table.source_line(row) or 'new'})"
        if table.header[col] == ID_COLUMN and old.strip():
            updates = plan_reference_updates(
                self.context.window.bundle, self.context.reference_columns(), file_name,
                old.strip(), text.strip(),
            )
            count = sum(len(c) for c in updates.values())
            if count:
                choice = self.ask_rename(old, text, count, len(updates))
                if choice is None:
                    return
                if choice:
                    command = CellChangesCommand(
                        self.context.window, merge_changes(own, updates),
                        f"Rename {old} to {text} and {plural(count, 'reference')}",
                    )
                    self.context.push(command)
                    self.context.status(
                        f"Renamed {old} to {text} and updated {plural(count, 'reference')} "
                        f"in {plural(len(updates), 'file')}."
                    )
                    return
        self.context.push(CellChangesCommand(self.context.window, own, f"Edit {where}"))

    def _ask_rename(self, old: str, new: str, count: int, files: int) -> bool | None:
        box = QMessageBox(self.context.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Update references?")
        box.setText(
            f"{plural(count, 'cell')} in {plural(files, 'file')} refer to \u201c{old}\u201d."
        )
        box.setInformativeText(
            f"Change them to \u201c{new}\u201d too? Otherwise they will point at a record "
            "that no longer exists."
        )
        update = box.addButton(f"Update {plural(count, 'reference')}", QMessageBox.ButtonRole.YesRole)
        only = box.addButton("Change only this cell", QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(update)
        box.exec()
        clicked = box.clickedButton()
        if clicked is update:
            return True
        if clicked is only:
            return False
        return None

