"""Where a replayed recipe's edits go: a bare bundle here, the editor's EditSession in the window.

RecipeTarget names the few EditSession operations a replay needs, with the same signatures, so
the window passes its session and wraps the edits it gets back into one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.cell_changes import BundleChanges, apply_changes
from rostereditor.core.recipes.column_rebuild import (
    with_column_deleted,
    with_column_inserted,
    with_column_moved,
)


class RecipeTarget(Protocol):
    @property
    def bundle(self) -> Bundle | None: ...

    def change_cells(self, changes: BundleChanges, description: str) -> object | None: ...

    def insert_column(self, file: str, at: int, name: str) -> object | None: ...

    def delete_columns(self, file: str, cols: Sequence[int]) -> object | None: ...

    def rename_column(self, file: str, col: int, name: str) -> object | None: ...

    def move_column(self, file: str, col: int, to: int) -> object | None: ...


class BundleEditor:
    """A RecipeTarget that edits a bundle directly, with no undo (the command line's case)."""

    def __init__(self, bundle: Bundle) -> None:
        self._bundle = bundle

    @property
    def bundle(self) -> Bundle:
        return self._bundle

    def change_cells(self, changes: BundleChanges, description: str) -> None:
        for file, file_changes in changes.items():
            apply_changes(self._bundle.files[file].table, file_changes)

    def insert_column(self, file: str, at: int, name: str) -> None:
        entry = self._bundle.files[file]
        entry.table = with_column_inserted(entry.table, at, name)

    def delete_columns(self, file: str, cols: Sequence[int]) -> None:
        entry = self._bundle.files[file]
        for col in sorted(set(cols), reverse=True):
            entry.table = with_column_deleted(entry.table, col)

    def rename_column(self, file: str, col: int, name: str) -> None:
        self._bundle.files[file].table.rename_column(col, name)

    def move_column(self, file: str, col: int, to: int) -> None:
        entry = self._bundle.files[file]
        entry.table = with_column_moved(entry.table, col, to)
