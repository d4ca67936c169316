"""The snapshot a re-check finds rows by value with: many values at once, and after bulk edits."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from rostereditor.core.validation.column_snapshot import ColumnSnapshot
from rostereditor.core.validation.distinct_values import DistinctValues


def _lists() -> ColumnSnapshot:
    values = pa.array([f"org-{i % 20},org-{(i + 1) % 20}" if i % 3 else "" for i in range(600)])
    return ColumnSnapshot(values, np.arange(600, dtype=np.int64))


def test_many_values_find_every_list_holding_one_as_an_item():
    snapshot = _lists()
    wanted = [f"org-{i}" for i in range(10)] + ["org-1,org-2", "nothing"]
    found = snapshot.rows_with(wanted, in_list=True)
    items = {f"org-{i}" for i in range(10)}
    expected = [i for i in range(600) if items & set(snapshot.values[i].as_py().split(","))]
    assert found.tolist() == expected


def test_an_item_that_only_starts_like_a_wanted_one_is_not_found():
    snapshot = ColumnSnapshot(pa.array(["org-10", "org-1,org-3", "org-100"]),
                              np.arange(3, dtype=np.int64))
    wanted = [f"org-{i}" for i in range(1, 10)]
    assert snapshot.rows_with(wanted, in_list=True).tolist() == [1]


def test_thousands_of_edits_are_folded_in_and_rows_are_found_by_their_new_values():
    values = pa.array([f"cls-{i % 50}" for i in range(10_000)])
    codes = np.asarray([i % 50 for i in range(10_000)], dtype=np.int32)
    distinct = DistinctValues(pa.array([f"cls-{i}" for i in range(50)]), codes)
    snapshot = ColumnSnapshot(values, np.arange(10_000, dtype=np.int64), distinct)
    edited = np.arange(0, 10_000, 2, dtype=np.int64)  # 5,000 rows: more than are kept aside
    olds = snapshot.update_many(edited, pa.array(["cls-new"] * len(edited)))
    assert olds[:3] == ["cls-0", "cls-2", "cls-4"]
    assert snapshot.rows_with(["cls-new"]).tolist() == edited.tolist()
    assert snapshot.rows_with(["cls-1"]).tolist() == list(range(1, 10_000, 50))
    assert snapshot.rows_with(["cls-0"]).tolist() == []
    assert snapshot.value_of(4) == "cls-new"
    assert snapshot.value_of(5) == "cls-5"
