"""Every kind of edit the session can make is journaled and comes back after a kill: made,
undone, redone, and undone or redone after a save. A new operation that is not journaled
fails here."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

import pytest
from recovery_helpers import content, kill, left_journal, open_journaled, write_source

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.editing import column_edits, row_edits
from rostereditor.core.editing.cell_changes import CellChange
from rostereditor.core.editing.cell_range import CellRange
from rostereditor.core.editing.find_replace import SearchOptions
from rostereditor.core.editing.header_fixes import ColumnFix
from rostereditor.core.recovery import find_left_journals, recover
from rostereditor.core.recovery.edit_payloads import STRUCTURE_CHANGES
from rostereditor.core.session import Edit, EditSession

U = "users.csv"
Operation = Callable[[EditSession], Edit | None]


def _col(session: EditSession, name: str) -> int:
    col = session.require_table(U).column_index(name)
    assert col is not None
    return col


def _fixable(session: EditSession):
    assert session.result is not None
    return next(f for f in session.result.findings if f.fix is not None and f.row_id is not None)


def _change_cells(s: EditSession) -> Edit | None:
    t = s.require_table(U)
    return s.change_cells({U: [CellChange(t.row_id(1), 2, t.cell(1, 2), "changed"),
                               CellChange(t.row_id(2), 3, t.cell(2, 3), "")]}, "Change two cells")


def _rename_with_references(s: EditSession) -> Edit | None:
    orgs = s.require_table("orgs.csv")
    col = orgs.column_index("sourcedId")
    assert col is not None
    edit = s.edit_cell("orgs.csv", 1, col, "org-renamed", update_references=True)
    assert edit is not None
    assert len(edit.changes) > 1  # the references in other files moved too
    return edit


def _paste_with_new_rows(s: EditSession) -> Edit | None:
    t = s.require_table(U)
    last = len(t) - 1
    plan = s.plan_paste(U, [["p1", "p2"], ["new1", "new2"], ["new3", ""]], CellRange(last, 0, last, 0))
    return s.paste(U, plan)


def _fix_all(s: EditSession) -> Edit | None:
    finding = _fixable(s)
    return s.fix_all(finding.file, finding)


def _fix_cell(s: EditSession) -> Edit | None:
    finding = _fixable(s)
    return s.fix_cell(finding.file, finding)


# Every session operation that returns an Edit, at least once each (see the coverage test).
SCENARIOS: list[tuple[str, str, Operation]] = [
    ("change_cells", "cells", _change_cells),
    ("edit_cell", "one cell", lambda s: s.edit_cell(U, 0, 1, "typed \u00e9\U0001f600")),
    ("edit_cell", "rename with references", _rename_with_references),
    ("clear", "clear", lambda s: s.clear(U, [CellRange(1, 1, 3, 4)])),
    ("fill_down", "fill down", lambda s: s.fill_down(U, [CellRange(0, _col(s, "givenName"), 5,
                                                                 _col(s, "familyName"))])),
    ("paste", "paste with new rows", _paste_with_new_rows),
    ("replace_all", "replace in all files", lambda s: s.replace_all(
        s.file_names, SearchOptions("a"), "\u00e5")),
    ("replace_in_cell", "replace in a cell", lambda s: s.replace_in_cell(
        U, 0, 0, SearchOptions(s.require_table(U).cell(0, 0)[:3]), "X")),
    ("fix_cell", "quick fix", _fix_cell),
    ("fix_all", "quick fix all", _fix_all),
    ("insert_blank_rows", "blank rows", lambda s: s.insert_blank_rows(U, 2, 3, below=True)),
    ("insert_rows", "rows with values", lambda s: s.insert_rows(U, 0, [["a", "b"], ["c"] * 30])),
    ("duplicate_rows", "duplicates", lambda s: s.duplicate_rows(U, [3, 4, 9])),
    ("delete_rows", "delete rows", lambda s: s.delete_rows(U, [0, 5, 6])),
    ("insert_column", "insert column", lambda s: s.insert_column(U, 2, "extra")),
    ("delete_columns", "delete columns", lambda s: s.delete_columns(U, [1, 4])),
    ("rename_column", "rename column", lambda s: s.rename_column(U, 3, "renamedColumn")),
    ("move_column", "move column", lambda s: s.move_column(U, 1, 5)),
    ("as_one_step", "several operations as one step", lambda s: s.as_one_step(lambda: (
        "Recipe", [s.replace_all(s.file_names, SearchOptions("a"), "\u00e5"),
                   s.delete_columns(U, [2]), s.insert_column(U, 1, "added")]))),
    ("fix_header", "header fix: columns reordered", lambda s: s.fix_header(U, ColumnFix(
        "reorder", "Put the columns in the spec's order",
        order=(2, 0, 1, *range(3, s.require_table(U).column_count))))),
    ("fix_header", "header fix: rename", lambda s: s.fix_header(
        U, ColumnFix("rename", "Rename it", (3,)), "metadata.renamed")),
]


def _edit_operations() -> set[str]:
    found = set()
    for name, member in vars(EditSession).items():
        if name.startswith("_") or not callable(member):
            continue
        if "Edit" in str(inspect.signature(member).return_annotation):
            found.add(name)
    return found


def test_every_operation_that_returns_an_edit_is_recorded_and_tried_here():
    operations = _edit_operations()
    assert {"edit_cell", "paste", "move_column"} <= operations
    unrecorded = [n for n in operations if not getattr(getattr(EditSession, n), "records_edit", False)]
    assert unrecorded == [], "mark these @records_edit so the recovery journal hears of them"
    assert operations == {name for name, _, _ in SCENARIOS}, "add the new operation to SCENARIOS"


def test_every_kind_of_table_change_has_a_journal_record():
    kinds = {cls for module in (row_edits, column_edits) for cls in vars(module).values()
             if inspect.isclass(cls) and cls.__module__ == module.__name__
             and hasattr(cls, "undo") and hasattr(cls, "redo")}
    assert kinds == set(STRUCTURE_CHANGES)


def _act(variant: str, session: EditSession, operation: Operation) -> None:
    if variant == "made":
        assert operation(session) is not None
        return
    if variant == "undone after a save":
        edit = operation(session)
        assert edit is not None
        session.save()
        edit.undo()
        return
    edit = operation(session)
    assert edit is not None
    edit.undo()
    if variant == "redone":
        edit.redo()
    elif variant == "redone after a save":
        session.save()
        edit.redo()


VARIANTS = ["made", "undone", "redone", "undone after a save", "redone after a save"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("operation", "label", "act"), SCENARIOS, ids=[s[1] for s in SCENARIOS])
def test_an_edit_comes_back_after_a_kill(tmp_path: Path, operation, label, act, variant):
    source = write_source(tmp_path / "district.zip")
    folder = tmp_path / "recovery"
    session, journal = open_journaled(source, folder)
    session.edit_cell("orgs.csv", 0, 2, "an edit before")
    _act(variant, session, act)
    expected = content(session.bundle)
    kill(journal)

    left = left_journal(folder)
    recovered = recover(left)
    left.release()
    assert recovered.problem is None
    assert content(recovered.bundle) == expected
    # The undo stack is as it was: the first edit is done, this one done or undone.
    done = variant in ("made", "redone", "redone after a save")
    if "after a save" not in variant:
        assert (len(recovered.stack), recovered.index) == (2, 2 if done else 1)


@pytest.mark.parametrize(("operation", "label", "act"), SCENARIOS, ids=[s[1] for s in SCENARIOS])
def test_recovered_edits_undo_and_redo_like_the_originals(tmp_path: Path, operation, label, act):
    source = write_source(tmp_path / "district.zip")
    folder = tmp_path / "recovery"
    session, journal = open_journaled(source, folder)
    before = content(session.bundle)
    edit = act(session)
    after = content(session.bundle)
    kill(journal)

    recovered = recover(left_journal(folder))
    resumed = EditSession()
    resumed.open(recovered.bundle)
    recovered.attach(resumed)
    (step,) = recovered.stack
    step.undo()
    assert content(recovered.bundle) == before
    step.redo()
    assert content(recovered.bundle) == after
    assert edit is not None
    assert step.description == edit.description


def test_a_cell_changed_twice_in_one_edit_comes_back_as_made(tmp_path: Path):
    # Planned from the table as it was: both changes say the cell held its old text.
    source = write_source(tmp_path / "district.zip")
    session, journal = open_journaled(source, tmp_path / "recovery")
    t = session.require_table(U)
    old = t.cell(2, 4)
    session.change_cells({U: [CellChange(t.row_id(2), 4, old, "first"),
                              CellChange(t.row_id(2), 4, old, "second")]}, "Twice")
    expected = content(session.bundle)
    kill(journal)
    recovered = recover(left_journal(tmp_path / "recovery"))
    assert recovered.problem is None
    assert content(recovered.bundle) == expected


def _random_editing():
    """tools/kill_during_editing.py's seeded random editing (so the tool is tested too)."""
    import importlib.util

    path = Path(__file__).parents[3] / "tools" / "kill_during_editing.py"
    spec = importlib.util.spec_from_file_location("kill_during_editing", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_a_long_random_editing_session_with_saves_comes_back(tmp_path: Path, seed: int):
    tool = _random_editing()
    source = write_source(tmp_path / "district.zip")
    session, journal = open_journaled(source, tmp_path / "recovery")
    script = tool.EditingScript(session, seed, save=session.save)
    for step in range(120):
        script.step()
        if step == 60:
            session.save()  # and undos after it reach back past the save
    expected = content(session.bundle)
    kill(journal)
    left = find_left_journals(tmp_path / "recovery")
    if not left:  # the last step was a save: the file has it all
        assert content(read_bundle(source)) == expected
        return
    recovered = recover(left[0])
    assert recovered.problem is None
    assert content(recovered.bundle) == expected
    # The steps the journal knows, at the same place in the undo stack.
    known = [e.description for e in recovered.stack]
    offset = script.index - recovered.index
    assert offset >= 0
    assert [e.description for e in script.stack][offset:offset + len(known)] == known


def _intents(edit: object) -> tuple[object, list[object]]:
    """What an edit did in general terms (a fix, a rename...), and its parts' for a sequence."""
    from rostereditor.core.session.edit_intents import intent_of

    return intent_of(edit), [_intents(step) for step in getattr(edit, "steps", [])]


@pytest.mark.parametrize(("operation", "label", "act"), SCENARIOS, ids=[s[1] for s in SCENARIOS])
def test_recovered_edits_say_what_they_did_for_the_fix_recipe(tmp_path: Path, operation, label,
                                                              act):
    """A quick fix, Replace All or a column operation recovered after a kill came back as
    anonymous cell changes: Save Fix Recipe then said there were no fixes to save."""
    source = write_source(tmp_path / "district.zip")
    folder = tmp_path / "recovery"
    session, journal = open_journaled(source, folder)
    edit = act(session)
    kill(journal)

    recovered = recover(left_journal(folder))
    (step,) = recovered.stack
    assert _intents(step) == _intents(edit)


def test_a_replayed_recipe_is_recovered_as_that_recipe():
    from rostereditor.core.recipes import Recipe
    from rostereditor.core.recipes.edit_recording import RecipeApplied
    from rostereditor.core.recipes.recipe_file import parse_recipe
    from rostereditor.core.recovery.intent_codec import decode_intent, encode_intent

    recipe = parse_recipe('format = 1\ntitle = "Nightly"\n\n[[step]]\naction = "rename-column"\n'
                          'file = "users.csv"\ncolumn = "nick"\nto = "nickname"\n')
    assert isinstance(recipe, Recipe)
    assert decode_intent(encode_intent(RecipeApplied(recipe))) == RecipeApplied(recipe)
    assert decode_intent({"type": "RecipeApplied", "recipe": "not toml ["}) is None
