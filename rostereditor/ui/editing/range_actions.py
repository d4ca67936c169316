"""Fill down (Ctrl+D) over the selection, as one undo step."""

from __future__ import annotations

from rostereditor.core.wording import plural
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import selected_ranges


class RangeActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context

    def fill_down(self) -> None:
        target = self.context.editable_target()
        if target is None:
            return
        name, view, model = target
        edit = self.context.session.fill_down(name, selected_ranges(view), order=model.order)
        self.context.push(edit)
        count = edit.cell_count if edit is not None else 0
        self.context.status(f"Fill down changed {plural(count, 'cell')}.")
