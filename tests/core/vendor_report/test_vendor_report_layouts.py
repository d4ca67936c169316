"""Vendors' error reports (fixtures in reports/, see its README) placed on the tiny district."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from tiny_district import tiny_district

from rostereditor.core.vendor_report import (
    LineNumbering,
    VendorReport,
    load_vendor_report,
    read_report,
    still_open,
)

REPORTS = Path(__file__).parent / "reports"


def _placed(report: VendorReport) -> list[tuple[str | None, int | None, str | None]]:
    return [(f.file, f.line, f.column) for f in report.findings]


def test_hmh_errors_are_pinned_by_sourced_id_to_their_cells():
    report = load_vendor_report(REPORTS / "hmh-errors.csv", tiny_district())
    assert report.sure
    assert _placed(report) == [("orgs.csv", 4, "name"), ("users.csv", 2, "email"),
                               ("users.csv", 4, "grades"), ("enrollments.csv", 4, "classSourcedId")]
    assert report.findings[0].message == "Vendor: Org name must be unique across the district"
    assert report.findings[1].value == "mlee@example.org"
    assert all(f.rule == "vendor.report" and f.severity == "error" for f in report.findings)
    [missing] = report.unmatched
    assert missing.report_line == 5
    assert "u-999" in missing.reason
    assert "users.csv" in missing.reason


def test_amplify_users_errors_take_the_file_from_the_report_name():
    report = load_vendor_report(REPORTS / "users-errors.csv", tiny_district())
    assert report.default_file == "users.csv"
    assert _placed(report) == [("users.csv", 4, "email"), ("users.csv", 4, None)]
    # A template column OneRoster does not have is kept in the message, not lost.
    assert "field userGrade" in report.findings[1].message
    [past_end] = report.unmatched
    assert "Line 9 is not a record of users.csv" in past_end.reason
    assert ("Column", "userEmail") in past_end.values


def test_fastbridge_rows_need_one_added_and_land_on_the_right_records():
    district = tiny_district()
    shifted = load_vendor_report(REPORTS / "fastbridge-upload-errors.csv", district,
                                 numbering=LineNumbering(1))
    assert _placed(shifted) == [("users.csv", 4, "grades"), ("enrollments.csv", 3, "userSourcedId"),
                                ("classes.csv", 1, "title")]
    assert shifted.findings[0].value == "05"  # u-003 anguyen's grade
    assert shifted.findings[2].row_id is None  # the header is the file, not a record
    unshifted = load_vendor_report(REPORTS / "fastbridge-upload-errors.csv", district)
    assert unshifted.findings[0].line == 3  # one record too early: why the offset matters
    assert [u.report_line for u in unshifted.unmatched] == [4]  # row 0 is before the header


def test_line_numbering_from_the_users_two_answers():
    assert LineNumbering.counting(header_counted=True, first=1).offset == 0
    assert LineNumbering.counting(header_counted=False, first=1).offset == 1  # FastBridge
    assert LineNumbering.counting(header_counted=True, first=0).offset == 1
    assert LineNumbering.counting(header_counted=False, first=0).offset == 2
    with pytest.raises(ValueError, match="0 or 1"):
        LineNumbering.counting(header_counted=True, first=2)


def test_nwea_report_names_no_file_so_the_user_chooses_one():
    district = tiny_district()
    unsure = load_vendor_report(REPORTS / "nwea-roster-errors.csv", district)
    assert not unsure.sure
    assert any("which file" in d for d in unsure.doubts)
    assert not unsure.findings
    assert len(unsure.unmatched) == 2
    chosen = load_vendor_report(REPORTS / "nwea-roster-errors.csv", district,
                                default_file="users.csv")
    assert _placed(chosen) == [("users.csv", 3, "middleName"), ("users.csv", 5, "username")]
    assert 'reported value "bokafor"' in chosen.findings[1].message


def test_mcgraw_hill_alerts_skip_the_title_line_and_keep_severity():
    report = load_vendor_report(REPORTS / "mcgraw-hill-alerts.csv", tiny_district())
    assert report.sure
    assert _placed(report) == [("users.csv", 6, "sms"), ("classes.csv", 3, "periods")]
    assert [f.severity for f in report.findings] == ["warning", "error"]
    assert report.report_lines == (4, 5)
    assert [u.report_line for u in report.unmatched] == [6]


def test_an_xlsx_report_reads_like_its_csv(tmp_path):
    rows = read_report(REPORTS / "mcgraw-hill-alerts.csv").rows
    book = Workbook()
    sheet = book.active
    for row in rows:
        # Excel keeps row numbers as numbers: 6 comes back as 6.0 unless read with care.
        sheet.append([float(v) if v.isdigit() else (v or None) for v in row])
    path = tmp_path / "alerts.xlsx"
    book.save(path)
    from_xlsx = load_vendor_report(path, tiny_district())
    from_csv = load_vendor_report(REPORTS / "mcgraw-hill-alerts.csv", tiny_district())
    assert _placed(from_xlsx) == _placed(from_csv)
    assert [f.message for f in from_xlsx.findings] == [f.message for f in from_csv.findings]


def test_a_report_with_unknown_headers_says_it_is_unsure():
    report = load_vendor_report(REPORTS / "unlabelled-report.csv", tiny_district())
    assert not report.sure
    assert any("error message" in d for d in report.doubts)
    assert any("line number or a sourcedId" in d for d in report.doubts)


def test_user_can_map_the_columns_when_unsure():
    district = tiny_district()
    table = read_report(REPORTS / "unlabelled-report.csv")
    from rostereditor.core.vendor_report import pin_report, recognise_columns

    mapping = (recognise_columns(table.rows[0]).with_choice("message", "Problem Details")
               .with_choice("sourced_id", None).with_choice("field", "Thing"))
    report = pin_report(table, district, mapping=mapping, default_file="users.csv")
    # Still no line or sourcedId column: the line is listed, not dropped.
    assert any("line number or a sourcedId" in d for d in report.doubts)
    assert report.findings[0].file == "users.csv"
    assert report.findings[0].line is None


def test_finding_stays_on_its_record_and_is_done_once_the_cell_changes():
    district = tiny_district()
    report = load_vendor_report(REPORTS / "hmh-errors.csv", district)
    grade = report.findings[2]
    users = district.table("users.csv")
    users.delete_rows([0])  # rows move: the finding follows its row id, not its old position
    row = users.row_of_id(grade.row_id)
    assert users.cell(row, grade.column_index) == "05"
    assert still_open(grade, district)
    users.set_cell(row, grade.column_index, "06")
    assert not still_open(grade, district)


def test_unreadable_report_is_explained(tmp_path):
    from rostereditor.core.vendor_report import VendorReportError

    with pytest.raises(VendorReportError, match="does not exist"):
        read_report(tmp_path / "nope.csv")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(VendorReportError, match=r"not a readable \.xlsx") as raised:
        read_report(broken)
    assert "File is not a zip file" not in str(raised.value)  # the library's words, not ours
    assert "save it again as .xlsx" in str(raised.value)


def test_a_vendors_column_choices_can_be_remembered_and_reapplied():
    from rostereditor.core.vendor_report import recognise_columns

    header = read_report(REPORTS / "unlabelled-report.csv").rows[0]
    chosen = recognise_columns(header).with_choice("message", "Problem Details")
    remembered = chosen.choices()
    assert remembered["message"] == "Problem Details"
    again = recognise_columns(header).with_choices({**remembered, "value": "Not in this report"})
    assert again.choices() == remembered
    assert not any("error message" in d for d in again.doubts)


def test_line_numbering_is_guessed_where_lines_also_give_a_sourced_id(tmp_path):
    from rostereditor.core.vendor_report import recognise_columns, report_header
    from rostereditor.core.vendor_report.line_offset_guess import guess_line_offset

    district = tiny_district()
    # Rows counted from 1 without the header (FastBridge): u-002 is record 2, u-004 record 4.
    path = tmp_path / "errors.csv"
    path.write_text("File,Row,SourcedId,Error\nusers.csv,2,u-002,Bad\nusers.csv,4,u-004,Bad\n"
                    "users.csv,2,u-999,Not ours\n", encoding="utf-8")
    table = read_report(path)
    mapping = recognise_columns(report_header(table))
    guess = guess_line_offset(table, district, mapping)
    assert guess is not None
    assert (guess.offset, guess.agreeing, guess.checked) == (1, 2, 3)
    # Header counted as line 1: the same records are lines 3 and 5.
    path.write_text("File,Row,SourcedId,Error\nusers.csv,3,u-002,Bad\nusers.csv,5,u-004,Bad\n",
                    encoding="utf-8")
    guess = guess_line_offset(read_report(path), district, mapping)
    assert guess is not None
    assert guess.offset == 0


def test_no_guess_without_sourced_ids_or_when_lines_disagree(tmp_path):
    from rostereditor.core.vendor_report import recognise_columns, report_header
    from rostereditor.core.vendor_report.line_offset_guess import guess_line_offset

    district = tiny_district()
    table = read_report(REPORTS / "fastbridge-upload-errors.csv")
    assert guess_line_offset(table, district, recognise_columns(report_header(table))) is None
    path = tmp_path / "errors.csv"
    path.write_text("File,Row,SourcedId,Error\nusers.csv,1,u-002,Bad\nusers.csv,5,u-004,Bad\n",
                    encoding="utf-8")
    table = read_report(path)
    assert guess_line_offset(table, district, recognise_columns(report_header(table))) is None
