"""Explode list cells ("sch-1,sch-2") into one (row, item) pair per item, vectorized."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def explode(values: pa.Array, *, keep_blank: bool) -> tuple[np.ndarray, pa.Array]:
    """(row positions, items) for every comma-separated item, trimmed.

    keep_blank: a blank cell yields one blank item (so the row is still counted, under "").
    """
    items = pc.split_pattern(values, ",")
    flat = pc.utf8_trim_whitespace(pc.list_flatten(items))
    rows = np.asarray(pc.list_parent_indices(items).to_numpy(), dtype=np.int64)
    nonblank = np.asarray(pc.not_equal(flat, "").to_numpy(zero_copy_only=False), dtype=bool)
    rows, flat = rows[nonblank], flat.filter(pa.array(nonblank))
    if keep_blank:
        missing = np.flatnonzero(np.bincount(rows, minlength=len(values)) == 0)
        rows = np.concatenate([rows, missing])
        flat = pa.concat_arrays([flat, pa.repeat(pa.scalar("", pa.string()), len(missing))])
    return rows, flat
