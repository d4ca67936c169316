"""Find and replace over exact cell text, vectorized with pyarrow so a million rows stay quick.

What matches is defined once (search_match), so the count shown before replacing is exactly the
set of cells Replace all changes. Regex replacements use \\1-style group references.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.editing.cell_changes import CellChange
from rostereditor.core.editing.search_match import (
    SearchOptions,
    SearchPatternError,
    match_values,
    pattern_message,
)
from rostereditor.core.editing.table_search import CellMatch, TableSearch
from rostereditor.core.table import Table

__all__ = ["CellMatch", "SearchOptions", "SearchPatternError", "TableSearch", "count_matches",
           "find_next", "matching_rows", "plan_replace_all"]


def matching_rows(table: Table, col: int, options: SearchOptions) -> np.ndarray:
    """Rows (in row order) whose cell in `col` matches (one pass, nothing kept)."""
    if not options.text or len(table) == 0:
        return np.empty(0, dtype=np.int64)
    return np.flatnonzero(match_values(table.column_array(col), options))


def count_matches(
    table: Table, options: SearchOptions, columns: Sequence[int] | None = None
) -> int:
    """How many cells match (a cell counts once however many times the text occurs in it).

    For repeated searches keep a TableSearch: it reuses its per-column indexes."""
    return TableSearch().count(table, options, columns)


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
    return TableSearch().find_next(table, options, after, columns, backwards=backwards)


def plan_replace_all(
    table: Table,
    options: SearchOptions,
    replacement: str,
    columns: Sequence[int] | None = None,
    *,
    only_rows: Sequence[int] | None = None,
) -> list[CellChange]:
    """Every cell change Replace all would make, computed column by column with pyarrow
    (only in `only_rows` when given: Replace in the current cell looks at that cell alone)."""
    if not options.text:
        return []
    pattern = options.pattern()
    # Outside regex mode the replacement is literal text, so RE2's \\ and \1 must not apply.
    rewrite = replacement if options.regex else replacement.replace("\\", "\\\\")
    row_ids = table.row_ids()
    changes: list[CellChange] = []
    for col in _columns(table, columns):
        if only_rows is None:
            rows = matching_rows(table, col, options)
        else:
            picked = np.asarray(sorted(set(only_rows)), dtype=np.int64)
            values = table.column_array(col).take(pa.array(picked))
            rows = picked[match_values(values, options)]
        if len(rows) == 0:
            continue
        old = table.column_array(col).take(pa.array(rows))
        try:
            new = pc.replace_substring_regex(old, pattern=pattern, replacement=rewrite)
        except pa.ArrowInvalid as error:
            raise SearchPatternError(pattern_message(error)) from error
        for row, before, after in zip(rows, old.to_pylist(), new.to_pylist(), strict=True):
            if before != after:
                changes.append(CellChange(int(row_ids[row]), col, before, after))
    return changes


def _columns(table: Table, columns: Sequence[int] | None) -> list[int]:
    return list(range(table.column_count)) if columns is None else list(columns)
