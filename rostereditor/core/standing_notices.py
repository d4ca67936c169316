"""Which of the reader's notices still hold for the bundle as it is now (after edits)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rostereditor.core.bundle import Bundle
from rostereditor.core.read_notice import ReadNotice
from rostereditor.core.table import Table


def _has_blank_name(header: list[str]) -> bool:
    return any(name.strip() == "" for name in header)


def _has_repeated_name(header: list[str]) -> bool:
    return len(set(header)) < len(header)


# Notices about the header row, true only while the header still has what they describe.
_HEADER_CHECKS: dict[str, Callable[[list[str]], bool]] = {
    "read.blank-header": _has_blank_name,
    "read.duplicate-header": _has_repeated_name,
}


def standing_notices(bundle: Bundle, notices: Sequence[ReadNotice]) -> list[ReadNotice]:
    """`notices` less those about a header that no longer has the problem (the unnamed column
    deleted or named, the repeated name changed) or about a file no longer in the bundle."""
    kept: list[ReadNotice] = []
    for notice in notices:
        check = _HEADER_CHECKS.get(notice.code)
        if check is not None and notice.file is not None:
            table: Table | None = bundle.table(notice.file)
            if table is None or not check(list(table.header)):
                continue
        kept.append(notice)
    return kept
