"""Fill down (Ctrl+D) over the selection, as one undo step."""

from __future__ import annotations

from rostereditor.core.editing.range_edits import plan_fill_down
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import selected_ranges
from rostereditor.ui.editing.planned_cells import changes_from_view
from rostereditor.ui.editing.undo_commands import CellChangesCommand, plural


class RangeActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context

    def fill_down(self) -> None:
        name = self.context.current_file()
        view = self.context.current_view()
        if name is None or view is None or not self.context.editable(name):
            return
        model = self.context.window.model(name)
        planned = plan_fill_down(
            selected_ranges(view), lambda r, c: model.table.cell(model.source_row(r), c)
        )
        changes = changes_from_view(model, planned)
        if changes:
            self.context.push(CellChangesCommand(
                self.context.window, {name: changes}, f"Fill down {plural(len(changes), 'cell')}"
            ))
        self.context.status(f"Fill down changed {plural(len(changes), 'cell')}.")
