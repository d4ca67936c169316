"""Stand-ins for the regexes run on every ID and text value: same answers, a fraction of the time.

Each falls back to its regex where byte scans do not apply (nulls, non-string arrays).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.byte_scan import (
    ByteClass,
    all_ascii,
    any_byte,
    first_byte,
    only_bytes,
    scannable,
)

_GUID_BYTES = ByteClass(p.GUID_CHARACTERS)
_LINE_BREAK_BYTES = ByteClass("\r\n")
_DIGIT_BYTES = ByteClass("0123456789")
_EXPONENT_BYTES = ByteClass("eE")


def _match(values: pa.Array | pa.ChunkedArray, pattern: str) -> np.ndarray:
    return np.asarray(pc.match_substring_regex(values, pattern).fill_null(False)
                      .to_numpy(zero_copy_only=False), dtype=bool)


def is_guid(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Matches p.GUID: its characters are all ASCII, so bytes and characters count alike."""
    if not scannable(values):
        return _match(values, p.GUID)
    return only_bytes(values, _GUID_BYTES, min_length=1, max_length=p.GUID_MAX_LENGTH)


def has_line_break(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Matches p.LINE_BREAK."""
    if not scannable(values):
        return _match(values, p.LINE_BREAK)
    return any_byte(values, _LINE_BREAK_BYTES)


def is_scientific(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Matches p.SCIENTIFIC; the regex only sees values starting with a digit and holding an e.

    IDs such as enr-001 all hold an e, so the cheap first-digit test narrows the rows first.
    """
    if not scannable(values):
        return _match(values, p.SCIENTIFIC)
    flags = first_byte(values, _DIGIT_BYTES)
    if flags.any():
        digit_first = values.filter(pa.array(flags))
        narrowed = any_byte(digit_first, _EXPONENT_BYTES)
        if narrowed.any():
            narrowed[narrowed] = _match(digit_first.filter(pa.array(narrowed)), p.SCIENTIFIC)
        flags[flags] = narrowed
    return flags


def may_hold_hidden_characters(values: pa.Array | pa.ChunkedArray) -> bool:
    """False when no value can hold p.HIDDEN's characters: they are all non-ASCII."""
    return not scannable(values) or not all_ascii(values)


_COMMA_BYTES = ByteClass(",")
_SPACE_BYTES = ByteClass(" \t\n\r\x0b\x0c")  # RE2's \s


def list_shape(values: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """(matches p.EMPTY_ITEM, matches p.SPACED_ITEM): the regexes run only on values holding a
    comma or a space, which most list cells (one grade, one ID) do not."""
    if not scannable(values):
        return _match(values, p.EMPTY_ITEM), _match(values, p.SPACED_ITEM)
    results = []
    for wanted, pattern in ((_COMMA_BYTES, p.EMPTY_ITEM), (_SPACE_BYTES, p.SPACED_ITEM)):
        flags = any_byte(values, wanted)
        if flags.any():
            flags[flags] = _match(values.filter(pa.array(flags)), pattern)
        results.append(flags)
    return results[0], results[1]
