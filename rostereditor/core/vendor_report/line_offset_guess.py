"""Guess how a report counts lines from lines that give both a row number and a sourcedId.

Vendors count rows in three ways (header = line 1; records from 1; records from 0) and few
say which. When a report gives a sourcedId beside its row number, the right offset is the one
that puts each sourcedId on the row the report names, so the user need not be asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.record_keys import key_column
from rostereditor.core.vendor_report.column_roles import ColumnMapping
from rostereditor.core.vendor_report.file_names import file_in_report_name, file_meant
from rostereditor.core.vendor_report.report_table import ReportTable
from rostereditor.core.vendor_report.vendor_findings import header_row_index, line_number

# The offsets LineNumbering.counting can give: header counted from 1, records from 1, from 0.
CANDIDATE_OFFSETS = (0, 1, 2)


@dataclass(frozen=True)
class OffsetGuess:
    """The offset that put `agreeing` of `checked` lines on the record their sourcedId names."""

    offset: int
    agreeing: int
    checked: int


def guess_line_offset(report: ReportTable, bundle: Bundle, mapping: ColumnMapping, *,
                      default_file: str | None = None) -> OffsetGuess | None:
    """The one offset that most lines agree with (at least half of those that can tell), or
    None when the report gives no line with both a row number and a sourcedId, or no offset
    stands out."""
    line_col, id_col = mapping.column_of("line"), mapping.column_of("sourced_id")
    start = header_row_index(report.rows)
    if line_col is None or id_col is None or start is None:
        return None
    file_col = mapping.column_of("file")
    default_file = default_file or file_in_report_name(report.name)
    key_cols: dict[str, int | None] = {}
    agree = dict.fromkeys(CANDIDATE_OFFSETS, 0)
    checked = 0
    for values in report.rows[start + 1:]:
        file = _cell(values, file_col)
        name = file_meant(file) if file else default_file
        number = line_number(_cell(values, line_col))
        sourced_id = _cell(values, id_col)
        if name is None or number is None or not sourced_id or name not in bundle.files:
            continue
        if name not in key_cols:
            key_cols[name] = _key_col(bundle, name)
        col = key_cols[name]
        if col is None:
            continue
        table = bundle.files[name].table
        checked += 1
        for offset in CANDIDATE_OFFSETS:
            record = number + offset - 2  # line 2 is the first record, row id 0 as read
            if 0 <= record < table.read_row_count \
                    and table.original_cell(record, col) == sourced_id:
                agree[offset] += 1
    if not checked:
        return None
    best = max(CANDIDATE_OFFSETS, key=lambda o: agree[o])
    others = [agree[o] for o in CANDIDATE_OFFSETS if o != best]
    if agree[best] * 2 < checked or agree[best] in others:
        return None
    return OffsetGuess(best, agree[best], checked)


def _cell(values: tuple[str, ...], col: int | None) -> str:
    return values[col].strip() if col is not None and col < len(values) else ""


def _key_col(bundle: Bundle, name: str) -> int | None:
    table = bundle.files[name].table
    key = key_column(name, table, bundle.detected_version)
    return table.column_index(key) if key else None
