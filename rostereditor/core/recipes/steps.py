"""The steps a fix recipe can hold: generic rules, never cell coordinates.

Files and columns are named, not numbered, so a recipe recorded on one export replays on the
next one however its rows (and, mostly, its columns) have moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rostereditor.core.validation.rule_catalogue import rule_doc
from rostereditor.core.wording import agree, plural


@dataclass(frozen=True)
class RuleFix:
    """Apply the certain fix validation offers for `rule` (TRUE→true, 9→09, 8/27/2018→2018-08-27).

    file/column: where (None = everywhere). values: only cells holding one of these (a single
    quick fix); empty means every cell the rule flags ("fix all like this"). vendor: the profile
    whose rule it is, when not the spec's own.
    """

    rule: str
    file: str | None = None
    column: str | None = None
    values: tuple[str, ...] = ()
    vendor: str | None = None

    ACTION: ClassVar[str] = "rule-fix"


@dataclass(frozen=True)
class Replace:
    """Find and replace over cell text, as Edit > Replace does (files/columns empty = all)."""

    find: str
    replace: str
    match_case: bool = False
    whole_cell: bool = False
    regex: bool = False
    files: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()

    ACTION: ClassVar[str] = "replace"


@dataclass(frozen=True)
class RenameIds:
    """Rename records' sourcedIds in `file` and every reference to them, old → new in order."""

    file: str
    ids: tuple[tuple[str, str], ...]

    ACTION: ClassVar[str] = "rename-ids"


@dataclass(frozen=True)
class InsertColumn:
    """Add an empty column named `column`: before or after a named column, else at the end."""

    file: str
    column: str
    before: str | None = None
    after: str | None = None

    ACTION: ClassVar[str] = "insert-column"


@dataclass(frozen=True)
class DeleteColumn:
    file: str
    column: str

    ACTION: ClassVar[str] = "delete-column"


@dataclass(frozen=True)
class RenameColumn:
    file: str
    column: str
    to: str

    ACTION: ClassVar[str] = "rename-column"


@dataclass(frozen=True)
class MoveColumn:
    """Move a column before or after another named column, else to the end."""

    file: str
    column: str
    before: str | None = None
    after: str | None = None

    ACTION: ClassVar[str] = "move-column"


Step = RuleFix | Replace | RenameIds | InsertColumn | DeleteColumn | RenameColumn | MoveColumn
STEP_TYPES: tuple[type[Step], ...] = (
    RuleFix, Replace, RenameIds, InsertColumn, DeleteColumn, RenameColumn, MoveColumn)


@dataclass(frozen=True)
class Recipe:
    """Steps replayed in order on a bundle; title and description are for people."""

    steps: tuple[Step, ...] = ()
    title: str = ""
    description: str = ""


def describe(step: Step) -> str:
    """One line saying what the step does, as the report and the window show it."""
    match step:
        case RuleFix():
            where = _where(step.file, step.column)
            which = (f" on {', '.join(repr(v) for v in step.values)}" if step.values else "")
            return f"Fix {_rule_name(step.rule)}{which}{where}"
        case Replace():
            mode = " (regular expression)" if step.regex else ""
            scope = _where(", ".join(step.files) or None, ", ".join(step.columns) or None)
            return f"Replace {step.find!r} with {step.replace!r}{mode}{scope}"
        case RenameIds():
            return (f"Rename {plural(len(step.ids), 'sourcedId')} in {step.file} and every "
                    f"reference to {agree(len(step.ids), 'it', 'them')}")
        case InsertColumn():
            return f"Insert column {_name(step.column)} in {step.file}{_position(step.before, step.after)}"
        case DeleteColumn():
            return f"Delete column {_name(step.column)} from {step.file}"
        case RenameColumn():
            return f"Rename column {_name(step.column)} to {_name(step.to)} in {step.file}"
        case MoveColumn():
            return f"Move column {_name(step.column)} in {step.file}{_position(step.before, step.after)}"


def _rule_name(rule: str) -> str:
    """The rule as people know it, with its id for `rostereditor rules` and recipe files."""
    doc = rule_doc(rule)
    return f"\u201c{doc.title}\u201d ({rule})" if doc is not None else rule


def _name(column: str) -> str:
    return column or "(unnamed)"


def _where(file: str | None, column: str | None) -> str:
    if file and column:
        return f" in {file} {column}"
    if file:
        return f" in {file}"
    if column:
        return f" in column {column} of every file"
    return " everywhere"


def _position(before: str | None, after: str | None) -> str:
    if before is not None:
        return f" before {_name(before)}"
    if after is not None:
        return f" after {_name(after)}"
    return " at the end"
