"""Replay a fix recipe on a bundle, step by step, saying what each step changed.

A step that finds nothing to change is reported, never an error: an export that no longer has
the problem a step fixes is good news. Quick-fix steps ask validation afresh each time, since
earlier steps change what it finds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.cell_changes import BundleChanges, CellChange, count_cells
from rostereditor.core.editing.find_replace import SearchOptions, plan_replace_all
from rostereditor.core.editing.quick_fixes import plan_fix_all
from rostereditor.core.editing.reference_columns import reference_columns_from_spec
from rostereditor.core.recipes.id_renames import plan_id_renames
from rostereditor.core.recipes.recipe_target import BundleEditor, RecipeTarget
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
    describe,
)
from rostereditor.core.table import Table
from rostereditor.core.validation import BundleValidator, ValidationResult, rules_catalogue

EXAMPLES_KEPT = 3


@dataclass
class StepResult:
    """What one step did: cells (or columns) changed per file, a few examples, and notes."""

    number: int
    step: Step
    changed: int = 0
    by_file: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def description(self) -> str:
        return describe(self.step)

    @property
    def matched(self) -> bool:
        return self.changed > 0


@dataclass
class RecipeRun:
    """Every step's result, and the edits the target returned (one undo step in the window)."""

    recipe: Recipe
    results: list[StepResult] = field(default_factory=list)
    edits: list[object] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return sum(r.changed for r in self.results)


def apply_recipe(recipe: Recipe, target: Bundle | RecipeTarget, *, vendor: str = "1edtech",
                 version: str | None = None) -> RecipeRun:
    """Replay every step in order on the bundle (or through the window's session)."""
    editor: RecipeTarget = BundleEditor(target) if isinstance(target, Bundle) else target
    replay = _Replay(editor, vendor, version)
    run = RecipeRun(recipe)
    for number, step in enumerate(recipe.steps, 1):
        result = StepResult(number, step)
        _run_step(replay, step, result)
        if not result.matched and not result.notes:
            result.notes.append("matched nothing: nothing to change")
        run.results.append(result)
    run.edits = replay.edits
    return run


class _Replay:
    def __init__(self, target: RecipeTarget, vendor: str, version: str | None) -> None:
        self.target = target
        self.vendor = vendor
        self.version = version
        self.edits: list[object] = []
        self._checked: tuple[tuple[object, ...], ValidationResult] | None = None

    @property
    def bundle(self) -> Bundle:
        bundle = self.target.bundle
        if bundle is None:
            raise ValueError("no bundle is open")
        return bundle

    def table(self, file: str, result: StepResult) -> Table | None:
        table = self.bundle.table(file)
        if table is None:
            result.notes.append(f"the bundle has no {file}")
        return table

    def findings(self, vendor: str | None) -> ValidationResult:
        """Validation of the bundle as it is now (reused while nothing has changed)."""
        bundle = self.bundle
        state = (vendor or self.vendor, id(bundle),
                 *((n, id(f.table), f.table.version) for n, f in bundle.files.items()))
        if self._checked is None or self._checked[0] != state:
            result = BundleValidator(bundle, vendor or self.vendor, self.version).run()
            self._checked = (state, result)
        return self._checked[1]

    def change_cells(self, changes: BundleChanges, step: Step, result: StepResult) -> None:
        changes = {f: c for f, c in changes.items() if c}
        if not changes:
            return
        for file, file_changes in changes.items():
            result.by_file[file] = result.by_file.get(file, 0) + len(file_changes)
            table = self.bundle.table(file)
            for change in file_changes[: EXAMPLES_KEPT - len(result.examples)]:
                result.examples.append(_example(file, table, change))
        result.changed += count_cells(changes)
        self._keep(self.target.change_cells(changes, describe(step)))

    def column_changed(self, file: str, what: str, result: StepResult, edit: object | None) -> None:
        result.changed += 1
        result.by_file[file] = result.by_file.get(file, 0) + 1
        result.examples.append(f"{file}: {what}")
        self._keep(edit)

    def _keep(self, edit: object | None) -> None:
        if edit is not None:
            self.edits.append(edit)


def _example(file: str, table: Table | None, change: CellChange) -> str:
    line = table.line_of_id(change.row_id) if table is not None else None
    column = table.header[change.col] if table is not None else f"column {change.col + 1}"
    where = f"line {line}" if line is not None else "a new row"
    return f"{file} {where}, {column}: {change.old!r} → {change.new!r}"


# -- the steps -------------------------------------------------------------------------------------

def _rule_fix(replay: _Replay, step: RuleFix, result: StepResult) -> None:
    if step.rule not in {doc.rule for doc in rules_catalogue()}:
        result.notes.append(f"RosterEditor has no rule {step.rule!r} (`rostereditor rules` lists them)")
        return
    found = replay.findings(step.vendor)
    files = [step.file] if step.file else replay.bundle.data_file_names
    changes: BundleChanges = {}
    for file in files:
        table = replay.table(file, result)
        if table is None:
            continue
        hits = [f for f in found.for_file(file)
                if f.rule == step.rule and f.fix is not None and f.column_index is not None
                and (step.column is None or table.header[f.column_index] == step.column)
                and (not step.values or f.value in step.values)]
        by_column: dict[int, dict[str, str]] = {}
        for finding in hits:
            if finding.column_index is not None and finding.value is not None and finding.fix is not None:
                # A certain fix depends only on the value and its column (as "fix all like this").
                by_column.setdefault(finding.column_index, {}).setdefault(finding.value, finding.fix)
        for col, fixes in sorted(by_column.items()):
            changes.setdefault(file, []).extend(plan_fix_all(table, col, fixes))
    replay.change_cells(changes, step, result)


