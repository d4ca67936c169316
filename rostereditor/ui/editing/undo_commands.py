"""QUndoCommands wrapping the core edit operations; each notifies the window after doing/undoing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from rostereditor.core.editing.cell_changes import BundleChanges, apply_changes, revert_changes
from rostereditor.core.table import Table


class RowEdit(Protocol):
    def undo(self, table: Table) -> None: ...
    def redo(self, table: Table) -> None: ...


class CellChangesCommand(QUndoCommand):
    """Any number of cell changes, in one or many files, as one undo step."""

    def __init__(
        self, window: Any, changes: BundleChanges, text: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(text, parent)
        self._window = window
        self._changes = {name: list(c) for name, c in changes.items() if c}

    @property
    def cell_count(self) -> int:
        return sum(len(c) for c in self._changes.values())

    def redo(self) -> None:
        for name, changes in self._changes.items():
            touched = apply_changes(self._window.bundle.table(name), changes)
            self._window.notify_cells_changed(name, touched, {c.col for c in changes})

    def undo(self) -> None:
        for name, changes in reversed(list(self._changes.items())):
            touched = revert_changes(self._window.bundle.table(name), changes)
            self._window.notify_cells_changed(name, touched, {c.col for c in changes})


class RowEditCommand(QUndoCommand):
    """A structural edit (insert, duplicate, delete rows): performed once, then undone/redone
    with the recorded positions and row ids, so the exact order comes back."""

    def __init__(
        self,
        window: Any,
        file_name: str,
        perform: Callable[[Table], RowEdit],
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self._window = window
        self._file = file_name
        self._perform: Callable[[Table], RowEdit] | None = perform
        self._edit: RowEdit | None = None

    def redo(self) -> None:
        table = self._window.bundle.table(self._file)
        if self._perform is not None:
            self._edit = self._perform(table)
            self._perform = None
        else:
            assert self._edit is not None
            self._edit.redo(table)
        self._window.notify_rows_changed(self._file)

    def undo(self) -> None:
        assert self._edit is not None
        self._edit.undo(self._window.bundle.table(self._file))
        self._window.notify_rows_changed(self._file)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class StepsCommand(QUndoCommand):
    """Several commands as one undo step, run in order and undone in reverse.

    Not built on QUndoCommand's parent/child: PySide would let Python collect child wrappers
    the parent still points at. Holding them here keeps ownership obvious.
    """

    def __init__(self, text: str, steps: list[QUndoCommand]) -> None:
        super().__init__(text)
        self._steps = steps

    def redo(self) -> None:
        for step in self._steps:
            step.redo()

    def undo(self) -> None:
        for step in reversed(self._steps):
            step.undo()
