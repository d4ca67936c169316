"""What every editing action needs from the window: the current grid, the undo stack, the
bundle's reference columns and record lookups (cached per table version), and the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QTableView

from rostereditor.core.editing.record_labels import RecordLookup
from rostereditor.core.editing.reference_columns import (
    ReferenceColumn,
    reference_columns_from_spec,
)
from rostereditor.core.spec import spec_for
from rostereditor.core.spec.model import ColumnSpec
from rostereditor.core.table import Table

STATUS_TIMEOUT_MS = 5000


class EditingContext:
    def __init__(self, window: Any) -> None:
        self.window = window
        self._lookups: dict[str, RecordLookup] = {}
        self._references: tuple[Any, str, list[ReferenceColumn]] | None = None

    # -- where the user is ------------------------------------------------------------

    def current_file(self) -> str | None:
        return self.window.current_file_name()

    def current_view(self) -> QTableView | None:
        return self.window.current_view()

    def current_model(self) -> Any | None:
        name = self.current_file()
        return self.window.model(name) if name else None

    def table(self, file_name: str) -> Table | None:
        bundle = self.window.bundle
        return bundle.table(file_name) if bundle is not None else None

    def editable(self, file_name: str | None) -> bool:
        model = self.window.model(file_name) if file_name else None
        return model is not None and not getattr(model, "read_only", False)

    # -- spec -----------------------------------------------------------------------

    @property
    def version(self) -> str:
        chosen = getattr(self.window, "oneroster_version", None)
        if callable(chosen):
            chosen = chosen()
        return chosen or (self.window.bundle.detected_version if self.window.bundle else "1.1")

    def column_spec(self, file_name: str, col: int) -> ColumnSpec | None:
        table = self.table(file_name)
        if table is None or not 0 <= col < table.column_count:
            return None
        try:
            file_spec = spec_for(self.version).file(file_name)
        except KeyError:
            return None
        return file_spec.column(table.header[col]) if file_spec else None

    def reference_columns(self) -> list[ReferenceColumn]:
        bundle = self.window.bundle
        if bundle is None:
            return []
        cached = self._references
        # Identity, not equality: comparing two Bundles would compare every table.
        if cached is None or cached[0] is not bundle or cached[1] != self.version:
            columns = reference_columns_from_spec(self.version, bundle.data_file_names)
            self._references = (bundle, self.version, columns)
        return self._references[2]

    def reference_at(self, file_name: str, col: int) -> ReferenceColumn | None:
        table = self.table(file_name)
        if table is None or not 0 <= col < table.column_count:
            return None
        for ref in self.reference_columns():
            if ref.file == file_name and ref.column == table.header[col]:
                return ref
        return None

    def lookup(self, file_name: str) -> RecordLookup | None:
        """Record search over a target file, rebuilt only after the file changed."""
        table = self.table(file_name)
        if table is None:
            return None
        cached = self._lookups.get(file_name)
        if cached is None or cached.version != table.version:
            cached = RecordLookup(file_name, table)
            self._lookups[file_name] = cached
        return cached

    # -- doing things ----------------------------------------------------------------

    def push(self, command: QUndoCommand) -> None:
        self.window.undo_stack.push(command)

    def status(self, message: str) -> None:
        bar = self.window.statusBar()
        if bar is not None:
            bar.showMessage(message, STATUS_TIMEOUT_MS)
