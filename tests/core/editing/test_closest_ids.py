"""Suggestions for broken references: the existing ids a damaged value most likely was."""

import pyarrow as pa
from small_bundle import small_bundle

from rostereditor.core.editing.closest_ids import broken_reference_suggestions, closest_ids


def test_id_that_lost_its_leading_zeros_suggests_the_original():
    ids = pa.array(["usr-00123", "usr-00124", "usr-01230"])
    assert closest_ids("usr-123", ids)[0] == "usr-00123"


def test_case_and_stray_spaces_are_seen_through():
    ids = pa.array(["CLS-ABC", "cls-xyz"])
    assert closest_ids(" cls-abc ", ids)[0] == "CLS-ABC"


def test_no_suggestion_for_nothing_alike():
    assert closest_ids("zzzz", pa.array(["usr-00123"])) == []


def test_broken_reference_cell_gets_suggestions_only_for_its_unknown_ids():
    bundle = small_bundle()
    found = broken_reference_suggestions(bundle, "1.1", "users.csv", "orgSourcedIds", "org-1,org-3")
    assert list(found) == ["org-3"]
    assert set(found["org-3"]) <= {"org-1", "org-2"}
    assert found["org-3"]


def test_resolving_reference_or_plain_column_gets_no_suggestions():
    bundle = small_bundle()
    assert broken_reference_suggestions(bundle, "1.1", "enrollments.csv", "userSourcedId", "usr-00123") == {}
    assert broken_reference_suggestions(bundle, "1.1", "users.csv", "familyName", "Nobody") == {}


def test_enrollment_pointing_at_a_user_without_zeros_suggests_that_user():
    bundle = small_bundle()
    found = broken_reference_suggestions(bundle, "1.1", "enrollments.csv", "userSourcedId", "usr-124")
    assert found["usr-124"][0] == "usr-00124"
