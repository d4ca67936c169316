"""Insert row above/below, duplicate rows and delete rows, each one undo step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from rostereditor.core.editing.row_edits import delete_rows, duplicate_rows, insert_blank_rows
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import selected_table_rows
from rostereditor.ui.editing.undo_commands import RowEditCommand, plural


class RowActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context

    def insert_above(self) -> None:
        self._insert(below=False)

    def insert_below(self) -> None:
        self._insert(below=True)

    def _insert(self, *, below: bool) -> None:
        target = self._target()
        if target is None:
            return
        name, rows = target
        table = self.context.table(name)
        # As in Excel, as many rows are inserted as are selected.
        count = max(1, len(rows))
        at = (rows[-1] + 1 if below else rows[0]) if rows else len(table)
        where = "below" if below else "above"
        self.context.push(RowEditCommand(
            self.context.window, name, lambda t: insert_blank_rows(t, at, count),
            f"Insert {plural(count, 'row')} {where}",
        ))
        self._select_table_rows(name, range(at, at + count))

    def duplicate(self) -> None:
        target = self._target()
        if target is None or not target[1]:
            return
        name, rows = target
        self.context.push(RowEditCommand(
            self.context.window, name, lambda t: duplicate_rows(t, rows),
            f"Duplicate {plural(len(rows), 'row')}",
        ))
        self.context.status(f"Duplicated {plural(len(rows), 'row')} (sourcedIds are copied too).")

    def delete(self) -> None:
        target = self._target()
        if target is None or not target[1]:
            return
        name, rows = target
        self.context.push(RowEditCommand(
            self.context.window, name, lambda t: delete_rows(t, rows),
            f"Delete {plural(len(rows), 'row')}",
        ))
        self.context.status(f"Deleted {plural(len(rows), 'row')}.")

    def _target(self) -> tuple[str, list[int]] | None:
        name = self.context.current_file()
        view = self.context.current_view()
        if name is None or view is None or not self.context.editable(name):
            return None
        return name, selected_table_rows(view)

    def _select_table_rows(self, name: str, rows: range) -> None:
        view = self.context.window.table_view(name)
        model = self.context.window.model(name)
        if view is None or model is None:
            return
        view_rows = [model.view_row(r) for r in rows]
        view_rows = [r for r in view_rows if r is not None]
        if not view_rows:
            return
        selection = view.selectionModel()
        column = max(view.currentIndex().column(), 0)
        selection.setCurrentIndex(
            model.index(view_rows[0], column),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        for r in view_rows[1:]:
            selection.select(
                model.index(r, column),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

