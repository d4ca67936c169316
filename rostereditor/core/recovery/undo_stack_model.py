"""The window's undo stack as a journal tells it: steps made, undone and redone, and which
position of the stack is the source as last saved (the stack's clean state)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class UndoStackModel(Generic[T]):
    """Steps oldest first; `index` of them are done. Steps older than the journal (made before
    a save) join it when the journal sees them undone or redone."""

    steps: list[tuple[int, T]] = field(default_factory=list)
    index: int = 0
    # Stack position of the source as saved; None once a new step replaced the steps above it.
    clean: int | None = 0
    # The records did not follow one undo stack (should not happen): keep the state, not the stack.
    lost: bool = False

    def number_at(self, position: int) -> int | None:
        return self.steps[position][0] if 0 <= position < len(self.steps) else None

    def made(self, number: int, step: T) -> None:
        if self.clean is not None and self.clean > self.index:
            self.clean = None  # the saved state was above: it can no longer be reached by undo
        del self.steps[self.index:]
        self.steps.append((number, step))
        self.index += 1

    def undone(self, number: int) -> None:
        if self.number_at(self.index - 1) != number:
            self.lost = True
            return
        self.index -= 1

    def redone(self, number: int) -> None:
        if self.number_at(self.index) != number:
            self.lost = True
            return
        self.index += 1

    def older_undone(self, number: int, step: T) -> None:
        """A step made before the journal began was undone: it sits below all the others."""
        if self.index != 0:
            self.lost = True
        self.steps.insert(0, (number, step))
        if self.clean is not None:
            self.clean += 1

    def older_redone(self, number: int, step: T) -> None:
        """A step undone before the journal began was redone: it sits above all the others."""
        if self.index != len(self.steps):
            self.lost = True
        self.steps.append((number, step))
        self.index += 1
