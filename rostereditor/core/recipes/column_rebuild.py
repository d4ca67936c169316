"""Column insert, delete and move on a Table, by rebuilding it (until Table has them itself).

The `session` work adds insert_column/delete_column/move_column to Table with undo records;
until that lands, a replay outside the editor rebuilds the table record by record. Records
keep their line numbers, and a short (ragged) record keeps each of its values under the same
column name, as the editor's own column operations do.
"""

from __future__ import annotations

from collections.abc import Callable

from rostereditor.core.table import Table

Record = list[str]


def with_column_inserted(table: Table, at: int, name: str) -> Table:
    width = len(table.header)

    def insert(record: Record) -> Record:
        if at < len(record) or len(record) >= width:
            record.insert(at, "")
        return record

    return _rebuilt(table, [*table.header[:at], name, *table.header[at:]], insert)


def with_column_deleted(table: Table, col: int) -> Table:
    def delete(record: Record) -> Record:
        if col < len(record):
            del record[col]
        return record

    return _rebuilt(table, [n for i, n in enumerate(table.header) if i != col], delete)


def with_column_moved(table: Table, col: int, to: int) -> Table:
    reach = max(col, to) + 1

    def move(record: Record) -> Record:
        if len(record) < reach:
            if len(record) <= min(col, to):
                return record  # the record ends before both places: nothing of it moves
            record += [""] * (reach - len(record))
        record.insert(to, record.pop(col))
        return record

    header = list(table.header)
    header.insert(to, header.pop(col))
    return _rebuilt(table, header, move)


def _rebuilt(table: Table, header: list[str], change: Callable[[Record], Record]) -> Table:
    records = [change(table.row_values(row)) for row in range(len(table))]
    lines = [table.source_line(row) for row in range(len(table))]
    known = [line for line in lines if line is not None]
    return Table.from_rows(header, records, known if len(known) == len(lines) else None)
