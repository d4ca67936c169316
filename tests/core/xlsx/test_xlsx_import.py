"""Importing workbooks people made in Excel: text back exactly, and every guess reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from rostereditor.core.read_notice import BundleReadError, NoticeLevel
from rostereditor.core.xlsx.workbook_reader import list_sheets, read_workbook


def _book(path: Path, rows: list[list[object]], title: str = "users",
          formats: dict[str, str] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for address, number_format in (formats or {}).items():
        sheet[address].number_format = number_format
    book.save(path)
    return path


def _notices(bundle, code: str):
    return [n for n in bundle.notices if n.code == code]


def test_numbers_are_rendered_with_their_cell_format(tmp_path):
    path = _book(tmp_path / "b.xlsx",
                 [["sourcedId", "grades", "givenName"], [123, 9, "Ana"], [10000500870, 10, "Bo"]],
                 formats={"A2": "00000", "B2": "00", "A3": "000000000000", "B3": "00"})
    table = read_workbook(path).table("users.csv")
    assert table.row_values(0) == ["00123", "09", "Ana"]
    assert table.row_values(1) == ["010000500870", "10", "Bo"]


def test_every_inferred_cell_is_reported_with_file_line_and_address(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId", "givenName"], ["s1", "Ana"], [42, 7]],
                 formats={"A3": "00000"})
    bundle = read_workbook(path)
    inferred = [n for n in bundle.notices if n.file == "users.csv" and n.line == 3]
    assert len(inferred) == 2
    assert any("A3" in n.message and "00042" in n.message for n in inferred)
    assert any("B3" in n.message for n in inferred)
    assert not [n for n in bundle.notices if n.line == 2]


def test_general_number_in_an_id_column_warns_that_zeros_may_be_lost(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId", "givenName"], [123, "Ana"]])
    bundle = read_workbook(path)
    assert bundle.table("users.csv").cell(0, 0) == "123"
    (notice,) = _notices(bundle, "xlsx.number-in-id-column")
    assert notice.level == NoticeLevel.WARNING
    assert "leading zeros" in notice.message


def test_dates_become_iso_dates(tmp_path):
    path = _book(tmp_path / "b.xlsx",
                 [["sourcedId", "birthDate", "dateLastModified"],
                  ["s1", dt.datetime(2010, 8, 15), dt.datetime(2024, 8, 15, 10, 0, 5)]])
    bundle = read_workbook(path)
    assert bundle.table("users.csv").row_values(0) == ["s1", "2010-08-15", "2024-08-15T10:00:05"]
    assert len(_notices(bundle, "xlsx.inferred-date")) == 2


def test_booleans_become_lowercase_true_false(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId", "enabledUser"], ["a", True], ["b", False]])
    bundle = read_workbook(path)
    assert bundle.table("users.csv").column_values(1) == ["true", "false"]
    assert len(_notices(bundle, "xlsx.inferred-boolean")) == 2


def test_formulas_give_their_cached_value_with_a_warning(tmp_path, set_cached_results):
    path = _book(tmp_path / "b.xlsx",
                 [["sourcedId", "givenName", "grades"], ["s1", '="00"&"7"', "=1+1"]])
    set_cached_results(path, {"B2": ("str", "007"), "C2": ("n", "2")})
    bundle = read_workbook(path)
    assert bundle.table("users.csv").row_values(0) == ["s1", "007", "2"]
    warnings = _notices(bundle, "xlsx.formula-value")
    assert {n.level for n in warnings} == {NoticeLevel.WARNING}
    assert len(warnings) == 2
    assert all(n.line == 2 for n in warnings)


def test_formula_never_calculated_leaves_the_field_empty_and_says_so(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId", "givenName"], ["s1", "=1+1"]])
    bundle = read_workbook(path)
    assert bundle.table("users.csv").cell(0, 1) == ""
    assert _notices(bundle, "xlsx.formula-without-value")


def test_more_than_15_digits_is_flagged_unrecoverable_with_cell_address(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId", "identifier"], ["s1", 1234567890123456789]],
                 formats={"B2": "0"})
    bundle = read_workbook(path)
    (notice,) = _notices(bundle, "xlsx.digits-lost")
    assert notice.level == NoticeLevel.ERROR
    assert "B2" in notice.message
    assert notice.file == "users.csv"
    assert notice.line == 2
    assert bundle.table("users.csv").cell(0, 1) == "1234567890123460000"


def test_scientific_notation_text_in_an_id_column_is_unrecoverable(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId", "givenName"], ["1.00005E+10", "1.5E+07"]])
    bundle = read_workbook(path)
    (notice,) = _notices(bundle, "xlsx.scientific-notation")
    assert "A2" in notice.message
    assert notice.level == NoticeLevel.ERROR
    # The text is kept as it is; only the name column's look-alike is left alone.
    assert bundle.table("users.csv").row_values(0) == ["1.00005E+10", "1.5E+07"]


def test_scientific_number_format_in_an_id_column_is_unrecoverable(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId"], [10000500870]], formats={"A2": "0.00E+00"})
    bundle = read_workbook(path)
    assert bundle.table("users.csv").cell(0, 0) == "1.00E+10"
    assert _notices(bundle, "xlsx.scientific-notation")


def test_a_code_turned_into_a_date_is_unrecoverable(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId", "classCode"], ["c1", dt.datetime(2024, 3, 4)]],
                 title="classes")
    bundle = read_workbook(path)
    (notice,) = _notices(bundle, "xlsx.date-conversion")
    assert notice.level == NoticeLevel.ERROR
    assert "B2" in notice.message
    assert "classCode" in notice.message


def test_excel_escapes_in_shared_strings_are_decoded(tmp_path):
    # Excel stores a carriage return as _x000D_ and a literal "_x0041_" as "_x005F_x0041_".
    path = _book(tmp_path / "b.xlsx",
                 [["sourcedId", "givenName", "familyName"], ["s1", "a_x000D_b", "_x005F_x0041_"],
                  ["s2", "keeps x005F_ text", " "]])
    table = read_workbook(path).table("users.csv")
    assert table.row_values(0) == ["s1", "a\rb", "_x0041_"]
    assert table.row_values(1) == ["s2", "keeps x005F_ text", " "]


def test_sheets_are_matched_to_files_ignoring_case_and_csv_suffix(tmp_path):
    book = Workbook()
    book.active.title = "Users.csv"
    book.active.append(["sourcedId"])
    book.active.append(["u1"])
    classes = book.create_sheet("classes")
    classes.append(["sourcedId"])
    notes = book.create_sheet("My notes")
    notes.append(["remember"])
    book.save(tmp_path / "b.xlsx")
    bundle = read_workbook(tmp_path / "b.xlsx")
    assert sorted(bundle.files) == ["classes.csv", "users.csv"]
    (skipped,) = _notices(bundle, "xlsx.sheet-skipped")
    assert "My notes" in skipped.message


def test_a_single_unnamed_sheet_must_be_mapped_by_the_caller(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId"], ["007"]], title="Sheet1")
    with pytest.raises(BundleReadError, match=r"--sheet 'Sheet1' --as users\.csv"):
        read_workbook(path)
    bundle = read_workbook(path, {"Sheet1": "users.csv"})
    assert bundle.table("users.csv").cell(0, 0) == "007"
    assert list_sheets(path) == ["Sheet1"]


def test_mapping_to_a_missing_sheet_names_the_sheets_there_are(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId"]], title="Sheet1")
    with pytest.raises(BundleReadError, match="'Sheet1'"):
        read_workbook(path, {"Roster": "users.csv"})


def test_lines_are_excel_row_numbers_and_empty_rows_are_left_out(tmp_path):
    path = _book(tmp_path / "b.xlsx", [["sourcedId", "givenName"], ["a", "A"], [None, None],
                                        ["b", "B"]])
    bundle = read_workbook(path)
    table = bundle.table("users.csv")
    assert table.column_values(0) == ["a", "b"]
    assert [table.source_line(r) for r in range(2)] == [2, 4]
    assert _notices(bundle, "xlsx.empty-rows")


@pytest.mark.parametrize("content", [b"not a workbook", b"PK\x03\x04broken"])
def test_a_file_that_is_not_a_workbook_gives_a_plain_error(tmp_path, content):
    path = tmp_path / "b.xlsx"
    path.write_bytes(content)
    with pytest.raises(BundleReadError, match=r"not an Excel workbook \(\.xlsx\)"):
        read_workbook(path)


def test_an_old_xls_file_is_told_to_be_saved_as_xlsx(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    with pytest.raises(BundleReadError, match=r"Save As > Excel Workbook \(\.xlsx\)"):
        read_workbook(path)


def test_a_destroyed_value_is_a_finding_on_its_cell(tmp_path):
    from rostereditor.core.validation import BundleValidator

    path = _book(tmp_path / "b.xlsx", [["sourcedId", "identifier"], ["s1", 1234567890123456789]],
                 formats={"B2": "0"})
    bundle = read_workbook(path)
    table = bundle.table("users.csv")
    index = BundleValidator(bundle).run().cell_index("users.csv")
    rules = [f.rule for f in index.get((table.row_id(0), 1), [])]
    assert "xlsx.digits-lost" in rules
