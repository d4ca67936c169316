"""Apply validation's certain fixes to one cell or to every cell in the column with the same
problem, as one undo step, saying how many cells changed."""

from __future__ import annotations

from typing import Any

from rostereditor.core.editing.quick_fixes import plan_fix_all, plan_fix_one, value_fixes
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.undo_commands import CellChangesCommand, plural


def fixable_findings(model: Any, row: int, col: int) -> list[Any]:
    """Findings on a table cell that carry a certain fix."""
    return [f for f in model.findings_at(row, col) if getattr(f, "fix", None) is not None]


def column_findings(model: Any, col: int) -> list[Any]:
    """All findings the model indexed for one column."""
    return list(model.findings_in_column(col))


class QuickFixActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context

    def fix_cell(self, file_name: str, finding: Any) -> None:
        table = self.context.table(file_name)
        change = plan_fix_one(table, finding) if table is not None else None
        if change is None:
            self.context.status("Nothing to fix: the cell has changed since it was checked.")
            return
        self.context.push(CellChangesCommand(
            self.context.window, {file_name: [change]},
            f"Fix {table.header[change.col]}: \u201c{change.old}\u201d \u2192 \u201c{change.new}\u201d",
        ))
        self.context.status(f"Changed 1 cell to \u201c{change.new}\u201d.")

    def fix_all_count(self, file_name: str, finding: Any) -> int:
        return len(self._plan_all(file_name, finding))

    def fix_all(self, file_name: str, finding: Any) -> int:
        changes = self._plan_all(file_name, finding)
        if not changes:
            self.context.status("Nothing to fix.")
            return 0
        table = self.context.table(file_name)
        column = table.header[finding.column_index]
        self.context.push(CellChangesCommand(
            self.context.window, {file_name: changes},
            # Say what changed, as the single-cell fix does; the rule id means nothing to users.
            f"Fix {plural(len(changes), 'cell')} in {column}: "
            f"\u201c{changes[0].old}\u201d \u2192 \u201c{changes[0].new}\u201d"
            + (", \u2026" if len(changes) > 1 else ""),
        ))
        self.context.status(f"Fixed {plural(len(changes), 'cell')} in {column}.")
        return len(changes)

    def _plan_all(self, file_name: str, finding: Any) -> list:
        table = self.context.table(file_name)
        model = self.context.window.model(file_name)
        if table is None or model is None or finding.column_index is None:
            return []
        col = finding.column_index
        fixes = value_fixes(column_findings(model, col), finding.rule, col)
        if finding.value is not None and finding.fix is not None:
            fixes.setdefault(finding.value, finding.fix)
        return plan_fix_all(table, col, fixes)
