"""Pair the records of two versions of a file by key, vectorized over Arrow arrays."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_SEPARATOR = "\x1f"  # a record key never holds it (sourcedIds are GUID characters)


def match_keys(old_keys: pa.Array, new_keys: pa.Array) -> tuple[np.ndarray, int]:
    """For each NEW record, the position of the OLD record with the same key (else -1), and
    how many records share their key with another record of the same side.

    A key that occurs several times pairs its first occurrence in OLD with its first in NEW,
    its second with its second, and so on, so a duplicated record is neither lost nor invented.
    Unique keys, the usual case, cost one hash lookup; duplicates are found from its result.
    """
    new_to_old = _lookup(old_keys, new_keys)
    if not _may_have_duplicates(old_keys, new_keys, new_to_old):
        return new_to_old, 0
    duplicates = _duplicates(old_keys) + _duplicates(new_keys)
    if not duplicates:
        return new_to_old, 0
    return _lookup(_with_occurrence(old_keys), _with_occurrence(new_keys)), duplicates


def _lookup(old_keys: pa.Array, new_keys: pa.Array) -> np.ndarray:
    positions = pc.index_in(new_keys, value_set=old_keys)
    return np.asarray(positions.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)


def _may_have_duplicates(old_keys: pa.Array, new_keys: pa.Array, new_to_old: np.ndarray) -> bool:
    matched = new_to_old[new_to_old >= 0]
    if len(matched) and np.bincount(matched).max() > 1:
        return True  # two NEW records found the same OLD one
    seen = np.zeros(len(old_keys), dtype=bool)
    seen[matched] = True
    unmatched_old = old_keys.filter(pa.array(~seen))
    unmatched_new = new_keys.filter(pa.array(new_to_old < 0))
    if len(unmatched_old) and pc.any(pc.is_in(new_keys, value_set=unmatched_old)).as_py():
        return True  # an OLD record left unpaired although NEW has its key: OLD repeats it
    return bool(_duplicates(unmatched_old) or _duplicates(unmatched_new))


def _duplicates(keys: pa.Array) -> int:
    """How many records share their key with an earlier record."""
    return len(keys) - int(pc.count_distinct(keys).as_py()) if len(keys) else 0


def _with_occurrence(keys: pa.Array) -> pa.Array:
    """Each key suffixed with how many times it occurred before ("a", "a" -> "a\\x1f0", "a\\x1f1")."""
    count = len(keys)
    order = np.asarray(pc.sort_indices(keys).to_numpy(), dtype=np.int64)
    ordered = keys.take(pa.array(order))
    starts = np.ones(count, dtype=bool)
    if count > 1:
        same = pc.equal(ordered.slice(1), ordered.slice(0, count - 1))
        starts[1:] = ~np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool)
    positions = np.arange(count, dtype=np.int64)
    group_start = np.maximum.accumulate(np.where(starts, positions, 0))
    rank = np.empty(count, dtype=np.int64)
    rank[order] = positions - group_start
    return pc.binary_join_element_wise(keys, pa.array(rank).cast(pa.string()), _SEPARATOR)
