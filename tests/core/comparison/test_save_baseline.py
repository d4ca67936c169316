"""Saving measured against the bundle as opened or last saved: HMH's 500 users, then 15."""

from __future__ import annotations

from two_versions import USERS_HEADER, bundle, user

from rostereditor.core.comparison.save_baseline import SaveBaseline, key_snapshot
from rostereditor.core.session import EditSession


def _district(count: int):
    return bundle(users=(USERS_HEADER, [user(f"u-{i:03}", f"user{i}") for i in range(count)]))


def test_removing_most_records_since_opening_is_reported_per_file():
    session = EditSession()
    session.open(_district(500))
    baseline = SaveBaseline(session)
    assert baseline.how == "as opened"
    session.delete_rows("users.csv", list(range(15, 500)))
    [users] = baseline.removals_over(10)
    assert (users.file, users.reference_count, users.removed) == ("users.csv", 500, 485)
    assert users.message == "users.csv: 485 of 500 records (97%) would be removed"
    assert baseline.removals_over(99) == []


def test_after_a_save_the_saved_bundle_is_the_baseline(tmp_path):
    session = EditSession()
    session.open(_district(100))
    baseline = SaveBaseline(session)
    session.delete_rows("users.csv", list(range(50)))
    assert baseline.removals_over(10)
    session.save(tmp_path / "saved.zip")
    assert baseline.how == "as last saved"
    assert baseline.removals_over(10) == []
    session.delete_rows("users.csv", list(range(10)))  # 10 of the 50 saved: 20%
    [users] = baseline.removals_over(10)
    assert (users.reference_count, users.removed) == (50, 10)


def test_renumbering_records_counts_as_removing_them():
    session = EditSession()
    session.open(_district(10))
    baseline = SaveBaseline(session)
    for row in range(5):
        session.edit_cell("users.csv", row, 0, f"X-{row}")
    [users] = baseline.removals_over(10)
    assert users.removed == 5


def test_a_compared_bundle_can_stand_in_for_the_baseline():
    session = EditSession()
    session.open(_district(20))
    baseline = SaveBaseline(session)
    assert baseline.removals_over(10, reference=_district(100))[0].removed == 80


def test_the_snapshot_keeps_only_keys_and_does_not_follow_edits():
    district = _district(3)
    snapshot = key_snapshot(district)
    assert snapshot.table("users.csv").header == ["sourcedId"]
    district.table("users.csv").set_cell(0, 0, "changed")
    assert snapshot.table("users.csv").cell(0, 0) == "u-000"
