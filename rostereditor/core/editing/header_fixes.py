"""What fixes a problem in a file's header row: a column to delete, add, rename or move.

Findings about the header say what to do ("Delete them", "Add it", "Rename it", "Move it to
the end"); header_fixes() turns each into the column operations that do it, and
EditSession.fix_header makes one of them as one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pyarrow.compute as pc

from rostereditor.core.spec.model import FileSpec
from rostereditor.core.table import Table
from rostereditor.core.validation.finding import Finding
from rostereditor.core.wording import plural

FixKind = Literal["delete", "insert", "rename", "move", "reorder"]


@dataclass(frozen=True)
class ColumnFix:
    """One way to fix a header finding, in words for a menu and as column operations.

    delete: `columns`; insert: a column `name` at `at`; rename: `columns[0]` to `name` (None:
    ask the user for it); move: `columns[0]` to `at`; reorder: `order` lists the current
    columns in their new order.
    """

    kind: FixKind
    label: str
    columns: tuple[int, ...] = ()
    at: int | None = None
    name: str | None = None
    order: tuple[int, ...] = ()

    @property
    def column(self) -> int:
        """The column the fix is about, to show it: the first one it touches."""
        if self.kind == "insert" and self.at is not None:
            return self.at
        return self.columns[0] if self.columns else 0


def trailing_empty_columns(table: Table) -> list[int]:
    """Columns at the end with no name and no values (Excel leaves them), left to right."""
    found: list[int] = []
    for col in range(table.column_count - 1, -1, -1):
        if table.header[col].strip() or not column_is_empty(table, col):
            break
        found.append(col)
    return found[::-1]


def column_is_empty(table: Table, col: int) -> bool:
    values = table.column_array(col)
    return len(values) == 0 or not pc.any(pc.not_equal(values, "")).as_py()


def header_fixes(table: Table, finding: Finding, spec: FileSpec | None) -> list[ColumnFix]:
    """The fixes a header finding asks for, the one its message names first; [] if none."""
    rule, col = finding.rule, finding.column_index
    valid = col is not None and 0 <= col < table.column_count
    if rule == "excel.trailing-empty-columns":
        trailing = trailing_empty_columns(table)
        if not trailing:
            return []
        what = ("empty trailing column" if len(trailing) == 1
                else plural(len(trailing), "empty trailing column"))
        return [ColumnFix("delete", f"Delete the {what}", tuple(trailing))]
    if not valid:
        if rule == "header.missing-column" and finding.column and spec is not None:
            at = insertion_point(table, spec, finding.column)
            return [ColumnFix("insert", f"Add the column \u201c{finding.column}\u201d in its place "
                              f"(column {at + 1})", at=at, name=finding.column)]
        if rule == "header.column-order" and spec is not None:
            order = spec_order(table, spec)
            if order != tuple(range(table.column_count)):
                return [ColumnFix("reorder", "Put the columns in the spec\u2019s order", order=order)]
        return []
    assert col is not None
    name = table.header[col]
    delete = ColumnFix("delete", f"Delete column {col + 1} ({name or 'no name'})", (col,))
    if rule in ("header.bom", "header.misspelled-column") and finding.fix:
        return [ColumnFix("rename", f"Rename it to \u201c{finding.fix}\u201d", (col,),
                          name=finding.fix)]
    if rule == "header.extension-position":
        return [ColumnFix("move", "Move it to the end", (col,), at=table.column_count - 1)]
    if rule == "header.unknown-column":
        return [ColumnFix("rename", f"Rename it to \u201cmetadata.{name.strip()}\u201d", (col,),
                          name=f"metadata.{name.strip()}"),
                ColumnFix("rename", "Rename it\u2026", (col,)), delete]
    if rule == "read.blank-header":
        fixes = [ColumnFix("rename", "Name it\u2026", (col,))]
        return [*fixes, delete] if column_is_empty(table, col) else fixes
    if rule == "read.duplicate-header":
        return [ColumnFix("rename", "Rename it\u2026", (col,)), delete]
    return []


def insertion_point(table: Table, spec: FileSpec, name: str) -> int:
    """Where a missing column belongs: after the last column the spec puts before it."""
    expected = spec.column_names
    before = expected[: expected.index(name)] if name in expected else expected
    present = [i for i, n in enumerate(table.header) if n in before]
    return (max(present) + 1) if present else 0


def reorder_moves(order: tuple[int, ...]) -> list[tuple[int, int]]:
    """(from, to) moves that put columns in `order`, made one after another."""
    current = list(range(len(order)))
    moves = []
    for to, wanted in enumerate(order):
        at = current.index(wanted)
        if at != to:
            moves.append((at, to))
            current.insert(to, current.pop(at))
    return moves


def spec_order(table: Table, spec: FileSpec) -> tuple[int, ...]:
    """The current columns reordered as the spec lists them; others keep their place after."""
    rank = {n: i for i, n in enumerate(spec.column_names)}
    known = sorted((i for i, n in enumerate(table.header) if n in rank),
                   key=lambda i: rank[table.header[i]])
    others = [i for i, n in enumerate(table.header) if n not in rank]
    return tuple(known + others)
