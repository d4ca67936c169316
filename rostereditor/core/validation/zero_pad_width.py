"""The width of a column's zero-padded numeric IDs, and how many edits it can absorb unchanged.

Excel strips leading zeros, so an ID shorter than the column's usual zero-padded width is
flagged. The width is a statistic of the whole column; recomputing it on every edit would
cost ~30 ms on a million rows, so it records its margins: each edited cell moves any count by
at most one, and until the edits since it was computed could cross a threshold it stands.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

# Most numeric IDs must share the width for it to count as the column's.
_MAJORITY = 0.6


@dataclass(frozen=True)
class ZeroPadWidth:
    width: int | None  # None: no zero-padded majority
    numeric: int  # numeric values in the column
    best: int  # values of the most common numeric length
    runner_up: int  # values of the second most common length
    padded: int  # values of the most common length that start with 0

    def could_change_after(self, edits: int) -> bool:
        """Whether `edits` changed cells could give a different width than this one."""
        if edits <= 0:
            return False
        if self.width is None:
            # Only if some length could reach a majority (a single edit can add the padding).
            return self.best + edits >= _MAJORITY * (self.numeric - edits)
        low = self.best - edits
        return (
            low <= self.runner_up + edits  # another length could become the most common
            or low < _MAJORITY * (self.numeric + edits)  # the majority could be lost
            or self.padded - edits <= 0  # the zero-padded ones could all be gone
        )


def zero_pad_width(values: pa.Array | pa.ChunkedArray) -> ZeroPadWidth:
    digits = pc.ascii_is_decimal(values)
    numeric = values.filter(digits.fill_null(False))
    if len(numeric) < 2:
        return ZeroPadWidth(None, len(numeric), 0, 0, 0)
    lengths = pc.utf8_length(numeric)
    counts = sorted(pc.value_counts(lengths).to_pylist(), key=lambda c: c["counts"], reverse=True)
    width, best = counts[0]["values"], counts[0]["counts"]
    runner_up = counts[1]["counts"] if len(counts) > 1 else 0
    padded = pc.sum(pc.and_(pc.equal(lengths, width), pc.starts_with(numeric, "0"))).as_py() or 0
    found = int(width) if padded and best >= _MAJORITY * len(numeric) else None
    return ZeroPadWidth(found, len(numeric), best, runner_up, padded)


@dataclass(frozen=True)
class GradePadding:
    """How many values of a grades column write grades 1-9 as 01-09, and how many as 1-9.

    OneRoster 1.2 leaves grade codes to the profile, so a lone 9 is only suspicious in a
    column that otherwise writes 09.
    """

    padded: int
    unpadded: int

    @property
    def zero_padded(self) -> bool:
        """At least as many values write 09 as write 9 (so the rest of a lone 9's column does)."""
        return self.padded > 0 and self.padded >= self.unpadded

    def could_change_after(self, edits: int) -> bool:
        """Whether `edits` changed cells could tip the column the other way."""
        return edits > 0 and (abs(self.padded - self.unpadded) <= 2 * edits
                              or self.padded <= edits)


def grade_padding(values: pa.Array | pa.ChunkedArray) -> GradePadding:
    def count(pattern: str) -> int:
        return int(pc.sum(pc.match_substring_regex(values, pattern)).as_py() or 0)

    return GradePadding(count(r"(^|,)\s*0[1-9]\s*(,|$)"), count(r"(^|,)\s*[1-9]\s*(,|$)"))
