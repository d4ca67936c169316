"""Everything changed since the bundle was read: edited cells, added and deleted rows, as a list
a person can review and export to CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Literal

from rostereditor.core.bundle import Bundle
from rostereditor.core.table import Table

ChangeKind = Literal["cell changed", "row added", "row deleted"]
EXPORT_HEADER = ("file", "line", "column", "change", "old", "new")


@dataclass(frozen=True)
class ReviewEntry:
    file: str
    # The record's line in the file as read (what a vendor report cites); None for new rows.
    line: int | None
    column: str
    kind: ChangeKind
    old: str
    new: str


def list_changes(bundle: Bundle) -> list[ReviewEntry]:
    """All changes, file by file in tab order, then by line; new rows after the read ones."""
    entries: list[ReviewEntry] = []
    for name in bundle.data_file_names:
        entries.extend(_file_changes(name, bundle.files[name].table))
    return entries


def export_csv(entries: list[ReviewEntry]) -> str:
    """The review as RFC 4180 CSV text (CRLF rows), values exactly as they are in the files."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for e in entries:
        line = "" if e.line is None else str(e.line)
        writer.writerow((e.file, line, e.column, e.kind, e.old, e.new))
    return out.getvalue()


def _file_changes(name: str, table: Table) -> list[ReviewEntry]:
    deleted = set(table.deleted_row_ids())
    line_of = _lines_by_id(table)
    entries = []
    for row_id in sorted(deleted):
        values = _original_values(table, row_id)
        entries.append(
            ReviewEntry(name, line_of.get(row_id), "", "row deleted", ",".join(values), "")
        )
    for row_id, col, old, new in table.changed_cells():
        if row_id not in deleted:
            entries.append(
                ReviewEntry(name, line_of.get(row_id), table.header[col], "cell changed", old, new)
            )
    entries.sort(key=lambda e: (e.line or 0, e.kind != "row deleted"))
    for row_id in table.added_row_ids():
        row = table.row_of_id(row_id)
        values = table.row_values(row) if row is not None else []
        entries.append(ReviewEntry(name, None, "", "row added", "", ",".join(values)))
    return entries


def _lines_by_id(table: Table) -> dict[int, int]:
    """Original line of every read-in record that changed or was deleted."""
    wanted = {row_id for row_id, *_ in table.changed_cells()} | set(table.deleted_row_ids())
    lines = {row_id: table.line_of_id(row_id) for row_id in wanted}
    return {row_id: line for row_id, line in lines.items() if line is not None}


def _original_values(table: Table, row_id: int) -> list[str]:
    return [table.original_cell(row_id, c) or "" for c in range(table.column_count)]
