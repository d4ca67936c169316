"""The session's edits on Qt's undo stack: one QUndoCommand per edit, acting on the session."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from rostereditor.core.session import Edit


class EditCommand(QUndoCommand):
    """One session Edit as an undo step. The session made the edit before it was pushed, so
    the push's own redo() does nothing; later redos and undos go back through the session."""

    def __init__(self, edit: Edit) -> None:
        super().__init__(edit.description)
        self.edit = edit
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self.edit.redo()

    def undo(self) -> None:
        self.edit.undo()
