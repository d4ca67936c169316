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
from rostereditor.core.report_privacy import without_values
from rostereditor.core.report_text import neutralise_formula
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
                        oneroster: str | None = None, *, include_values: bool = True) -> None:
    """One row per finding on the first sheet; a summary (counts, profile, version) on the second.

    Every cell is text, so a value such as =HYPERLINK(...) is shown, never run. Without
    include_values the report holds no cell values at all (see report_privacy). Findings are
    written as they are made (a million of them never sit in memory at once).
    """
    def write(temp: Path) -> None:
        book = Workbook(write_only=True)
        counts = _findings_sheet(book, findings_of(result, include_values), count_of(result),
                                 include_values)
        _summary_sheet(book, counts, vendor, oneroster, include_values)
        book.save(temp)

    atomic_write(Path(path), write, verify_zip, keep_backup=False)


def write_findings_csv(result: Any, path: Path | str, *, include_values: bool = True) -> None:
    """RFC 4180 CSV, one finding per record.

    It starts with a UTF-8 byte order mark so Excel shows accented names correctly when the
    recipient double-clicks it. A field that Excel would run as a formula (it starts with =, +,
    -, @, tab or CR) gets a leading apostrophe, as OWASP advises. Without include_values the
    report has no value or fix columns and no values in its messages.
    """
    width = len(_CSV_HEADINGS) if include_values else len(_CSV_HEADINGS) - 2

    def write(temp: Path) -> None:
        with temp.open("w", encoding="utf-8", newline="") as out:
            out.write(_UTF8_BOM + format_record(_CSV_HEADINGS[:width]))
            findings = findings_of(result, include_values)
            while chunk := list(islice(findings, _CHUNK)):
                out.write("".join(format_record([neutralise_formula(t)
                                                 for t in _row_texts(f)[:width]])
                                  for f in chunk))

    atomic_write(Path(path), write, keep_backup=False)


def findings_of(result: Any, include_values: bool = True) -> Iterator[Any]:
    """A result's findings made one at a time when it can (iter_findings), else its list;
    without values as report_privacy strips them."""
    streamed = getattr(result, "iter_findings", None)
    for finding in (streamed() if streamed is not None else result.findings):
        yield finding if include_values else without_values([finding])[0]


def count_of(result: Any) -> int:
    total = getattr(result, "total", None)
    return int(total) if total is not None else len(result.findings)


def _row_texts(finding: Any) -> list[str]:
    """The finding's fields in _CSV_HEADINGS order (value and fix last, so they can be left off)."""
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


def _findings_sheet(book: Workbook, findings: Iterable[Any], total: int,
                    include_values: bool) -> Counter[str]:
    """The findings, one per row; returns how many of each severity it wrote."""
    counts: Counter[str] = Counter()
    sheet = book.create_sheet("Findings")
    sheet.freeze_panes = "A2"
    width = len(HEADINGS) if include_values else len(HEADINGS) - 2
    for index, column_width in enumerate(_WIDTHS[:width]):
        sheet.column_dimensions[chr(ord("A") + index)].width = column_width
    sheet.auto_filter.ref = f"A1:{chr(ord('A') + width - 1)}{total + 1}"
    bold = Font(bold=True)
    sheet.append([_text(sheet, h, font=bold) for h in HEADINGS[:width]])
    for finding in findings:
        counts[finding.severity] += 1
        fill, font = _SEVERITY_STYLE.get(finding.severity, (None, None))
        line = WriteOnlyCell(sheet, value=finding.line)  # a number, so the column sorts
        severity = _text(sheet, finding.severity, **({"fill": fill, "font": font} if fill else {}))
        sheet.append([
            _text(sheet, finding.file), line, _text(sheet, finding.column),
            _text(sheet, finding.rule), severity, _text(sheet, finding.message),
            _text(sheet, finding.value), _text(sheet, getattr(finding, "fix", None)),
        ][:width])
    return counts


def _summary_sheet(book: Workbook, counts: Counter[str], vendor: str | None,
                   oneroster: str | None, include_values: bool) -> None:
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
    if not include_values:
        rows.append(("Values", "Left out: this report holds no values from the bundle's cells."))
    bold = Font(bold=True)
    for label, value in rows:
        sheet.append([_text(sheet, label, font=bold), _text(sheet, value)])
