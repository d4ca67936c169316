"""Each value rule: a failing cell is reported at its line with the rule, and the valid bundle passes."""

from __future__ import annotations

import pytest
from roster_fixture import set_value, valid_bundle

from rostereditor.core.validation import BundleValidator

# (file, row, column, bad value, rule, certain fix or None)
CASES = [
    ("users.csv", 0, "role", "Student", "value.enum", "student"),
    ("users.csv", 0, "role", "pupil", "value.enum", None),
    ("users.csv", 0, "enabledUser", "TRUE", "excel.boolean-case", "true"),
    ("users.csv", 0, "enabledUser", "yes", "value.boolean", None),
    ("users.csv", 0, "grades", "9", "excel.grade-leading-zero", "09"),
    ("users.csv", 0, "grades", "Ninth", "value.grade", None),
    ("users.csv", 0, "username", "ana ", "value.whitespace", "ana"),
    ("users.csv", 0, "givenName", "", "value.required", None),
    ("users.csv", 0, "userIds", "LDAP:ana", "value.user-ids", None),
    ("users.csv", 0, "email", "ana.example.org", "value.email", None),
    ("users.csv", 0, "givenName", "Jos_", "excel.replacement-character", None),
    ("users.csv", 0, "identifier", "1.23E+11", "excel.scientific-notation", None),
    ("users.csv", 0, "identifier", "101", "excel.lost-leading-zeros", "000101"),
    ("users.csv", 0, "familyName", "Ruiz\nJr", "value.line-break", "Ruiz Jr"),
    ("demographics.csv", 0, "birthDate", "8/27/2018", "excel.locale-date", "2018-08-27"),
    ("demographics.csv", 0, "birthDate", "2018-13-01", "value.date", None),
    ("academicSessions.csv", 0, "schoolYear", "25", "value.year", None),
    ("enrollments.csv", 0, "sourcedId", "e 1", "value.guid", None),
    ("enrollments.csv", 0, "classSourcedId", " k1", "value.whitespace", "k1"),
    ("classes.csv", 1, "termSourcedIds", "t1,,y1", "value.list", None),
    ("enrollments.csv", 0, "status", "active", "mode.bulk-filled", ""),
]


def _findings(bundle, rule):
    return [f for f in BundleValidator(bundle).run().findings if f.rule == rule]


def test_valid_bundle_has_no_findings():
    assert BundleValidator(valid_bundle()).run().findings == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[2]}={c[3]!r}")
def test_bad_value_is_reported_where_it_is(case):
    file, row, column, value, rule, fix = case
    bundle = valid_bundle()
    line = set_value(bundle, file, row, column, value)
    found = _findings(bundle, rule)
    assert [(f.file, f.line, f.column, f.value) for f in found] == [(file, line, column, value)]
    assert found[0].fix == fix
    assert value.strip() == "" or value.strip() in found[0].message or "line break" in \
        found[0].message


def test_delta_file_needs_status_and_date():
    bundle = valid_bundle("delta")
    assert BundleValidator(bundle).run().findings == []
    line = set_value(bundle, "users.csv", 1, "status", "")
    found = _findings(bundle, "mode.delta-blank")
    assert [(f.line, f.column) for f in found] == [(line, "status")]


def test_ambiguous_locale_date_suggests_but_does_not_fix():
    bundle = valid_bundle()
    set_value(bundle, "demographics.csv", 0, "birthDate", "3/4/2018")
    finding = _findings(bundle, "excel.locale-date")[0]
    assert finding.fix is None
    assert "2018-03-04" in finding.message


def test_vendor_id_rule_names_the_vendor():
    bundle = valid_bundle()
    line = set_value(bundle, "users.csv", 0, "sourcedId", "u/1")
    set_value(bundle, "demographics.csv", 0, "sourcedId", "u/1")
    found = [f for f in BundleValidator(bundle, "greatminds").run().findings
             if f.rule == "vendor.id-format" and f.file == "users.csv"]
    assert [(f.line, f.column) for f in found] == [(line, "sourcedId")]
    assert found[0].message.startswith("Great Minds accepts only letters, digits, - _ .")


def test_vendor_role_subset():
    bundle = valid_bundle()
    set_value(bundle, "users.csv", 2, "role", "aide")
    rules = {f.rule for f in BundleValidator(bundle, "apple-school-manager").run().findings}
    assert "vendor.role" in rules
    assert "vendor.role" not in {f.rule for f in BundleValidator(bundle).run().findings}


def test_case_insensitive_vendor_accepts_true_in_capitals():
    bundle = valid_bundle()
    set_value(bundle, "users.csv", 0, "enabledUser", "TRUE")
    validator = BundleValidator(bundle, "microsoft-sds", version="1.1")
    assert "excel.boolean-case" not in {f.rule for f in validator.run().findings}
