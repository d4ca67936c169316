"""Insert, delete, rename and move columns, and the header findings' fixes, each one undo step.

The header's right-click menu and the Edit menu act on the column clicked or the current one;
a header finding's fix ("Delete the empty trailing column", "Add the column in its place",
"Rename it", "Move it to the end") is offered wherever that finding is: the header menu, the
cell menu and Quick Fix (Ctrl+.) in its column, and the Problems panel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QInputDialog, QLineEdit

from rostereditor.core.editing.header_fixes import ColumnFix, header_fixes
from rostereditor.core.spec import spec_for
from rostereditor.core.validation import Finding
from rostereditor.core.wording import plural
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import selected_ranges

# (window title, question, suggested name) -> the name typed, or None when cancelled.
# Replaceable so tests and scripted runs need no modal dialog.
NamePrompt = Callable[[str, str, str], str | None]


class ColumnActions:
    def __init__(self, context: EditingContext) -> None:
        self.context = context
        self.ask_name: NamePrompt = self._ask_name

    # -- the column under the user's hand ------------------------------------------------

    def current_column(self) -> tuple[str, int] | None:
        """(file, column) of the current cell, if the user may change that file."""
        target = self.context.editable_target()
        if target is None:
            return None
        name, view, model = target
        index = view.currentIndex()
        col = index.column() if index.isValid() else 0
        return (name, col) if col < model.table.column_count else None

    def selected_columns(self) -> tuple[str, list[int]] | None:
        """The columns the selection touches (the current one if nothing is selected)."""
        target = self.context.editable_target()
        if target is None:
            return None
        name, view, model = target
        cols = sorted({c for r in selected_ranges(view) for c in range(r.left, r.right + 1)
                       if c < model.table.column_count})
        return (name, cols) if cols else None

    # -- operations --------------------------------------------------------------------

    def insert(self, file_name: str, at: int) -> bool:
        header = self.context.session.require_table(file_name).header
        where = f"before {header[at]}" if at < len(header) else "after the last column"
        name = self.ask_name("Insert Column", f"Name of the new column in {file_name}, "
                             f"{where}:", "")
        if name is None:
            return False
        done = self.context.push(self.context.session.insert_column(file_name, at, name))
        self._select(file_name, at)
        return done

    def insert_left(self) -> bool:
        here = self.current_column()
        return here is not None and self.insert(here[0], here[1])

    def insert_right(self) -> bool:
        here = self.current_column()
        return here is not None and self.insert(here[0], here[1] + 1)

    def delete(self, file_name: str, cols: list[int]) -> bool:
        table = self.context.session.require_table(file_name)
        if not self.context.push(self.context.session.delete_columns(file_name, cols)):
            return False
        self._select(file_name, min(*cols, table.column_count - 1))
        self.context.status(f"Deleted {plural(len(cols), 'column')} (Undo puts "
                            f"{'it' if len(cols) == 1 else 'them'} back).")
        return True

    def delete_selected(self) -> bool:
        chosen = self.selected_columns()
        return chosen is not None and self.delete(*chosen)

    def rename(self, file_name: str, col: int) -> bool:
        old = self.context.session.require_table(file_name).header[col]
        name = self.ask_name("Rename Column", f"New name for column {col + 1}:", old)
        if name is None:
            return False
        done = self.context.push(self.context.session.rename_column(file_name, col, name))
        self._select(file_name, col)
        return done

    def rename_current(self) -> bool:
        here = self.current_column()
        return here is not None and self.rename(*here)

    def move(self, file_name: str, col: int, to: int) -> bool:
        table = self.context.session.require_table(file_name)
        if not 0 <= to < table.column_count:
            return False
        done = self.context.push(self.context.session.move_column(file_name, col, to))
        self._select(file_name, to)
        return done

    def move_left(self) -> bool:
        here = self.current_column()
        return here is not None and self.move(here[0], here[1], here[1] - 1)

    def move_right(self) -> bool:
        here = self.current_column()
        return here is not None and self.move(here[0], here[1], here[1] + 1)

    # -- fixes of header findings --------------------------------------------------------

    def fixes_for(self, finding: Finding) -> list[ColumnFix]:
        session = self.context.session
        if finding.file is None or not session.is_editable(finding.file) or finding.row_id is not None:
            return []
        table = session.require_table(finding.file)
        spec = spec_for(session.version).file(finding.file)
        return header_fixes(table, finding, spec)

    def fixes_in_column(self, file_name: str, col: int) -> list[tuple[Finding, ColumnFix]]:
        """The fixes of header findings about one column (the one a fix would act on)."""
        result = self.context.session.result
        if result is None:
            return []
        found = []
        for finding in result.header_findings(file_name):
            for fix in self.fixes_for(finding):
                if col in fix.columns or fix.column == col:
                    found.append((finding, fix))
        return found

    def apply_fix(self, file_name: str, fix: ColumnFix) -> bool:
        name = None
        if fix.name is None and fix.kind in ("rename", "insert"):
            table = self.context.session.require_table(file_name)
            name = self.ask_name("Rename Column", f"New name for column {fix.column + 1}:",
                                 table.header[fix.column] if fix.column < table.column_count else "")
            if name is None:
                return False
        edit = self.context.session.fix_header(file_name, fix, name)
        if not self.context.push(edit):
            return False
        table = self.context.session.require_table(file_name)
        self._select(file_name, min(fix.column, max(table.column_count - 1, 0)))
        self.context.status(fix.label.rstrip("\u2026") + ": done.")
        return True

    # -- helpers -------------------------------------------------------------------------

    def _select(self, file_name: str, col: int) -> None:
        """Show the column an operation acted on, keeping the current row."""
        view = self.context.host.table_view(file_name)
        model = self.context.host.model(file_name)
        if view is None or model is None or not model.columnCount():
            return
        row = max(view.currentIndex().row(), 0)
        col = max(0, min(col, model.columnCount() - 1))
        if model.rowCount():
            view.selectionModel().setCurrentIndex(
                model.index(min(row, model.rowCount() - 1), col),
                QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.scrollTo(model.index(min(row, max(model.rowCount() - 1, 0)), col))
        view.setFocus()  # back to the grid after the name dialog

    def _ask_name(self, title: str, label: str, suggested: str) -> str | None:
        dialog = QInputDialog(self.context.host.dialog_parent())
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(suggested)
        # Wide enough for a column name and for the title bar ("Insert …Editor" otherwise).
        dialog.setMinimumWidth(max(420, dialog.fontMetrics().horizontalAdvance(label) + 40))
        ok = dialog.exec() == QInputDialog.DialogCode.Accepted
        text = dialog.textValue()
        dialog.deleteLater()
        return text if ok else None
