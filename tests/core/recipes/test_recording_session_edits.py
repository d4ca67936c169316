"""The editor's own operations become generic recipe steps, and follow undo and redo.

Each EditSession operation worth repeating marks its Edit with what it did in general terms;
RecordedHistory turns those into steps as the window's undo history moves.
"""

from __future__ import annotations

import copy

import pytest
from recipe_bundles import column, damaged_bundle

from rostereditor.core.editing.cell_range import CellRange
from rostereditor.core.editing.find_replace import SearchOptions
from rostereditor.core.recipes import (
    DeleteColumn,
    InsertColumn,
    MoveColumn,
    Recipe,
    RecordedHistory,
    RenameColumn,
    RenameIds,
    Replace,
    RuleFix,
    apply_recipe,
    load_recipe,
    replay_in_session,
    save_recipe,
)
from rostereditor.core.session import EditSequence, EditSession


def open_session(bundle=None, profile: str = "1edtech") -> EditSession:
    session = EditSession(profile=profile)
    session.open(bundle or damaged_bundle())
    return session


def finding(session: EditSession, rule: str, file: str, value: str):
    found = [f for f in session.result.findings if (f.rule, f.file, f.value) == (rule, file, value)]
    assert found, (rule, file, value)
    return found[0]


def col(session: EditSession, file: str, name: str) -> int:
    index = session.require_table(file).column_index(name)
    assert index is not None
    return index


def record(session: EditSession, history: RecordedHistory, edit) -> None:
    assert edit is not None
    history.pushed(edit)


def test_each_kind_of_fix_made_in_the_session_becomes_a_generic_step():
    session = open_session()
    history = RecordedHistory()
    record(session, history, session.fix_cell(
        "users.csv", finding(session, "excel.boolean-case", "users.csv", "True")))
    record(session, history, session.fix_all(
        "users.csv", finding(session, "excel.grade-leading-zero", "users.csv", "9")))
    record(session, history, session.replace_all(
        ["users.csv", "orgs.csv", "demographics.csv"], SearchOptions("@old.example.org"), "@new.org"))
    record(session, history, session.replace_all(
        ["users.csv"], SearchOptions("tanaka", match_case=True), "Tanaka",
        columns=[col(session, "users.csv", "username")]))
    users = session.require_table("users.csv")
    record(session, history, session.edit_cell("users.csv", users.row_of_id(3), 0, "parent-1",
                                               update_references=True))
    record(session, history, session.insert_column("users.csv", 3, "metadata.x"))
    record(session, history, session.rename_column("users.csv", 3, "metadata.y"))
    record(session, history, session.move_column("users.csv", col(session, "users.csv", "email"), 1))
    record(session, history, session.delete_columns(
        "users.csv", [col(session, "users.csv", "sms"), col(session, "users.csv", "phone")]))

    assert history.recipe().steps == (
        RuleFix("excel.boolean-case", "users.csv", "enabledUser", ("True",)),
        RuleFix("excel.grade-leading-zero", "users.csv", "grades"),
        Replace("@old.example.org", "@new.org"),
        Replace("tanaka", "Tanaka", match_case=True, files=("users.csv",), columns=("username",)),
        RenameIds("users.csv", (("p1", "parent-1"),)),
        InsertColumn("users.csv", "metadata.x", after="dateLastModified"),
        RenameColumn("users.csv", "metadata.x", "metadata.y"),
        MoveColumn("users.csv", "email", after="sourcedId"),
        DeleteColumn("users.csv", "sms"),
        DeleteColumn("users.csv", "phone"),
    )


def test_edits_of_particular_cells_are_not_recorded():
    session = open_session()
    history = RecordedHistory()
    users = session.require_table("users.csv")
    record(session, history, session.edit_cell("users.csv", 0, col(session, "users.csv", "givenName"), "Ai"))
    # A sourcedId changed without its references is one cell typed, not a rename.
    record(session, history, session.edit_cell("users.csv", users.row_of_id(3), 0, "p9"))
    record(session, history, session.replace_in_cell(
        "users.csv", 0, col(session, "users.csv", "email"), SearchOptions("old"), "new"))
    record(session, history, session.delete_rows("users.csv", [1]))
    assert history.recipe().steps == ()


def test_a_step_made_of_several_column_moves_records_each_move():
    session = open_session()
    history = RecordedHistory()
    moves = [session.move_column("orgs.csv", 3, 0), session.move_column("orgs.csv", 4, 1)]
    history.pushed(EditSequence("Put the columns in the spec's order", moves))
    assert history.recipe().steps == (MoveColumn("orgs.csv", "name", before="sourcedId"),
                                      MoveColumn("orgs.csv", "type", after="name"))
    # A paste is a sequence too, of particular cells and rows: nothing to record.
    plan = session.plan_paste("orgs.csv", [["x"], ["y"]], CellRange(0, 0, 0, 0))
    history.pushed(session.paste("orgs.csv", plan))
    assert len(history.recipe().steps) == 2


