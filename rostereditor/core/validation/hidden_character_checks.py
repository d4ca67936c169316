"""Characters nobody sees (zero-width space, no-break space) and curly quotes in IDs,
usernames and emails: copied in from a web page or a word processor, they make two values
that look the same differ, so a sign-in or a lookup fails."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pyarrow.compute as pc

from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.fast_patterns import may_hold_hidden_characters

if TYPE_CHECKING:
    from rostereditor.core.validation.value_checks import ColumnCheck

RULE = "value.hidden-character"
_HIDDEN = re.compile(p.HIDDEN)
_NAMES = {"\u200b": "a zero-width space", "\u200c": "a zero-width non-joiner",
          "\u200d": "a zero-width joiner", "\u2060": "a word joiner",
          "\ufeff": "a byte order mark", "\u00a0": "a no-break space",
          "\u202f": "a narrow no-break space", "\u2007": "a figure space",
          "\u00ad": "a soft hyphen"}
_STRAIGHT = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
             "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'}


def hidden_characters(check: ColumnCheck, severity: str) -> None:
    """Report values holding invisible characters or curly quotes, with the cleaned value."""
    if not may_hold_hidden_characters(check.values):
        return
    flags = np.asarray(pc.match_substring_regex(check.values, p.HIDDEN).fill_null(False)
                       .to_numpy(zero_copy_only=False), dtype=bool)
    if not flags.any():
        return
    name = check.spec.name
    # Curly quotes are never valid in an ID, so an ID only gets the invisible characters out.
    straighten = check.spec.kind not in ("guid", "ref", "ref_list")

    def describe(value: str | None, _: object) -> tuple[str, str | None]:
        text = value or ""
        found = [_NAMES[c] for c in dict.fromkeys(text) if c in _NAMES]
        if any(c in _STRAIGHT for c in text):
            found.append("curly quotes")
        fixed = clean(text, straighten=straighten)
        certain = fixed if fixed and not _HIDDEN.search(fixed) else None
        advice = f"Write \"{certain}\"." if certain else "Remove them."
        return (f"{name} \"{text}\" contains {' and '.join(found)}, which look like nothing "
                "(or like a plain quote) but make the value differ from what is typed at "
                f"sign-in or used elsewhere. {advice}", certain)

    check.report(RULE, severity, flags, describe)  # type: ignore[arg-type]


def clean(value: str, *, straighten: bool = True) -> str:
    text = "".join(c for c in value if c not in _NAMES)
    if straighten:
        text = "".join(_STRAIGHT.get(c, c) for c in text)
    return text
