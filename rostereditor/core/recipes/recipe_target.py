"""Where a replayed recipe's edits go: a bare bundle here, the editor's EditSession in the window.

RecipeTarget names the few EditSession operations a replay needs, with the same signatures, so
the window passes its session and wraps the edits it gets back into one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing import column_edits
from rostereditor.core.editing.cell_changes import BundleChanges, apply_changes
from rostereditor.core.table import Table


class RecipeTarget(Protocol):
    @property
    def bundle(self) -> Bundle | None: ...

    def change_cells(self, changes: BundleChanges, description: str) -> object | None: ...

    def insert_column(self, file: str, at: int, name: str) -> object | None: ...

    def delete_columns(self, file: str, cols: Sequence[int]) -> object | None: ...

    def rename_column(self, file: str, col: int, name: str) -> object | None: ...

    def move_column(self, file: str, col: int, to: int) -> object | None: ...


class BundleEditor:
    """A RecipeTarget that edits a bundle directly, with no undo (the command line's case).

    Column operations are the editor's own (core.editing.column_edits), so a replay outside
    the window moves values exactly as one inside it does, ragged records included.
    """

    def __init__(self, bundle: Bundle) -> None:
        self._bundle = bundle

    @property
    def bundle(self) -> Bundle:
        return self._bundle

    def change_cells(self, changes: BundleChanges, description: str) -> None:
        for file, file_changes in changes.items():
            apply_changes(self._table(file), file_changes)

    def insert_column(self, file: str, at: int, name: str) -> None:
        column_edits.insert_column(self._table(file), at, name)

    def delete_columns(self, file: str, cols: Sequence[int]) -> None:
        column_edits.delete_columns(self._table(file), list(cols))

    def rename_column(self, file: str, col: int, name: str) -> None:
        column_edits.rename_column(self._table(file), col, name)

    def move_column(self, file: str, col: int, to: int) -> None:
        column_edits.move_column(self._table(file), col, to)

    def _table(self, file: str) -> Table:
        return self._bundle.files[file].table
