"""Copy, cut and paste of rectangular ranges as TSV text, compatible with Excel and Sheets.

Paste past the last row asks before adding records (see core paste_plan); paste past the last
column drops what does not fit and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QMessageBox

from rostereditor.core.editing.paste_plan import plan_paste
from rostereditor.core.editing.range_edits import plan_clear
from rostereditor.core.editing.row_edits import insert_rows
from rostereditor.core.editing.tsv_clipboard import format_tsv, parse_tsv
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import bounding_range, selected_ranges
from rostereditor.ui.editing.planned_cells import changes_from_view
from rostereditor.ui.editing.undo_commands import (
    CellChangesCommand,
    RowEditCommand,
    StepsCommand,
    plural,
)

# new row count -> True add them, False paste only into existing rows, None cancel.
AddRowsPrompt = Callable[[int], bool | None]


class ClipboardActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context
        self.ask_add_rows: AddRowsPrompt = self._ask_add_rows

    def copy(self) -> None:
        view, model = self.context.current_view(), self.context.current_model()
        block = bounding_range(selected_ranges(view)) if view is not None else None
        if model is None or block is None:
            return
        # Excel copies the bounding block of a multi-range selection; so do we.
        rows = [
            [model.table.cell(model.source_row(r), c) for c in block.columns()]
            for r in block.rows()
        ]
        QGuiApplication.clipboard().setText(format_tsv(rows))
        self.context.status(f"Copied {plural(block.cell_count, 'cell')}.")

    def cut(self) -> None:
        self.copy()
        self._clear(verb="Cut")

    def clear(self) -> None:
        self._clear(verb="Clear")

    def _clear(self, verb: str) -> None:
        view, model, name = self._target()
        if view is None:
            return
        changes = changes_from_view(model, plan_clear(selected_ranges(view)))
        if changes:
            self.context.push(CellChangesCommand(
                self.context.window, {name: changes}, f"{verb} {plural(len(changes), 'cell')}"
            ))

    def paste(self) -> None:
        view, model, name = self._target()
        if view is None:
            return
        values = parse_tsv(QGuiApplication.clipboard().text())
        block = bounding_range(selected_ranges(view))
        if not values or block is None:
            return
        plan = plan_paste(values, block, model.rowCount(), model.columnCount())
        new_rows = plan.new_rows
        if new_rows:
            choice = self.ask_add_rows(len(new_rows))
            if choice is None:
                return
            if not choice:
                new_rows = []
        changes = changes_from_view(model, plan.cells)
        if not changes and not new_rows:
            self.context.status("Paste changed nothing: the cells already hold those values.")
            return
        text = f"Paste {plural(len(changes), 'cell')}"
        if new_rows:
            text += f" and {plural(len(new_rows), 'new row')}"
        steps: list[QUndoCommand] = [
            CellChangesCommand(self.context.window, {name: changes}, text)
        ]
        if new_rows:
            steps.append(RowEditCommand(
                self.context.window, name, lambda t: insert_rows(t, len(t), new_rows), text
            ))
        self.context.push(StepsCommand(text, steps))
        message = text + "."
        if plan.clipped_columns:
            message += f" {plural(plan.clipped_columns, 'column')} past the last one left out."
        self.context.status(message)

    def _target(self):
        name = self.context.current_file()
        view = self.context.current_view()
        if name is None or view is None or not self.context.editable(name):
            return None, None, None
        return view, self.context.window.model(name), name

    def _ask_add_rows(self, count: int) -> bool | None:
        box = QMessageBox(self.context.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Paste past the last row")
        box.setText(f"The pasted cells reach {plural(count, 'row')} past the end of the file.")
        box.setInformativeText("Add them as new records, or paste only into the existing rows?")
        add = box.addButton(f"Add {plural(count, 'row')}", QMessageBox.ButtonRole.YesRole)
        fit = box.addButton("Paste into existing rows", QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(add)
        box.exec()
        if box.clickedButton() is add:
            return True
        if box.clickedButton() is fit:
            return False
        return None
