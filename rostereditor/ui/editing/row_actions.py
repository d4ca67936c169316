"""Insert row above/below, duplicate rows and delete rows, each one undo step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from rostereditor.core.wording import plural
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import selected_table_rows


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
        table = self.context.session.require_table(name)
        # As in Excel, as many rows are inserted as are selected.
        count = max(1, len(rows))
        at = (rows[-1] + 1 if below else rows[0]) if rows else len(table)
        self.context.push(self.context.session.insert_blank_rows(name, at, count, below=below))
        self._select_table_rows(name, range(at, at + count))

    def duplicate(self) -> None:
        target = self._target()
        if target is not None and self.context.push(
                self.context.session.duplicate_rows(*target)):
            self.context.status(f"Duplicated {plural(len(target[1]), 'row')} "
                                "(sourcedIds are copied too).")

    def delete(self) -> None:
        target = self._target()
        if target is not None and self.context.push(self.context.session.delete_rows(*target)):
            self.context.status(f"Deleted {plural(len(target[1]), 'row')}.")

    def _target(self) -> tuple[str, list[int]] | None:
        target = self.context.editable_target()
        if target is None:
            return None
        name, view, _ = target
        return name, selected_table_rows(view)

    def _select_table_rows(self, name: str, rows: range) -> None:
        view = self.context.host.table_view(name)
        model = self.context.host.model(name)
        if view is None or model is None:
            return
        view_rows = [r for r in (model.view_row(r) for r in rows) if r is not None]
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
