"""Go to the record a reference points at, and list every reference to the current record."""

from __future__ import annotations

from rostereditor.core.editing.reference_columns import ID_COLUMN
from rostereditor.core.editing.reference_search import (
    ReferenceHit,
    referenced_ids,
    references_to,
    rows_with_id,
)
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import current_table_cell
from rostereditor.ui.editing.references_dialog import ReferencesDialog


class ReferenceActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context
        self.last_dialog: ReferencesDialog | None = None

    def referenced_target(self) -> tuple[str, str] | None:
        """(target file, id) the current cell refers to (first item of a list), if any."""
        name, cell = self.context.current_file(), self._current_cell()
        if name is None or cell is None:
            return None
        row, col = cell
        session = self.context.session
        ref = session.reference_at(name, col)
        if ref is None or session.table(ref.target) is None:
            return None
        ids = referenced_ids(session.require_table(name).cell(row, col), ref.is_list)
        return (ref.target, ids[0]) if ids else None

    def go_to_referenced(self) -> bool:
        target = self.referenced_target()
        if target is None:
            self.context.status("This cell does not refer to another record.")
            return False
        file_name, record_id = target
        rows = rows_with_id(self.context.session.require_table(file_name), record_id)
        if not rows:
            self.context.status(f"No record {record_id} in {file_name}.")
            return False
        self.context.host.go_to_cell(file_name, rows[0], 0)
        return True

    def current_record(self) -> tuple[str, str] | None:
        """(file, sourcedId) of the current row, or of the record a reference cell names."""
        target = self.referenced_target()
        if target is not None:
            return target
        name, cell = self.context.current_file(), self._current_cell()
        if name is None or cell is None:
            return None
        table = self.context.session.require_table(name)
        col = table.column_index(ID_COLUMN)
        if col is None:
            return None
        record_id = table.cell(cell[0], col).strip()
        return (name, record_id) if record_id else None

    def references(self, file_name: str, record_id: str) -> list[ReferenceHit]:
        session = self.context.session
        if session.bundle is None:
            return []
        return references_to(session.bundle, session.reference_columns(), file_name, record_id)

    def show_references(self) -> ReferencesDialog | None:
        record = self.current_record()
        if record is None:
            self.context.status("Select a record or a reference first.")
            return None
        file_name, record_id = record
        lookup = self.context.session.record_lookup(file_name)
        label = (lookup.label_of(record_id) if lookup else None) or record_id
        dialog = ReferencesDialog(self.context.host, label, self.references(file_name, record_id))
        dialog.show()
        self.last_dialog = dialog
        return dialog

    def _current_cell(self) -> tuple[int, int] | None:
        view = self.context.current_view()
        return current_table_cell(view) if view is not None else None
