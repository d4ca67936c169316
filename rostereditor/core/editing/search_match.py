"""What a search matches: one definition used to count, to find and to replace, so the count
shown before replacing is exactly the set of cells Replace all changes.

Regular expressions use RE2 (pyarrow's engine). Plain text ignoring case is matched on
ASCII-lowered text when the search text is ASCII (much faster than a case-folding regex);
other plain text ignoring case goes through RE2's case folding.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.errors import RosterEditorError


class SearchPatternError(RosterEditorError, ValueError):
    """The search text is not a valid regular expression; str() is shown to the user."""


@dataclass(frozen=True)
class SearchOptions:
    text: str
    match_case: bool = False
    whole_cell: bool = False
    regex: bool = False

    def pattern(self) -> str:
        """The RE2 pattern these options mean."""
        body = self.text if self.regex else re2_escape(self.text)
        if self.whole_cell:
            body = f"^(?:{body})$"
        if not self.match_case:
            body = "(?i)" + body
        return body


def match_values(values: pa.Array | pa.ChunkedArray, options: SearchOptions,
                 lowered: Callable[[], pa.Array | pa.ChunkedArray] | None = None) -> np.ndarray:
    """For each value, does it match (a boolean array). `lowered` gives the values
    ASCII-lowered when the caller keeps them (see table_search)."""
    if not options.text or len(values) == 0:
        return np.zeros(len(values), dtype=bool)
    try:
        if not options.regex and not options.match_case and options.text.isascii():
            low = lowered() if lowered is not None else pc.ascii_lower(values)
            needle = options.text.lower()
            mask = pc.equal(low, needle) if options.whole_cell else pc.match_substring(low, needle)
        elif not options.regex and options.match_case:
            # Plain text needs no regex engine; equality is the cheapest whole-cell test.
            mask = (pc.equal(values, options.text) if options.whole_cell
                    else pc.match_substring(values, options.text))
        else:
            mask = pc.match_substring_regex(values, options.pattern())
    except pa.ArrowInvalid as error:
        raise SearchPatternError(pattern_message(error)) from error
    filled = pc.fill_null(mask, False)
    if isinstance(filled, pa.ChunkedArray):
        filled = filled.combine_chunks()
    result: np.ndarray = filled.to_numpy(zero_copy_only=False)
    return result


def re2_escape(text: str) -> str:
    """Escape text for RE2: punctuation gets a backslash, other ASCII non-word by hex code."""
    out = []
    for ch in text:
        if ch.isalnum() or ch == "_" or ord(ch) > 127:
            out.append(ch)
        elif ch.isprintable() and not ch.isspace():
            out.append("\\" + ch)
        else:
            out.append(f"\\x{{{ord(ch):x}}}")
    return "".join(out)


def pattern_message(error: Exception) -> str:
    text = str(error)
    return text.split(":", 1)[-1].strip() if "regex" in text.lower() else text
