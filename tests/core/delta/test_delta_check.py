"""A delta is checked before it is written: references to earlier uploads are expected,
real problems are not."""

from __future__ import annotations

from rostereditor.core.delta import build_delta
from rostereditor.core.delta.delta_check import check_delta
from rostereditor.core.sample_district import generate_district
from rostereditor.core.sample_district.next_export import next_export

STAMP = "2025-02-03T04:05:06.007Z"


def test_references_to_earlier_uploads_are_counted_not_reported_as_errors():
    old = generate_district(60, seed=4).bundle
    new, _ = next_export(old, seed=9, share=0.05)
    check = check_delta(build_delta(old, new, timestamp=STAMP))
    assert check.ok
    assert check.earlier > 0  # enrollments of joiners point at classes the vendor already has
    assert all(f.rule != "ref.unresolved" for f in check.others)


def test_a_bad_value_in_a_changed_record_is_an_error():
    old = generate_district(60, seed=4).bundle
    new, changes = next_export(old, seed=9, share=0.05)
    users = new.table("users.csv")
    row = users.column_values(0).index(changes.corrected_users[0])
    users.set_cell(row, users.column_index("role"), "wizard")
    check = check_delta(build_delta(old, new, timestamp=STAMP))
    assert not check.ok
    assert any(f.column == "role" and f.value == "wizard" for f in check.errors)
