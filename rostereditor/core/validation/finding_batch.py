"""Many findings of one rule in one column, kept as arrays until someone looks at them.

A bundle where every row is wrong can have millions of findings; building a Python object for
each would take longer than the checks. A batch keeps the failing row ids, and positions into
the checked values, as arrays and makes Finding objects on demand, so memory grows with
findings, not rows x rules. A re-check that drops some rows' findings marks them dead rather
than copying the rest: the survivors keep their item numbers, which the sorted findings index
(file_findings) relies on to update itself without re-sorting.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
import pyarrow as pa

from rostereditor.core.validation.finding import Finding, Severity

# (value, extra) -> (message, certain fix or None)
Describe = Callable[[str | None, Any], tuple[str, str | None]]
Values: TypeAlias = pa.Array | pa.ChunkedArray | Sequence[str | None]


def _plain(item: Any) -> Any:
    return item.as_py() if isinstance(item, pa.Scalar) else item


class Gathered(Sequence[Any]):
    """root[index[i]] for each i, made lazily: per-finding extras picked out of per-row ones
    without a Python list per finding."""

    def __init__(self, root: Sequence[Any] | pa.Array | pa.ChunkedArray,
                 positions: np.ndarray) -> None:
        self.root = root
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return _plain(self.root[int(self.positions[i])])

    def gather(self, positions: np.ndarray) -> Gathered:
        return Gathered(self.root, self.positions[positions])


def gathered(extras: Sequence[Any] | pa.Array | pa.ChunkedArray, positions: np.ndarray) -> Gathered:
    """The extras at these positions, as a lazy sequence (no copy of the extras themselves)."""
    if isinstance(extras, Gathered):
        return extras.gather(positions)
    return Gathered(extras, positions)


@dataclass(frozen=True, eq=False)
class FindingBatch:
    """Findings of one rule in one column of one file.

    Stored item i is a finding on row id row_ids[i]; its value is values[items[i]] (values[i]
    without items) and its extra extras[i]. alive marks the items still findings (None: all).
    """

    file: str
    rule: str
    severity: Severity
    column: str | None
    column_index: int | None
    row_ids: np.ndarray
    values: Values | None
    describe: Describe
    extras: Sequence[Any] | None = None
    items: np.ndarray | None = None
    alive: np.ndarray | None = None
    origin: FindingBatch | None = None  # the batch this one was cut from (same item numbers)

    def __post_init__(self) -> None:
        size = len(self.row_ids) if self.alive is None else int(np.count_nonzero(self.alive))
        object.__setattr__(self, "_size", size)

    def __len__(self) -> int:
        size: int = self.__dict__["_size"]
        return size

    @property
    def root(self) -> FindingBatch:
        """The batch as first made: shared by every batch cut from it."""
        return self.origin or self

    def live_items(self) -> np.ndarray:
        """The stored items that are still findings."""
        if self.alive is None:
            return np.arange(len(self.row_ids), dtype=np.int64)
        return np.flatnonzero(self.alive)

    def value(self, i: int) -> str | None:
        if self.values is None:
            return None
        position = int(self.items[i]) if self.items is not None else i
        value: str | None = _plain(self.values[position])
        return value

    def values_at(self, items: np.ndarray) -> pa.Array | None:
        """Values of these stored items, as one Arrow string array (None: the rule has none)."""
        if self.values is None:
            return None
        positions = self.items[items] if self.items is not None else items
        if isinstance(self.values, (pa.Array, pa.ChunkedArray)):
            taken = self.values.take(pa.array(positions, pa.int64()))
            return taken.combine_chunks() if isinstance(taken, pa.ChunkedArray) else taken
        return pa.array([self.values[p] for p in positions.tolist()], pa.string())

    def extra(self, i: int) -> Any:
        return None if self.extras is None else _plain(self.extras[i])

    def finding(self, i: int, line: int | None) -> Finding:
        value = self.value(i)
        message, fix = self.describe(value, self.extra(i))
        return Finding(self.file, line, self.column, self.rule, self.severity, message, value,
                       int(self.row_ids[i]), self.column_index, fix)

    def findings(self, items: np.ndarray, lines: Sequence[int | None]) -> list[Finding]:
        """The findings of these stored items (with their lines), made together: values in one
        gather, and each distinct value described once when the rule has no extras."""
        values = self.values_at(items)
        texts: list[str | None] = values.to_pylist() if values is not None else [None] * len(items)
        rows = self.row_ids[items].tolist()
        column, index = self.column, self.column_index
        made: list[Finding] = []
        if self.extras is None:
            said: dict[str | None, tuple[str, str | None]] = {}
            for value, line, row in zip(texts, lines, rows, strict=True):
                words = said.get(value)
                if words is None:
                    words = said[value] = self.describe(value, None)
                made.append(Finding(self.file, line, column, self.rule, self.severity, words[0],
                                    value, row, index, words[1]))
            return made
        for item, value, line, row in zip(items.tolist(), texts, lines, rows, strict=True):
            message, fix = self.describe(value, self.extra(item))
            made.append(Finding(self.file, line, column, self.rule, self.severity, message,
                                value, row, index, fix))
        return made

    def without_rows(self, row_ids: np.ndarray) -> FindingBatch | None:
        """This batch minus the findings on the given rows (None when nothing is left)."""
        hit = on_rows(self.row_ids, row_ids)
        if self.alive is not None:
            hit &= self.alive
        if not hit.any():
            return self
        alive = np.ones(len(self.row_ids), dtype=bool) if self.alive is None else self.alive.copy()
        alive[hit] = False
        if not alive.any():
            return None
        return dataclasses.replace(self, alive=alive, origin=self.root)


def on_rows(row_ids: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Which of row_ids are among rows, in time linear in row_ids whatever rows holds."""
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0 or len(row_ids) == 0:
        return np.zeros(len(row_ids), dtype=bool)
    hit: np.ndarray
    if len(rows) <= 8:
        hit = row_ids == rows[0]
        for row in rows[1:].tolist():
            hit |= row_ids == row
    elif int(rows.max()) - int(rows.min()) <= 1 << 26:
        hit = np.isin(row_ids, rows, kind="table")
    else:
        hit = np.isin(row_ids, rows)
    return hit


@dataclass(frozen=True)
class Place:
    """The file and column a check looks at."""

    file: str
    column: str | None
    column_index: int | None


def batch_from_mask(place: Place, rule: str, severity: Severity, *, row_ids: np.ndarray,
                    values: pa.Array | pa.ChunkedArray | None, mask: pa.Array | np.ndarray,
                    describe: Describe,
                    extras: Sequence[Any] | pa.Array | None = None) -> FindingBatch | None:
    """A batch of the rows where mask is true; None when there are none.

    The batch points into values and extras (per row) rather than copying the failing ones.
    """
    flags = mask if isinstance(mask, np.ndarray) else np.asarray(
        mask.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    if not flags.any():
        return None
    picked = np.flatnonzero(flags)
    picked_extras = None if extras is None else gathered(extras, picked)
    return FindingBatch(place.file, rule, severity, place.column, place.column_index,
                        row_ids[picked], values, describe, picked_extras,
                        items=None if values is None else picked)
