"""Exported workbooks: Text cells Excel cannot mangle, readable layout, and an exact way back."""

from __future__ import annotations

import re
import tempfile
import zipfile

import pytest
from openpyxl import load_workbook

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.table import Table
from rostereditor.core.xlsx import workbook_writer
from rostereditor.core.xlsx.workbook_reader import read_workbook
from rostereditor.core.xlsx.workbook_writer import ExportCancelled, write_bundle_xlsx

USERS_HEADER = ["sourcedId", "status", "enabledUser", "role", "givenName", "grades"]
TRICKY = ["007", "1E5", "=1+1", "TRUE", "3/4", " lead", "trail ", "#N/A", "+15551234567",
          "a\nb", "a\r\nb", "_x0041_", "2024-08-15", "王小明", "Nguyễn", "'Olelo", "@home", " "]


def _bundle(rows: list[list[str]], name: str = "users.csv", header=None) -> Bundle:
    table = Table.from_rows(header or USERS_HEADER, rows)
    return Bundle(files={name: BundleFile(name, name, table)})


def _rows(bundle: Bundle, name: str = "users.csv") -> list[list[str]]:
    table = bundle.table(name)
    return [table.row_values(r) for r in range(len(table))]


@pytest.fixture
def tricky_bundle() -> Bundle:
    return _bundle([[v, "active", "true", "student", v, "09"] for v in TRICKY])


def test_reimport_gives_back_exactly_the_same_values(tmp_path, tricky_bundle):
    write_bundle_xlsx(tricky_bundle, tmp_path / "b.xlsx")
    back = read_workbook(tmp_path / "b.xlsx")
    assert back.table("users.csv").header == USERS_HEADER
    assert _rows(back) == _rows(tricky_bundle)
    # Nothing had to be guessed: every value came back as stored text.
    assert [n.code for n in back.notices] == ["xlsx.imported"]


def test_every_cell_is_text_with_the_text_format(tmp_path, tricky_bundle):
    write_bundle_xlsx(tricky_bundle, tmp_path / "b.xlsx")
    sheet = load_workbook(tmp_path / "b.xlsx")["users"]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.number_format == "@"
            assert cell.data_type == "s"
    assert sheet["A4"].value == "=1+1"  # text, not a formula Excel would run


def test_headers_are_bold_and_frozen_and_columns_have_sensible_widths(tmp_path, tricky_bundle):
    write_bundle_xlsx(tricky_bundle, tmp_path / "b.xlsx")
    sheet = load_workbook(tmp_path / "b.xlsx")["users"]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEF"]
    assert all(8 <= w <= 60 for w in widths)
    assert widths[0] >= len("sourcedId")


def test_enumeration_columns_get_dropdowns_from_the_spec(tmp_path, tricky_bundle):
    write_bundle_xlsx(tricky_bundle, tmp_path / "b.xlsx", version="1.1")
    book = load_workbook(tmp_path / "b.xlsx")
    validations = {str(v.sqref).split(":")[0]: v for v in book["users"].data_validations.dataValidation}
    assert set(validations) == {"B2", "C2", "D2"}  # status, enabledUser, role
    role = validations["D2"]
    sheet_name, cells = role.formula1.rsplit("!", 1)
    lists = book[sheet_name.strip("'")]
    assert lists.sheet_state == "hidden"
    allowed = [c.value for row in lists[cells.replace("$", "")] for c in row]
    assert "student" in allowed
    assert "teacher" in allowed
    assert role.errorStyle == "warning"  # existing wrong values can still be kept while fixing


def test_first_sheet_explains_how_to_edit_safely(tmp_path, tricky_bundle):
    write_bundle_xlsx(tricky_bundle, tmp_path / "b.xlsx")
    book = load_workbook(tmp_path / "b.xlsx")
    assert book.sheetnames[0] == "How to edit"
    text = " ".join(str(c.value) for row in book["How to edit"].iter_rows() for c in row)
    assert "Text" in text
    assert "Paste Special" in text
    assert "users: 18 records" in text


def test_one_file_can_be_exported_alone(tmp_path):
    bundle = _bundle([["u1", "", "", "", "", ""]])
    bundle.files["classes.csv"] = BundleFile("classes.csv", "classes.csv",
                                             Table.from_rows(["sourcedId"], [["c1"]]))
    write_bundle_xlsx(bundle, tmp_path / "b.xlsx", files=["classes.csv"])
    back = read_workbook(tmp_path / "b.xlsx")
    assert list(back.files) == ["classes.csv"]


