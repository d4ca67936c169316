"""Find and replace over exact cell text, vectorized with pyarrow so a million rows stay quick.

Matching uses RE2 (pyarrow's regex engine) in every mode, so the count shown before replacing is
exactly the set of cells Replace all changes. Regex replacements use \\1-style group references.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.editing.cell_changes import CellChange
from rostereditor.core.errors import RosterEditorError
from rostereditor.core.table import Table


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
        body = self.text if self.regex else _re2_escape(self.text)
        if self.whole_cell:
            body = f"^(?:{body})$"
        if not self.match_case:
            body = "(?i)" + body
        return body


@dataclass(frozen=True)
class CellMatch:
    row: int
    col: int


def matching_rows(table: Table, col: int, options: SearchOptions) -> np.ndarray:
    """Rows (in row order) whose cell in `col` matches."""
    if not options.text or len(table) == 0:
        return np.empty(0, dtype=np.int64)
    mask = _match_mask(table.column_array(col), options)
    return np.flatnonzero(mask.to_numpy(zero_copy_only=False))


def count_matches(
    table: Table, options: SearchOptions, columns: Sequence[int] | None = None
) -> int:
    """How many cells match (a cell counts once however many times the text occurs in it)."""
    return sum(len(matching_rows(table, c, options)) for c in _columns(table, columns))


def find_next(
    table: Table,
    options: SearchOptions,
    after: CellMatch | None,
    columns: Sequence[int] | None = None,
    *,
    backwards: bool = False,
) -> CellMatch | None:
    """The next matching cell in reading order (row by row) after `after`, wrapping around.

    Wrapping comes last: a match at or before `after` is returned only when none follows it.
    """
    cols = _columns(table, columns)
    hits: list[tuple[int, int]] = []
    for col in cols:
        rows = matching_rows(table, col, options)
        if len(rows) == 0:
            continue
        hits.extend(_candidates(rows, col, -1 if after is None else after.row))
    if not hits:
        return None
    start = None if after is None else (after.row, after.col)
    if backwards:
        before = [h for h in hits if start is None or h < start]
        row, col = max(before) if before else max(hits)
    else:
        later = [h for h in hits if start is None or h > start]
        row, col = min(later) if later else min(hits)
    return CellMatch(row, col)


def plan_replace_all(
    table: Table,
    options: SearchOptions,
    replacement: str,
    columns: Sequence[int] | None = None,
) -> list[CellChange]:
    """Every cell change Replace all would make, computed column by column with pyarrow."""
    if not options.text:
        return []
    pattern = options.pattern()
    # Outside regex mode the replacement is literal text, so RE2's \\ and \1 must not apply.
    rewrite = replacement if options.regex else replacement.replace("\\", "\\\\")
    row_ids = table.row_ids()
    changes: list[CellChange] = []
    for col in _columns(table, columns):
        rows = matching_rows(table, col, options)
        if len(rows) == 0:
            continue
        old = table.column_array(col).take(pa.array(rows))
        try:
            new = pc.replace_substring_regex(old, pattern=pattern, replacement=rewrite)
        except pa.ArrowInvalid as error:
            raise SearchPatternError(_message(error)) from error
        for row, before, after in zip(rows, old.to_pylist(), new.to_pylist(), strict=True):
            if before != after:
                changes.append(CellChange(int(row_ids[row]), col, before, after))
    return changes


def _match_mask(array: pa.Array, options: SearchOptions) -> pa.Array:
    try:
        if not options.regex and options.match_case:
            # Plain text needs no regex engine, and equality is the cheapest whole-cell test.
            if options.whole_cell:
                mask = pc.equal(array, options.text)
            else:
                mask = pc.match_substring(array, options.text)
        else:
            mask = pc.match_substring_regex(array, options.pattern())
    except pa.ArrowInvalid as error:
        raise SearchPatternError(_message(error)) from error
    return pc.fill_null(mask, False)


def _candidates(rows: np.ndarray, col: int, row: int) -> list[tuple[int, int]]:
    """The only hits of one column that can be next or previous: around `row` and both ends."""
    pos = int(np.searchsorted(rows, row))
    last = len(rows) - 1
    picks = {0, last, max(pos - 1, 0), min(pos, last), min(pos + 1, last)}
    return [(int(rows[p]), col) for p in picks]


def _columns(table: Table, columns: Sequence[int] | None) -> list[int]:
    return list(range(table.column_count)) if columns is None else list(columns)


def _re2_escape(text: str) -> str:
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


def _message(error: Exception) -> str:
    text = str(error)
    return text.split(":", 1)[-1].strip() if "regex" in text.lower() else text
