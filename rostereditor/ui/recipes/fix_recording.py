"""Record the user's fixes as a recipe by following the window's undo stack.

One place sees every edit: whatever action made it (a quick fix, Replace All, a column
operation from any menu), it arrives on the undo stack as a command holding the session's Edit,
and the Edit says what it did in general terms (core.session.edit_intents). Undo, redo and
jumps in the history list move the stack's index, and the recording follows it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from shiboken6 import isValid

from rostereditor.core.recipes import Recipe, RecordedHistory
from rostereditor.core.session import BundleChanged, EditSession

# Set on each undo command once recorded, so a redo is never taken for a new fix.
_RECORDED = "_recipe_recorded"


class FixRecording(QObject):
    def __init__(self, stack: QUndoStack, session: EditSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history = RecordedHistory()
        self._stack = stack
        stack.indexChanged.connect(self._on_index_changed)
        session.events.bundle_changed.connect(self._on_bundle_changed)

    def recipe(self) -> Recipe:
        """The fixes in effect now, as generic steps (undone ones left out)."""
        return self.history.recipe()

    def _on_index_changed(self, index: int) -> None:
        stack = self._stack
        if not isValid(stack):  # the window is being destroyed: its stack clears itself
            return
        if stack.count() == 0:  # cleared: a new bundle, or the bundle closed
            self.history.cleared()
            return
        if index == self.history.index + 1:
            command = stack.command(index - 1)
            if command is not None and not getattr(command, _RECORDED, False):
                setattr(command, _RECORDED, True)
                # Commands that hold no session Edit (none yet) record nothing.
                self.history.pushed(getattr(command, "edit", None))
                return
        self.history.moved_to(index)

    def _on_bundle_changed(self, _event: BundleChanged) -> None:
        self.history.cleared()
