"""One small bundle per spec rule: the faulty one gets the finding at its place, the fixed twin
does not. Sources: /work/shared/reference/oneroster-spec.md (spec.md §n) and the OneRoster 1.2
CSV binding it quotes (OR 1.2 §n)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from conformance_bundles import Draft, check, errors, findings, where


def test_the_base_bundles_are_clean(tmp_path):
    for version in ("1.1", "1.2"):
        assert check(Draft(version).write(tmp_path)).findings == []


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    version: str
    bad: Callable[[Draft], object]  # breaks the bundle
    rule: str
    severity: str
    file: str | None
    good: Callable[[Draft], object] = lambda draft: None  # the same spot, written right
    vendor: str = "1edtech"


def _cell(file: str, row: int, column: str, value: str) -> Callable[[Draft], object]:
    return lambda draft: draft.set(file, row, column, value)


CASES = [
    # -- dates and times ------------------------------------------------------------------
    Case("impossible-date-feb-30", "spec.md §3 Date (YYYY-MM-DD, a real day)", "1.1",
         _cell("academicSessions.csv", 1, "startDate", "2010-02-30"), "value.impossible-date",
         "error", "academicSessions.csv", _cell("academicSessions.csv", 1, "startDate",
                                                "2012-02-29")),
    Case("impossible-date-apr-31", "spec.md §3 Date", "1.1",
         _cell("enrollments.csv", 0, "beginDate", "2025-04-31"), "value.impossible-date",
         "error", "enrollments.csv", _cell("enrollments.csv", 0, "beginDate", "2024-08-31")),
    Case("impossible-datetime", "spec.md §3 DateTime", "1.1",
         lambda d: _delta(d, "2023-02-29T10:00:00Z"), "value.impossible-date", "error",
         "orgs.csv", lambda d: _delta(d, "2024-02-29T10:00:00Z")),
    Case("datetime-not-utc", "spec.md §3 DateTime: MUST carry UTC", "1.1",
         lambda d: _delta(d, "2024-08-15T10:00:00+02:00"), "value.datetime-utc", "error",
         "orgs.csv", lambda d: _delta(d, "2024-08-15T08:00:00Z")),
    Case("datetime-date-only", "spec.md §3 DateTime: MUST carry UTC", "1.1",
         lambda d: _delta(d, "2024-08-15"), "value.datetime-no-time", "error", "orgs.csv",
         lambda d: _delta(d, "2024-08-15T00:00:00.000Z")),
    # -- lists ----------------------------------------------------------------------------
    Case("empty-list-item", "spec.md §3 List of Strings", "1.1",
         _cell("courses.csv", 0, "subjects", "Mathematics,,Algebra"), "value.list", "error",
         "courses.csv", _cell("courses.csv", 0, "subjects", "Mathematics")),
    Case("empty-grade-item", "spec.md §3 List of Strings", "1.1",
         _cell("classes.csv", 1, "grades", "09,"), "value.list", "error", "classes.csv",
         _cell("classes.csv", 1, "grades", "09")),
    Case("space-after-comma", "spec.md §3 Special cell grammars (no space after commas)",
         "1.1", _cell("classes.csv", 1, "grades", "09, 10"), "value.list-space", "warning",
         "classes.csv", _cell("classes.csv", 1, "grades", "09,10")),
    # -- grades ---------------------------------------------------------------------------
    Case("ceds-grade-1-1", "spec.md §10: 1.1 requires CEDS codes", "1.1",
         _cell("users.csv", 0, "grades", "Ninth"), "value.grade", "error", "users.csv",
         _cell("users.csv", 0, "grades", "09")),
    Case("excel-grade-1-1", "spec.md §10 + excel-damage.md row 1 (09 -> 9)", "1.1",
         _cell("users.csv", 0, "grades", "9"), "excel.grade-leading-zero", "error",
         "users.csv", _cell("users.csv", 0, "grades", "09")),
    Case("excel-grade-hint-1-2", "spec.md §7.1 (1.2 drops CEDS) + excel-damage.md row 1",
         "1.2", _cell("users.csv", 0, "grades", "9"), "excel.grade-leading-zero", "warning",
         "users.csv", _cell("users.csv", 0, "grades", "09")),
    # -- extensible vocabularies ----------------------------------------------------------
    Case("ext-needs-prefix", "spec.md §7.3: proprietary terms start with ext:", "1.2",
         _cell("enrollments.csv", 0, "role", "tutor"), "value.enum", "error",
         "enrollments.csv", _cell("enrollments.csv", 0, "role", "ext:tutor")),
    Case("ext-closed-in-1-1", "spec.md §7.3: extensible from 1.2 on", "1.1",
         _cell("enrollments.csv", 0, "role", "ext:tutor"), "value.enum", "error",
         "enrollments.csv", _cell("enrollments.csv", 0, "role", "student")),
    # -- 1.2 value grammars ---------------------------------------------------------------
    Case("score-scale-grammar", "spec.md §3 scoreScaleValue {lhs:rhs}; OR 1.2 §3.19", "1.2",
         _cell("scoreScales.csv", 0, "scoreScaleValue", "A:90"), "value.score-scale",
         "error", "scoreScales.csv",
         _cell("scoreScales.csv", 0, "scoreScaleValue", "{A+:100},{A:7-10},{60-69:B}")),
    Case("case-id-urn", "spec.md §7.2: with source case, a valid UUID URN; OR 1.2 §3.10",
         "1.2", _cell("lineItemLearningObjectiveIds.csv", 0, "learningObjectiveId",
                      "CCSS.Math.1"), "value.case-id", "error",
         "lineItemLearningObjectiveIds.csv",
         _cell("lineItemLearningObjectiveIds.csv", 0, "source", "unknown")),
    Case("two-primary-roles", "spec.md §7.2: only one primary role per org; OR 1.2 §3.18",
         "1.2", lambda d: (d.set("roles.csv", 3, "orgSourcedId", "s1"),
                           d.set("roles.csv", 3, "roleType", "primary")),
         "role.two-primary", "error", "roles.csv",
         _cell("roles.csv", 3, "roleType", "primary")),  # primary in s2 as well: allowed
    Case("result-for-a-non-student", "spec.md §9.1: results.studentSourcedId is a student; "
         "OR 1.2 §3.16", "1.2", _cell("results.csv", 0, "studentSourcedId", "u3"),
         "ref.wrong-type", "error", "results.csv",
         _cell("results.csv", 0, "studentSourcedId", "u2")),
    Case("result-for-a-non-student-1-1", "spec.md §9.1 (users.role in 1.1)", "1.1",
         lambda d: _results_1_1(d, "u3"), "ref.wrong-type", "error", "results.csv",
         lambda d: _results_1_1(d, "u1")),
    Case("min-above-max", "OR 1.2 §3.11: resultValueMin/Max are the lowest and highest score",
         "1.2", _cell("lineItems.csv", 0, "resultValueMin", "200"), "value.min-above-max",
         "error", "lineItems.csv", _cell("lineItems.csv", 0, "resultValueMin", "100")),
    Case("score-outside-range", "OR 1.2 §3.16: score should be consistent with min/max",
         "1.2", _cell("results.csv", 0, "score", "101"), "result.score-out-of-range",
         "warning", "results.csv", _cell("results.csv", 0, "score", "100")),
    Case("profile-of-another-user", "OR 1.2 §3.18: the UserProfile for the User", "1.2",
         _cell("roles.csv", 0, "userProfileSourcedId", "p3"), "role.profile-of-other-user",
         "error", "roles.csv", _cell("roles.csv", 2, "userProfileSourcedId", "p3")),
    Case("primary-org-without-role", "OR 1.2 §3.22: the primary org among the user's orgs",
         "1.2", _cell("users.csv", 0, "primaryOrgSourcedId", "s2"),
         "user.primary-org-without-role", "warning", "users.csv",
         _cell("users.csv", 2, "primaryOrgSourcedId", "s2")),
    Case("line-item-school-is-a-school", "OR 1.2 §3.11: SourcedId of the School", "1.2",
         _cell("lineItems.csv", 0, "schoolSourcedId", "d1"), "ref.wrong-type", "error",
         "lineItems.csv", _cell("lineItems.csv", 0, "schoolSourcedId", "s2")),
    # -- classes and enrollments ----------------------------------------------------------
    Case("class-without-teacher", "spec.md §9.3 + issue 9 vendor faults", "1.1",
         _cell("enrollments.csv", 3, "role", "student"), "class.no-teacher", "warning",
         "classes.csv", _cell("enrollments.csv", 3, "primary", "false")),
    Case("enrollment-school-not-class-school", "spec.md §9.1 enrollments.schoolSourcedId "
         "(should equal the class's school)", "1.1",
         _cell("enrollments.csv", 1, "schoolSourcedId", "s2"), "enrollment.school-mismatch",
         "warning", "enrollments.csv", _cell("enrollments.csv", 1, "schoolSourcedId", "s1")),
    Case("duplicate-username", "issue 9 vendor faults; spec.md §14 ClassLink (username = login)",
         "1.1", _cell("users.csv", 1, "username", "ANA "), "unique.username", "warning",
         "users.csv", _cell("users.csv", 1, "username", "ana2")),
    Case("duplicate-email", "issue 9 vendor faults", "1.2",
         _cell("users.csv", 2, "email", "Ben@example.org"), "unique.email", "warning",
         "users.csv", _cell("users.csv", 2, "email", "cat.ng@example.org")),
    Case("zero-width-space-in-username", "excel-damage.md row 10 (invisible characters)",
         "1.1", _cell("users.csv", 0, "username", "an\u200ba"), "value.hidden-character",
         "warning", "users.csv", _cell("users.csv", 0, "username", "ana")),
    Case("no-break-space-in-id", "spec.md §3 GUID characters", "1.1",
         _cell("classes.csv", 0, "sourcedId", "k1\u00a0"), "value.hidden-character", "error",
         "classes.csv", _cell("classes.csv", 0, "sourcedId", "k1")),
    Case("curly-quote-in-email", "excel-damage.md 'smart' quotes", "1.1",
         _cell("users.csv", 1, "email", "o\u2019ben@example.org"), "value.hidden-character",
         "warning", "users.csv", _cell("users.csv", 1, "email", "o'ben@example.org")),
    # -- files ----------------------------------------------------------------------------
    Case("unknown-file", "spec.md §1/§2: files must match the manifest; OR 1.2 §2.3", "1.1",
         lambda d: d.files.__setitem__("roles.csv", (["sourcedId"], [["x"]])),
         "bundle.unknown-file", "error", "roles.csv"),
    Case("header-only-file", "spec.md §2: files with no data rows are not permitted", "1.1",
         lambda d: d.files["demographics.csv"][1].clear(), "bundle.header-only-file", "error",
         "demographics.csv"),
]


def _delta(draft: Draft, stamp: str) -> None:
    for row in draft.files["orgs.csv"][1]:
        row[1], row[2] = "active", "2024-08-15T10:00:00Z"
    draft.files["orgs.csv"][1][0][2] = stamp


def _results_1_1(draft: Draft, student: str) -> None:
    draft.files["categories.csv"] = (["sourcedId", "status", "dateLastModified", "title"],
                                     [["g1", "", "", "Homework"]])
    draft.files["lineItems.csv"] = (
        ["sourcedId", "status", "dateLastModified", "title", "description", "assignDate",
         "dueDate", "classSourcedId", "categorySourcedId", "gradingPeriodSourcedId",
         "resultValueMin", "resultValueMax"],
        [["li1", "", "", "Quiz", "", "2024-09-01", "2024-09-08", "k1", "g1", "t1", "0", "100"]])
    draft.files["results.csv"] = (
        ["sourcedId", "status", "dateLastModified", "lineItemSourcedId", "studentSourcedId",
         "scoreStatus", "score", "scoreDate", "comment"],
        [["rs1", "", "", "li1", student, "fully graded", "90", "2024-09-09", ""]])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_faulty_bundle_gets_the_finding(case, tmp_path):
    draft = Draft(case.version)
    case.bad(draft)
    found = where(check(draft.write(tmp_path), case.vendor), case.rule)
    assert found, f"{case.id}: {case.rule} not reported ({case.source})"
    assert {(file, severity) for file, _, severity in found} == {(case.file, case.severity)}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_fixed_twin_is_clean(case, tmp_path):
    draft = Draft(case.version)
    case.good(draft)
    result = check(draft.write(tmp_path), case.vendor)
    assert where(result, case.rule) == []
    assert errors(result) == []


def test_findings_point_at_the_line_a_vendor_report_would_use(tmp_path):
    draft = Draft("1.1")
    line = draft.set("academicSessions.csv", 1, "startDate", "2010-02-30")
    (finding,) = findings(check(draft.write(tmp_path)), "value.impossible-date")
    assert (finding.line, finding.column) == (line, "startDate")
    assert "February 2010 has no day 30" in finding.message


def test_a_non_utc_time_gets_the_same_moment_in_utc_as_its_fix(tmp_path):
    draft = Draft("1.1")
    _delta(draft, "2024-08-15T01:30:00.250-05:00")
    (finding,) = findings(check(draft.write(tmp_path)), "value.datetime-utc")
    assert finding.fix == "2024-08-15T06:30:00.250Z"


def test_a_grade_list_with_spaces_is_checked_item_by_item(tmp_path):
    # "09, 10": the space is the problem, never "not a grade code" (issue 9).
    draft = Draft("1.1")
    draft.set("classes.csv", 1, "grades", "09, 10")
    result = check(draft.write(tmp_path))
    (finding,) = findings(result, "value.list-space")
    assert finding.fix == "09,10"
    assert errors(result) == []
    draft.set("classes.csv", 1, "grades", "09, Ninth")
    assert [r for r, _, _ in errors(check(draft.write(tmp_path)))] == ["value.grade"]


def test_1_2_grades_are_the_profiles_to_agree(tmp_path):
    # OR 1.2 §3.4: "The permitted vocabulary should be agreed": 9 is no error, and no hint
    # when the column is not written 01-09 anyway.
    draft = Draft("1.2")
    for row in range(2):
        draft.set("classes.csv", row, "grades", "9")
    draft.set("users.csv", 0, "grades", "Grade 9")
    result = check(draft.write(tmp_path))
    assert result.findings == []


def test_ext_values_are_accepted_in_lists_too(tmp_path):
    # spec.md §7.3: resources.roles is an extensible enumeration list.
    draft = Draft("1.2")
    draft.files["resources.csv"] = (
        ["sourcedId", "status", "dateLastModified", "vendorResourceId", "title", "roles",
         "importance", "vendorId", "applicationId"],
        [["res1", "", "", "v-1", "Book", "student,ext:tutor", "primary", "", ""]])
    assert check(draft.write(tmp_path)).findings == []
    draft.files["resources.csv"][1][0][5] = "student,tutor"
    assert [r for r, _, _ in errors(check(draft.write(tmp_path)))] == ["value.enum"]


def test_duplicates_name_the_records_they_collide_with(tmp_path):
    draft = Draft("1.1")
    draft.set("users.csv", 1, "username", "ana")
    draft.set("users.csv", 2, "username", "Ana")
    found = findings(check(draft.write(tmp_path)), "unique.username")
    assert [(f.line, f.column) for f in found] == [(2, "username"), (3, "username"),
                                                  (4, "username")]
    assert "u2, u3" in found[0].message


def test_free_text_heuristics_are_warnings(tmp_path):
    # issue 9: an identifier that looks like 1E5, or with a leading space, must not block
    # sending; a sourcedId that Excel turned into 1.2E+11 is invalid and stays an error.
    draft = Draft("1.1")
    draft.set("users.csv", 0, "identifier", "1E5")
    draft.set("users.csv", 1, "identifier", " 000102")
    result = check(draft.write(tmp_path))
    assert where(result, "excel.scientific-notation") == [("users.csv", 2, "warning")]
    assert where(result, "value.whitespace") == [("users.csv", 3, "warning")]
    assert errors(result) == []
    draft.set("orgs.csv", 0, "identifier", "6.01234E+5")
    draft.set("users.csv", 2, "sourcedId", "1.23E+11")
    result = check(draft.write(tmp_path))
    assert ("excel.scientific-notation", "users.csv", 4) in errors(result)
    assert ("orgs.csv", 2, "warning") in where(result, "excel.scientific-notation")


def test_the_school_mismatch_names_the_class_school_but_offers_no_quick_fix(tmp_path):
    # A quick fix maps one value to one replacement in a column; the right school depends on
    # each enrollment's class, so it is named in the message only.
    draft = Draft("1.1")
    draft.set("enrollments.csv", 1, "schoolSourcedId", "s2")
    (finding,) = findings(check(draft.write(tmp_path)), "enrollment.school-mismatch")
    assert finding.fix is None
    assert "class k1" in finding.message
    assert 'write "s1"' in finding.message


def _all_delta(draft: Draft) -> None:
    for _, rows in draft.files.values():
        for row in rows:
            row[1], row[2] = "active", "2024-08-15T10:00:00Z"


def test_a_deleted_record_may_hand_its_username_to_its_replacement(tmp_path):
    # spec.md §5 delta: status tobedeleted removes the record, so its username is free.
    draft = Draft("1.1")
    _all_delta(draft)
    draft.set("users.csv", 1, "username", "ana")
    assert len(where(check(draft.write(tmp_path)), "unique.username")) == 2
    draft.set("users.csv", 0, "status", "tobedeleted")
    assert where(check(draft.write(tmp_path)), "unique.username") == []


def test_classes_without_a_teacher_only_in_complete_bulk_files(tmp_path):
    # In a delta upload the teacher's enrollment may have been sent earlier (spec.md §5).
    draft = Draft("1.1")
    draft.set("enrollments.csv", 3, "role", "student")
    assert where(check(draft.write(tmp_path)), "class.no-teacher") == [
        ("classes.csv", 3, "warning")]
    _all_delta(draft)
    assert where(check(draft.write(tmp_path)), "class.no-teacher") == []


def test_an_empty_list_item_is_one_finding_not_two(tmp_path):
    draft = Draft("1.1")
    draft.set("classes.csv", 1, "grades", "09,,10")
    draft.set("users.csv", 0, "userIds", "{LDAP:ana},")
    result = check(draft.write(tmp_path))
    assert errors(result) == [("value.list", "classes.csv", 3), ("value.list", "users.csv", 2)]
