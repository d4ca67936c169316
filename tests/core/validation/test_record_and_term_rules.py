"""Enrollment dates inside terms, paired subject lists, ST Math grades, and the missing manifest."""

from __future__ import annotations

import pytest
from roster_fixture import set_value, valid_bundle

from rostereditor.core.bundle import BundleFile
from rostereditor.core.table import Table
from rostereditor.core.validation import BundleValidator


def _found(bundle, rule, profile="1edtech", version=None):
    return [f for f in BundleValidator(bundle, profile, version).run().findings if f.rule == rule]


# -- enrollment dates inside the class's terms (k1 has term t1: 2024-08-01 to 2025-01-01) ------

@pytest.mark.parametrize(("column", "value"), [
    ("beginDate", "2024-07-31"),  # the day before the term starts
    ("beginDate", "2025-01-01"),  # the term's endDate is already the day after it ends
    ("endDate", "2025-01-02"),    # past the term's (exclusive) end
    ("endDate", "2024-08-01"),    # an enrollment ending the day the term starts has no days
])
def test_enrollment_date_outside_the_class_terms_is_a_warning(column, value):
    bundle = valid_bundle()
    line = set_value(bundle, "enrollments.csv", 0, column, value)
    found = _found(bundle, "enrollment.outside-term")
    assert [(f.file, f.line, f.column, f.severity, f.value) for f in found] == [
        ("enrollments.csv", line, column, "warning", value)]
    assert '"k1"' in found[0].message
    assert "2024-08-01 to 2025-01-01" in found[0].message


def test_enrollment_dates_on_the_term_boundaries_pass():
    bundle = valid_bundle()  # e1 runs exactly 2024-08-01 to 2025-01-01
    set_value(bundle, "enrollments.csv", 1, "beginDate", "2024-12-31")
    assert _found(bundle, "enrollment.outside-term") == []


def test_a_class_with_several_terms_spans_from_first_start_to_last_end():
    bundle = valid_bundle()  # k2 lists t1 (from 2024-08-01) and y1 (to 2025-07-01)
    set_value(bundle, "enrollments.csv", 3, "beginDate", "2024-08-01")
    set_value(bundle, "enrollments.csv", 3, "endDate", "2025-07-01")
    assert _found(bundle, "enrollment.outside-term") == []
    set_value(bundle, "enrollments.csv", 3, "endDate", "2025-07-02")
    assert [f.line for f in _found(bundle, "enrollment.outside-term")] == [5]


@pytest.mark.parametrize(("file", "row", "column", "value"), [
    ("enrollments.csv", 0, "beginDate", "7/1/2024"),      # malformed: value.date reports it
    ("enrollments.csv", 0, "classSourcedId", "k9"),        # unknown class
    ("classes.csv", 0, "termSourcedIds", "t1,t9"),         # one of the terms is unknown
    ("academicSessions.csv", 1, "startDate", "8/1/2024"),  # the term's own date is broken
])
def test_dates_are_not_judged_when_a_date_or_term_is_missing_or_invalid(file, row, column, value):
    bundle = valid_bundle()
    set_value(bundle, "enrollments.csv", 0, "beginDate", "2023-01-01")
    assert len(_found(bundle, "enrollment.outside-term")) == 1
    set_value(bundle, file, row, column, value)
    assert _found(bundle, "enrollment.outside-term") == []


def test_oneroster_1_0_has_no_enrollment_dates_to_check():
    bundle = valid_bundle()
    set_value(bundle, "enrollments.csv", 0, "beginDate", "2023-01-01")
    assert _found(bundle, "enrollment.outside-term", version="1.0") == []


# -- subjects and subjectCodes -------------------------------------------------------------------

@pytest.mark.parametrize("file", ["classes.csv", "courses.csv"])
def test_subjects_and_codes_must_have_the_same_number_of_items(file):
    bundle = valid_bundle()
    line = set_value(bundle, file, 0, "subjectCodes", "02052,02053")
    found = _found(bundle, "value.list-lengths-differ")
    assert [(f.file, f.line, f.column, f.severity) for f in found] == [
        (file, line, "subjectCodes", "error")]
    assert "subjects has 1 item but subjectCodes has 2" in found[0].message
    assert "position" in found[0].message


