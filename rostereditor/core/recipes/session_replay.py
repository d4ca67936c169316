"""Replay a recipe in the editor: through its EditSession, as one undo step.

Quick-fix steps are checked with the session's vendor profile and OneRoster version, as the
window shows them. The edit carries the recipe as its intent, so the window's recording of
fixes takes the recipe's steps in too (and gives them up when the step is undone). Should a
step fail midway (a bug, not bad data: recipes are checked when read), what the earlier steps
changed is undone before the error goes on, so the bundle is never left half-changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.cell_changes import BundleChanges
from rostereditor.core.recipes.edit_recording import RecipeApplied
from rostereditor.core.recipes.replay import RecipeRun, apply_recipe
from rostereditor.core.recipes.steps import Recipe
from rostereditor.core.session.edit_intents import with_intent
from rostereditor.core.session.edit_session import EditSession
from rostereditor.core.session.undoable_edits import Edit, EditSequence
from rostereditor.core.wording import plural


@dataclass(frozen=True)
class SessionReplay:
    """What each step did, and the one undo step (None when nothing changed)."""

    run: RecipeRun
    edit: EditSequence | None


def replay_in_session(recipe: Recipe, session: EditSession) -> SessionReplay:
    target = _CollectingTarget(session)
    runs: list[RecipeRun] = []

    def replay() -> tuple[str, list[Edit]]:
        try:
            run = apply_recipe(recipe, target, vendor=session.profile_name, version=session.version)
        except BaseException:
            for made in reversed(target.edits):
                made.undo()
            raise
        runs.append(run)
        name = f"recipe \u201c{recipe.title}\u201d" if recipe.title else "fix recipe"
        return f"Apply {name} ({plural(run.changed, 'change')})", target.edits

    # One session operation, so the crash-recovery journal also sees one undo step.
    edit = session.as_one_step(replay)
    return SessionReplay(runs[0], with_intent(edit, RecipeApplied(recipe)))


class _CollectingTarget:
    """The session as a RecipeTarget, keeping every Edit it makes as it makes it."""

    def __init__(self, session: EditSession) -> None:
        self._session = session
        self.edits: list[Edit] = []

    @property
    def bundle(self) -> Bundle | None:
        return self._session.bundle

    def change_cells(self, changes: BundleChanges, description: str) -> Edit | None:
        return self._keep(self._session.change_cells(changes, description))

    def insert_column(self, file: str, at: int, name: str) -> Edit | None:
        return self._keep(self._session.insert_column(file, at, name))

    def delete_columns(self, file: str, cols: Sequence[int]) -> Edit | None:
        return self._keep(self._session.delete_columns(file, cols))

    def rename_column(self, file: str, col: int, name: str) -> Edit | None:
        return self._keep(self._session.rename_column(file, col, name))

    def move_column(self, file: str, col: int, to: int) -> Edit | None:
        return self._keep(self._session.move_column(file, col, to))

    def _keep(self, edit: Edit | None) -> Edit | None:
        if edit is not None:
            self.edits.append(edit)
        return edit
