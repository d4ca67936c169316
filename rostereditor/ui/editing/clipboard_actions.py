"""Copy, cut and paste of rectangular ranges as TSV text, compatible with Excel and Sheets.

Paste past the last row asks before adding records (see core paste_plan); paste past the last
column drops what does not fit and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QTableView

from rostereditor.core.editing.paste_plan import PastePlan
from rostereditor.core.editing.tsv_clipboard import format_tsv, parse_tsv
from rostereditor.core.wording import plural
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import bounding_range, selected_ranges

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
        rows = [[model.table.cell(model.source_row(r), c) for c in block.columns()]
                for r in block.rows()]
        QGuiApplication.clipboard().setText(format_tsv(rows))
        self.context.status(f"Copied {plural(block.cell_count, 'cell')}.")

    def cut(self) -> None:
        self.copy()
        self._clear(verb="Cut")

    def clear(self) -> None:
        self._clear(verb="Clear")

    def _clear(self, verb: str) -> None:
        target = self.context.editable_target()
        if target is not None:
            name, view, model = target
            self.context.push(self.context.session.clear(name, selected_ranges(view), verb=verb,
                                                          order=model.order))

    def paste(self) -> None:
        target = self.context.editable_target()
        if target is None:
            return
        name, view, model = target
        values = parse_tsv(QGuiApplication.clipboard().text())
        block = bounding_range(selected_ranges(view))
        if not values or block is None:
            return
        session = self.context.session
        plan = session.plan_paste(name, values, block, model.rowCount())
        add_rows = True
        if plan.new_rows:
            choice = self.ask_add_rows(len(plan.new_rows))
            if choice is None:
                return
            add_rows = choice
        rows_before = model.rowCount()
        edit = session.paste(name, plan, add_rows=add_rows, order=model.order)
        if not self.context.push(edit):
            self.context.status("Paste changed nothing: the cells already hold those values.")
            return
        assert edit is not None
        self._select_pasted(view, plan, rows_before, add_rows)
        message = edit.description + "."
        if plan.clipped_columns:
            message += f" {plural(plan.clipped_columns, 'column')} past the last one left out."
        self.context.status(message)

    @staticmethod
    def _select_pasted(view: QTableView, plan: PastePlan, rows_before: int, added: bool) -> None:
        """Select the block the paste wrote (as Excel does), its top-left cell current."""
        rows = [r for r, _, _ in plan.cells]
        cols = [c for _, c, _ in plan.cells]
        if added and plan.new_rows:
            rows += [rows_before, rows_before + len(plan.new_rows) - 1]
        model = view.model()
        if not rows or not cols or model is None:
            return
        top, bottom = min(rows), min(max(rows), model.rowCount() - 1)
        left, right = min(cols), max(cols)
        block = QItemSelection(model.index(top, left), model.index(bottom, right))
        selection = view.selectionModel()
        selection.setCurrentIndex(model.index(top, left), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _ask_add_rows(self, count: int) -> bool | None:
        box = QMessageBox(self.context.host.dialog_parent())
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