def test_control_characters_are_kept_and_reported(tmp_path):
    bundle = _bundle([["u\x01", "", "", "", "bell\x07", ""]])
    notices = write_bundle_xlsx(bundle, tmp_path / "b.xlsx")
    assert [(n.code, n.line) for n in notices] == [("xlsx.control-character", 2)] * 2
    assert "U+0001" in notices[0].message
    assert _rows(read_workbook(tmp_path / "b.xlsx")) == _rows(bundle)


def test_a_value_too_long_for_excel_is_refused_before_writing(tmp_path):
    bundle = _bundle([["u1", "", "", "", "x" * 40_000, ""]])
    target = tmp_path / "b.xlsx"
    with pytest.raises(SaveError, match=r"users\.csv line 2, column givenName"):
        write_bundle_xlsx(bundle, target)
    assert not target.exists()


def test_ragged_records_keep_their_extra_fields(tmp_path):
    bundle = _bundle([["u1", "x"], ["u2", "", "", "", "", "", "extra"]],
                     header=["sourcedId", "givenName"])
    write_bundle_xlsx(bundle, tmp_path / "b.xlsx")
    back = read_workbook(tmp_path / "b.xlsx").table("users.csv")
    assert back.row_values(0) == ["u1", "x"]
    assert back.extra_fields(1) == ["", "", "", "", "extra"]


def test_unknown_file_name_is_refused_with_the_names_there_are(tmp_path, tricky_bundle):
    with pytest.raises(SaveError, match=r"no teachers\.csv"):
        write_bundle_xlsx(tricky_bundle, tmp_path / "b.xlsx", files=["teachers.csv"])


def _sheet_xml(path, sheet_file: str = "xl/worksheets/sheet2.xml") -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(sheet_file).decode("utf-8")


def test_workbook_is_inert_text_with_no_formulas_and_no_empty_cells(tmp_path):
    rows = [["u1", "", "=SUM(A1:A9)", "", "", ""], ["u2", "active", "", "", "@x", ""]]
    write_bundle_xlsx(_bundle(rows), tmp_path / "b.xlsx")
    with zipfile.ZipFile(tmp_path / "b.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert all("<f>" not in archive.read(n).decode() for n in sheets)
    xml = _sheet_xml(tmp_path / "b.xlsx")
    cells = re.findall(r"<c [^>]*>", xml)
    # Six headings and five values: empty fields are no cells, so nothing extra is stored.
    assert len(cells) == 6 + 5
    assert all('t="inlineStr"' in c or 't="s"' in c for c in cells)
    sheet = load_workbook(tmp_path / "b.xlsx")["users"]
    assert sheet["C2"].value == "=SUM(A1:A9)"
    assert sheet["C2"].data_type == "s"
    # Empty cells take the Text format from their column, so what is typed there stays text.
    assert all(sheet.column_dimensions[letter].number_format == "@" for letter in "ABCDEF")


def test_text_that_looks_like_excel_escapes_comes_back_exactly(tmp_path):
    values = ["_x0041_x0042_", "_x005F_", "a_x000D_b", "_x", "x_", "\r", "tab\there", "\u3000"]
    bundle = _bundle([[v, "", "", "", v, ""] for v in values])
    write_bundle_xlsx(bundle, tmp_path / "b.xlsx")
    assert _rows(read_workbook(tmp_path / "b.xlsx")) == _rows(bundle)


def test_a_long_list_of_allowed_values_still_gets_a_dropdown_with_a_short_message(tmp_path):
    values = tuple(f"value-number-{i}" for i in range(40))
    message = workbook_writer._not_allowed_message("role", values)
    assert len(message) <= 255
    assert "dropdown" in message


def test_cancelled_export_writes_nothing_and_leaves_no_temporary_files(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(workbook_writer, "PROGRESS_EVERY_ROWS", 2)
    bundle = _bundle([[f"u{i}", "", "", "", "", ""] for i in range(10)])
    with pytest.raises(ExportCancelled):
        write_bundle_xlsx(bundle, tmp_path / "b.xlsx", progress=lambda done: done < 0.5)
    assert not (tmp_path / "b.xlsx").exists()
    assert list(scratch.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["scratch"]
