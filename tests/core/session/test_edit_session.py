"""The editing window's behaviours, against the Qt-free session: each operation is one undoable
step, never converts values, announces what changed and keeps the findings current."""

from __future__ import annotations

import pytest

from rostereditor.core.editing.cell_range import CellRange
from rostereditor.core.editing.change_review import list_changes
from rostereditor.core.editing.find_replace import SearchOptions
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import EditSession


class Recorder:
    """Every event the session emits, as (emitter name, event)."""

    def __init__(self, session: EditSession) -> None:
        self.seen: list[tuple[str, object]] = []
        for emitter in session.events.emitters():
            emitter.connect(lambda event, name=emitter.name: self.seen.append((name, event)))

    def names(self) -> list[str]:
        return [name for name, _ in self.seen]

    def of(self, name: str) -> list:
        return [event for seen, event in self.seen if seen == name]


@pytest.fixture(scope="module")
def district():
    return generate_district(students=40, seed=3)


@pytest.fixture
def session(district):
    # A fresh copy per test: edits must not leak between tests.
    fresh = generate_district(students=40, seed=3)
    s = EditSession()
    s.open(fresh.bundle)
    return s


def rows_of(table):
    return [table.row_values(r) for r in range(len(table))]


def test_opening_checks_at_once_and_announces_the_bundle(district):
    session = EditSession()
    seen = Recorder(session)
    session.open(generate_district(students=40, seed=3, damaged=True).bundle)
    assert seen.names()[0] == "bundle_changed"
    assert session.result is not None
    assert session.result.counts["error"] > 0
    assert seen.of("result_changed")[-1].result is session.result


def test_a_cell_edit_is_announced_rechecked_and_undone(session):
    users = session.require_table("users.csv")
    col = users.column_index("enabledUser")
    seen = Recorder(session)
    edit = session.edit_cell("users.csv", 0, col, "TRUE")
    assert users.cell(0, col) == "TRUE"
    assert edit.description == f"Edit enabledUser (line {users.source_line(0)})"
    (changed,) = seen.of("cells_changed")
    assert (changed.file, changed.row_ids, changed.columns) == ("users.csv", (users.row_id(0),), (col,))
    assert any(f.rule.startswith("value.") or f.column == "enabledUser"
               for f in session.findings_at("users.csv", 0, col))
    edit.undo()
    assert users.cell(0, col) == "true"
    assert session.findings_at("users.csv", 0, col) == []
    edit.redo()
    assert users.cell(0, col) == "TRUE"


def test_typing_the_same_text_changes_nothing(session):
    users = session.require_table("users.csv")
    seen = Recorder(session)
    assert session.edit_cell("users.csv", 0, 1, users.cell(0, 1)) is None
    assert seen.seen == []


def test_paste_keeps_values_excel_would_convert(session):
    users = session.require_table("users.csv")
    col = users.column_index("phone")
    plan = session.plan_paste("users.csv", [["007"], ["1-2"], ["=1+1"]], CellRange(5, col, 5, col))
    edit = session.paste("users.csv", plan)
    assert [users.cell(r, col) for r in (5, 6, 7)] == ["007", "1-2", "=1+1"]
    assert edit.description == "Paste 3 cells"


def test_paste_of_one_value_fills_the_selection_and_multiline_cells_stay_whole(session):
    users = session.require_table("users.csv")
    middle = users.column_index("middleName")
    session.paste("users.csv", session.plan_paste("users.csv", [["Ann\nMarie", "x"]],
                                                  CellRange(1, middle, 1, middle)))
    assert (users.cell(1, middle), users.cell(1, middle + 1)) == ("Ann\nMarie", "x")
    grades = users.column_index("grades")
    session.paste("users.csv", session.plan_paste("users.csv", [["09"]], CellRange(2, grades, 4, grades)))
    assert [users.cell(r, grades) for r in (2, 3, 4)] == ["09", "09", "09"]


