"""Replace all over thousands of cells is re-checked as one batch: the findings are those a fresh
check of the edited bundle gives, after the replace, its undo, and single edits that follow."""

from __future__ import annotations

import pytest

from rostereditor.core.editing.find_replace import SearchOptions
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import EditSession
from rostereditor.core.validation import BundleValidator


def _key(result):
    return sorted((f.file or "", f.line or 0, f.column or "", f.rule, f.value or "", f.message)
                  for f in result.findings)


def _fresh(session):
    return _key(BundleValidator(session.bundle, profile=session.profile_name,
                                version=session.version).run())


@pytest.fixture
def session():
    # About 14,000 enrollments: enough for the bulk paths (thousands of cells in one edit).
    district = generate_district(students=1500, seed=4, damaged=True)
    opened = EditSession(background_rows=10**9)
    opened.open(district.bundle)
    return opened


def _replace(session, file, text, replacement, column=None):
    table = session.require_table(file)
    columns = None if column is None else [table.column_index(column)]
    edit = session.replace_all([file], SearchOptions(text), replacement, columns)
    assert edit is not None
    return edit, len(edit.changes[file])


def test_replacing_school_references_in_thousands_of_enrollments(session):
    edit, cells = _replace(session, "enrollments.csv", "sch-000", "sch-900", "schoolSourcedId")
    assert cells > 5000
    after = _key(session.result)
    assert after == _fresh(session)
    assert any(rule == "ref.unresolved" for _, _, _, rule, _, _ in after)
    edit.undo()
    assert _key(session.result) == _fresh(session)
    edit.redo()
    assert _key(session.result) == _fresh(session)


def test_renaming_many_class_keys_carries_their_checks(session):
    edit, cells = _replace(session, "classes.csv", "cls-0", "cls-X", "sourcedId")
    assert cells > 100
    assert _key(session.result) == _fresh(session)
    # Then enrollments follow the classes, many at once (their school and teacher checks too).
    _replace(session, "enrollments.csv", "cls-0", "cls-X", "classSourcedId")
    assert _key(session.result) == _fresh(session)
    edit.undo()
    assert _key(session.result) == _fresh(session)


def test_renaming_many_user_ids_rechecks_every_list_that_names_them(session):
    _, cells = _replace(session, "users.csv", "0", "9", "sourcedId")
    assert cells > 1000
    assert _key(session.result) == _fresh(session)


def test_single_edits_after_a_big_replace_still_match_a_fresh_check(session):
    # Every enrollment of one school moved to another (thousands of rows, one step).
    _, cells = _replace(session, "enrollments.csv", "sch-0004", "sch-0003", "schoolSourcedId")
    assert cells > 4096
    assert _key(session.result) == _fresh(session)
    # The school they now name is renamed: every row naming it, old or moved, is found.
    orgs = session.require_table("orgs.csv")
    row = next(r for r in range(len(orgs)) if orgs.cell(r, 0) == "sch-0003")
    session.edit_cell("orgs.csv", row, 0, "sch-0003x")
    after = _key(session.result)
    assert after == _fresh(session)
    assert sum(rule == "ref.unresolved" and column == "schoolSourcedId"
               for file, _, column, rule, _, _ in after if file == "enrollments.csv") > 7000
    # Single cells after it: a value the bundle never had, and one it has.
    enrollments = session.require_table("enrollments.csv")
    school = enrollments.column_index("schoolSourcedId")
    session.edit_cell("enrollments.csv", 7, school, "sch-new")
    assert _key(session.result) == _fresh(session)
    session.edit_cell("enrollments.csv", 7, school, "sch-0001")
    assert _key(session.result) == _fresh(session)
