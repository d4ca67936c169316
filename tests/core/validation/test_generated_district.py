"""The sample district generator's bundles: valid ones pass, damaged ones show exactly their damage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rostereditor.core.sample_district import generate_district
from rostereditor.core.validation import BundleValidator


def test_valid_district_has_no_errors_or_warnings():
    result = BundleValidator(generate_district(60, seed=2).bundle).run()
    assert result.counts["error"] == 0
    assert result.counts["warning"] == 0


def test_damaged_district_shows_exactly_its_damage():
    district = generate_district(60, seed=4, damaged=True)
    findings = BundleValidator(district.bundle).run().findings
    damage = {(d.file, d.line, d.column) for d in district.damage}
    header_damage = {(d.file, d.line) for d in district.damage if d.column is None}
    found = {(f.file, f.line, f.column) for f in findings}
    for where in damage:
        assert where in found or where[:2] in {(f.file, f.line) for f in findings}, where
    # A copied sourcedId also flags the record it copied; anything else would be a false alarm.
    duplicates = {d.damaged for d in district.damage if "duplicate" in d.kind}
    extra = [f for f in findings if (f.file, f.line, f.column) not in damage
             and (f.file, f.line) not in header_damage
             and not (f.rule.startswith("unique.") and f.value in duplicates)]
    assert extra == []


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_a_fault_injected_anywhere_is_found_at_its_line(data):
    bundle = generate_district(20, seed=5).bundle
    name = data.draw(st.sampled_from(["users.csv", "enrollments.csv", "classes.csv"]))
    table = bundle.table(name)
    row = data.draw(st.integers(0, len(table) - 1))
    column, bad, rule = data.draw(st.sampled_from({
        "users.csv": [("enabledUser", "TRUE", "excel.boolean-case"),
                      ("role", "Teacher", "value.enum")],
        "enrollments.csv": [("userSourcedId", "nobody", "ref.unresolved"),
                            ("beginDate", "8/27/2024", "excel.locale-date"),
                            ("endDate", "2026-01-01", "enrollment.outside-term")],
        "classes.csv": [("classType", "Scheduled", "value.enum"),
                        ("termSourcedIds", "", "value.required")],
    }[name]))
    table.set_cell(row, table.column_index(column), bad)
    found = [(f.file, f.line, f.column, f.rule) for f in BundleValidator(bundle).run().findings]
    assert (name, table.source_line(row), column, rule) in found
