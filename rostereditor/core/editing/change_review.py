"""Everything changed since the bundle was read: columns added, deleted, renamed and moved,
edited cells, added and deleted rows, as a list a person can review and export to CSV."""

from __future__ import annotations

import csv
import io
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from rostereditor.core.bundle import Bundle
from rostereditor.core.table import Table

ChangeKind = Literal["cell changed", "row added", "row deleted", "column added",
                     "column deleted", "column renamed", "column moved"]
COLUMN_KINDS: tuple[ChangeKind, ...] = ("column added", "column deleted", "column renamed",
                                        "column moved")
HEADER_LINE = 1
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


def _column_changes(name: str, table: Table) -> list[ReviewEntry]:
    """The header's changes, on line 1 (where a vendor report would cite the header)."""
    read = table.read_header
    origins = table.column_origins()
    entries = []
    kept = {o for o in origins if o is not None}
    for old, old_name in enumerate(read):
        if old not in kept:
            entries.append(ReviewEntry(name, HEADER_LINE, old_name, "column deleted",
                                       f"column {old + 1}", ""))
    steady = _longest_increasing([o for o in origins if o is not None])
    for col, origin in enumerate(origins):
        new_name = table.header[col]
        if origin is None:
            entries.append(ReviewEntry(name, HEADER_LINE, new_name, "column added", "",
                                       f"column {col + 1}"))
            continue
        if read[origin] != new_name:
            entries.append(ReviewEntry(name, HEADER_LINE, new_name, "column renamed",
                                       read[origin], new_name))
        if origin not in steady:
            entries.append(ReviewEntry(name, HEADER_LINE, new_name, "column moved",
                                       f"column {origin + 1}", f"column {col + 1}"))
    return entries


def _longest_increasing(values: list[int]) -> set[int]:
    """The values forming the longest increasing run (not contiguous): the columns that kept
    their order; every other column was moved."""
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(values)
    for i, value in enumerate(values):
        pos = bisect_left(tails, value)
        if pos == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[pos] = value
            tail_at[pos] = i
        parent[i] = tail_at[pos - 1] if pos else -1
    found: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        found.add(values[i])
        i = parent[i]
    return found


def _file_changes(name: str, table: Table) -> list[ReviewEntry]:
    columns = _column_changes(name, table)
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
    entries[:0] = columns
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
