"""Column statistics a value check depends on, kept exact as cells change.

Excel strips leading zeros, so an ID shorter than the column's usual zero-padded width is
flagged; in OneRoster 1.2 a lone grade 9 is suspicious only where the column writes 09. Both
are statistics of the whole column. They are counted once in a full check, then each edited
cell moves the counts by its old and new value, so an edit never rescans a million-row column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

# Most numeric IDs must share the width for it to count as the column's.
_MAJORITY = 0.6
# RE2's \s (what the Arrow kernel means) is these five; Python's would also take \v and others.
_SPACE = r"[\t\n\f\r ]"
_PADDED_GRADE = rf"(^|,){_SPACE}*0[1-9]{_SPACE}*(,|$)"
_UNPADDED_GRADE = rf"(^|,){_SPACE}*[1-9]{_SPACE}*(,|$)"


def _is_numeric(value: str) -> bool:
    """What pc.ascii_is_decimal says: one or more ASCII digits and nothing else."""
    return value != "" and value.isascii() and value.isdigit()


@dataclass
class ZeroPadWidth:
    """How many numeric IDs the column has of each length, and how many of those start with 0."""

    lengths: Counter[int] = field(default_factory=Counter)
    padded: Counter[int] = field(default_factory=Counter)

    @property
    def numeric(self) -> int:
        return sum(self.lengths.values())

    @property
    def width(self) -> int | None:
        """The width most numeric IDs share, if some of them are zero-padded; else None."""
        numeric = self.numeric
        if numeric < 2:
            return None
        # Ties go to the length with more padded values, then the longer one: any fixed rule
        # will do, as long as a full check and a running count agree.
        best_count, _, best = max((count, self.padded[length], length)
                                  for length, count in self.lengths.items() if count)
        return best if self.padded[best] and best_count >= _MAJORITY * numeric else None

    def change(self, old: str | None, new: str | None, times: int = 1) -> None:
        """`times` cells went from `old` to `new` (None: the row was not counted)."""
        for value, step in ((old, -times), (new, times)):
            if value is not None and _is_numeric(value):
                self.lengths[len(value)] += step
                if value.startswith("0"):
                    self.padded[len(value)] += step


def zero_pad_width(values: pa.Array | pa.ChunkedArray) -> ZeroPadWidth:
    numeric = values.filter(pc.ascii_is_decimal(values).fill_null(False))
    lengths = pc.utf8_length(numeric)
    padded = lengths.filter(pc.starts_with(numeric, "0"))
    return ZeroPadWidth(_counts(lengths), _counts(padded))


def _counts(lengths: pa.Array | pa.ChunkedArray) -> Counter[int]:
    counted = pc.value_counts(lengths)
    return Counter(dict(zip(counted.field("values").to_pylist(),
                            counted.field("counts").to_pylist(), strict=True)))


@dataclass
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

    def change(self, old: str | None, new: str | None, times: int = 1) -> None:
        """`times` cells went from `old` to `new` (None: the row was not counted)."""
        for value, step in ((old, -times), (new, times)):
            if value is not None:
                self.padded += step * bool(re.search(_PADDED_GRADE, value))
                self.unpadded += step * bool(re.search(_UNPADDED_GRADE, value))


def grade_padding(values: pa.Array | pa.ChunkedArray) -> GradePadding:
    def count(pattern: str) -> int:
        return int(pc.sum(pc.match_substring_regex(values, pattern)).as_py() or 0)

    return GradePadding(count(_PADDED_GRADE), count(_UNPADDED_GRADE))
