"""Records with the wrong number of values, and blank lines, checked from the live table."""

from __future__ import annotations

import numpy as np

from rostereditor.core.table import Table
from rostereditor.core.validation.finding_batch import FindingBatch


def row_shape_batches(file: str, table: Table, rows: list[int]) -> list[FindingBatch]:
    """Findings for the given row positions whose field count differs from the header's."""
    width = len(table.header)
    blank, ragged, counts = [], [], []
    if not table.has_ragged_rows():
        return []  # every record has the header's width: nothing to look at row by row
    for row in rows:
        count = table.field_count(row)
        if count == 0:
            blank.append(table.row_id(row))
        elif count != width:
            ragged.append(table.row_id(row))
            counts.append(count)
    batches = []
    if blank:
        batches.append(FindingBatch(file, "read.blank-line", "warning", None, None,
                                    np.asarray(blank, dtype=np.int64), None, lambda v, _: (
                                        "This line is blank. Delete the row if it is not meant "
                                        "to be there.", None)))
    if ragged:
        batches.append(FindingBatch(
            file, "read.ragged-record", "error", None, None, np.asarray(ragged, dtype=np.int64),
            None, lambda v, n: (f"This record has {n} values but the header has {width} columns "
                                "(often a stray or missing comma). Fix it so each value sits "
                                "under the right column.", None), counts))
    return batches
