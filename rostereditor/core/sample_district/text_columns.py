"""Vectorized builders for text columns: padded IDs, joins and picks from pools, all in Arrow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

Text: TypeAlias = "pa.Array | str"
# Typed scalars: pyarrow would otherwise infer the type of a plain str, and its inference tries
# to import dateutil on every call.
_EMPTY = pa.scalar("", pa.string())


def _as_arrow(value: Text) -> pa.Array | pa.Scalar:
    return pa.scalar(value, pa.string()) if isinstance(value, str) else value


def padded_numbers(numbers: np.ndarray, width: int) -> pa.Array:
    """Integers as text with leading zeros, e.g. 123 -> '000123' for width 6."""
    text = pa.array(np.asarray(numbers, dtype=np.int64), pa.int64()).cast(pa.string())
    return pc.utf8_lpad(text, width=width, padding="0")


def plain_numbers(numbers: np.ndarray) -> pa.Array:
    return pa.array(np.asarray(numbers, dtype=np.int64), pa.int64()).cast(pa.string())


def concat_text(*parts: Text) -> pa.Array:
    """Element-wise concatenation; plain strings are repeated for every row."""
    return pc.binary_join_element_wise(*(_as_arrow(p) for p in parts), _EMPTY)


def constant(text: str, count: int) -> pa.Array:
    return pa.repeat(pa.scalar(text, pa.string()), count)


def pick(pool: Sequence[str] | pa.Array, indices: np.ndarray) -> pa.Array:
    """pool[indices] as an Arrow string array."""
    array = pool if isinstance(pool, pa.Array) else pa.array(list(pool), pa.string())
    return array.take(pa.array(np.asarray(indices, dtype=np.int64), pa.int64()))


def choose(mask: np.ndarray, when_true: Text, when_false: Text) -> pa.Array:
    return pc.if_else(pa.array(np.asarray(mask, dtype=bool), pa.bool_()), _as_arrow(when_true),
                      _as_arrow(when_false))


def booleans(mask: np.ndarray) -> pa.Array:
    """OneRoster booleans: lowercase true/false."""
    return choose(mask, "true", "false")


def concatenate(arrays: Sequence[pa.Array]) -> pa.Array:
    return pa.concat_arrays([a.cast(pa.string()) for a in arrays])
