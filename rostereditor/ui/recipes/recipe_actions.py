"""File > Save Fix Recipe… and File > Apply Fix Recipe…: the fixes recorded on this export,
saved to replay on the next one, and a saved recipe replayed here as one undo step."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.recipes import (
    RecipeError,
    RecipeRun,
    load_recipe,
    replay_in_session,
    run_outline,
    save_recipe,
)
from rostereditor.core.session import BundleChanged
from rostereditor.core.wording import plural
from rostereditor.ui.editing.undo_commands import EditCommand
from rostereditor.ui.recipes.fix_recording import FixRecording
from rostereditor.ui.recipes.save_recipe_dialog import WHAT_IS_RECORDED, SaveRecipeDialog
from rostereditor.ui.window.menu_entries import add_file_menu_group
from rostereditor.ui.window.report_dialog import ReportDialog

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

RECIPE_FILTER = "Fix recipes (*.toml);;All files (*)"


class RecipeActionId:
    SAVE = "file.save_fix_recipe"
    APPLY = "file.apply_fix_recipe"


class RecipeActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recording = FixRecording(window.undo_stack, window.session, self)
        self.last_save_dialog: SaveRecipeDialog | None = None
        self.last_report: ReportDialog | None = None
        self._applied_title = ""  # a replayed recipe's title, proposed when saving
        self.actions = add_file_menu_group(window, [
            (RecipeActionId.SAVE, "Save Fix Reci&pe\u2026", self.save_recipe_interactive,
             "Save the fixes made since opening this bundle, to repeat them on the next export"),
            (RecipeActionId.APPLY, "Appl&y Fix Recipe\u2026", self.apply_recipe_interactive,
             "Repeat the fixes saved in a recipe on this bundle (one step to undo)"),
        ])
        window.session.events.bundle_changed.connect(self._on_bundle_changed)
        self._on_bundle_changed(BundleChanged(window.session.bundle))

    def _on_bundle_changed(self, event: BundleChanged) -> None:
        self._applied_title = ""
        for action in self.actions:
            action.setEnabled(event.bundle is not None)

    # -- saving --------------------------------------------------------------------------------

    def save_recipe_interactive(self, path: Path | str | None = None) -> Path | None:
        """Show what the recipe holds, ask for a title (and a file, unless given), save it."""
        window = self.window
        recipe = self.recording.recipe()
        if window.bundle is None:
            return None
        if not recipe.steps:
            QMessageBox.information(window, "Save Fix Recipe",
                                    "There are no fixes to save yet.\n\n" + WHAT_IS_RECORDED)
            return None
        dialog = SaveRecipeDialog(window, replace(recipe, title=self._proposed_title()))
        self.last_save_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        recipe = replace(recipe, title=dialog.title())
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(window, "Save Fix Recipe",
                                                    str(self._suggested_path()), RECIPE_FILTER)
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.lower() != ".toml":
            target = target.with_name(target.name + ".toml")
        try:
            save_recipe(recipe, target)
        except (SaveError, OSError) as exc:
            QMessageBox.warning(window, "Recipe not saved", f"Could not save {target.name}: {exc}")
            return None
        window.show_status(f"Saved a fix recipe with {plural(len(recipe.steps), 'step')} to "
                           f"{target.name}.", 10000)
        return target

    def _proposed_title(self) -> str:
        bundle = self.window.bundle
        if self._applied_title:
            return self._applied_title
        if bundle is not None and bundle.source is not None:
            return f"Fixes for {bundle.source.name}"
        return ""

    def _suggested_path(self) -> Path:
        bundle = self.window.bundle
        if bundle is not None and bundle.source is not None:
            folder = bundle.source if bundle.source_kind == "files" else bundle.source.parent
            return folder / f"{bundle.source.stem}-fixes.toml"
        return Path(self.window.settings.last_folder() or Path.home()) / "fixes.toml"

    # -- applying ------------------------------------------------------------------------------

    def apply_recipe_interactive(self, path: Path | str | None = None) -> RecipeRun | None:
        """Replay a recipe (asking which, unless given) as one undo step and show its report."""
        window = self.window
        if window.bundle is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(window, "Apply Fix Recipe",
                                                    str(self._suggested_path().parent), RECIPE_FILTER)
            if not chosen:
                return None
            path = chosen
        try:
            recipe = load_recipe(path)
        except RecipeError as exc:
            QMessageBox.warning(window, "Cannot use this recipe", str(exc))
            return None
        # Quick-fix steps check the whole bundle: a moment on a big one.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            replay = replay_in_session(recipe, window.session)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if replay.edit is not None:
            window.undo_stack.push(EditCommand(replay.edit))
            self._applied_title = recipe.title or self._applied_title
        closing = ("Edit \u203a Undo (Ctrl+Z) takes the whole recipe back in one step."
                   if replay.edit is not None else "The bundle was not changed.")
        self.last_report = ReportDialog(window, run_outline(replay.run).with_text(closing=closing))
        self.last_report.show()
        window.show_status(f"Applied the fix recipe: {plural(replay.run.changed, 'change')}.", 10000)
        return replay.run
