"""Likely sourcedId changes: a removed and an added record that are the same person, class or org."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


@dataclass(frozen=True)
class IdChange:
    """One record that seems to have been given a new sourcedId.

    matched_on names the rule that paired them (e.g. "username"); evidence lists every
    identifying field whose value both records share, as (field, value in NEW).
    """

    old_id: str
    new_id: str
    old_row_id: int
    new_row_id: int
    matched_on: str
    evidence: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class IdChanges:
    """The likely sourcedId changes of one file, columnar.

    evidence: field name -> the NEW value where both records agree on that field, null where
    they do not (or it is blank).
    """

    old_ids: pa.Array
    new_ids: pa.Array
    old_row_ids: np.ndarray
    new_row_ids: np.ndarray
    matched_on: pa.Array
    evidence: Mapping[str, pa.Array] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> IdChanges:
        blank = pa.array([], type=pa.string())
        none = np.zeros(0, dtype=np.int64)
        return cls(blank, blank, none, none, blank)

    def __len__(self) -> int:
        return len(self.old_row_ids)

    def __iter__(self) -> Iterator[IdChange]:
        old_ids, new_ids = self.old_ids.to_pylist(), self.new_ids.to_pylist()
        rules = self.matched_on.to_pylist()
        values = {name: array.to_pylist() for name, array in self.evidence.items()}
        for i in range(len(old_ids)):
            evidence = tuple((name, column[i]) for name, column in values.items()
                             if column[i] is not None)
            yield IdChange(old_ids[i], new_ids[i], int(self.old_row_ids[i]),
                           int(self.new_row_ids[i]), rules[i], evidence)

    def change(self, i: int) -> IdChange:
        """The i-th change as an object (one entry of a long list)."""
        evidence = tuple((name, value) for name, array in self.evidence.items()
                         if (value := array[i].as_py()) is not None)
        return IdChange(self.old_ids[i].as_py(), self.new_ids[i].as_py(),
                        int(self.old_row_ids[i]), int(self.new_row_ids[i]),
                        self.matched_on[i].as_py(), evidence)

    def translate(self, values: pa.Array) -> pa.Array:
        """OLD sourcedIds replaced by their NEW ones where this file changed them."""
        if not len(self):
            return values
        positions = pc.index_in(values, value_set=self.old_ids)
        return pc.if_else(pc.is_valid(positions), self.new_ids.take(positions), values)
