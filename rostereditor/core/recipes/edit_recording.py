"""Turn the editor's edits into recipe steps, following an undo history as it moves.

The session marks each edit worth repeating with its intent (core.session.edit_intents); here
an intent becomes the recorder's generic step. RecordedHistory mirrors the window's undo
history, one entry per undo step, so undoing a fix takes its steps out of the recipe and
redoing it puts them back; the window only reports what its undo stack did.
"""

from __future__ import annotations

from dataclasses import dataclass

from rostereditor.core.recipes.recorder import RecipeRecorder, RecordedStep
from rostereditor.core.recipes.steps import Recipe
from rostereditor.core.session.edit_intents import (
    CellFixed,
    ColumnFixed,
    ColumnInserted,
    ColumnMoved,
    ColumnRenamed,
    ColumnsDeleted,
    IdRenamed,
    ReplacedAll,
    intent_of,
)
from rostereditor.core.session.undoable_edits import EditSequence

# Rules a vendor profile adds; every other rule is the specification's, whichever profile is on.
_VENDOR_RULE_PREFIX = "vendor."


@dataclass(frozen=True)
class RecipeApplied:
    """The intent of a replayed recipe's one undo step: its steps join the recording."""

    recipe: Recipe


def record_edit(recorder: RecipeRecorder, edit: object) -> list[RecordedStep]:
    """Record what `edit` did in general terms; [] for edits of particular cells (typing).

    An edit made of others with no intent of its own (several column moves as one step)
    records what each of its parts did.
    """
    intent = intent_of(edit)
    if intent is None and isinstance(edit, EditSequence):
        return [entry for step in edit.steps for entry in record_edit(recorder, step)]
    match intent:
        case CellFixed(file, column, rule, value, profile):
            return [recorder.record_quick_fix(rule, file, column, value, _vendor(rule, profile))]
        case ColumnFixed(file, column, rule, profile):
            return [recorder.record_fix_all(rule, file, column, _vendor(rule, profile))]
        case ReplacedAll(options, replacement, files, columns):
            return [recorder.record_replace(options, replacement, files, columns)]
        case IdRenamed(file, old, new):
            return [recorder.record_id_rename(file, old, new)]
        case ColumnInserted(file, header, at):
            return [recorder.record_insert_column(file, header, at)]
        case ColumnsDeleted(file, names):
            return [recorder.record_delete_column(file, name) for name in names]
        case ColumnRenamed(file, old, new):
            return [recorder.record_rename_column(file, old, new)]
        case ColumnMoved(file, header, to):
            return [recorder.record_move_column(file, header, to)]
        case RecipeApplied(recipe):
            return [recorder.record_step(step) for step in recipe.steps]
    return []


def _vendor(rule: str, profile: str) -> str | None:
    """The profile a step needs: only a vendor's own rule ties the recipe to that vendor."""
    return profile if rule.startswith(_VENDOR_RULE_PREFIX) else None


class RecordedHistory:
    """The recipe steps behind each step of an undo history, done or undone as it is.

    The window calls pushed() for each new undo step and moved_to() whenever the history's
    position changes (undo, redo, a click in the history list); cleared() when it starts over.
    """

    def __init__(self, recorder: RecipeRecorder | None = None) -> None:
        self.recorder = recorder or RecipeRecorder()
        self._steps: list[list[RecordedStep]] = []
        self._index = 0

    @property
    def index(self) -> int:
        """How many undo steps are done."""
        return self._index

    def pushed(self, edit: object) -> None:
        """A new undo step after the done ones: the undone ones are gone for good."""
        del self._steps[self._index:]
        self._steps.append(record_edit(self.recorder, edit))
        self._index = len(self._steps)

    def moved_to(self, index: int) -> None:
        """The history now has `index` steps done (undo goes down, redo up)."""
        index = max(0, min(index, len(self._steps)))
        low, high = sorted((self._index, index))
        for entries in self._steps[low:high]:
            for entry in entries:
                self.recorder.set_done(entry, index > self._index)
        self._index = index

    def cleared(self) -> None:
        """A new bundle: nothing recorded."""
        self._steps.clear()
        self._index = 0
        self.recorder.clear()

    def recipe(self) -> Recipe:
        return self.recorder.recipe()
