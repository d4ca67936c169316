"""A column as its distinct values plus each row's position among them, when that pays off.

Most columns of a big district repeat a few values (role, status, dates, grades, school and
class references) across a million rows. Every check is a function of the value alone, so
checking each distinct value once and spreading the verdict back to the rows gives the same
findings for a fraction of the regex and hashing work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.validation.finding_batch import FindingBatch, gathered

# Rows sampled to guess how many distinct values a column has.
_SAMPLE = 4096
# Encode when the column is guessed to have fewer distinct values than rows / this.
_MIN_REPEATS = 4


@dataclass(frozen=True)
class DistinctValues:
    values: pa.Array  # each distinct value once
    positions: np.ndarray  # per row, the position of its value in `values`

    def spread(self, flags: np.ndarray) -> np.ndarray:
        """Per-row flags from flags over the distinct values."""
        spread: np.ndarray = flags[self.positions]
        return spread


# Checks rows: (their values, their row ids) -> findings.
RowCheck = Callable[[pa.Array | pa.ChunkedArray, np.ndarray], list[FindingBatch]]


def by_distinct_value(check: RowCheck, values: pa.Array | pa.ChunkedArray, row_ids: np.ndarray,
                      distinct: DistinctValues | None) -> list[FindingBatch]:
    """check(values, row_ids), running it once per distinct value when those are known.

    Only for checks whose findings on a row depend on its value alone.
    """
    if distinct is None:
        return check(values, row_ids)
    positions = np.arange(len(distinct.values), dtype=np.int64)
    return spread_batches(check(distinct.values, positions), distinct, values, row_ids)


def spread_batches(batches: list[FindingBatch], distinct: DistinctValues,
                   values: pa.Array | pa.ChunkedArray, row_ids: np.ndarray) -> list[FindingBatch]:
    """Row-level batches from batches found over distinct.values (their row ids are positions
    among the distinct values): each row gets the finding, and extra, of its value."""
    spread = []
    for batch in batches:
        slot = np.full(len(distinct.values), -1, dtype=np.int64)
        slot[batch.row_ids] = np.arange(len(batch.row_ids), dtype=np.int64)
        per_row = slot[distinct.positions]
        picked = np.flatnonzero(per_row >= 0)
        if len(picked) == 0:
            continue
        extras = None if batch.extras is None else gathered(batch.extras, per_row[picked])
        # Each row's finding points at its own value in the column: nothing is copied.
        spread.append(FindingBatch(batch.file, batch.rule, batch.severity, batch.column,
                                   batch.column_index, row_ids[picked], values, batch.describe,
                                   extras, items=picked))
    return spread


def distinct_values(values: pa.Array | pa.ChunkedArray) -> DistinctValues | None:
    """The column's distinct values, or None when it has too many for that to save work."""
    if values.null_count or not _repeats_enough(values):
        return None
    encoded = pc.dictionary_encode(values)
    chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
    if not chunks:
        return None
    dictionary = chunks[0].dictionary
    if any(not chunk.dictionary.equals(dictionary) for chunk in chunks[1:]):
        # pyarrow shares one dictionary between chunks today; unify in case it ever does not.
        encoded = pa.chunked_array(chunks).unify_dictionaries()
        chunks, dictionary = encoded.chunks, encoded.chunks[0].dictionary
    positions = np.concatenate([chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks])
    return DistinctValues(dictionary, positions)


def _repeats_enough(values: pa.Array | pa.ChunkedArray) -> bool:
    """Guess from a random sample whether values repeat at least _MIN_REPEATS times on average."""
    total = len(values)
    if total <= _SAMPLE:
        return len(pc.unique(values)) * _MIN_REPEATS <= total
    # Random rows, not evenly spaced ones: files are often sorted, e.g. enrollments by class,
    # and a stride would see each class once. A fixed seed keeps the choice reproducible.
    rows = np.unique(np.random.default_rng(0).integers(0, total, _SAMPLE))
    counts = pc.value_counts(values.take(pa.array(rows))).field("counts").to_numpy()
    once, twice = int((counts == 1).sum()), int((counts == 2).sum())
    # Chao1 estimate of how many distinct values the whole column has.
    estimate = len(counts) + (once * once / (2 * twice) if twice else once * (once - 1) / 2)
    return estimate * _MIN_REPEATS <= total
