"""Findings exported for a vendor or colleague: one row per finding, severity coloured."""

from __future__ import annotations

from types import SimpleNamespace

from openpyxl import load_workbook

from rostereditor.core.validation.finding import Finding
from rostereditor.core.xlsx.findings_report import write_findings_csv, write_findings_xlsx

FINDINGS = [
    Finding("users.csv", 5, "grades", "value.enum", "error", "Grade 9 is not allowed; use 09.", "9"),
    Finding("users.csv", 7, "givenName", "value.formula", "warning", "Starts with =.", "=1+1"),
    Finding(None, None, None, "bundle.manifest", "info", "No manifest; one is written on save."),
]
RESULT = SimpleNamespace(findings=FINDINGS, counts={"error": 1, "warning": 1, "info": 1})


def test_findings_workbook_has_one_row_per_finding_with_coloured_severity(tmp_path):
    write_findings_xlsx(RESULT, tmp_path / "r.xlsx", vendor="Clever", oneroster="1.1")
    book = load_workbook(tmp_path / "r.xlsx")
    sheet = book["Findings"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:7] == ["File", "Line", "Column", "Rule", "Severity", "Message", "Value"]
    assert rows[1][:7] == ["users.csv", 5, "grades", "value.enum", "error",
                           "Grade 9 is not allowed; use 09.", "9"]
    assert rows[2][6] == "=1+1"  # shown as text, not run as a formula
    assert len(rows) == 4
    colours = {sheet[f"E{r}"].fill.fgColor.rgb for r in (2, 3, 4)}
    assert len(colours) == 3
    assert sheet.freeze_panes == "A2"
    summary = " ".join(str(c.value) for row in book["Summary"].iter_rows() for c in row)
    assert "Clever" in summary
    assert "1.1" in summary


def test_findings_csv_is_rfc4180_with_a_bom_for_excel(tmp_path):
    write_findings_csv(RESULT, tmp_path / "r.csv")
    data = (tmp_path / "r.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbffile,line,column,rule,severity,message,value,fix\r\n")
    assert b"users.csv,5,grades,value.enum,error,Grade 9 is not allowed; use 09.,9,\r\n" in data
    assert data.count(b"\r\n") == 4
