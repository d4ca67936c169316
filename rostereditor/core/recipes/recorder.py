"""Record the fixes a person makes in the editor as recipe steps, to replay on the next export.

The window calls one record_* method per fix it makes (a quick fix, a fix-all, a replace-all,
a sourcedId renamed with its references, a column inserted, deleted, renamed or moved) and
keeps the returned handle with its undo command: undoing the fix calls set_done(handle, False)
and redoing it set_done(handle, True), so the recipe always matches what is on screen.
Typing into one cell is not recorded: it names a cell, and a recipe has to fit the next export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rostereditor.core.editing.find_replace import SearchOptions
from rostereditor.core.recipes.steps import (
    DeleteColumn,
    InsertColumn,
    MoveColumn,
    Recipe,
    RenameColumn,
    RenameIds,
    Replace,
    RuleFix,
    Step,
)


@dataclass
class RecordedStep:
    """A handle on one recorded step; `done` follows the undo stack."""

    step: Step
    done: bool = True


class RecipeRecorder:
    def __init__(self, title: str = "", description: str = "") -> None:
        self.title = title
        self.description = description
        self._entries: list[RecordedStep] = []

    # -- what the window reports ---------------------------------------------------------------

    def record_quick_fix(self, rule: str, file: str, column: str, value: str,
                         vendor: str | None = None) -> RecordedStep:
        """One cell's certain fix: replayed on every cell of that column with the same value."""
        return self._add(RuleFix(rule, file, column, (value,), _vendor(vendor)))

    def record_fix_all(self, rule: str, file: str, column: str,
                       vendor: str | None = None) -> RecordedStep:
        """"Fix all like this": every cell the rule flags in that column."""
        return self._add(RuleFix(rule, file, column, (), _vendor(vendor)))

    def record_replace(self, options: SearchOptions, replacement: str,
                       files: Sequence[str] = (), columns: Sequence[str] = ()) -> RecordedStep:
        """Replace all (files/columns empty = every file / every column)."""
        return self._add(Replace(options.text, replacement, options.match_case, options.whole_cell,
                                 options.regex, tuple(files), tuple(columns)))

    def record_id_rename(self, file: str, old: str, new: str) -> RecordedStep:
        """A record's sourcedId renamed together with the references to it."""
        return self._add(RenameIds(file, ((old, new),)))

    def record_insert_column(self, file: str, header: Sequence[str], at: int) -> RecordedStep:
        """A column inserted; header is the file's header after the insert, `at` its position."""
        before, after = _neighbours(header, at)
        return self._add(InsertColumn(file, header[at], before, after))

    def record_delete_column(self, file: str, name: str) -> RecordedStep:
        return self._add(DeleteColumn(file, name))

    def record_rename_column(self, file: str, old: str, new: str) -> RecordedStep:
        return self._add(RenameColumn(file, old, new))

    def record_move_column(self, file: str, header: Sequence[str], to: int) -> RecordedStep:
        """A column moved; header is the file's header after the move, `to` its new position."""
        before, after = _neighbours(header, to)
        return self._add(MoveColumn(file, header[to], before, after))

    def record_step(self, step: Step) -> RecordedStep:
        """A step as it is (a replayed recipe's steps join the recording)."""
        return self._add(step)

    def set_done(self, entry: RecordedStep, done: bool) -> None:
        """The fix behind `entry` was undone (False) or redone (True)."""
        entry.done = done

    def clear(self) -> None:
        self._entries.clear()

    # -- the result -----------------------------------------------------------------------------

    @property
    def steps(self) -> list[Step]:
        return [e.step for e in self._entries if e.done]

    def recipe(self) -> Recipe:
        """The recorded fixes still in effect, consecutive ones of a kind merged."""
        return Recipe(tuple(merged_steps(self.steps)), self.title, self.description)

    def _add(self, step: Step) -> RecordedStep:
        # A redo after an undo replaces the entries undone since: they can no longer come back.
        self._entries = [e for e in self._entries if e.done]
        entry = RecordedStep(step)
        self._entries.append(entry)
        return entry


def merged_steps(steps: Sequence[Step]) -> list[Step]:
    """Consecutive quick fixes of one rule and column become one step; consecutive sourcedId
    renames in one file become one mapping (a→b then b→c is a→c)."""
    merged: list[Step] = []
    for step in steps:
        last = merged[-1] if merged else None
        if isinstance(step, RuleFix) and isinstance(last, RuleFix) and _same_place(step, last):
            # Both single fixes: the union of their values; either one a fix-all: all of them.
            both = step.values and last.values
            merged[-1] = replace(last, values=tuple(dict.fromkeys(last.values + step.values)) if both else ())
        elif isinstance(step, RenameIds) and isinstance(last, RenameIds) and step.file == last.file:
            merged[-1] = replace(last, ids=_chained(last.ids, step.ids))
        else:
            merged.append(step)
    return merged


def _same_place(a: RuleFix, b: RuleFix) -> bool:
    return (a.rule, a.file, a.column, a.vendor) == (b.rule, b.file, b.column, b.vendor)


Pairs = tuple[tuple[str, str], ...]


def _chained(first: Pairs, then: Pairs) -> Pairs:
    mapping = dict(first)
    for old, new in then:
        source = next((k for k, v in mapping.items() if v == old), None)
        if source is None:
            mapping[old] = new
        elif source == new:
            del mapping[source]  # renamed back to where it started
        else:
            mapping[source] = new
    return tuple(mapping.items())


def _neighbours(header: Sequence[str], at: int) -> tuple[str | None, str | None]:
    """(before, after): the column's left neighbour as `after`, or its right one when first."""
    if at > 0:
        return None, header[at - 1]
    if len(header) > 1:
        return header[1], None
    return None, None


def _vendor(vendor: str | None) -> str | None:
    return None if vendor in (None, "1edtech") else vendor