def test_paste_past_the_last_row_adds_rows_in_one_step(session):
    orgs = session.require_table("orgs.csv")
    count = len(orgs)
    plan = session.plan_paste("orgs.csv", [["org-x"], ["org-y"]], CellRange(count - 1, 0, count - 1, 0))
    assert len(plan.new_rows) == 1
    edit = session.paste("orgs.csv", plan, add_rows=True)
    assert len(orgs) == count + 1
    assert orgs.cell(count, 0) == "org-y"
    assert edit.description == "Paste 1 cell and 1 new row"
    edit.undo()
    assert len(orgs) == count
    assert orgs.cell(count - 1, 0) != "org-x"


def test_paste_only_into_existing_rows_when_asked(session):
    orgs = session.require_table("orgs.csv")
    count = len(orgs)
    plan = session.plan_paste("orgs.csv", [["org-x"], ["org-y"]], CellRange(count - 1, 0, count - 1, 0))
    session.paste("orgs.csv", plan, add_rows=False)
    assert len(orgs) == count
    assert orgs.cell(count - 1, 0) == "org-x"


def test_fill_down_and_clear_are_single_steps(session):
    users = session.require_table("users.csv")
    before = [users.row_values(r) for r in range(4)]
    fill = session.fill_down("users.csv", [CellRange(0, 3, 3, 5)])
    assert {users.cell(r, 5) for r in range(4)} == {users.cell(0, 5)}
    fill.undo()
    assert [users.row_values(r) for r in range(4)] == before
    clear = session.clear("users.csv", [CellRange(0, 3, 3, 5)])
    assert all(users.cell(r, c) == "" for r in range(4) for c in (3, 4, 5))
    assert clear.description == "Clear 12 cells"
    clear.undo()
    assert [users.row_values(r) for r in range(4)] == before


def test_insert_duplicate_delete_rows_and_undo_restores_order(session):
    users = session.require_table("users.csv")
    original = rows_of(users)
    seen = Recorder(session)
    steps = [
        session.insert_blank_rows("users.csv", 2, 2),
        session.duplicate_rows("users.csv", [0]),
        session.delete_rows("users.csv", [5, 6, 7, 8, 9]),
    ]
    assert users.row_values(3) == [""] * users.column_count
    assert users.row_values(1) == original[0]
    assert len(users) == len(original) + 3 - 5
    assert [s.description for s in steps] == ["Insert 2 rows above", "Duplicate 1 row", "Delete 5 rows"]
    assert [e.file for e in seen.of("rows_changed")] == ["users.csv"] * 3
    for step in reversed(steps):
        step.undo()
    assert rows_of(users) == original
    for step in steps:
        step.redo()
    assert len(users) == len(original) - 2


def test_find_replace_all_files_in_one_step(session):
    bundle = session.bundle
    expected = sum(
        t.column_values(c).count("student")
        for t in (bundle.table(n) for n in bundle.data_file_names)
        for c in range(t.column_count)
    )
    options = SearchOptions("student", whole_cell=True)
    edit = session.replace_all(bundle.data_file_names, options, "tobedeleted")
    assert edit.cell_count == expected
    assert edit.description == f"Replace \u201cstudent\u201d in {expected:,} cells"
    assert len(edit.changes) > 1  # it spans files
    edit.undo()
    assert sum(t.column_values(c).count("student") for t in (bundle.table(n) for n in bundle.data_file_names)
               for c in range(t.column_count)) == expected


def test_replace_in_one_cell_only_when_it_matches(session):
    users = session.require_table("users.csv")
    role = users.column_index("role")
    row = users.column_values(role).index("student")
    edit = session.replace_in_cell("users.csv", row, role, SearchOptions("stu"), "STU")
    assert users.cell(row, role) == "STUdent"
    assert edit.description == "Replace in 1 cell"
    assert session.replace_in_cell("users.csv", row, 0, SearchOptions("zzz"), "y") is None


