"""Records added, removed and changed between two versions, matched by sourcedId."""

from __future__ import annotations

import numpy as np
from two_versions import USERS_HEADER, bundle, user

from rostereditor.core.comparison import compare_bundles
from rostereditor.core.sample_district import generate_district
from rostereditor.core.sample_district.next_export import next_export

ORGS_HEADER = ["sourcedId", "status", "dateLastModified", "name", "type", "identifier"]


def test_added_removed_and_changed_cells_by_sourced_id():
    old = bundle(users=(USERS_HEADER, [user("u1", "ana"), user("u2", "ben"), user("u3", "cat")]))
    new = bundle(users=(USERS_HEADER, [user("u1", "ana", family="Ruiz-Lee"), user("u3", "cat"),
                                       user("u4", "dan")]))
    result = compare_bundles(old, new).files["users.csv"]
    assert (result.old_count, result.new_count) == (3, 3)
    assert result.added_keys.to_pylist() == ["u4"]
    assert result.removed_keys.to_pylist() == ["u2"]
    [change] = list(result.changed)
    assert (change.key, change.column, change.old, change.new) == ("u1", "familyName", "Ruiz",
                                                                   "Ruiz-Lee")
    assert result.removed_percent == 100 / 3


def test_reordered_rows_are_not_changes():
    rows = [user("u1", "ana"), user("u2", "ben"), user("u3", "cat")]
    old = bundle(users=(USERS_HEADER, rows))
    new = bundle(users=(USERS_HEADER, rows[::-1]))
    assert not compare_bundles(old, new).has_changes


def test_changed_cells_carry_row_ids_that_survive_edits_in_the_window():
    old = bundle(users=(USERS_HEADER, [user("u1", "ana"), user("u2", "ben"), user("u3", "cat")]))
    new = bundle(users=(USERS_HEADER, [user("u1", "ana"), user("u2", "ben"), user("u3", "cat")]))
    users = new.table("users.csv")
    users.delete_rows([0])  # u1 gone; u2, u3 move up
    users.set_cell(1, USERS_HEADER.index("grades"), "06")  # u3, stored as row id 2
    result = compare_bundles(old, new).files["users.csv"]
    assert result.removed_keys.to_pylist() == ["u1"]
    [change] = list(result.changed)
    assert (change.key, change.new_row_id, change.old_row_id) == ("u3", 2, 2)
    assert result.changed.cells_of_column("grades").tolist() == [2]


def test_repeated_sourced_ids_pair_in_order_instead_of_vanishing():
    old = bundle(users=(USERS_HEADER, [user("u1", "ana"), user("u1", "ana2"), user("u2", "ben")]))
    new = bundle(users=(USERS_HEADER, [user("u1", "ana"), user("u2", "ben")]))
    result = compare_bundles(old, new).files["users.csv"]
    assert result.duplicate_keys == 1
    assert result.removed_keys.to_pylist() == ["u1"]  # the second u1 record left
    assert result.removed_row_ids.tolist() == [1]
    assert not len(result.changed)


def test_files_and_columns_present_on_one_side_only():
    old = bundle(users=(USERS_HEADER, [user("u1", "ana")]),
                 orgs=(ORGS_HEADER, [["sch-1", "", "", "Lakeview", "school", "1"]]))
    header = [*USERS_HEADER, "metadata.lunch"]
    new = bundle(users=(header, [[*user("u1", "ana"), "free"]]),
                 classes=(["sourcedId", "title"], [["c1", "Math"]]))
    result = compare_bundles(old, new)
    assert result.files["orgs.csv"].state == "only-old"
    assert result.files["orgs.csv"].removed_percent == 100
    assert result.files["classes.csv"].state == "only-new"
    assert result.files["classes.csv"].added == 1
    assert result.files["users.csv"].columns_added == ("metadata.lunch",)
    assert not len(result.files["users.csv"].changed)  # a new column is not a changed cell
    assert [f.file for f in result.over_threshold(50)] == ["orgs.csv"]


def test_a_file_without_sourced_id_is_reported_not_compared():
    old = bundle(users=(["name"], [["a"]]))
    new = bundle(users=(["name"], [["b"]]))
    result = compare_bundles(old, new).files["users.csv"]
    assert result.state == "no-key"
    assert result.added == result.removed == 0


def test_comparison_finds_exactly_what_the_next_export_changed():
    old = generate_district(120, seed=5).bundle
    new, changes = next_export(old, seed=3, share=0.05)
    result = compare_bundles(old, new)
    users = result.files["users.csv"]
    removed = set(users.removed_keys.to_pylist())
    assert set(changes.left) <= removed
    assert set(changes.renumbered) <= removed
    assert set(users.added_keys.to_pylist()) == set(changes.joined) | set(changes.renumbered.values())
    changed_ids = set(users.changed.keys.to_pylist())
    assert set(changes.corrected_users) - set(changes.renumbered) <= changed_ids
    assert {(c.old_id, c.new_id) for c in users.id_changes} == set(changes.renumbered.items())
    classes = result.files["classes.csv"]
    assert set(classes.changed.keys.to_pylist()) == set(changes.corrected_classes)
    assert set(classes.changed.columns.to_pylist()) == {"location"}
    enrollments = result.files["enrollments.csv"]
    old_users = old.table("enrollments.csv").column_values(5)
    assert enrollments.removed == sum(u in changes.left for u in old_users)


def test_comparing_a_bundle_with_itself_finds_nothing():
    district = generate_district(60, seed=2).bundle
    result = compare_bundles(district, district)
    assert not result.has_changes
    assert all(f.state == "both" and not f.duplicate_keys for f in result.files.values())


def test_manifest_differences_are_listed():
    old = generate_district(10, seed=1).bundle
    new = generate_district(10, seed=1).bundle
    manifest = new.table("manifest.csv")
    row = manifest.column_values(0).index("source.systemName")
    manifest.set_cell(row, 1, "Another SIS")
    [change] = compare_bundles(old, new).manifest_changes
    assert change.name == "source.systemName"
    assert change.new == "Another SIS"


def test_changed_row_ids_lists_each_changed_record_once_in_new_order():
    old = bundle(users=(USERS_HEADER, [user("u1", "a"), user("u2", "b")]))
    new = bundle(users=(USERS_HEADER, [user("u1", "a2", family="X"), user("u2", "b2")]))
    changed = compare_bundles(old, new).files["users.csv"].changed
    assert len(changed) == 3
    assert changed.record_count == 2
    assert np.array_equal(changed.changed_row_ids(), [0, 1])
