"""Fix recipes: the fixes made on one export, saved as generic rules and replayed on the next."""

from rostereditor.core.recipes.edit_recording import RecipeApplied, RecordedHistory, record_edit
from rostereditor.core.recipes.recipe_file import (
    RECIPE_FORMAT,
    RecipeError,
    load_recipe,
    parse_recipe,
    recipe_text,
    save_recipe,
)
from rostereditor.core.recipes.recipe_target import BundleEditor, RecipeTarget
from rostereditor.core.recipes.recorder import RecipeRecorder, RecordedStep, merged_steps
from rostereditor.core.recipes.replay import RecipeRun, StepResult, apply_recipe
from rostereditor.core.recipes.run_report import run_json, run_outline, run_text
from rostereditor.core.recipes.session_replay import SessionReplay, replay_in_session
from rostereditor.core.recipes.steps import (
    DeleteColumn,
    InsertColumn,
    MoveColumn,
    Recipe,
    RenameColumn,
    RenameIds,
    Replace,
    RuleFix,
    Step,
    describe,
)

__all__ = [
    "RECIPE_FORMAT", "BundleEditor", "DeleteColumn", "InsertColumn", "MoveColumn", "Recipe",
    "RecipeApplied", "RecipeError", "RecipeRecorder", "RecipeRun", "RecipeTarget", "RecordedHistory",
    "RecordedStep", "RenameColumn", "RenameIds", "Replace", "RuleFix", "SessionReplay", "Step",
    "StepResult", "apply_recipe", "describe", "load_recipe", "merged_steps", "parse_recipe",
    "recipe_text", "record_edit", "replay_in_session", "run_json", "run_outline", "run_text",
    "save_recipe",
]
