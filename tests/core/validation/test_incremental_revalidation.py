"""revalidate() after edits gives the same findings as validating the edited bundle from scratch."""

from __future__ import annotations

from roster_fixture import valid_bundle

from rostereditor.core.validation import BundleValidator


def _key(result):
    return sorted((f.file or "", f.line or 0, f.column or "", f.rule, f.value or "", f.row_id or -1)
                  for f in result.findings)


def _fresh(bundle):
    return _key(BundleValidator(bundle).run())


def test_fixing_and_breaking_a_cell():
    bundle = valid_bundle()
    validator = BundleValidator(bundle)
    validator.run()
    users = bundle.table("users.csv")
    users.set_cell(0, users.column_index("role"), "Student")
    result = validator.revalidate("users.csv", [users.row_id(0)])
    assert [(f.line, f.rule) for f in result.findings] == [(2, "value.enum")]
    users.set_cell(0, users.column_index("role"), "student")
    assert validator.revalidate("users.csv", [users.row_id(0)]).findings == []


def test_renaming_a_key_updates_references_to_it():
    bundle = valid_bundle()
    validator = BundleValidator(bundle)
    validator.run()
    classes = bundle.table("classes.csv")
    classes.set_cell(0, 0, "k1-new")
    result = validator.revalidate("classes.csv", [classes.row_id(0)])
    assert _key(result) == _fresh(bundle)
    assert [f.line for f in result.findings if f.rule == "ref.unresolved"] == [2, 3, 4]
    enrollments = bundle.table("enrollments.csv")
    column = enrollments.column_index("classSourcedId")
    for row in range(3):
        enrollments.set_cell(row, column, "k1-new")
    result = validator.revalidate("enrollments.csv", [enrollments.row_id(r) for r in range(3)])
    assert result.findings == []


def test_duplicates_appear_and_disappear():
    bundle = valid_bundle()
    validator = BundleValidator(bundle)
    validator.run()
    users = bundle.table("users.csv")
    users.set_cell(1, 0, "u1")
    result = validator.revalidate("users.csv", [users.row_id(1)])
    assert _key(result) == _fresh(bundle)
    assert {f.line for f in result.findings if f.rule == "unique.sourced-id"} == {2, 3}
    users.set_cell(1, 0, "u2")
    assert validator.revalidate("users.csv", [users.row_id(1)]).findings == []


def test_inserted_row_is_checked_and_primary_teachers_follow():
    bundle = valid_bundle()
    validator = BundleValidator(bundle)
    validator.run()
    enrollments = bundle.table("enrollments.csv")
    ids = enrollments.insert_rows(0, [["e9", "", "", "k1", "s1", "u3", "teacher", "TRUE", "", ""]])
    result = validator.revalidate("enrollments.csv", ids)
    assert _key(result) == _fresh(bundle)
    enrollments.set_cell(0, enrollments.column_index("primary"), "true")
    result = validator.revalidate("enrollments.csv", ids)
    assert _key(result) == _fresh(bundle)
    assert sum(f.rule == "class.primary-teachers" for f in result.findings) == 2


def test_cell_index_points_at_the_cell():
    bundle = valid_bundle()
    users = bundle.table("users.csv")
    column = users.column_index("grades")
    users.set_cell(1, column, "9")
    result = BundleValidator(bundle).run()
    index = result.cell_index("users.csv")
    assert [f.fix for f in index[(users.row_id(1), column)]] == ["09"]
    assert (users.row_id(0), column) not in index
    assert result.counts == {"error": 1, "warning": 0, "info": 0}


def test_progress_can_cancel():
    import pytest

    from rostereditor.core.validation import ValidationCancelled

    seen = []
    with pytest.raises(ValidationCancelled):
        BundleValidator(valid_bundle()).run(lambda f: seen.append(f) or False)
    assert seen
