"""Turn a vendor's error report into findings pinned to records, and list what cannot be placed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.record_keys import column_or_blank, key_column
from rostereditor.core.table import Table
from rostereditor.core.validation.finding import Finding, Severity
from rostereditor.core.vendor_report.column_roles import (
    ColumnMapping,
    Role,
    header_score,
    normalize,
    recognise_columns,
)
from rostereditor.core.vendor_report.file_names import file_in_report_name, file_meant
from rostereditor.core.vendor_report.line_numbering import LineNumbering
from rostereditor.core.vendor_report.report_table import ReportTable, VendorReportError

VENDOR_RULE = "vendor.report"
MESSAGE_PREFIX = "Vendor: "
_SEARCH_ORDER = ("users.csv", "classes.csv", "orgs.csv", "courses.csv", "enrollments.csv",
                 "academicSessions.csv")


@dataclass(frozen=True)
class UnmatchedLine:
    """A report line that names no record of the bundle, with the reason in plain words."""

    report_line: int
    reason: str
    values: tuple[tuple[str, str], ...]  # (report column, text) for showing the line


@dataclass(frozen=True)
class VendorReport:
    """A vendor's report laid over a bundle.

    findings are ordinary Findings (rule "vendor.report", messages starting "Vendor: "), with
    row_id and column_index set when a record was found, so they stay on their record when
    rows move; report_lines[i] is the report line finding i came from.
    """

    name: str
    mapping: ColumnMapping
    numbering: LineNumbering
    findings: tuple[Finding, ...]
    report_lines: tuple[int, ...]
    unmatched: tuple[UnmatchedLine, ...]
    default_file: str | None = None
    doubts: tuple[str, ...] = field(default=())

    @property
    def sure(self) -> bool:
        return not self.doubts


def pin_report(report: ReportTable, bundle: Bundle, *, mapping: ColumnMapping | None = None,
               numbering: LineNumbering | None = None, default_file: str | None = None) -> VendorReport:
    """Place every line of `report` on the bundle.

    mapping: which report column holds what (default: recognised from the header).
    numbering: how the report counts lines. default_file: the file lines without a file name
    are about (default: the file the report's own name mentions, e.g. users-errors.csv).
    """
    numbering = numbering or LineNumbering()
    start = header_row_index(report.rows)
    if start is None:
        raise VendorReportError(f"{report.name} has no rows.")
    header, body = report.rows[start], report.rows[start + 1:]
    body_lines = report.lines[start + 1:]
    mapping = mapping or recognise_columns(header)
    default_file = default_file or file_in_report_name(report.name)
    doubts = list(mapping.doubts)
    if mapping.column_of("file") is None and default_file is None:
        doubts.append("The report does not say which file each line is about; lines are "
                      "placed by sourcedId where one is given.")
    placer = _Placer(bundle, mapping, numbering, default_file)
    for values, report_line in zip(body, body_lines, strict=True):
        if any(v.strip() for v in values):
            placer.place(values, report_line, header)
    return VendorReport(report.name, mapping, numbering, tuple(placer.findings),
                        tuple(placer.report_lines), tuple(placer.unmatched), default_file,
                        tuple(doubts))


def still_open(finding: Finding, bundle: Bundle) -> bool:
    """Whether a vendor finding's cell still holds the text it had when the report was placed.

    A window marks the finding done once the user changes that cell (or deletes the record).
    """
    if finding.file is None or finding.row_id is None:
        return True
    table = bundle.table(finding.file)
    if table is None:
        return False
    row = table.row_of_id(finding.row_id)
    if row is None:
        return False
    if finding.column_index is None:
        return True
    return table.cell(row, finding.column_index) == (finding.value or "")


def report_header(report: ReportTable) -> tuple[str, ...]:
    """The report's header row (for mapping its columns by hand); raises if it has no rows."""
    start = header_row_index(report.rows)
    if start is None:
        raise VendorReportError(f"{report.name} has no rows.")
    return tuple(report.rows[start])


def header_row_index(rows: Sequence[Sequence[str]]) -> int | None:
    """The report's header row: the first of the first few rows naming two report columns
    (a title line may come before it), else simply the first row with text."""
    filled = [i for i, r in enumerate(rows[:10]) if any(c.strip() for c in r)]
    if not filled:
        return None
    return next((i for i in filled if header_score(rows[i]) >= 2), filled[0])


class _Placer:
    def __init__(self, bundle: Bundle, mapping: ColumnMapping, numbering: LineNumbering,
                 default_file: str | None) -> None:
        self.bundle = bundle
        self.mapping = mapping
        self.numbering = numbering
        self.default_file = default_file
        self.findings: list[Finding] = []
        self.report_lines: list[int] = []
        self.unmatched: list[UnmatchedLine] = []
        self._keys: dict[str, dict[str, int]] = {}

    def text(self, values: Sequence[str], role: Role) -> str:
        col = self.mapping.column_of(role)
        return values[col].strip() if col is not None and col < len(values) else ""

    def place(self, values: Sequence[str], report_line: int, header: Sequence[str]) -> None:
        def miss(reason: str) -> None:
            shown = tuple((h, v) for h, v in zip(header, values, strict=False) if v.strip())
            self.unmatched.append(UnmatchedLine(report_line, reason, shown))

        file_text = self.text(values, "file")
        file = file_meant(file_text) if file_text else self.default_file
        if file_text and file is None:
            return miss(f"\"{file_text}\" is not a file of this bundle.")
        if file is not None and file not in self.bundle.files:
            return miss(f"The bundle has no {file}.")
        sourced_id, line_text = self.text(values, "sourced_id"), self.text(values, "line")
        row_id: int | None = None
        line: int | None = None
        if sourced_id:
            found = self._find_id(sourced_id, file)
            if found is None:
                where = file or "any file"
                return miss(f"sourcedId \"{sourced_id}\" is not in {where} of this bundle.")
            file, row_id = found
        elif line_text:
            if file is None:
                return miss("The line does not say which file it is about.")
            number = line_number(line_text)
            if number is None:
                return miss(f"\"{line_text}\" is not a line number.")
            line = self.numbering.line(number)
            table = self.bundle.files[file].table
            if line > 1:
                row_id = line - 2  # records as read: row id = record number from 0
                if row_id >= table.read_row_count or table.row_of_id(row_id) is None:
                    return miss(f"Line {line} is not a record of {file} (it has "
                                f"{table.read_row_count} records).")
            elif line < 1:
                return miss(f"Line {number} is before the start of {file}; check the line "
                            "numbering.")
        self._add(values, report_line, file, row_id, line)
        return None

    def _add(self, values: Sequence[str], report_line: int, file: str | None,
             row_id: int | None, line: int | None) -> None:
        field_text = self.text(values, "field")
        message = self.text(values, "message") or "(the report gives no message)"
        reported = self.text(values, "value")
        table = self.bundle.files[file].table if file else None
        column_index = _column_index(table, field_text) if table is not None and field_text else None
        column = table.header[column_index] if table is not None and column_index is not None else None
        extra = []
        if field_text and column is None:
            extra.append(f"field {field_text}")
        if reported:
            extra.append(f"reported value \"{reported}\"")
        text = MESSAGE_PREFIX + message + (f" ({'; '.join(extra)})" if extra else "")
        value: str | None = None
        if table is not None and row_id is not None:
            line = table.line_of_id(row_id)
            row = table.row_of_id(row_id)
            if row is not None and column_index is not None:
                value = table.cell(row, column_index)
        self.findings.append(Finding(file, line, column, VENDOR_RULE, _severity(
            self.text(values, "severity")), text, value, row_id, column_index))
        self.report_lines.append(report_line)

    def _find_id(self, sourced_id: str, file: str | None) -> tuple[str, int] | None:
        names = [file] if file else [*_SEARCH_ORDER, *self.bundle.data_file_names]
        for name in dict.fromkeys(names):
            if name not in self.bundle.files:
                continue
            position = self._positions(name).get(sourced_id)
            if position is not None:
                return name, self.bundle.files[name].table.row_id(position)
        return None

    def _positions(self, name: str) -> dict[str, int]:
        """sourcedId -> row of its first record in file `name`, built once per file."""
        if name not in self._keys:
            table = self.bundle.files[name].table
            key = key_column(name, table, self.bundle.detected_version)
            positions: dict[str, int] = {}
            if key is not None:
                for position, value in enumerate(column_or_blank(table, key).to_pylist()):
                    positions.setdefault(value, position)
            self._keys[name] = positions
        return self._keys[name]


def line_number(text: str) -> int | None:
    cleaned = text.strip().removeprefix("#").split(".")[0]
    for word in ("line", "row"):
        cleaned = cleaned.lower().removeprefix(word).strip()
    return int(cleaned) if cleaned.isdigit() else None


def _column_index(table: Table, field_text: str) -> int | None:
    if field_text in table.header:
        return table.header.index(field_text)
    wanted = normalize(field_text)
    for i, name in enumerate(table.header):
        if normalize(name) == wanted:
            return i
    return None


def _severity(text: str) -> Severity:
    word = text.strip().lower()
    if word.startswith(("warn", "alert", "caution")):
        return "warning"
    if word.startswith(("info", "notice", "note")):
        return "info"
    return "error"
