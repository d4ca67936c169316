"""Suggestions for a broken reference: the existing ids it was most likely meant to be.

Spreadsheet damage comes first (case, stray spaces, stripped leading zeros: `usr-123` for
`usr-00123`), then ordinary typos by similarity. Only a bounded candidate set reaches difflib,
so a million-id file answers quickly.
"""

from __future__ import annotations

import difflib
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.reference_columns import (
    ID_COLUMN,
    reference_columns_from_spec,
    split_list,
)

_LEADING_ZEROS = r"(^|[^0-9])0+([0-9])"
_MAX_FUZZY_CANDIDATES = 3000


def closest_ids(value: str, ids: pa.Array, limit: int = 3) -> list[str]:
    """Up to `limit` existing ids closest to `value`, best first; never `value` itself."""
    text = value.strip()
    if not text or len(ids) == 0:
        return []
    ids = pc.fill_null(ids, "")
    found: list[str] = []

    normalized = _normalize(ids)
    same = pc.equal(normalized, _normalize(pa.array([text], type=pa.string()))[0])
    found.extend(_take(ids, same, limit + 1))

    candidates = _fuzzy_candidates(text, ids)
    found.extend(difflib.get_close_matches(text, candidates, n=limit + 1, cutoff=0.6))

    unique = [i for i in dict.fromkeys(found) if i != value]
    return unique[:limit]


def _normalize(array: pa.Array) -> pa.Array:
    trimmed = pc.utf8_lower(pc.utf8_trim_whitespace(array))
    return pc.replace_substring_regex(trimmed, pattern=_LEADING_ZEROS, replacement=r"\1\2")


def _fuzzy_candidates(text: str, ids: pa.Array) -> list[str]:
    """Ids sharing the value's longest digit run or its first characters; else a sample."""
    digits = max(re.findall(r"\d+", text), key=len, default="")
    masks = []
    if len(digits.lstrip("0")) >= 2:
        masks.append(pc.match_substring(ids, digits.lstrip("0")))
    if len(text) >= 3:
        masks.append(pc.starts_with(ids, text[:3]))
    for mask in masks:
        picked = _take(ids, mask, _MAX_FUZZY_CANDIDATES)
        if picked:
            return picked
    sample: list[str] = ids.slice(0, _MAX_FUZZY_CANDIDATES).to_pylist()
    return sample


def _take(ids: pa.Array, mask: pa.Array, limit: int) -> list[str]:
    rows = np.flatnonzero(pc.fill_null(mask, False).to_numpy(zero_copy_only=False))[:limit]
    return ids.take(pa.array(rows, type=pa.int64())).to_pylist() if len(rows) else []


def broken_reference_suggestions(
    bundle: Bundle, version: str, file_name: str, column_name: str, value: str
) -> dict[str, list[str]]:
    """For each id in a reference cell that matches no record: the closest existing ids.

    Empty when the column is not a reference or every id in it resolves.
    """
    ref = next((r for r in reference_columns_from_spec(version, [file_name]) if r.column == column_name),
               None)
    target = bundle.table(ref.target) if ref is not None else None
    id_col = target.column_index(ID_COLUMN) if target is not None else None
    if ref is None or target is None or id_col is None:
        return {}
    ids = target.column_array(id_col)
    items = split_list(value) if ref.is_list else [value]
    known = pc.is_in(pa.array(items, type=pa.string()), value_set=ids).to_pylist()
    return {item: closest_ids(item, ids) for item, found in zip(items, known, strict=True)
            if item and not found}
