"""Replaying recipes: each kind of step, what the report says, and steps that match nothing."""

from __future__ import annotations

from recipe_bundles import column, damaged_bundle

from rostereditor.core.editing.cell_changes import BundleChanges
from rostereditor.core.recipes import (
    BundleEditor,
    DeleteColumn,
    InsertColumn,
    MoveColumn,
    Recipe,
    RenameColumn,
    RenameIds,
    Replace,
    RuleFix,
    apply_recipe,
    run_json,
    run_text,
)


def test_a_fix_all_rule_fixes_every_flagged_cell_and_reports_examples():
    bundle = damaged_bundle()
    run = apply_recipe(Recipe((RuleFix("excel.boolean-case"),)), bundle)
    assert column(bundle, "users.csv", "enabledUser") == ["true"] * 5
    assert column(bundle, "demographics.csv", "hispanicOrLatinoEthnicity") == ["true"]
    result = run.results[0]
    assert result.changed == 4
    assert result.by_file == {"users.csv": 3, "demographics.csv": 1}
    assert result.examples[0] == "users.csv line 2, enabledUser: 'TRUE' → 'true'"


def test_a_recorded_single_fix_replays_only_on_the_same_value_in_the_same_column():
    bundle = damaged_bundle()
    step = RuleFix("excel.boolean-case", "users.csv", "enabledUser", values=("True",))
    apply_recipe(Recipe((step,)), bundle)
    assert column(bundle, "users.csv", "enabledUser") == ["TRUE", "true", "true", "true", "TRUE"]
    assert column(bundle, "demographics.csv", "hispanicOrLatinoEthnicity") == ["TRUE"]


def test_a_step_that_matches_nothing_is_reported_not_an_error():
    bundle = damaged_bundle()
    run = apply_recipe(Recipe((RuleFix("excel.locale-date"), RuleFix("no.such-rule"),
                               Replace("nothing-like-this", "x"))), bundle)
    assert [r.matched for r in run.results] == [False, False, False]
    assert run.results[0].notes == ["matched nothing: nothing to change"]
    assert "has no rule 'no.such-rule'" in run.results[1].notes[0]
    assert "3. Replace 'nothing-like-this' with 'x' everywhere: no changes" in run_text(run)


def test_later_steps_see_what_earlier_steps_changed():
    bundle = damaged_bundle()
    recipe = Recipe((Replace("9", "09", whole_cell=True, files=("users.csv",), columns=("grades",)),
                     RuleFix("excel.grade-leading-zero")))
    run = apply_recipe(recipe, bundle)
    assert column(bundle, "users.csv", "grades") == ["", "09", "09", "", ""]
    assert [r.changed for r in run.results] == [1, 0]


def test_replace_is_limited_to_the_named_files_and_columns():
    bundle = damaged_bundle()
    run = apply_recipe(Recipe((Replace("@old.example.org", "@new.example.org", columns=("email", "mail")),)),
                       bundle)
    assert column(bundle, "users.csv", "email")[:2] == ["tanaka@new.example.org", "stu1@new.example.org"]
    assert run.results[0].changed == 2
    assert run.results[0].notes == ["no file has column mail"]
    run = apply_recipe(Recipe((Replace("x", "y", files=("courses.csv",)),)), bundle)
    assert run.results[0].notes == ["the bundle has no courses.csv"]


def test_renaming_ids_updates_every_reference_including_lists_and_the_demographics_key():
    bundle = damaged_bundle()
    run = apply_recipe(Recipe((RenameIds("users.csv", (("p2", "g-2"), ("st1", "0001"))),)), bundle)
    assert column(bundle, "users.csv", "sourcedId") == ["t1", "0001", "st2", "p1", "g-2"]
    assert column(bundle, "users.csv", "agentSourcedIds") == ["", "p1, g-2", "g-2", "", ""]
    assert column(bundle, "demographics.csv", "sourcedId") == ["0001"]
    assert run.results[0].by_file == {"users.csv": 4, "demographics.csv": 1}


def test_renames_apply_together_so_two_ids_can_swap():
    bundle = damaged_bundle()
    apply_recipe(Recipe((RenameIds("users.csv", (("p1", "p2"), ("p2", "p1"))),)), bundle)
    assert column(bundle, "users.csv", "sourcedId")[3:] == ["p2", "p1"]
    assert column(bundle, "users.csv", "agentSourcedIds")[1:3] == ["p2, p1", "p1"]