def _replace(replay: _Replay, step: Replace, result: StepResult) -> None:
    options = SearchOptions(step.find, step.match_case, step.whole_cell, step.regex)
    files = list(step.files) or replay.bundle.data_file_names
    changes: BundleChanges = {}
    columns_seen: set[str] = set()
    for file in files:
        table = replay.table(file, result) if step.files else replay.bundle.table(file)
        if table is None:
            continue
        cols = None
        if step.columns:
            cols = [i for i, name in enumerate(table.header) if name in step.columns]
            columns_seen.update(table.header[i] for i in cols)
            if not cols:
                continue
        changes[file] = plan_replace_all(table, options, step.replace, cols)
    missing = [c for c in step.columns if c not in columns_seen]
    if missing:
        result.notes.append(f"no file has column {', '.join(missing)}")
    replay.change_cells(changes, step, result)


def _rename_ids(replay: _Replay, step: RenameIds, result: StepResult) -> None:
    table = replay.table(step.file, result)
    if table is None:
        return
    col = table.column_index("sourcedId")
    present = set(table.column_values(col)) if col is not None else set()
    mapping = {}
    for old, new in step.ids:
        if old not in present:
            result.notes.append(f"no record {old!r} in {step.file}")
        elif new in present and new not in dict(step.ids):
            result.notes.append(f"{new!r} is already a sourcedId in {step.file}: {old!r} was not renamed")
        else:
            mapping[old] = new
    bundle = replay.bundle
    version = replay.version or bundle.detected_version
    columns = reference_columns_from_spec(version, bundle.data_file_names)
    replay.change_cells(plan_id_renames(bundle, columns, step.file, mapping), step, result)


def _insert_column(replay: _Replay, step: InsertColumn, result: StepResult) -> None:
    table = replay.table(step.file, result)
    if table is None:
        return
    if step.column in table.header:
        result.notes.append(f"{step.file} already has column {step.column}")
        return
    at = _position(table, step.before, step.after, result)
    edit = replay.target.insert_column(step.file, at, step.column)
    replay.column_changed(step.file, f"inserted {step.column} as column {at + 1}", result, edit)


def _delete_column(replay: _Replay, step: DeleteColumn, result: StepResult) -> None:
    table = replay.table(step.file, result)
    col = table.column_index(step.column) if table is not None else None
    if table is None or col is None:
        if table is not None:
            result.notes.append(f"{step.file} has no column {step.column!r}: nothing to delete")
        return
    edit = replay.target.delete_columns(step.file, [col])
    replay.column_changed(step.file, f"deleted {step.column or '(unnamed)'} (column {col + 1})", result, edit)


def _rename_column(replay: _Replay, step: RenameColumn, result: StepResult) -> None:
    table = replay.table(step.file, result)
    col = table.column_index(step.column) if table is not None else None
    if table is None or col is None:
        if table is not None:
            already = " (it already has " + step.to + ")" if step.to in table.header else ""
            result.notes.append(f"{step.file} has no column {step.column!r}{already}")
        return
    edit = replay.target.rename_column(step.file, col, step.to)
    replay.column_changed(step.file, f"renamed {step.column or '(unnamed)'} to {step.to}", result, edit)


def _move_column(replay: _Replay, step: MoveColumn, result: StepResult) -> None:
    table = replay.table(step.file, result)
    col = table.column_index(step.column) if table is not None else None
    if table is None or col is None:
        if table is not None:
            result.notes.append(f"{step.file} has no column {step.column!r}: nothing to move")
        return
    at = _position(table, step.before, step.after, result)
    to = at - 1 if at > col else at  # the position once the column is out of the way
    if to == col:
        result.notes.append(f"{step.column} is already in place")
        return
    edit = replay.target.move_column(step.file, col, to)
    replay.column_changed(step.file, f"moved {step.column} to column {to + 1}", result, edit)


def _position(table: Table, before: str | None, after: str | None, result: StepResult) -> int:
    """Where before/after X puts a column (the end when neither is given or X is missing)."""
    anchor = before if before is not None else after
    if anchor is None:
        return table.column_count
    index = table.column_index(anchor)
    if index is None:
        result.notes.append(f"no column {anchor!r} to place it by: put at the end")
        return table.column_count
    return index if before is not None else index + 1


def _run_step(replay: _Replay, step: Step, result: StepResult) -> None:
    match step:
        case RuleFix():
            _rule_fix(replay, step, result)
        case Replace():
            _replace(replay, step, result)
        case RenameIds():
            _rename_ids(replay, step, result)
        case InsertColumn():
            _insert_column(replay, step, result)
        case DeleteColumn():
            _delete_column(replay, step, result)
        case RenameColumn():
            _rename_column(replay, step, result)
        case MoveColumn():
            _move_column(replay, step, result)
