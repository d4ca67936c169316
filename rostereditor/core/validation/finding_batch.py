"""Many findings of one rule in one column, kept compactly until someone looks at them.

A bundle where every row is wrong can have millions of findings; building a Python object for
each would take longer than the checks. A batch keeps the failing row ids and values as arrays
and makes Finding objects on demand, so memory grows with findings, not rows x rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from rostereditor.core.validation.finding import Finding, Severity

# (value, extra) -> (message, certain fix or None)
Describe = Callable[[str | None, Any], tuple[str, str | None]]


@dataclass(frozen=True)
class FindingBatch:
    file: str
    rule: str
    severity: Severity
    column: str | None
    column_index: int | None
    row_ids: np.ndarray
    values: pa.Array | Sequence[str | None] | None
    describe: Describe
    extras: Sequence[Any] | None = None

    def __len__(self) -> int:
        return len(self.row_ids)

    def value(self, i: int) -> str | None:
        if self.values is None:
            return None
        item = self.values[i]
        return item.as_py() if isinstance(item, pa.Scalar) else item

    def finding(self, i: int, line: int | None) -> Finding:
        value = self.value(i)
        message, fix = self.describe(value, None if self.extras is None else self.extras[i])
        return Finding(self.file, line, self.column, self.rule, self.severity, message, value,
                       int(self.row_ids[i]), self.column_index, fix)

    def without_rows(self, row_ids: np.ndarray) -> FindingBatch | None:
        """This batch minus the findings on the given rows (None when nothing is left)."""
        keep = ~np.isin(self.row_ids, row_ids)
        if keep.all():
            return self
        if not keep.any():
            return None
        indices = np.flatnonzero(keep)
        values = self.values
        if isinstance(values, pa.Array):
            values = values.take(pa.array(indices))
        # Plain ints index a list several times faster than numpy scalars.
        positions = indices.tolist()
        if values is not None and not isinstance(values, pa.Array):
            values = [values[i] for i in positions]
        extras = None if self.extras is None else [self.extras[i] for i in positions]
        return FindingBatch(self.file, self.rule, self.severity, self.column, self.column_index,
                            self.row_ids[keep], values, self.describe, extras)


@dataclass(frozen=True)
class Place:
    """The file and column a check looks at."""

    file: str
    column: str | None
    column_index: int | None


def batch_from_mask(place: Place, rule: str, severity: Severity, *, row_ids: np.ndarray,
                    values: pa.Array | None, mask: pa.Array | np.ndarray, describe: Describe,
                    extras: Sequence[Any] | None = None) -> FindingBatch | None:
    """A batch of the rows where mask is true; None when there are none."""
    flags = mask if isinstance(mask, np.ndarray) else np.asarray(
        mask.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    if not flags.any():
        return None
    picked = np.flatnonzero(flags)
    failing_values = None if values is None else values.filter(pa.array(flags))
    picked_extras = None if extras is None else [extras[i] for i in picked.tolist()]
    return FindingBatch(place.file, rule, severity, place.column, place.column_index,
                        row_ids[picked],
                        failing_values, describe, picked_extras)
