"""The save guard's question: would this bundle remove a large share of the reference's records?"""

from __future__ import annotations

from two_versions import USERS_HEADER, bundle, user

from rostereditor.core.comparison import removal_shares, removals_over


def _users(count: int, start: int = 0):
    return (USERS_HEADER, [user(f"u{i}", f"n{i}") for i in range(start, start + count)])


def test_hmh_example_500_users_then_15_removes_485():
    reference, current = bundle(users=_users(500)), bundle(users=_users(15))
    [users] = removal_shares(reference, current)
    assert (users.reference_count, users.removed) == (500, 485)
    assert round(users.percent) == 97
    assert users.message == "users.csv: 485 of 500 records (97%) would be removed"
    assert removals_over(reference, current, 50) == [users]
    assert removals_over(reference, current, 97.5) == []


def test_a_missing_file_removes_everything():
    reference = bundle(users=_users(10), orgs=(["sourcedId"], [["o1"], ["o2"]]))
    current = bundle(users=_users(10))
    orgs = next(r for r in removal_shares(reference, current) if r.file == "orgs.csv")
    assert orgs.file_missing
    assert orgs.removed == 2
    assert orgs.message.endswith("(the file is missing)")


def test_a_delta_file_removes_only_its_tobedeleted_rows():
    reference = bundle(users=_users(4))
    rows = [user("u1", "n1"), user("u2", "n2")]
    rows[0][1], rows[1][1] = "tobedeleted", "active"
    for row in rows:
        row[2] = "2025-01-01T00:00:00.000Z"
    current = bundle(users=(USERS_HEADER, rows))
    current.modes["users.csv"] = "delta"
    [users] = removal_shares(reference, current)
    assert users.removed == 1


def test_small_removals_are_worded_as_under_one_percent():
    [users] = removal_shares(bundle(users=_users(1000)), bundle(users=_users(999, start=1)))
    assert "(under 1%)" in users.message
    assert removals_over(bundle(users=_users(1000)), bundle(users=_users(999, start=1)), 0.05)
