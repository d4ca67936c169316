"""Fixes made through the window's menus are recorded as a recipe, in step with undo and redo,
and File > Save Fix Recipe writes them (after showing what the recipe holds)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from rostereditor.core.recipes import (
    DeleteColumn,
    InsertColumn,
    MoveColumn,
    RenameColumn,
    RenameIds,
    Replace,
    RuleFix,
    load_recipe,
)
from rostereditor.ui.editing.action_ids import EditActionId
from rostereditor.ui.recipes.recipe_actions import RecipeActionId
from rostereditor.ui.recipes.save_recipe_dialog import SaveRecipeDialog
from rostereditor.ui.window.action_ids import ActionId


@pytest.fixture
def damaged_window(window, qtbot, damaged_zip):
    assert window.open_bundle(damaged_zip)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    window.flush_pending_updates()
    return window


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """Save Fix Recipe's two questions answered: the dialog accepted, the file chosen."""
    path = tmp_path / "nightly.toml"
    shown: list[SaveRecipeDialog] = []

    def accept(dialog):
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SaveRecipeDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    return path, shown


def finding(window, file, rule, column):
    return next(f for f in window.all_findings()
                if (f.file, f.rule, f.column) == (file, rule, column) and f.fix is not None)


def context_menu_entry(window, found, starts_with):
    """The grid's right-click menu on the finding's cell, and its entry starting with the text."""
    table = window.bundle.table(found.file)
    assert window.go_to_cell(found.file, table.row_of_id(found.row_id), found.column_index)
    view = window.table_view(found.file)
    menu = window.editing.actions.context_menu(view, found.file)
    return next(a for a in menu.actions() if a.text().startswith(starts_with))


def header_menu_entry(page, col, text):
    return next(a for a in page.header_menu(col).actions() if a.text() == text)


def type_into(window, file, row, column, text):
    """What a cell editor commits on Enter: the grid model's setData."""
    model = window.model(file)
    col = window.bundle.table(file).column_index(column)
    assert model.setData(model.index(model.view_row(row), col), text, Qt.ItemDataRole.EditRole)


def replace_all(window, qtbot, find, replacement):
    window.action(EditActionId.REPLACE).trigger()
    dialog = window.editing.find_dialog
    dialog.find_edit.setText(find)
    dialog.replace_edit.setText(replacement)
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    dialog.close()


def save_recipe(window):
    window.action(RecipeActionId.SAVE).trigger()


def test_every_kind_of_fix_made_in_the_window_ends_up_in_the_saved_recipe(damaged_window, qtbot,
                                                                          save_to):
    window = damaged_window
    context_menu_entry(window, finding(window, "users.csv", "excel.boolean-case", "enabledUser"),
                       "Fix: change to").trigger()
    context_menu_entry(window, finding(window, "users.csv", "excel.grade-leading-zero", "grades"),
                       "Fix all like this").trigger()
    replace_all(window, qtbot, "@maplewood.example.org", "@maplewood.org")
    type_into(window, "users.csv", 0, "givenName", "Bjorn")  # one cell typed: not recorded
    window.editing.cells.ask_rename = lambda old, new, count, files: True
    users = window.bundle.table("users.csv")
    teacher = users.column_values(0).index("tch-00001")  # enrollments and classes refer to it
    type_into(window, "users.csv", teacher, "sourcedId", "T-00001")
    # Column operations from the header's menu, and a header finding's fix.
    courses = window.page("courses.csv")
    header_menu_entry(courses, courses.model.table.column_count - 1,
                      "Fix header: Delete the empty trailing column").trigger()
    users_page = window.page("users.csv")
    names = iter(["metadata.house", "metadata.team"])
    window.editing.columns.ask_name = lambda *_: next(names)
    header_menu_entry(users_page, 3, "Insert Column &Left\u2026").trigger()
    header_menu_entry(users_page, 3, "Re&name Column\u2026").trigger()
    header_menu_entry(users_page, 3, "Move Column Ri&ght").trigger()

    path, shown = save_to
    save_recipe(window)
    assert path.exists()
    steps = load_recipe(path).steps
    assert steps == (
        RuleFix("excel.boolean-case", "users.csv", "enabledUser", ("TRUE",)),
        RuleFix("excel.grade-leading-zero", "users.csv", "grades"),
        Replace("@maplewood.example.org", "@maplewood.org"),
        RenameIds("users.csv", (("tch-00001", "T-00001"),)),
        DeleteColumn("courses.csv", ""),
        InsertColumn("users.csv", "metadata.house", after="dateLastModified"),
        RenameColumn("users.csv", "metadata.house", "metadata.team"),
        MoveColumn("users.csv", "metadata.team", after="enabledUser"),
    )
    # Before saving, the user saw every step and what is (and is not) recorded.
    texts = shown[0].step_texts()
    assert texts[0] == ("1. Fix \u201cTRUE/FALSE in capitals\u201d (excel.boolean-case) on 'TRUE' in "
                        "users.csv enabledUser")
    assert len(texts) == len(steps)
    assert "Saved a fix recipe with 8 steps to nightly.toml." in window.statusBar().currentMessage()


