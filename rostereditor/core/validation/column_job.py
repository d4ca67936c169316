"""Everything a full run checks inside one column, as one job for the worker pool."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from rostereditor.core.spec.model import ColumnSpec
from rostereditor.core.validation.distinct_values import (
    DistinctValues,
    by_distinct_value,
    distinct_values,
)
from rostereditor.core.validation.file_context import FileContext
from rostereditor.core.validation.finding_batch import FindingBatch, Place
from rostereditor.core.validation.uniqueness_checks import duplicate_batches
from rostereditor.core.validation.value_checks import ColumnCheck
from rostereditor.core.validation.zero_pad_width import grade_padding, zero_pad_width


@dataclass(frozen=True)
class CheckedColumn:
    values: pa.Array | pa.ChunkedArray  # the column's values as checked
    findings: list[FindingBatch]  # findings on the values themselves
    duplicates: list[FindingBatch]  # duplicate keys (key column only)
    distinct: DistinctValues | None  # kept for the reference checks that follow


def check_column(ctx: FileContext, index: int, column: ColumnSpec,
                 values_of: Callable[[], pa.Array | pa.ChunkedArray],
                 row_ids: np.ndarray) -> CheckedColumn:
    values = values_of()
    distinct = distinct_values(values)
    if column.is_identifier or column.text_role == "id":
        # Needed by the value checks below (Excel's lost leading zeros); per column, so no race.
        stats = zero_pad_width(values)
        ctx.zero_pad_stats[index] = stats
        if stats.width:
            ctx.zero_pad_widths[index] = stats.width
    if column.kind == "grades" and not (ctx.profile.grades or column.values):
        # Only where the grade codes are free (1.2): is a lone 9 then Excel's doing?
        ctx.grade_padding[index] = grade_padding(values)
    batches = by_distinct_value(
        lambda some, ids: ColumnCheck(ctx, index, column, some, ids).run(),
        values, row_ids, distinct)
    duplicates = []
    if column.name == ctx.spec.key:
        duplicates = duplicate_batches(Place(ctx.file, column.name, index), values, row_ids)
    return CheckedColumn(values, batches, duplicates, distinct)