def test_a_rename_that_would_duplicate_or_finds_no_record_is_skipped_and_said():
    bundle = damaged_bundle()
    run = apply_recipe(Recipe((RenameIds("users.csv", (("p1", "p2"), ("zz", "yy"))),)), bundle)
    assert column(bundle, "users.csv", "sourcedId")[3:] == ["p1", "p2"]
    assert run.results[0].notes == ["'p2' is already a sourcedId in users.csv: 'p1' was not renamed",
                                    "no record 'zz' in users.csv"]


def test_column_steps_use_names_and_are_idempotent():
    bundle = damaged_bundle()
    recipe = Recipe((
        InsertColumn("users.csv", "metadata.badge", after="password"),
        InsertColumn("users.csv", "metadata.badge"),
        MoveColumn("users.csv", "email", after="sourcedId"),
        MoveColumn("users.csv", "email", after="sourcedId"),
        RenameColumn("users.csv", "sms", "metadata.sms"),
        RenameColumn("users.csv", "sms", "metadata.sms"),
        DeleteColumn("users.csv", "phone"),
        DeleteColumn("users.csv", "phone"),
        MoveColumn("users.csv", "sourcedId"),
    ))
    run = apply_recipe(recipe, bundle)
    table = bundle.table("users.csv")
    assert table is not None
    assert table.header == ["email", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role",
                            "username", "userIds", "givenName", "familyName", "middleName", "identifier",
                            "metadata.sms", "agentSourcedIds", "grades", "password", "metadata.badge",
                            "sourcedId"]
    assert table.row_values(1)[0] == "stu1@old.example.org"
    assert table.row_values(1)[-1] == "st1"
    assert [r.changed for r in run.results] == [1, 0, 1, 0, 1, 0, 1, 0, 1]
    assert run.results[1].notes == ["users.csv already has column metadata.badge"]
    assert run.results[3].notes == ["email is already in place"]
    assert run.results[5].notes == ["users.csv has no column 'sms' (it already has metadata.sms)"]
    assert run.results[7].notes == ["users.csv has no column 'phone': nothing to delete"]


def test_column_steps_keep_short_records_values_under_their_names():
    bundle = damaged_bundle(**{"orgs.csv": "sourcedId,name,type,extra\no1,North\no2,South,school,x\n"})
    apply_recipe(Recipe((MoveColumn("orgs.csv", "sourcedId", after="type"),
                         InsertColumn("orgs.csv", "identifier", before="name"),
                         DeleteColumn("orgs.csv", "extra"))), bundle)
    table = bundle.table("orgs.csv")
    assert table is not None
    assert table.header == ["identifier", "name", "type", "sourcedId"]
    records = [dict(zip(table.header, table.row_values(r), strict=False)) for r in range(2)]
    assert records == [{"identifier": "", "name": "North", "type": "", "sourcedId": "o1"},
                       {"identifier": "", "name": "South", "type": "school", "sourcedId": "o2"}]
    assert [table.source_line(r) for r in range(2)] == [2, 3]


def test_an_anchor_column_that_is_gone_puts_the_column_at_the_end_and_says_so():
    bundle = damaged_bundle()
    run = apply_recipe(Recipe((InsertColumn("orgs.csv", "metadata.x", before="nowhere"),)), bundle)
    table = bundle.table("orgs.csv")
    assert table is not None
    assert table.header[-1] == "metadata.x"
    assert run.results[0].notes == ["no column 'nowhere' to place it by: put at the end"]


class RecordingTarget(BundleEditor):
    """Stands in for the window's EditSession: each operation returns an edit object."""

    def change_cells(self, changes: BundleChanges, description: str) -> tuple[str, str]:  # type: ignore[override]
        super().change_cells(changes, description)
        return ("cells", description)

    def delete_columns(self, file, cols):  # type: ignore[override]
        super().delete_columns(file, cols)
        return ("columns", file)


def test_the_edits_a_session_returns_are_kept_in_order_for_one_undo_step():
    target = RecordingTarget(damaged_bundle())
    run = apply_recipe(Recipe((RuleFix("excel.boolean-case"), RuleFix("excel.locale-date"),
                               DeleteColumn("users.csv", "sms"))), target)
    assert run.edits == [
        ("cells", "Fix \u201cTRUE/FALSE in capitals\u201d (excel.boolean-case) everywhere"),
        ("columns", "users.csv")]


def test_the_report_as_json_has_every_step():
    run = apply_recipe(Recipe((RuleFix("excel.boolean-case"), RuleFix("excel.locale-date")), "t"),
                       damaged_bundle())
    data = run_json(run)
    assert data["changed"] == 4
    steps = data["steps"]
    assert isinstance(steps, list)
    assert [s["matched"] for s in steps] == [True, False]