def test_undo_and_redo_keep_the_recording_in_step(damaged_window, qtbot, save_to):
    window = damaged_window
    replace_all(window, qtbot, "@maplewood.example.org", "@maplewood.org")
    context_menu_entry(window, finding(window, "users.csv", "excel.grade-leading-zero", "grades"),
                       "Fix all like this").trigger()
    window.action(ActionId.UNDO).trigger()
    assert window.recipes.recording.recipe().steps == (
        Replace("@maplewood.example.org", "@maplewood.org"),)
    window.action(ActionId.UNDO).trigger()
    assert window.recipes.recording.recipe().steps == ()
    window.action(ActionId.REDO).trigger()
    window.action(ActionId.REDO).trigger()
    assert len(window.recipes.recording.recipe().steps) == 2
    # The history list jumps several steps at once.
    window.undo_stack.setIndex(0)
    assert window.recipes.recording.recipe().steps == ()
    window.undo_stack.setIndex(1)
    # A new fix after an undo: the undone one is gone from the history and from the recipe.
    context_menu_entry(window, finding(window, "users.csv", "excel.boolean-case", "enabledUser"),
                       "Fix: change to").trigger()
    assert window.recipes.recording.recipe().steps == (
        Replace("@maplewood.example.org", "@maplewood.org"),
        RuleFix("excel.boolean-case", "users.csv", "enabledUser", ("TRUE",)),
    )
    path, _ = save_to
    save_recipe(window)
    assert len(load_recipe(path).steps) == 2


def test_opening_another_bundle_starts_a_new_recording(damaged_window, qtbot, damaged_zip):
    window = damaged_window
    replace_all(window, qtbot, "@maplewood.example.org", "@maplewood.org")
    window.undo_stack.setClean()
    assert window.open_bundle(damaged_zip)
    assert window.recipes.recording.recipe().steps == ()


def test_with_nothing_recorded_save_explains_what_gets_recorded(damaged_window, message_boxes):
    type_into(damaged_window, "users.csv", 0, "givenName", "Bjorn")
    save_recipe(damaged_window)
    kind, text = message_boxes[-1]
    assert kind == "information"
    assert "no fixes to save yet" in text
    assert "not recorded" in text


def test_cancelling_the_save_dialog_writes_nothing(damaged_window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(SaveRecipeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    replace_all(damaged_window, qtbot, "@maplewood.example.org", "@maplewood.org")
    assert damaged_window.recipes.save_recipe_interactive() is None
    assert asked == []


def test_the_menu_entries_need_a_bundle(window):
    assert not window.action(RecipeActionId.SAVE).isEnabled()
    assert not window.action(RecipeActionId.APPLY).isEnabled()