def test_subjects_and_codes_pass_when_equal_or_one_is_empty():
    bundle = valid_bundle()
    set_value(bundle, "classes.csv", 0, "subjects", "Math,Science")
    set_value(bundle, "classes.csv", 0, "subjectCodes", "02052,03001")
    set_value(bundle, "courses.csv", 0, "subjectCodes", "")
    set_value(bundle, "classes.csv", 1, "subjects", "Math,Science")  # its codes are empty
    assert _found(bundle, "value.list-lengths-differ") == []


# -- ST Math: students need grades -----------------------------------------------------------------

def test_st_math_needs_grades_for_students():
    bundle = valid_bundle()
    line = set_value(bundle, "users.csv", 0, "grades", "")
    found = _found(bundle, "vendor.required-for-role", "stmath")
    assert [(f.line, f.column, f.severity) for f in found] == [(line, "grades", "error")]
    assert found[0].message.startswith("ST Math requires grades for every student")
    # The spec leaves grades optional, and the teacher u3 has none under every profile.
    assert _found(bundle, "vendor.required-for-role") == []


def test_st_math_passes_students_with_grades():
    assert _found(valid_bundle(), "vendor.required-for-role", "stmath") == []


# -- no manifest but 1.1/1.2 files -----------------------------------------------------------------

def test_loose_1_1_files_without_a_manifest_are_checked_as_1_1():
    # Spec 2.3: a manifest-less bundle whose files are 1.1 is an error; say that once and check
    # the files as what they are (not as 1.0, which would bury it under header errors).
    bundle = valid_bundle()
    del bundle.files["manifest.csv"]
    assert bundle.detected_version == "1.1"
    result = BundleValidator(bundle).run()
    assert result.version == "1.1"
    assert [(f.file, f.rule, f.severity) for f in result.findings] == [
        (None, "bundle.no-manifest", "error")]
    message = result.findings[0].message
    for words in ("no manifest.csv", "look like OneRoster 1.1", "checked as 1.1",
                  "Saving from RosterEditor writes it"):
        assert words in message


def test_forcing_1_0_on_1_1_files_gets_one_bundle_finding():
    bundle = valid_bundle()
    del bundle.files["manifest.csv"]
    result = BundleValidator(bundle, version="1.0").run()
    found = [f for f in result.findings if f.rule == "bundle.newer-without-manifest"]
    assert [(f.file, f.line, f.column, f.severity) for f in found] == [
        (None, None, None, "error")]
    message = found[0].message
    for words in ("no manifest.csv", "checked as OneRoster 1.0", "look like OneRoster 1.1",
                  "--oneroster 1.1", "toolbar", "saving then writes the manifest.csv"):
        assert words in message
    assert result.findings[0] == found[0]  # bundle-level, so shown before the files


def test_a_1_1_only_file_alone_is_enough_evidence():
    bundle = _v10_bundle()
    bundle.files["categories.csv"] = BundleFile("categories.csv", "categories.csv", Table.from_rows(
        ["sourcedId", "status", "dateLastModified", "title"], [["cat1", "", "", "Homework"]]))
    assert bundle.detected_version == "1.1"
    found = _found(bundle, "bundle.newer-without-manifest", version="1.0")
    assert len(found) == 1
    assert "categories.csv" in found[0].message
    assert "categories.csv" in _found(bundle, "bundle.no-manifest")[0].message


def test_a_1_2_file_names_version_1_2():
    bundle = _v10_bundle()
    bundle.files["roles.csv"] = BundleFile("roles.csv", "roles.csv", Table.from_rows(["x"], []))
    assert bundle.detected_version == "1.2"
    assert "--oneroster 1.2" in _found(bundle, "bundle.newer-without-manifest",
                                       version="1.0")[0].message


def test_a_real_1_0_bundle_or_one_with_a_manifest_gets_no_such_finding():
    assert _v10_bundle().detected_version == "1.0"
    assert _found(_v10_bundle(), "bundle.newer-without-manifest") == []
    assert _found(_v10_bundle(), "bundle.no-manifest") == []
    assert _found(valid_bundle(), "bundle.newer-without-manifest") == []
    bundle = valid_bundle()
    del bundle.files["manifest.csv"]
    assert _found(bundle, "bundle.newer-without-manifest", version="1.1") == []


def _v10_bundle():
    from rostereditor.core.bundle import Bundle
    from rostereditor.core.spec import spec_for

    bundle = Bundle()
    for name, spec in spec_for("1.0").files.items():
        bundle.files[name] = BundleFile(name, name, Table.from_rows(spec.column_names, []))
    return bundle
