"""The open bundle against a compared one: the change list, cell tints by row id, and comparing
a snapshot in a worker while the live tables move on."""

from __future__ import annotations

import pytest
from two_versions import USERS_HEADER, bundle, user

from rostereditor.core.comparison.bundle_snapshot import snapshot_bundle
from rostereditor.core.comparison.live_comparison import (
    LiveComparison,
    compare_files,
    compare_whole,
)
from rostereditor.core.errors import Cancelled


def _old_and_new():
    old = bundle(users=(USERS_HEADER, [
        user("u-1", "ana", email="ana@x.org"),
        user("u-2", "ben", given="Ben"),
        user("u-3", "cruz", given="Cruz"),
        user("u-4", "dee", given="Dee", email="dee@x.org"),
    ]))
    new = bundle(users=(USERS_HEADER, [
        user("u-1", "ana", email="ana@school.org"),  # changed email
        user("u-3", "cruz", given="Cruz", grade="06"),  # changed grade
        user("u-5", "eve", given="Eve"),  # added
        user("X-4", "dee", given="Dee", email="dee@x.org"),  # u-4 under a new sourcedId
    ]))  # u-2 removed
    return old, new


def test_each_record_is_listed_once_with_its_kind_label_and_cells():
    old, new = _old_and_new()
    changes = compare_whole(old, new).changes
    listed = [(changes.kind_of(i), changes.key_of(i)) for i in range(len(changes))]
    assert listed == [("added", "u-5"), ("removed", "u-2"), ("changed", "u-1"),
                      ("changed", "u-3"), ("new_id", "X-4")]
    assert changes.count("removed", "users.csv") == 1
    changed = changes.entry(2)
    assert [(c.column, c.old, c.new) for c in changed.cells] == [
        ("email", "ana@x.org", "ana@school.org")]
    assert changed.row_id == 0
    renumbered = changes.entry(4)
    assert (renumbered.old_key, renumbered.key) == ("u-4", "X-4")
    assert ("username", "dee") in renumbered.evidence
    removed = changes.entry(1)
    assert removed.old_row_id == 1  # its row in the compared bundle
    assert "Ben" in removed.label


def test_filters_by_kind_file_and_text():
    old, new = _old_and_new()
    changes = compare_whole(old, new).changes
    changes.filter(kinds=["changed"])
    assert [changes.key_of(i) for i in range(len(changes))] == ["u-1", "u-3"]
    changes.filter(text="EVE")  # the label holds the name; any case
    assert [changes.key_of(i) for i in range(len(changes))] == ["u-5"]
    changes.filter(file="orgs.csv")
    assert len(changes) == 0
    changes.filter()
    assert len(changes) == changes.total == 5
    assert changes.find("changed", "users.csv", "u-3") == 3


def test_cells_tinted_by_row_id_survive_rows_moving():
    old, new = _old_and_new()
    live = LiveComparison(old, "old.zip", compare_whole(old, new))
    users = new.table("users.csv")
    cells = live.cells("users.csv", users.header)
    email, grades = users.column_index("email"), users.column_index("grades")
    assert cells.old_value(0, email) == "ana@x.org"
    assert cells.old_value(0, grades) is None
    assert cells.old_value(1, grades) == "05"
    assert cells.is_added(2)
    assert not cells.is_added(0)
    assert cells.row_ids() == {0, 1, 2, 3}  # u-1, u-3 changed; u-5 and X-4 are new records
    users.delete_rows([0])  # row ids stay with their records
    assert cells.old_value(1, grades) == "05"


def test_a_snapshot_compared_in_a_worker_answers_with_live_row_ids():
    old, new = _old_and_new()
    users = new.table("users.csv")
    users.delete_rows([0])  # u-1 gone: row ids no longer equal positions
    snapshot = snapshot_bundle(new)
    users.set_cell(0, users.column_index("grades"), "07")  # edited after the snapshot was taken
    outcome = compare_whole(old, snapshot)
    result = outcome.comparison.files["users.csv"]
    assert result.changed.new_row_ids.tolist() == [1]  # u-3, at live row id 1
    assert result.changed.new_values.to_pylist() == ["06"]  # as it was when the copy was taken
    assert result.added_row_ids.tolist() == [2, 3]
    assert outcome.changes.entry(len(outcome.changes) - 1).row_id == 3
    live = LiveComparison(old, "old.zip", outcome)
    assert live.cells("users.csv", users.header).old_value(1, users.column_index("grades")) == "05"


def test_comparing_a_snapshot_stops_when_cancelled():
    old, new = _old_and_new()
    with pytest.raises(Cancelled):
        compare_whole(old, snapshot_bundle(new), progress=lambda _fraction: False)


def _district_pair():
    from rostereditor.core.sample_district import generate_district
    from rostereditor.core.sample_district.next_export import next_export

    old = generate_district(students=60, seed=5).bundle
    new, changes = next_export(old, seed=3, share=0.05)
    return old, new, changes


def _listed(changes):
    return [(changes.kind_of(i), changes.file_of(i), changes.key_of(i), changes.label_of(i))
            for i in range(len(changes))]


def test_comparing_only_the_edited_file_again_gives_what_comparing_all_gives():
    old, new, changes = _district_pair()
    first = compare_whole(old, new)
    users = new.table("users.csv")
    row = users.column_values(0).index(changes.corrected_users[0])
    users.set_cell(row, users.column_index("familyName"), "Edited")  # a change more
    renumbered = users.column_values(0).index(next(iter(changes.renumbered.values())))
    users.set_cell(renumbered, 0, next(iter(changes.renumbered)))  # a renumbering undone
    again = compare_files(old, new, first, {"users.csv"})
    whole = compare_whole(old, new)
    assert _listed(again.changes) == _listed(whole.changes)
    for name, result in whole.comparison.files.items():
        assert again.comparison.files[name].id_changes.new_ids.to_pylist() \
            == result.id_changes.new_ids.to_pylist(), name
    # Files before users.csv in matching order were not compared again, nor listed again.
    assert again.comparison.files["classes.csv"] is first.comparison.files["classes.csv"]


def test_a_file_only_on_one_side_lists_all_its_records():
    old, new = _old_and_new()
    new.files.pop("users.csv")
    changes = compare_whole(old, new).changes
    assert changes.count("removed") == 4
    assert changes.count("added") == 0
