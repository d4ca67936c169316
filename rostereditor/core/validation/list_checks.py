"""Comma-separated list cells: empty items are errors; a space after a comma is a warning.

"09, 10" is a list of two grades written with a space; saying the space is the problem (and
checking 09 and 10 as grades) is what helps, not calling " 10" an unknown grade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.validation.fast_patterns import list_shape
from rostereditor.core.validation.finding import Severity

if TYPE_CHECKING:
    from rostereditor.core.validation.value_checks import ColumnCheck


def list_items(check: ColumnCheck, *, spaces: Severity = "warning") -> pa.Array:
    """Report empty items and spaces around items; returns the values with those spaces
    removed, for checking the items themselves.

    spaces: the severity of spaces around items ("error" where an item must match exactly,
    e.g. a reference; "warning" where the items are still plainly readable).
    """
    name = check.spec.name
    values = check.values
    empty, spaced = list_shape(values)
    # Claimed: the same cell then gets no second finding for its (empty) item.
    check.report("value.list", "error", empty, lambda v, _: (
        f"{name} \"{v}\" has an empty item (a doubled, leading or trailing comma). Remove the "
        "extra comma.", None))
    if not spaced.any():
        return values
    rule = "value.list-space" if spaces == "warning" else "value.whitespace"
    check.report(rule, spaces, spaced, lambda v, _: (
        f"{name} \"{v}\" has spaces around its items; list items are separated by a comma "
        "alone. The items are checked without the spaces. Write "
        f"\"{strip_items(v or '')}\".", strip_items(v or "")), claim=spaces == "error")
    trimmed = pc.replace_substring_regex(pc.utf8_trim_whitespace(values), r"\s*,\s*", ",")
    return trimmed.combine_chunks() if isinstance(trimmed, pa.ChunkedArray) else trimmed


def strip_items(value: str) -> str:
    return ",".join(item.strip() for item in value.split(","))
