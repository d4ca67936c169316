"""Replay a recipe in the editor: through its EditSession, as one undo step.

Quick-fix steps are checked with the session's vendor profile and OneRoster version, as the
window shows them. The edit carries the recipe as its intent, so the window's recording of
fixes takes the recipe's steps in too (and gives them up when the step is undone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

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
    run = apply_recipe(recipe, session, vendor=session.profile_name, version=session.version)
    if not run.edits:
        return SessionReplay(run, None)
    # The session's operations return Edits; the replay keeps them as the target gave them.
    edits = cast(list[Edit], run.edits)
    name = f"recipe \u201c{recipe.title}\u201d" if recipe.title else "fix recipe"
    edit = EditSequence(f"Apply {name} ({plural(run.changed, 'change')})", edits)
    return SessionReplay(run, with_intent(edit, RecipeApplied(recipe)))