def test_a_vendor_is_named_only_for_its_own_rules():
    session = open_session(profile="classlink")
    history = RecordedHistory()
    record(session, history, session.fix_all(
        "users.csv", finding(session, "excel.boolean-case", "users.csv", "TRUE")))
    assert history.recipe().steps == (RuleFix("excel.boolean-case", "users.csv", "enabledUser"),)


def test_undo_takes_a_step_out_and_redo_puts_it_back():
    session = open_session()
    history = RecordedHistory()
    first = session.insert_column("orgs.csv", 0, "metadata.a")
    second = session.rename_column("orgs.csv", 0, "metadata.b")
    history.pushed(first)
    history.pushed(second)
    second.undo()
    history.moved_to(1)
    assert history.recipe().steps == (InsertColumn("orgs.csv", "metadata.a", before="sourcedId"),)
    history.moved_to(0)
    assert history.recipe().steps == ()
    history.moved_to(2)  # a jump in the history list redoes both
    assert len(history.recipe().steps) == 2
    history.moved_to(1)
    # A new fix after an undo: the undone rename can never come back.
    history.pushed(session.delete_columns("orgs.csv", [col(session, "orgs.csv", "identifier")]))
    history.moved_to(2)
    assert history.recipe().steps == (InsertColumn("orgs.csv", "metadata.a", before="sourcedId"),
                                      DeleteColumn("orgs.csv", "identifier"))
    history.cleared()
    assert history.recipe().steps == ()


def snapshot(bundle):
    return {n: (list(f.table.header), list(f.table.iter_rows())) for n, f in bundle.files.items()}


def test_a_replayed_recipe_is_one_undo_step_and_joins_the_recording():
    session = open_session()
    before = snapshot(session.bundle)
    recipe = Recipe((RuleFix("excel.boolean-case"), Replace("@old.example.org", "@new.org"),
                     DeleteColumn("users.csv", "nothing-here")), "Nightly")
    replay = replay_in_session(recipe, session)
    assert [r.changed for r in replay.run.results] == [4, 2, 0]
    assert replay.edit is not None
    assert replay.edit.description == "Apply recipe \u201cNightly\u201d (6 changes)"
    after = snapshot(session.bundle)
    history = RecordedHistory()
    history.pushed(replay.edit)
    assert history.recipe().steps == recipe.steps

    replay.edit.undo()
    history.moved_to(0)
    assert snapshot(session.bundle) == before
    assert history.recipe().steps == ()
    replay.edit.redo()
    assert snapshot(session.bundle) == after


def test_a_recipe_that_changes_nothing_makes_no_undo_step():
    session = open_session()
    replay = replay_in_session(Recipe((Replace("no such text", "x"),)), session)
    assert replay.edit is None
    assert replay.run.results[0].notes == ["matched nothing: nothing to change"]


def test_the_recorded_recipe_repeats_the_fixes_on_a_fresh_copy(tmp_path):
    original = damaged_bundle()
    session = open_session(copy.deepcopy(original))
    history = RecordedHistory()
    record(session, history, session.fix_all(
        "users.csv", finding(session, "excel.boolean-case", "users.csv", "TRUE")))
    record(session, history, session.fix_cell(
        "demographics.csv", finding(session, "excel.boolean-case", "demographics.csv", "TRUE")))
    record(session, history, session.replace_all(
        ["users.csv", "orgs.csv", "demographics.csv"], SearchOptions("@old.example.org"), "@new.org"))
    users = session.require_table("users.csv")
    record(session, history, session.edit_cell("users.csv", users.row_of_id(4), 0, "parent-2",
                                               update_references=True))
    record(session, history, session.insert_column("users.csv", 5, "metadata.house"))
    path = tmp_path / "recorded.toml"
    save_recipe(history.recipe(), path)

    fresh = copy.deepcopy(original)
    apply_recipe(load_recipe(path), fresh)
    assert snapshot(fresh) == snapshot(session.bundle)
    assert column(fresh, "users.csv", "agentSourcedIds")[1] == "p1, parent-2"


def test_a_replay_that_fails_midway_leaves_the_bundle_as_it_was(monkeypatch):
    session = open_session()
    before = snapshot(session.bundle)
    recipe = Recipe((Replace("@old.example.org", "@new.org"), DeleteColumn("users.csv", "sms"),
                     RenameColumn("users.csv", "phone", "telephone")))

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in a step")

    monkeypatch.setattr(session, "rename_column", broken)
    with pytest.raises(RuntimeError, match="a bug in a step"):
        replay_in_session(recipe, session)
    assert snapshot(session.bundle) == before
