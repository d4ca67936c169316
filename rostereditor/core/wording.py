"""Small helpers for messages people read: counts with the right word form."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 cell', '2 cells', '1,204 cells' ('many' for irregular plurals)."""
    return f"{count:,} {word}" if count == 1 else f"{count:,} {many or word + 's'}"


def agree(count: int, one: str, many: str) -> str:
    """The verb that goes with a count: agree(1, "was", "were") is "was"."""
    return one if count == 1 else many
