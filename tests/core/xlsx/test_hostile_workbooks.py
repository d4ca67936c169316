"""Workbooks cannot attack the import: no XML bombs or external entities, and bounded cells and text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from rostereditor.cli.main import main
from rostereditor.core.read_limits import ReadLimits
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.xlsx import sheet_cells
from rostereditor.core.xlsx.workbook_guard import dtd_problem
from rostereditor.core.xlsx.workbook_reader import read_workbook

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def workbook(path: Path, replace: dict[str, bytes] | None = None) -> Path:
    """A one-sheet users workbook, with some of its parts replaced."""
    book = Workbook()
    sheet = book.active
    sheet.title = "users"
    sheet.append(["sourcedId", "givenName"])
    sheet.append(["u1", "Ana"])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts.update(replace or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def with_shared_strings(path: Path, xml: bytes) -> Path:
    """Give the workbook a shared strings part (openpyxl writes none), registered as Excel does."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[STRINGS] = xml
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def sheet_xml(rows: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return f"{prolog}<worksheet {MAIN}><sheetData>{rows}</sheetData></worksheet>".encode()


LAUGHS = ('<!DOCTYPE worksheet [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
          '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
          '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>')
CELL = '<row r="1"><c r="A1" t="inlineStr"><is><t>{}</t></is></c></row>'

ATTACKS = {
    "billion laughs": sheet_xml(CELL.format("&h;"), '<?xml version="1.0"?>' + LAUGHS),
    "quadratic blowup": sheet_xml(CELL.format("&a;" * 5000),
                                  f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "{"x" * 50000}">]>'),
    "external entity": sheet_xml(CELL.format("&xxe;"),
                                 '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
    "external DTD": sheet_xml(CELL.format("x"),
                              '<?xml version="1.0"?><!DOCTYPE worksheet SYSTEM "http://example.invalid/a.dtd">'),
    "parameter entity": sheet_xml(CELL.format("x"), '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY % p SYSTEM '
                                  '"http://example.invalid/p.dtd"> %p;]>'),
    "DTD after a comment": sheet_xml(CELL.format("&h;"), '<?xml version="1.0"?><!-- hello --> \n' + LAUGHS),
    "DTD in UTF-16": ('<?xml version="1.0" encoding="UTF-16"?>' + LAUGHS + f"<worksheet {MAIN}/>")
    .encode("utf-16"),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_xml_attacks_are_refused_before_any_parser_sees_them(tmp_path, capsys, attack):
    path = workbook(tmp_path / "book.xlsx", {SHEET: ATTACKS[attack]})
    with pytest.raises(BundleReadError, match="document type"):
        read_workbook(path)
    assert main(["import", str(path), "-o", str(tmp_path / "out.zip")]) == 2
    err = capsys.readouterr().err
    assert "sheet1.xml" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.zip").exists()


def test_a_dtd_in_the_package_directory_is_refused_too(tmp_path):
    with zipfile.ZipFile(workbook(tmp_path / "ok.xlsx")) as archive:
        types = archive.read("[Content_Types].xml").decode()
    hostile = (LAUGHS + types).encode()
    with pytest.raises(BundleReadError, match=r"Content_Types"):
        read_workbook(workbook(tmp_path / "book.xlsx", {"[Content_Types].xml": hostile}))


@pytest.mark.parametrize(("head", "refused"), [
    (b'<?xml version="1.0"?><worksheet/>', False),
    (b"\xef\xbb\xbf<?xml version='1.0'?>\r\n<!-- c --><?pi x?><worksheet/>", False),
    (b"\x89PNG\r\n\x1a\n", False),  # a picture: not XML, nothing to check
    (b'<?xml version="1.0"?><!DOCTYPE x>', True),
    (b"<!DOCTYPE x><x/>", True),
    ("<?xml version='1.0'?><!DOCTYPE x>".encode("utf-16-be"), True),  # no BOM, still found
])
def test_dtd_detection(head, refused):
    assert (dtd_problem(head) is not None) is refused


def test_a_small_file_with_millions_of_empty_cells_is_refused_for_its_density(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_cells, "CELLS_ALWAYS_ALLOWED", 1000)
    rows = "".join(f'<row r="{r}">' + "<c/>" * 100 + "</row>" for r in range(1, 2001))
    path = workbook(tmp_path / "dense.xlsx", {SHEET: sheet_xml(rows)})
    assert path.stat().st_size < 50_000
    with pytest.raises(BundleReadError) as refused:
        read_workbook(path)
    assert "--limit xlsx-cells-per-kb=" in str(refused.value)


def test_the_cell_budget_counts_out_to_the_last_cell_of_each_row(tmp_path):
    rows = "".join(f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>'
                   for r in range(1, 200))
    path = workbook(tmp_path / "far.xlsx", {SHEET: sheet_xml(rows)})
    with pytest.raises(BundleReadError, match=r"--limit xlsx-cells="):
        read_workbook(path, limits=ReadLimits(xlsx_cells=400_000))


@pytest.mark.parametrize(("row", "address"), [(1, "XFE1"), (1048577, "A1048577"), (1, "ZZZZZZZZ1")])
def test_a_cell_beyond_excels_grid_is_refused_not_allocated(tmp_path, row, address):
    rows = f'<row r="{row}"><c r="{address}" t="inlineStr"><is><t>x</t></is></c></row>'
    path = workbook(tmp_path / "beyond.xlsx", {SHEET: sheet_xml(rows)})
    with pytest.raises(BundleReadError, match=r"beyond Excel's last row or column|not a valid column"):
        read_workbook(path)


def test_too_many_shared_strings_are_refused_with_the_limit(tmp_path):
    strings = (f'<?xml version="1.0"?><sst {MAIN}>' + "".join(f"<si><t>{i}</t></si>" for i in range(5000))
               + "</sst>").encode()
    path = with_shared_strings(workbook(tmp_path / "strings.xlsx"), strings)
    with pytest.raises(BundleReadError, match=r"--limit xlsx-strings="):
        read_workbook(path, limits=ReadLimits(xlsx_strings=1000))


def test_one_long_text_repeated_in_every_cell_is_refused_by_the_text_budget(tmp_path):
    strings = f'<?xml version="1.0"?><sst {MAIN}><si><t>{"x" * 30000}</t></si></sst>'.encode()
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 3001))
    path = with_shared_strings(workbook(tmp_path / "text.xlsx", {SHEET: sheet_xml(rows)}), strings)
    with pytest.raises(BundleReadError, match=r"--limit highly-compressed="):
        read_workbook(path, limits=ReadLimits(highly_compressed=10_000_000))


def test_overlapping_parts_are_refused(tmp_path):
    path = workbook(tmp_path / "book.xlsx")
    raw = bytearray(path.read_bytes())
    directory = raw.find(b"PK\x01\x02")
    second = raw.find(b"PK\x01\x02", directory + 1)
    raw[second + 42 : second + 46] = raw[directory + 42 : directory + 46]  # same header offset
    path.write_bytes(bytes(raw))
    with pytest.raises(BundleReadError):
        read_workbook(path)
