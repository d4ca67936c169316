"""Typing into a cell becomes an undo step; changing a sourcedId offers to rename its references."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

from rostereditor.core.editing.cell_changes import count_cells
from rostereditor.core.wording import plural
from rostereditor.ui.editing.editing_context import EditingContext

# (old id, new id, reference count, file count) -> True update all, False only this cell,
# None cancel. Replaceable so tests and scripted runs need no modal dialog.
RenamePrompt = Callable[[str, str, int, int], bool | None]


class CellEditActions:
    """The grids' CellEditSink: what the user types goes to the session as one undo step."""

    def __init__(self, context: EditingContext) -> None:
        self.context = context
        self.ask_rename: RenamePrompt = self._ask_rename

    def edit_cell(self, file_name: str, row: int, col: int, text: str) -> None:
        """Write one cell (table row); a renamed sourcedId may carry its references along."""
        session = self.context.session
        table = session.require_table(file_name)
        old = table.cell(row, col)
        if old == text:
            return
        updates = session.reference_updates(file_name, row, col, text)
        update_references = False
        if updates:
            count = count_cells(updates)
            choice = self.ask_rename(old, text, count, len(updates))
            if choice is None:
                return
            update_references = choice
        edit = session.edit_cell(file_name, row, col, text, update_references=update_references)
        self.context.push(edit)
        if update_references:
            count = count_cells(updates)
            self.context.status(f"Renamed {old} to {text} and updated {plural(count, 'reference')} "
                                f"in {plural(len(updates), 'file')}.")

    def _ask_rename(self, old: str, new: str, count: int, files: int) -> bool | None:
        box = QMessageBox(self.context.host.dialog_parent())
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
