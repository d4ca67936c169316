"""Delta bundles: what they contain, that our validator accepts them, and when they cannot exist."""

from __future__ import annotations

import pytest

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.comparison import compare_bundles
from rostereditor.core.delta import DeltaError, apply_delta, build_delta, delta_timestamp
from rostereditor.core.sample_district import generate_district
from rostereditor.core.sample_district.next_export import next_export
from rostereditor.core.table import Table
from rostereditor.core.validation import BundleValidator

STAMP = "2025-02-03T04:05:06.007Z"


@pytest.fixture(scope="module")
def pair():
    old = generate_district(150, seed=4).bundle
    new, changes = next_export(old, seed=9, share=0.04)
    return old, new, changes


def _rows(bundle, name):
    table = bundle.table(name)
    return [dict(zip(table.header, table.row_values(r), strict=False)) for r in range(len(table))]


def test_delta_sends_changes_active_and_removals_tobedeleted(pair):
    old, new, changes = pair
    delta = build_delta(old, new, timestamp=STAMP)
    users = _rows(delta.bundle, "users.csv")
    by_id = {u["sourcedId"]: u for u in users}
    for left in changes.left:
        assert by_id[left]["status"] == "tobedeleted"
        assert by_id[left]["familyName"]  # removed rows keep their values
    for joined in changes.joined:
        assert by_id[joined]["status"] == "active"
    assert {u["dateLastModified"] for u in users} == {STAMP}
    counts = {c.file: c for c in delta.counts}
    assert counts["users.csv"].removed == sum(u["status"] == "tobedeleted" for u in users)
    assert "orgs.csv" not in delta.bundle.files  # unchanged files are left out


def test_manifest_marks_changed_files_delta_and_others_absent(pair):
    old, new, _ = pair
    manifest = build_delta(old, new, timestamp=STAMP).bundle.manifest
    assert manifest["file.users"] == "delta"
    assert manifest["file.enrollments"] == "delta"
    assert manifest["file.orgs"] == "absent"
    assert manifest["oneroster.version"] == "1.1"
    assert manifest["source.systemName"] == "RosterEditor sample district"


def test_our_validator_accepts_the_delta_of_a_clean_bundle(pair):
    old, new, _ = pair
    delta = build_delta(old, new, timestamp=STAMP).bundle
    result = BundleValidator(delta).run()
    assert result.counts["error"] == 0
    # Only references to records sent in earlier uploads are mentioned, as the spec expects
    # (files left out of the delta are one finding each, not one per referring row).
    assert {f.rule for f in result.findings} <= {"ref.unresolved", "ref.missing-file"}


def test_our_validator_rejects_a_delta_row_without_status(pair):
    old, new, _ = pair
    delta = build_delta(old, new, timestamp=STAMP).bundle
    users = delta.table("users.csv")
    users.set_cell(0, users.column_index("status"), "")
    result = BundleValidator(delta).run()
    assert any(f.rule == "mode.delta-blank" and f.file == "users.csv" for f in result.findings)


def test_applying_the_delta_gives_the_new_bundle(pair):
    old, new, _ = pair
    applied = apply_delta(old, build_delta(old, new, timestamp=STAMP).bundle)
    assert not compare_bundles(new, applied).has_changes


def test_no_changes_give_a_manifest_only_delta(pair):
    old, _, _ = pair
    delta = build_delta(old, old, timestamp=STAMP)
    assert list(delta.bundle.files) == ["manifest.csv"]  # the spec's "no updates"
    assert delta.counts == ()


def test_oneroster_1_0_has_no_delta():
    table = Table.from_rows(["sourcedId", "name"], [["o1", "A"]])
    plain = Bundle(files={"orgs.csv": BundleFile("orgs.csv", "orgs.csv", table)})
    with pytest.raises(DeltaError, match=r"1\.1 and 1\.2"):
        build_delta(plain, plain)


def test_repeated_or_blank_ids_cannot_be_sent_as_a_delta(pair):
    old, new, _ = pair
    users = new.table("users.csv")
    users.set_cell(3, 0, users.cell(2, 0))
    with pytest.raises(DeltaError, match="1 sourcedId used by more than one record"):
        build_delta(old, new)
    users.set_cell(3, 0, "")
    with pytest.raises(DeltaError, match="without a sourcedId"):
        build_delta(old, new)


def test_timestamp_is_utc_with_milliseconds():
    from datetime import UTC, datetime, timedelta, timezone

    moment = datetime(2025, 1, 31, 12, 5, 9, 120500, tzinfo=timezone(timedelta(hours=-5)))
    assert delta_timestamp(moment) == "2025-01-31T17:05:09.120Z"
    assert delta_timestamp(datetime(2025, 1, 1, tzinfo=UTC)).endswith("00:00:00.000Z")


def test_a_oneroster_1_2_delta_has_the_1_2_manifest():
    from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest

    header = ["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
              "parentSourcedId"]

    def orgs(*names):
        bundle = Bundle(modes={"orgs.csv": "bulk"})
        rows = [[f"o{i}", "", "", name, "school", "", ""] for i, name in enumerate(names)]
        bundle.files["orgs.csv"] = BundleFile("orgs.csv", "orgs.csv", Table.from_rows(header, rows))
        manifest = generate_manifest("1.2", {"orgs.csv": "bulk"})
        bundle.files["manifest.csv"] = BundleFile("manifest.csv", "manifest.csv",
                                                  Table.from_rows(MANIFEST_HEADER, manifest))
        return bundle

    delta = build_delta(orgs("A", "B"), orgs("A", "B2"), timestamp=STAMP)
    manifest = delta.bundle.manifest
    assert delta.version == "1.2"
    assert manifest["oneroster.version"] == "1.2"
    assert manifest["file.orgs"] == "delta"
    assert manifest["file.roles"] == "absent"
    assert BundleValidator(delta.bundle).run().counts["error"] == 0
