"""What an EditSession operation returns: the change it made, able to undo and redo itself.

Every edit goes back through the session, so undoing one emits the same events (and starts
the same re-check) as making it. The window wraps each in a QUndoCommand; tests call undo()
and redo() directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from rostereditor.core.editing.cell_changes import BundleChanges, count_cells
from rostereditor.core.table import Table

Structure = Literal["rows", "columns"]


class Edit(Protocol):
    """One undo step: already made when an operation returns it."""

    @property
    def description(self) -> str:
        """What the step did, in the user's words ("Delete 5 rows"): the undo menu's text."""
        ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...


class TableChange(Protocol):
    """A recorded structural change of one table (core.editing row_edits / column_edits)."""

    def undo(self, table: Table) -> None: ...

    def redo(self, table: Table) -> None: ...


class EditTarget(Protocol):
    """The part of the session an Edit writes through."""

    def apply_cell_changes(self, changes: BundleChanges, *, reverse: bool = False) -> None: ...

    def apply_table_change(self, file: str, change: TableChange, structure: Structure, *,
                           reverse: bool = False) -> None: ...


class CellsEdit:
    """Cell changes in one or several files as one step (a paste, a rename with references)."""

    def __init__(self, target: EditTarget, changes: BundleChanges, description: str) -> None:
        self._target = target
        self.changes: BundleChanges = {name: list(c) for name, c in changes.items() if c}
        self.description = description

    @property
    def cell_count(self) -> int:
        return count_cells(self.changes)

    def undo(self) -> None:
        self._target.apply_cell_changes(self.changes, reverse=True)

    def redo(self) -> None:
        self._target.apply_cell_changes(self.changes)


class StructureEdit:
    """Rows or columns of one file inserted, deleted, renamed or moved, as recorded."""

    def __init__(self, target: EditTarget, file: str, change: TableChange, structure: Structure,
                 description: str) -> None:
        self._target = target
        self.file = file
        self.change = change
        self.structure: Structure = structure
        self.description = description

    def undo(self) -> None:
        self._target.apply_table_change(self.file, self.change, self.structure, reverse=True)

    def redo(self) -> None:
        self._target.apply_table_change(self.file, self.change, self.structure)


class EditSequence:
    """Several edits as one step: redone in order, undone in reverse."""

    def __init__(self, description: str, steps: Sequence[Edit]) -> None:
        self.description = description
        self.steps = list(steps)

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()

    def redo(self) -> None:
        for step in self.steps:
            step.redo()
