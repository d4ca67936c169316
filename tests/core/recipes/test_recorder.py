"""Recording the editor's fixes: the recipe follows undo/redo, merges repeats, replays on the next export."""

from __future__ import annotations

from rostereditor.core.editing.cell_changes import apply_changes
from rostereditor.core.editing.find_replace import SearchOptions
from rostereditor.core.editing.quick_fixes import plan_fix_all
from rostereditor.core.recipes import (
    DeleteColumn,
    InsertColumn,
    MoveColumn,
    RecipeRecorder,
    RenameColumn,
    RenameIds,
    Replace,
    RuleFix,
    apply_recipe,
    load_recipe,
    save_recipe,
)
from rostereditor.core.sample_district import generate_district
from rostereditor.core.validation import BundleValidator


def test_each_kind_of_fix_becomes_a_generic_step():
    recorder = RecipeRecorder("Nightly")
    recorder.record_quick_fix("excel.boolean-case", "users.csv", "enabledUser", "TRUE")
    recorder.record_fix_all("excel.grade-leading-zero", "users.csv", "grades", vendor="stmath")
    recorder.record_replace(SearchOptions("@old.org", whole_cell=False), "@new.org", columns=["email"])
    recorder.record_id_rename("users.csv", "S 1", "0001")
    recorder.record_insert_column("users.csv", ["sourcedId", "metadata.x", "status"], 1)
    recorder.record_insert_column("orgs.csv", ["metadata.first", "sourcedId"], 0)
    recorder.record_delete_column("courses.csv", "")
    recorder.record_rename_column("users.csv", "Email", "email")
    recorder.record_move_column("users.csv", ["sourcedId", "status", "email"], 2)
    assert recorder.recipe().steps == (
        RuleFix("excel.boolean-case", "users.csv", "enabledUser", ("TRUE",)),
        RuleFix("excel.grade-leading-zero", "users.csv", "grades", (), "stmath"),
        Replace("@old.org", "@new.org", columns=("email",)),
        RenameIds("users.csv", (("S 1", "0001"),)),
        InsertColumn("users.csv", "metadata.x", after="sourcedId"),
        InsertColumn("orgs.csv", "metadata.first", before="sourcedId"),
        DeleteColumn("courses.csv", ""),
        RenameColumn("users.csv", "Email", "email"),
        MoveColumn("users.csv", "email", after="status"),
    )
    assert recorder.recipe().title == "Nightly"


def test_undone_fixes_leave_the_recipe_and_redone_ones_come_back():
    recorder = RecipeRecorder()
    first = recorder.record_delete_column("users.csv", "a")
    second = recorder.record_delete_column("users.csv", "b")
    recorder.set_done(second, False)
    assert recorder.steps == [DeleteColumn("users.csv", "a")]
    recorder.set_done(second, True)
    assert recorder.steps == [DeleteColumn("users.csv", "a"), DeleteColumn("users.csv", "b")]
    recorder.set_done(second, False)
    recorder.set_done(first, False)
    recorder.record_delete_column("users.csv", "c")  # a new edit: the undone ones cannot come back
    recorder.set_done(second, True)
    assert recorder.steps == [DeleteColumn("users.csv", "c")]


def test_repeated_single_fixes_and_renames_merge_into_one_step():
    recorder = RecipeRecorder()
    recorder.record_quick_fix("excel.boolean-case", "users.csv", "enabledUser", "TRUE")
    recorder.record_quick_fix("excel.boolean-case", "users.csv", "enabledUser", "True")
    recorder.record_quick_fix("excel.boolean-case", "users.csv", "enabledUser", "TRUE")
    recorder.record_id_rename("users.csv", "a", "b")
    recorder.record_id_rename("users.csv", "b", "c")
    recorder.record_id_rename("users.csv", "x", "y")
    recorder.record_id_rename("users.csv", "y", "x")
    recorder.record_fix_all("excel.boolean-case", "demographics.csv", "asian")
    recorder.record_quick_fix("excel.boolean-case", "demographics.csv", "asian", "FALSE")
    assert recorder.recipe().steps == (
        RuleFix("excel.boolean-case", "users.csv", "enabledUser", ("TRUE", "True")),
        RenameIds("users.csv", (("a", "c"),)),
        RuleFix("excel.boolean-case", "demographics.csv", "asian", ()),
    )


def _fix_everything_fixable(bundle, recorder):
    """What a person does in the window: "fix all like this" on each fixable finding."""
    for finding in BundleValidator(bundle).run().findings:
        table = bundle.table(finding.file) if finding.file else None
        if finding.fix is None or table is None or finding.column_index is None:
            continue
        column = table.header[finding.column_index]
        changes = plan_fix_all(table, finding.column_index, {finding.value: finding.fix})
        if changes:
            apply_changes(table, changes)
            recorder.record_fix_all(finding.rule, finding.file, column)


def test_a_recipe_recorded_on_one_export_fixes_the_next_one(tmp_path):
    recorder = RecipeRecorder("Nightly")
    tonight = generate_district(120, seed=3, damaged=True).bundle
    _fix_everything_fixable(tonight, recorder)
    path = tmp_path / "nightly.toml"
    save_recipe(recorder.recipe(), path)

    # Another night, other people and other damage; the same kinds of fixes in the same places.
    tomorrow = generate_district(140, seed=4, damaged=True).bundle
    recorded = {(s.rule, s.file, s.column) for s in recorder.recipe().steps if isinstance(s, RuleFix)}
    before = _fixable_in(tomorrow, recorded)
    run = apply_recipe(load_recipe(path), tomorrow)
    assert len(before) > 0
    assert run.changed >= len(before)
    assert _fixable_in(tomorrow, recorded) == []


def _fixable_in(bundle, places):
    found = []
    for finding in BundleValidator(bundle).run().findings:
        table = bundle.table(finding.file) if finding.file else None
        if (finding.fix is not None and table is not None and finding.column_index is not None
                and (finding.rule, finding.file, table.header[finding.column_index]) in places):
            found.append(finding)
    return found
