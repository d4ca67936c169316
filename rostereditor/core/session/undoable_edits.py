"""What an EditSession operation returns: the change it made, able to undo and redo itself.

Every edit goes back through the session, so undoing one emits the same events (and starts
the same re-check) as making it. The window wraps each in a QUndoCommand; tests call undo()
and redo() directly. An EditObserver (the crash-recovery journal) hears every undo and redo.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from rostereditor.core.editing.cell_changes import BundleChanges, count_cells
from rostereditor.core.table import Table

Structure = Literal["rows", "columns"]
Direction = Literal["undo", "redo"]


class Edit(Protocol):
    """One undo step: already made when an operation returns it."""

    @property
    def description(self) -> str:
        """What the step did, in the user's words ("Delete 5 rows"): the undo menu's text."""
        ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...


class EditObserver(Protocol):
    """Hears every edit the session makes and every undo and redo of one (core.recovery's
    journal). It must never raise: it runs inside the user's edit."""

    def leaf_made(self, edit: Edit) -> None:
        """A CellsEdit or StructureEdit was just made, possibly as one step of a larger edit."""

    def edit_made(self, edit: Edit) -> None:
        """An operation returned this edit: one undo step."""

    def stepping(self, edit: Edit, direction: Direction) -> None:
        """`edit` (a whole step or a part of one) is about to be undone or redone."""

    def stepped(self, edit: Edit, direction: Direction) -> None:
        """... and now it has been."""


class ObservedEdit:
    """The session's edits: undo() and redo() do the work and tell the observer around it."""

    description: str
    observer: EditObserver | None = None

    def undo(self) -> None:
        self._step("undo")

    def redo(self) -> None:
        self._step("redo")

    def _step(self, direction: Direction) -> None:
        observer = self.observer
        if observer is not None:
            observer.stepping(self, direction)
        if direction == "undo":
            self._undo()
        else:
            self._redo()
        if observer is not None:
            observer.stepped(self, direction)

    def _undo(self) -> None:
        raise NotImplementedError

    def _redo(self) -> None:
        raise NotImplementedError


class TableChange(Protocol):
    """A recorded structural change of one table (core.editing row_edits / column_edits)."""

    def undo(self, table: Table) -> None: ...

    def redo(self, table: Table) -> None: ...


class EditTarget(Protocol):
    """The part of the session an Edit writes through."""

    def apply_cell_changes(self, changes: BundleChanges, *, reverse: bool = False) -> None: ...

    def apply_table_change(self, file: str, change: TableChange, structure: Structure, *,
                           reverse: bool = False) -> None: ...


class CellsEdit(ObservedEdit):
    """Cell changes in one or several files as one step (a paste, a rename with references)."""

    def __init__(self, target: EditTarget, changes: BundleChanges, description: str) -> None:
        self._target = target
        self.changes: BundleChanges = {name: list(c) for name, c in changes.items() if c}
        self.description = description

    @property
    def cell_count(self) -> int:
        return count_cells(self.changes)

    def _undo(self) -> None:
        self._target.apply_cell_changes(self.changes, reverse=True)

    def _redo(self) -> None:
        self._target.apply_cell_changes(self.changes)


class StructureEdit(ObservedEdit):
    """Rows or columns of one file inserted, deleted, renamed or moved, as recorded."""

    def __init__(self, target: EditTarget, file: str, change: TableChange, structure: Structure,
                 description: str) -> None:
        self._target = target
        self.file = file
        self.change = change
        self.structure: Structure = structure
        self.description = description

    def _undo(self) -> None:
        self._target.apply_table_change(self.file, self.change, self.structure, reverse=True)

    def _redo(self) -> None:
        self._target.apply_table_change(self.file, self.change, self.structure)


class EditSequence(ObservedEdit):
    """Several edits as one step: redone in order, undone in reverse."""

    def __init__(self, description: str, steps: Sequence[Edit]) -> None:
        self.description = description
        self.steps = list(steps)

    def _undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()

    def _redo(self) -> None:
        for step in self.steps:
            step.redo()