def test_rename_sourcedid_updates_references_and_one_undo_reverts(session):
    users = session.require_table("users.csv")
    enrollments = session.require_table("enrollments.csv")
    user_col = enrollments.column_index("userSourcedId")
    row = next(r for r in range(len(users)) if users.cell(r, users.column_index("role")) == "student")
    old = users.cell(row, 0)
    refs = enrollments.column_values(user_col).count(old)
    assert refs > 0
    updates = session.reference_updates("users.csv", row, 0, "stu-renamed")
    assert sum(len(c) for c in updates.values()) >= refs
    seen = Recorder(session)
    edit = session.edit_cell("users.csv", row, 0, "stu-renamed", update_references=True)
    assert edit.description.startswith(f"Rename {old} to stu-renamed and ")
    assert enrollments.column_values(user_col).count("stu-renamed") == refs
    assert {e.file for e in seen.of("cells_changed")} >= {"users.csv", "enrollments.csv"}
    edit.undo()
    assert users.cell(row, 0) == old
    assert enrollments.column_values(user_col).count(old) == refs


def test_rename_only_the_cell_leaves_references_alone(session):
    users = session.require_table("users.csv")
    enrollments = session.require_table("enrollments.csv")
    old = users.cell(0, 0)
    refs = enrollments.column_values(enrollments.column_index("userSourcedId")).count(old)
    session.edit_cell("users.csv", 0, 0, "someone-else")
    assert enrollments.column_values(enrollments.column_index("userSourcedId")).count(old) == refs


def test_review_lists_edits_and_deleted_rows(session):
    users = session.require_table("users.csv")
    grades = users.column_index("grades")
    session.edit_cell("users.csv", 1, grades, "9")
    session.delete_rows("users.csv", [0])
    entries = list_changes(session.bundle)
    assert any(e.kind == "cell changed" and e.column == "grades" and e.new == "9" and e.line == 3
               for e in entries)
    assert any(e.kind == "row deleted" and e.line == 2 for e in entries)


def test_go_to_referenced_record_uses_the_versions_reference_columns(session):
    enrollments = session.require_table("enrollments.csv")
    col = enrollments.column_index("userSourcedId")
    ref = session.reference_at("enrollments.csv", col)
    assert (ref.target, ref.is_list) == ("users.csv", False)
    lookup = session.record_lookup("users.csv")
    target = enrollments.cell(3, col)
    assert lookup.label_of(target).startswith(target)
    assert session.record_lookup("users.csv") is lookup  # cached until users.csv changes
    session.edit_cell("users.csv", 0, 3, "García")
    assert session.record_lookup("users.csv") is not lookup


def test_quick_fix_all_is_one_step_and_undo_brings_findings_back():
    session = EditSession()
    session.open(generate_district(students=300, seed=1, damaged=True).bundle)

    def fixable():
        return [f for f in session.result.findings if f.fix is not None and f.row_id is not None]

    before = fixable()
    finding = before[0]
    same = [f for f in before if (f.file, f.rule, f.column_index) ==
            (finding.file, finding.rule, finding.column_index)]
    table = session.require_table(finding.file)
    assert len(session.fix_all_changes(finding.file, finding)) >= len(same)
    edit = session.fix_all(finding.file, finding)
    row = table.row_of_id(finding.row_id)
    assert table.cell(row, finding.column_index) == finding.fix
    assert len(fixable()) <= len(before) - len(same)
    assert str(edit.cell_count) in edit.description
    edit.undo()
    assert table.cell(row, finding.column_index) == finding.value
    assert len(fixable()) == len(before)


def test_fix_one_cell_refuses_a_cell_changed_since_it_was_checked():
    session = EditSession()
    session.open(generate_district(students=300, seed=1, damaged=True).bundle)
    finding = next(f for f in session.result.findings if f.fix is not None and f.row_id is not None)
    table = session.require_table(finding.file)
    row = table.row_of_id(finding.row_id)
    table.set_cell(row, finding.column_index, "something else")
    assert session.fix_cell(finding.file, finding) is None


def test_the_manifest_is_not_editable(session):
    assert session.is_editable("users.csv")
    assert not session.is_editable("manifest.csv")
    assert not session.is_editable(None)
