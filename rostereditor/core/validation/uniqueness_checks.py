"""Duplicate sourcedIds (and duplicate demographics rows) within one file."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.validation.finding_batch import FindingBatch, Place, batch_from_mask


def duplicate_batches(place: Place, values: pa.Array, row_ids: np.ndarray) -> list[FindingBatch]:
    """Every record whose key is also used by another record of the same file."""
    if len(values) < 2:
        return []
    if _ascending(values):
        # Files are often written in key order: then neighbours can be compared as they are.
        order, ordered = np.arange(len(values)), values
    else:
        # Sorting is much faster than hashing a million distinct strings.
        order = pc.sort_indices(values)
        ordered = values.take(order)
    same_as_next = np.asarray(pc.equal(ordered[:-1], ordered[1:]).fill_null(False)
                              .to_numpy(zero_copy_only=False), dtype=bool)
    dup_sorted = np.zeros(len(values), dtype=bool)
    dup_sorted[:-1] |= same_as_next
    dup_sorted[1:] |= same_as_next
    blank = np.asarray(pc.equal(ordered, text("")).to_numpy(zero_copy_only=False), dtype=bool)
    dup_sorted &= ~blank
    if not dup_sorted.any():
        return []
    mask = np.zeros(len(values), dtype=bool)
    mask[np.asarray(order)[dup_sorted]] = True
    counts: dict[str, int] = {}
    for value in values.filter(pa.array(mask)).to_pylist():
        counts[value] = counts.get(value, 0) + 1
    return _batch(place, values, row_ids, mask, counts)


def _ascending(values: pa.Array | pa.ChunkedArray) -> bool:
    in_order = pc.less_equal(values[:-1], values[1:])
    return in_order.null_count == 0 and pc.all(in_order).as_py() is True


def _batch(place: Place, values: pa.Array, row_ids: np.ndarray, mask: np.ndarray,
           counts: dict[str, int]) -> list[FindingBatch]:
    file, column = place.file, place.column
    demographics = file == "demographics.csv"
    rule = "unique.demographics-user" if demographics else "unique.sourced-id"

    def describe(value: str | None, _: object) -> tuple[str, str | None]:
        times = counts.get(value or "", 2)
        if demographics:
            return (f"The user \"{value}\" has {times} rows in demographics.csv; there must be "
                    "one per user. Merge or delete the extra rows.", None)
        return (f"{column} \"{value}\" is used by {times} records in {file}; each record needs "
                "its own ID. Change or delete the duplicates.", None)

    batch = batch_from_mask(place, rule, "error", row_ids=row_ids, values=values, mask=mask,
                            describe=describe)
    return [batch] if batch is not None else []
