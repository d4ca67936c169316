"""Column insert, delete and move on a Table, by rebuilding it (until Table has them itself).

The `session` work adds insert_column/delete_column/move_column to Table with undo records;
until that lands, a replay outside the editor rebuilds the table record by record. Records
keep their line numbers, and a short (ragged) record keeps each of its values under the same
column name, as the editor's own column operations do.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa

from rostereditor.core.table import Table

Record = list[str]


def with_column_inserted(table: Table, at: int, name: str) -> Table:
    width = len(table.header)

    def insert(record: Record) -> Record:
        if at < len(record) or len(record) >= width:
            record.insert(at, "")
        return record

    old = list(range(table.column_count))
    return _rebuilt(table, [*table.header[:at], name, *table.header[at:]], insert,
                    [*old[:at], None, *old[at:]])


def with_column_deleted(table: Table, col: int) -> Table:
    def delete(record: Record) -> Record:
        if col < len(record):
            del record[col]
        return record

    kept = [i for i in range(table.column_count) if i != col]
    return _rebuilt(table, [table.header[i] for i in kept], delete, list(kept))


def with_column_moved(table: Table, col: int, to: int) -> Table:
    reach = max(col, to) + 1

    def move(record: Record) -> Record:
        if len(record) < reach:
            if len(record) <= min(col, to):
                return record  # the record ends before both places: nothing of it moves
            record += [""] * (reach - len(record))
        record.insert(to, record.pop(col))
        return record

    order: list[int | None] = list(range(table.column_count))
    order.insert(to, order.pop(col))
    return _rebuilt(table, [table.header[i] for i in order if i is not None], move, order)


def _rebuilt(table: Table, header: list[str], change: Callable[[Record], Record],
             columns: list[int | None]) -> Table:
    """The table with the new header; columns[i] is the old column of new column i (None: new).

    Whole Arrow columns move when every record has the header's width; ragged tables go
    record by record so each short record's values stay under their names.
    """
    lines = [table.source_line(row) for row in range(len(table))]
    known = [line for line in lines if line is not None]
    starts = known if len(known) == len(lines) else None
    if not table.has_ragged_rows():
        blank = pa.repeat(pa.scalar("", pa.string()), len(table))
        arrays = [blank if old is None else table.column_array(old) for old in columns]
        line_array = np.asarray(starts if starts is not None else range(2, len(table) + 2), dtype=np.int64)
        return Table(header, arrays, line_array)
    records = [change(table.row_values(row)) for row in range(len(table))]
    return Table.from_rows(header, records, starts)
