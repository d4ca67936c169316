"""Validation findings as a workbook (severity coloured, filterable) or a CSV, to send to a vendor."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from rostereditor.core.atomic_save import atomic_write
from rostereditor.core.csv_format import format_record
from rostereditor.core.xlsx.ooxml_text import escape_cell_text
from rostereditor.core.xlsx.workbook_writer import TEXT_FORMAT, verify_zip

HEADINGS = ("File", "Line", "Column", "Rule", "Severity", "Message", "Value", "Suggested fix")
_WIDTHS = (20, 8, 22, 30, 10, 90, 30, 20)
_CSV_HEADINGS = ("file", "line", "column", "rule", "severity", "message", "value", "fix")
# Excel's own "Bad", "Neutral" and a light blue: familiar to anyone who uses conditional formats.
_SEVERITY_STYLE = {
    "error": (PatternFill("solid", fgColor="FFC7CE"), Font(color="9C0006", bold=True)),
    "warning": (PatternFill("solid", fgColor="FFEB9C"), Font(color="9C5700", bold=True)),
    "info": (PatternFill("solid", fgColor="DDEBF7"), Font(color="1F4E78")),
}
_UTF8_BOM = "\ufeff"
_CHUNK = 4096  # findings formatted per write


def write_findings_xlsx(result: Any, path: Path | str, vendor: str | None = None,
                        oneroster: str | None = None) -> None:
    """One row per finding on the first sheet; a summary (counts, profile, version) on the second.

    Findings are written as they are made (a million of them never sit in memory at once).
    """
    def write(temp: Path) -> None:
        book = Workbook(write_only=True)
        counts = _findings_sheet(book, findings_of(result), count_of(result))
        _summary_sheet(book, counts, vendor, oneroster)
        book.save(temp)

    atomic_write(Path(path), write, verify_zip, keep_backup=False)


def write_findings_csv(result: Any, path: Path | str) -> None:
    """RFC 4180 CSV, one finding per record.

    It starts with a UTF-8 byte order mark so Excel shows accented names correctly when the
    recipient double-clicks it.
    """
    def write(temp: Path) -> None:
        with temp.open("w", encoding="utf-8", newline="") as out:
            out.write(_UTF8_BOM + format_record(_CSV_HEADINGS))
            findings = findings_of(result)
            while chunk := list(islice(findings, _CHUNK)):
                out.write("".join(format_record(_row_texts(f)) for f in chunk))

    atomic_write(Path(path), write, keep_backup=False)


def findings_of(result: Any) -> Iterator[Any]:
    """A result's findings made one at a time when it can (iter_findings), else its list."""
    streamed = getattr(result, "iter_findings", None)
    return iter(streamed() if streamed is not None else result.findings)


def count_of(result: Any) -> int:
    total = getattr(result, "total", None)
    return int(total) if total is not None else len(result.findings)


def _row_texts(finding: Any) -> list[str]:
    return [
        finding.file or "", "" if finding.line is None else str(finding.line),
        finding.column or "", finding.rule, finding.severity, finding.message,
        finding.value or "", getattr(finding, "fix", None) or "",
    ]


def _text(sheet: Any, value: str | None, **style: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=escape_cell_text(value) if value else None)
    cell.data_type = "s"  # a value like =1+1 is reported as text, never run as a formula
    cell.number_format = TEXT_FORMAT
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _findings_sheet(book: Workbook, findings: Iterable[Any], total: int) -> Counter[str]:
    """The findings, one per row; returns how many of each severity it wrote."""
    counts: Counter[str] = Counter()
    sheet = book.create_sheet("Findings")
    sheet.freeze_panes = "A2"
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.auto_filter.ref = f"A1:H{total + 1}"
    bold = Font(bold=True)
    sheet.append([_text(sheet, h, font=bold) for h in HEADINGS])
    for finding in findings:
        counts[finding.severity] += 1
        fill, font = _SEVERITY_STYLE.get(finding.severity, (None, None))
        line = WriteOnlyCell(sheet, value=finding.line)  # a number, so the column sorts
        severity = _text(sheet, finding.severity, **({"fill": fill, "font": font} if fill else {}))
        sheet.append([
            _text(sheet, finding.file), line, _text(sheet, finding.column),
            _text(sheet, finding.rule), severity, _text(sheet, finding.message),
            _text(sheet, finding.value), _text(sheet, getattr(finding, "fix", None)),
        ])
    return counts


def _summary_sheet(book: Workbook, counts: Counter[str], vendor: str | None,
                   oneroster: str | None) -> None:
    sheet = book.create_sheet("Summary")
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 40
    rows = [
        ("Validation report", ""),
        ("Created", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("OneRoster version", oneroster or "as detected"),
        ("Checked for", vendor or "the OneRoster specification"),
        ("Errors", str(counts.get("error", 0))),
        ("Warnings", str(counts.get("warning", 0))),
        ("Notes", str(counts.get("info", 0))),
    ]
    bold = Font(bold=True)
    for label, value in rows:
        sheet.append([_text(sheet, label, font=bold), _text(sheet, value)])
