"""The window's report of a replayed recipe: counts per file and examples per step, and the
steps that found nothing listed apart, as news rather than errors."""

from __future__ import annotations

from recipe_bundles import damaged_bundle

from rostereditor.core.recipes import DeleteColumn, Recipe, Replace, RuleFix, apply_recipe, run_outline


def test_changed_steps_come_with_counts_and_examples_and_idle_steps_are_listed_apart():
    recipe = Recipe((RuleFix("excel.boolean-case"), DeleteColumn("users.csv", "nickname"),
                     Replace("@old.example.org", "@new.org", columns=("email",)),
                     Replace("never-there", "x")), "Nightly")
    outline = run_outline(apply_recipe(recipe, damaged_bundle()))
    assert outline.title == "\u201cNightly\u201d applied"
    assert outline.summary == "\u201cNightly\u201d made 6 changes: 2 of its 4 steps found something to fix."
    changed, idle = outline.sections
    assert [p.text for p in changed.points] == [
        "Step 1: Fix \u201cTRUE/FALSE in capitals\u201d (excel.boolean-case) everywhere "
        "\u2014 4 changes (3 in users.csv, 1 in demographics.csv)",
        "Step 3: Replace '@old.example.org' with '@new.org' in column email of every file "
        "\u2014 2 changes (2 in users.csv)",
    ]
    assert "users.csv line 2, enabledUser: 'TRUE' \u2192 'true'" in changed.points[0].details
    assert idle.heading == "Steps with nothing to change"
    assert "Not an error" in idle.note
    assert [(p.text, p.details) for p in idle.points] == [
        ("Step 2: Delete column nickname from users.csv",
         ("Users.csv has no column 'nickname': nothing to delete",)),
        ("Step 4: Replace 'never-there' with 'x' everywhere", ()),
    ]
    text = outline.plain_text()
    assert "Steps with nothing to change:" in text
    assert "Step 4:" in text


def test_a_recipe_that_finds_nothing_says_so_plainly():
    outline = run_outline(apply_recipe(Recipe((Replace("never-there", "x"),)), damaged_bundle()))
    assert outline.title == "Fix recipe applied"
    assert outline.summary == ("Fix recipe changed nothing: none of its 1 step found anything to "
                               "fix here.")
    assert [s.heading for s in outline.sections] == ["Steps with nothing to change"]
