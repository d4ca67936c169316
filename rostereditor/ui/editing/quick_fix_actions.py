"""Apply validation's certain fixes to one cell or to every cell in the column with the same
problem, as one undo step, saying how many cells changed."""

from __future__ import annotations

from rostereditor.core.validation import Finding
from rostereditor.core.wording import plural
from rostereditor.ui.editing.editing_context import EditingContext


class QuickFixActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context

    def fixable_findings(self, file_name: str, row: int, col: int) -> list[Finding]:
        """Findings on a table cell that carry a certain fix."""
        return [f for f in self.context.session.findings_at(file_name, row, col) if f.fix is not None]

    def fix_cell(self, file_name: str, finding: Finding) -> None:
        edit = self.context.session.fix_cell(file_name, finding)
        if not self.context.push(edit):
            self.context.status("Nothing to fix: the cell has changed since it was checked.")
            return
        self.context.status(f"Changed 1 cell to \u201c{finding.fix}\u201d.")

    def fix_all_count(self, file_name: str, finding: Finding) -> int:
        return len(self.context.session.fix_all_changes(file_name, finding))

    def fix_all(self, file_name: str, finding: Finding) -> int:
        edit = self.context.session.fix_all(file_name, finding)
        if edit is None:
            self.context.status("Nothing to fix.")
            return 0
        self.context.push(edit)
        column = finding.column or ""
        self.context.status(f"Fixed {plural(edit.cell_count, 'cell')} in {column}.")
        return edit.cell_count
