"""Recovered edits on the window's undo stack, as they stood when the app stopped: the user
can undo them one by one, redo what was undone, and the stack's clean state is the source."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from rostereditor.core.recovery import RecoveredEdits
from rostereditor.core.session import Edit


class RecoveredCommand(QUndoCommand):
    """A recovered Edit: already made (or already undone) by the replay, so the stack's first
    redo (the push) and, for an undone one, its first undo do nothing."""

    def __init__(self, edit: Edit, *, done: bool) -> None:
        super().__init__(edit.description)
        self.edit = edit
        self._skip_redo = True
        self._skip_undo = not done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.edit.redo()

    def undo(self) -> None:
        if self._skip_undo:
            self._skip_undo = False
            return
        self.edit.undo()


def push_recovered(stack: QUndoStack, recovered: RecoveredEdits) -> None:
    """Rebuild the undo stack: every recovered step, done or undone, clean at the source."""
    stack.clear()
    for position, edit in enumerate(recovered.stack):
        if position == recovered.clean:
            stack.setClean()
        stack.push(RecoveredCommand(edit, done=position < recovered.index))
    if recovered.clean == len(recovered.stack):
        stack.setClean()
    elif recovered.clean is None:
        stack.resetClean()  # no undo leads back to the file as saved
    stack.setIndex(recovered.index)
