"""What an edit did in general terms (a rule's fix, a pattern replaced, a column renamed), kept on
the Edit it returned, so a recorder can save it as a step to repeat on the next export.

Only operations worth repeating on another export carry an intent: typing, pasting, clearing,
filling and inserting or deleting rows name particular cells and carry none. Files and columns
are named, never numbered, as a recipe has to fit an export whose rows have moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from rostereditor.core.editing.find_replace import SearchOptions

_ATTRIBUTE = "intent"


@dataclass(frozen=True)
class CellFixed:
    """One cell's certain fix (a quick fix): `value` in `column` changed as `rule` advises."""

    file: str
    column: str
    rule: str
    value: str
    profile: str


@dataclass(frozen=True)
class ColumnFixed:
    """"Fix all like this": every cell `rule` flags in `column` fixed."""

    file: str
    column: str
    rule: str
    profile: str


@dataclass(frozen=True)
class ReplacedAll:
    """Replace all. files: the files searched, () meaning every file; columns: () every column."""

    options: SearchOptions
    replacement: str
    files: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class IdRenamed:
    """A record's sourcedId changed together with every reference to it."""

    file: str
    old: str
    new: str


@dataclass(frozen=True)
class ColumnInserted:
    """header: the file's header after the insert; at: the new column's position in it."""

    file: str
    header: tuple[str, ...]
    at: int


@dataclass(frozen=True)
class ColumnsDeleted:
    file: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class ColumnRenamed:
    file: str
    old: str
    new: str


@dataclass(frozen=True)
class ColumnMoved:
    """header: the file's header after the move; to: the moved column's position in it."""

    file: str
    header: tuple[str, ...]
    to: int


EditIntent = (CellFixed | ColumnFixed | ReplacedAll | IdRenamed | ColumnInserted | ColumnsDeleted
              | ColumnRenamed | ColumnMoved)

E = TypeVar("E")


def with_intent(edit: E, intent: object) -> E:
    """`edit` (returned as it is, None included) marked with what it did in general terms.

    The intent may be any value a recorder understands: the session's own (EditIntent) or, for
    an edit made of others, one its maker defines (core.recipes marks a replayed recipe).
    """
    if edit is not None:
        setattr(edit, _ATTRIBUTE, intent)
    return edit


def intent_of(edit: object) -> object | None:
    """What `edit` did in general terms, or None for an edit of particular cells."""
    return getattr(edit, _ATTRIBUTE, None)
