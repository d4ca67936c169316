"""Reading back a date that a spreadsheet rewrote as 8/27/2018, and saying if that is certain."""

from __future__ import annotations

import datetime
import re

_LOCALE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$")


def iso_from_locale_date(text: str) -> tuple[str | None, bool]:
    """(YYYY-MM-DD or None, certain). Month/day order is certain only when one part exceeds 12
    or both are equal; otherwise US month/day is assumed but not certain."""
    match = _LOCALE.match(text)
    if not match:
        return None, False
    first, second, year_text = int(match[1]), int(match[2]), match[3]
    if len(year_text) == 2:
        return None, False  # the century is a guess
    year = int(year_text)
    candidates = []
    for month, day in ((first, second), (second, first)):
        try:
            candidates.append(datetime.date(year, month, day).isoformat())
        except ValueError:
            continue
    if not candidates:
        return None, False
    unique = sorted(set(candidates), key=candidates.index)
    return unique[0], len(unique) == 1
