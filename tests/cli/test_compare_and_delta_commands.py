"""`rostereditor compare`, `delta` and `summary` from the command line: output and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rostereditor.cli.main import main
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.comparison import compare_bundles
from rostereditor.core.delta import apply_delta
from rostereditor.core.sample_district import generate_district
from rostereditor.core.sample_district.next_export import next_export


@pytest.fixture(scope="module")
def zips(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundles")
    old = generate_district(200, seed=6).bundle
    new, changes = next_export(old, seed=1, share=0.05)
    write_bundle_zip(old, folder / "old.zip")
    write_bundle_zip(new, folder / "new.zip")
    return folder / "old.zip", folder / "new.zip", changes


def test_compare_text_lists_changes_and_exits_0(zips, capsys):
    old, new, changes = zips
    assert main(["compare", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "users.csv" in out
    renumbered_old, renumbered_new = next(iter(changes.renumbered.items()))
    assert f"{renumbered_old} -> {renumbered_new}: same username" in out
    assert "Removed (" in out


def test_fail_if_removed_stops_a_nightly_job(zips, capsys):
    old, new, _ = zips
    assert main(["compare", str(old), str(new), "--fail-if-removed", "1%"]) == 1
    captured = capsys.readouterr()
    assert "removals over 1%" in captured.err
    assert main(["compare", str(old), str(new), "--fail-if-removed", "50"]) == 0


def test_fail_if_removed_rejects_a_bad_percentage(zips, capsys):
    old, new, _ = zips
    with pytest.raises(SystemExit):
        main(["compare", str(old), str(new), "--fail-if-removed", "lots"])
    assert "not a percentage" in capsys.readouterr().err


def test_compare_json_lists_every_change(zips, capsys):
    old, new, changes = zips
    assert main(["compare", str(old), str(new), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    users = next(f for f in report["files"] if f["file"] == "users.csv")
    assert {r["sourcedId"] for r in users["removed"]} >= set(changes.left)
    assert {c["old_sourcedId"]: c["new_sourcedId"] for c in users["id_changes"]} == changes.renumbered
    evidence = users["id_changes"][0]["evidence"]
    assert {"field": "username", "value": evidence[0]["value"]} == evidence[0]
    classes = next(f for f in report["files"] if f["file"] == "classes.csv")
    assert all(cell["column"] == "location" for c in classes["changed"] for cell in c["cells"])


def test_compare_csv_opens_in_a_spreadsheet(zips, tmp_path, capsys):
    old, new, changes = zips
    out = tmp_path / "changes.csv"
    assert main(["compare", str(old), str(new), "--format", "csv", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    kinds = {r["change"] for r in rows}
    assert {"added", "removed", "changed", "sourcedId-changed"} <= kinds
    moved = [r for r in rows if r["change"] == "sourcedId-changed" and r["file"] == "users.csv"]
    assert {r["sourcedId"]: r["new_sourcedId"] for r in moved} == changes.renumbered


def test_compare_unreadable_bundle_exits_2(tmp_path, zips, capsys):
    old, _, _ = zips
    assert main(["compare", str(old), str(tmp_path / "missing.zip")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_delta_is_written_valid_and_applies_back_to_new(zips, tmp_path, capsys):
    old, new, _ = zips
    out = tmp_path / "delta.zip"
    assert main(["delta", str(old), str(new), "-o", str(out),
                 "--timestamp", "2025-03-01T08:00:00.000Z"]) == 0
    printed = capsys.readouterr().out
    assert "removed (tobedeleted)" in printed
    assert main(["validate", str(out)]) == 0
    assert "0 errors" in capsys.readouterr().out
    applied = apply_delta(read_bundle(old), read_bundle(out))
    assert not compare_bundles(read_bundle(new), applied).has_changes


def test_delta_of_a_bundle_with_errors_is_not_written(zips, tmp_path, capsys):
    old, _, _ = zips
    broken = read_bundle(old)
    users = broken.table("users.csv")
    users.set_cell(7, users.column_index("role"), "Student")  # enumerations are case-sensitive
    damaged = tmp_path / "damaged.zip"
    write_bundle_zip(broken, damaged)
    out = tmp_path / "delta.zip"
    assert main(["delta", str(old), str(damaged), "-o", str(out)]) == 1
    assert "not written" in capsys.readouterr().err
    assert not out.exists()
    assert main(["delta", str(old), str(damaged), "-o", str(out), "--force"]) == 1
    assert out.exists()


def test_summary_in_three_formats(zips, tmp_path, capsys):
    _, new, _ = zips
    assert main(["summary", str(new)]) == 0
    assert "People per school, role and grade:" in capsys.readouterr().out
    assert main(["summary", str(new), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    # Every sample user belongs to one school or the district, so the counts add up.
    assert report["records"]["users.csv"] == sum(p["count"] for p in report["people"])
    out = tmp_path / "summary.csv"
    assert main(["summary", str(new), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert any(r["section"] == "students per class median" for r in rows)


def test_delta_explains_why_repeated_ids_cannot_be_sent(zips, tmp_path, capsys):
    old, _, _ = zips
    damaged = tmp_path / "damaged.zip"
    write_bundle_zip(generate_district(200, seed=6, damaged=True).bundle, damaged)
    assert main(["delta", str(old), str(damaged), "-o", str(tmp_path / "d.zip")]) == 2
    assert "has 1 sourcedId used by more than one record" in capsys.readouterr().err


def test_sample_next_export_is_the_same_district_a_little_later(tmp_path, capsys):
    first, later = tmp_path / "first.zip", tmp_path / "later.zip"
    assert main(["sample", "-o", str(first), "--students", "120", "--seed", "3"]) == 0
    assert main(["sample", "-o", str(later), "--students", "120", "--seed", "3",
                 "--next-export"]) == 0
    assert "students left" in capsys.readouterr().out
    assert main(["compare", str(first), str(later), "--format", "json"]) == 0
    users = next(f for f in json.loads(capsys.readouterr().out)["files"]
                 if f["file"] == "users.csv")
    assert users["removed"]
    assert users["id_changes"]
    assert main(["validate", str(later)]) == 0
