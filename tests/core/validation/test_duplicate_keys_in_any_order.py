"""Duplicate keys are found the same way whether or not the file is written in key order."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from rostereditor.core.validation.finding_batch import Place
from rostereditor.core.validation.uniqueness_checks import duplicate_batches

_PLACE = Place("users.csv", "sourcedId", 0)


def _flagged(keys: list[str]) -> list[tuple[int, str]]:
    batches = duplicate_batches(_PLACE, pa.array(keys, pa.string()),
                                np.arange(len(keys), dtype=np.int64))
    return sorted((int(row), batch.value(i)) for batch in batches
                  for i, row in enumerate(batch.row_ids))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["", "a", "b", "b2", "c", "\u00e9"]), max_size=30))
def test_sorted_and_unsorted_keys_flag_the_same_rows(keys):
    expected = sorted((row, key) for row, key in enumerate(keys)
                      if key != "" and keys.count(key) > 1)
    assert _flagged(keys) == expected
    ordered = sorted(keys)
    assert _flagged(ordered) == sorted((row, key) for row, key in enumerate(ordered)
                                       if key != "" and ordered.count(key) > 1)
