"""Finding what points at a record, renaming it everywhere, and human labels for lookups."""

import pyarrow as pa
import pytest
from small_bundle import small_bundle

from rostereditor.core.editing.cell_changes import apply_changes, revert_changes
from rostereditor.core.editing.closest_ids import closest_ids
from rostereditor.core.editing.record_labels import RecordLookup, label_array
from rostereditor.core.editing.reference_columns import (
    ReferenceColumn,
    reference_columns_from_spec,
    replace_in_list,
)
from rostereditor.core.editing.reference_search import references_to
from rostereditor.core.editing.rename_plan import plan_reference_updates

REFS = reference_columns_from_spec(
    "1.1", ["users.csv", "classes.csv", "enrollments.csv", "demographics.csv"]
)


def test_spec_reference_columns_include_lists_and_demographics():
    assert ReferenceColumn("users.csv", "orgSourcedIds", "orgs.csv", True) in REFS
    assert ReferenceColumn("enrollments.csv", "userSourcedId", "users.csv") in REFS
    assert ReferenceColumn("demographics.csv", "sourcedId", "users.csv") in REFS


def test_references_to_a_user_span_files():
    hits = references_to(small_bundle(), REFS, "users.csv", "usr-00123")
    assert {(h.file, h.row) for h in hits} == {
        ("enrollments.csv", 0), ("enrollments.csv", 2), ("demographics.csv", 0)
    }


def test_list_reference_matches_whole_items_only():
    hits = references_to(small_bundle(), REFS, "orgs.csv", "org-2")
    assert [(h.file, h.row) for h in hits] == [("users.csv", 1), ("users.csv", 2)]
    assert references_to(small_bundle(), REFS, "orgs.csv", "org-") == []


def test_rename_updates_every_reference_and_reverts_exactly():
    bundle = small_bundle()
    changes = plan_reference_updates(bundle, REFS, "orgs.csv", "org-1", "org-100")
    assert sum(len(c) for c in changes.values()) == 8
    before = {n: [list(r) for r in f.table.iter_rows()] for n, f in bundle.files.items()}
    for name, file_changes in changes.items():
        apply_changes(bundle.table(name), file_changes)
    assert bundle.table("users.csv").cell(1, 1) == "org-100,org-2"
    assert bundle.table("classes.csv").cell(1, 3) == "org-100"
    for name, file_changes in changes.items():
        revert_changes(bundle.table(name), file_changes)
    assert {n: [list(r) for r in f.table.iter_rows()] for n, f in bundle.files.items()} == before


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("a,b,c", "a,X,c"), ("a, b ,c", "a, X ,c"), ("bb,b", "bb,X"), ("b", "X")],
)
def test_replace_in_list_changes_only_the_item(cell, expected):
    assert replace_in_list(cell, "b", "X") == expected


def test_user_label_reads_like_a_person():
    labels = label_array("users.csv", small_bundle().table("users.csv")).to_pylist()
    assert labels[0] == "usr-00123 — García, José (student, grade 09)"
    assert labels[1] == "usr-00124 — Smith, Ann (teacher)"


def test_lookup_by_part_of_a_name_ignores_accents_and_case():
    lookup = RecordLookup("users.csv", small_bundle().table("users.csv"))
    assert [c.record_id for c in lookup.search("garc")] == ["usr-00123"]
    assert [c.record_id for c in lookup.search("ZOE")] == ["usr-00125"]
    assert [c.record_id for c in lookup.search("nunez")] == ["usr-00125"]


def test_lookup_by_id_and_class_code():
    bundle = small_bundle()
    assert [c.record_id for c in RecordLookup("users.csv", bundle.table("users.csv")).search(
        "00126")] == ["usr-00126"]
    classes = RecordLookup("classes.csv", bundle.table("classes.csv"))
    assert [c.label for c in classes.search("bio")] == ["cls-2 — Biology (BIO)"]


def test_closest_ids_undo_excel_zero_stripping_first():
    ids = pa.array([f"usr-{i:05d}" for i in range(50_000)])
    assert closest_ids("usr-123", ids)[0] == "usr-00123"
    assert closest_ids(" USR-00042", ids)[0] == "usr-00042"
    titles = pa.array(["cls-algebra-1", "cls-biology-2", "cls-chemistry-3"])
    assert closest_ids("cls-algbra-1", titles)[0] == "cls-algebra-1"
    assert closest_ids("", ids) == []
