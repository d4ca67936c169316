"""Zero-copy views of an Arrow string array: where each value starts, and all of their bytes."""

from __future__ import annotations

import numpy as np
import pyarrow as pa


def offsets_and_data(array: pa.Array) -> tuple[np.ndarray, memoryview]:
    """Value offsets (counted from the first value, one more than values) and the bytes.

    Value i is data[offsets[i]:offsets[i + 1]]. Works for string and large_string arrays,
    sliced or not.
    """
    width = np.int64 if pa.types.is_large_string(array.type) else np.int32
    offsets_buffer, data_buffer = array.buffers()[1], array.buffers()[2]
    if offsets_buffer is None or len(array) == 0:
        return np.zeros(len(array) + 1, dtype=np.int64), memoryview(b"")
    offsets = np.frombuffer(offsets_buffer, dtype=width)[array.offset : array.offset + len(array) + 1]
    first, last = int(offsets[0]), int(offsets[-1])
    data = memoryview(data_buffer)[first:last] if data_buffer is not None else memoryview(b"")
    # One pass in the offsets' own width (an int64 copy first would be a second pass).
    rebased: np.ndarray = np.subtract(offsets, first, dtype=offsets.dtype)
    return rebased, data


def rows_holding(offsets: np.ndarray, byte_positions: np.ndarray) -> np.ndarray:
    """The value (row) each byte position falls in, given offsets from offsets_and_data."""
    return np.searchsorted(offsets, byte_positions, side="right") - 1
