"""`rostereditor validate PATH --vendor-report FILE`: the vendor's lines beside our findings."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from rostereditor.cli.main import main
from rostereditor.core.bundle_writer import write_bundle_zip

REPORTS = Path(__file__).parents[1] / "core" / "vendor_report" / "reports"
sys.path.insert(0, str(REPORTS.parent))
from tiny_district import tiny_district  # noqa: E402


@pytest.fixture
def district(tmp_path):
    path = tmp_path / "district.zip"
    write_bundle_zip(tiny_district(), path)
    return path


def test_text_report_shows_vendor_lines_and_what_matched_nothing(district, capsys):
    assert main(["validate", str(district), "--vendor-report", str(REPORTS / "hmh-errors.csv")]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out  # our verdict is unchanged
    assert "Vendor report hmh-errors.csv: 4 problems placed, 1 line that matches nothing" in out
    assert ("  line 4, grades: error: Vendor: Grade is not valid for this school "
            "[report line 4]") in out
    assert "report line 5: sourcedId \"u-999\" is not in users.csv" in out


def test_line_offset_for_reports_that_do_not_count_the_header(district, capsys):
    report = str(REPORTS / "fastbridge-upload-errors.csv")
    assert main(["validate", str(district), "--vendor-report", report,
                 "--report-line-offset", "1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["vendor_report"]
    assert data["line_offset"] == 1
    assert [(f["file"], f["line"]) for f in data["findings"]] == [
        ("users.csv", 4), ("enrollments.csv", 3), ("classes.csv", 1)]


def test_unsure_report_says_so_and_can_be_mapped_by_hand(district, tmp_path, capsys):
    report = str(REPORTS / "nwea-roster-errors.csv")
    assert main(["validate", str(district), "--vendor-report", report]) == 0
    captured = capsys.readouterr()
    assert "does not say which file" in captured.err
    assert "2 lines that match nothing" in captured.out
    assert main(["validate", str(district), "--vendor-report", report,
                 "--report-file", "users.csv"]) == 0
    assert "line 5, username: error: Vendor: User name cannot" in capsys.readouterr().out
    renamed = tmp_path / "report.csv"
    shutil.copy(REPORTS / "unlabelled-report.csv", renamed)
    assert main(["validate", str(district), "--vendor-report", str(renamed),
                 "--report-column", "message=Problem Details", "--report-file", "users.csv"]) == 0
    assert "Vendor: Bad value" in capsys.readouterr().out
    assert main(["validate", str(district), "--vendor-report", str(renamed),
                 "--report-column", "message=Nope"]) == 2
    assert "ROLE=HEADER" in capsys.readouterr().err


def test_csv_findings_report_includes_the_vendor_lines(district, tmp_path, capsys):
    out = tmp_path / "findings.csv"
    assert main(["validate", str(district), "--vendor-report", str(REPORTS / "hmh-errors.csv"),
                 "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    # (the tiny district's class c-2 has no teacher: a class.no-teacher warning besides)
    rows = [r for r in rows if r["rule"] == "vendor.report"]
    assert len(rows) == 4
    assert rows[0]["message"].startswith("Vendor: ")


def test_missing_report_exits_2(district, tmp_path, capsys):
    assert main(["validate", str(district), "--vendor-report", str(tmp_path / "none.csv")]) == 2
    assert "cannot read the vendor report" in capsys.readouterr().err
