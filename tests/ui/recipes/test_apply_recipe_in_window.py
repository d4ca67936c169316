"""File > Apply Fix Recipe: one undo step, a report with counts, examples and the steps that
found nothing (not errors), and the applied steps join the recording."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from rostereditor.core.recipes import DeleteColumn, Recipe, Replace, RuleFix, save_recipe
from rostereditor.ui.recipes.recipe_actions import RecipeActionId
from rostereditor.ui.window.action_ids import ActionId


@pytest.fixture
def damaged_window(window, qtbot, damaged_zip):
    assert window.open_bundle(damaged_zip)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    window.flush_pending_updates()
    return window


def snapshot(bundle):
    return {n: (list(f.table.header), list(f.table.iter_rows())) for n, f in bundle.files.items()}


def apply_from_menu(window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.action(RecipeActionId.APPLY).trigger()
    return window.recipes.last_report


NIGHTLY = Recipe((
    RuleFix("excel.boolean-case"),
    Replace("@maplewood.example.org", "@maplewood.org", columns=("email",)),
    DeleteColumn("courses.csv", ""),
    RuleFix("excel.locale-date", "users.csv", "birthDate"),
    Replace("no such text anywhere", "x"),
), "Nightly")


def test_a_recipe_applies_as_one_undo_step_and_reports_each_step(damaged_window, monkeypatch,
                                                                 tmp_path):
    window = damaged_window
    path = tmp_path / "nightly.toml"
    save_recipe(NIGHTLY, path)
    before = snapshot(window.bundle)
    report = apply_from_menu(window, monkeypatch, path)

    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText().startswith("Apply recipe \u201cNightly\u201d (")
    assert window.bundle.table("courses.csv").column_index("") is None
    text = report.text()
    assert "\u201cNightly\u201d made" in text
    assert "3 of its 5 steps found something to fix" in text
    assert "Step 1: Fix “TRUE/FALSE in capitals” (excel.boolean-case) everywhere \u2014 3 changes" in text
    assert "users.csv line" in text  # examples name the line a vendor's report would use
    assert "'TRUE' \u2192 'true'" in text
    assert "Steps with nothing to change" in text
    assert "Not an error" in text
    assert "Step 4: Fix “Date in spreadsheet form” (excel.locale-date) in users.csv birthDate" in text
    assert "Step 5: Replace 'no such text anywhere' with 'x' everywhere" in text
    assert "takes the whole recipe back in one step" in text

    window.action(ActionId.UNDO).trigger()
    assert snapshot(window.bundle) == before
    window.action(ActionId.REDO).trigger()
    assert window.bundle.table("courses.csv").column_index("") is None


def test_the_applied_steps_join_the_recording_and_leave_it_on_undo(damaged_window, monkeypatch,
                                                                   tmp_path):
    window = damaged_window
    path = tmp_path / "nightly.toml"
    save_recipe(NIGHTLY, path)
    apply_from_menu(window, monkeypatch, path)
    assert window.recipes.recording.recipe().steps == NIGHTLY.steps
    window.action(ActionId.UNDO).trigger()
    assert window.recipes.recording.recipe().steps == ()


def test_a_recipe_that_matches_nothing_changes_nothing_and_says_so(damaged_window, monkeypatch,
                                                                   tmp_path):
    window = damaged_window
    path = tmp_path / "idle.toml"
    save_recipe(Recipe((Replace("no such text anywhere", "x"),)), path)
    report = apply_from_menu(window, monkeypatch, path)
    assert window.undo_stack.count() == 0
    assert not window.is_modified()
    assert "changed nothing" in report.text()
    assert "The bundle was not changed." in report.text()


def test_a_broken_recipe_is_explained_and_changes_nothing(damaged_window, monkeypatch, tmp_path,
                                                          message_boxes):
    window = damaged_window
    path = tmp_path / "broken.toml"
    path.write_text('format = 1\n[[step]]\naction = "replace"\nreplace = "x"\n', encoding="utf-8")
    apply_from_menu(window, monkeypatch, path)
    assert window.undo_stack.count() == 0
    kind, text = message_boxes[-1]
    assert kind == "warning"
    assert "Cannot use this recipe" in text
    assert "step 1 (replace): find is missing" in text
