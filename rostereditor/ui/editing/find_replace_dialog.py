"""Find (Ctrl+F) and Replace (Ctrl+H) in the current tab or all files, with match case, whole
cell and regex; the live count shows how many cells Replace all will change."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from rostereditor.core.editing.find_replace import (
    CellMatch,
    SearchOptions,
    SearchPatternError,
    TableSearch,
)
from rostereditor.core.wording import plural
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.grid_selection import current_table_cell

SCOPE_CURRENT = "current"
SCOPE_ALL = "all"
COUNT_DELAY_MS = 150


class FindReplaceDialog(QDialog):
    def __init__(self, context: EditingContext) -> None:
        super().__init__(context.host.dialog_parent())
        self.context = context
        # Indexes and results per column, kept while the dialog lives: Find Next after the
        # count, and every later press, only looks matches up (see core table_search).
        self.search = TableSearch()
        self.setWindowTitle("Find and Replace")
        self.find_edit = QLineEdit(self)
        self.find_edit.setAccessibleName("Find what")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setAccessibleName("Replace with")
        self.match_case = QCheckBox("Match &case", self)
        self.whole_cell = QCheckBox("&Whole cell", self)
        self.regex = QCheckBox("Regular e&xpression", self)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName("Look in")
        self.scope.addItem("Current file", SCOPE_CURRENT)
        self.scope.addItem("All files", SCOPE_ALL)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Match count")

        form = QFormLayout()
        form.addRow("Find &what:", self.find_edit)
        self.replace_label = QLabel("Replace wit&h:", self)
        self.replace_label.setBuddy(self.replace_edit)
        form.addRow(self.replace_label, self.replace_edit)
        form.addRow("&Look in:", self.scope)
        options = QHBoxLayout()
        for box in (self.match_case, self.whole_cell, self.regex):
            options.addWidget(box)
        options.addStretch()

        buttons = QDialogButtonBox(self)
        self.find_next_button = QPushButton("Find &Next", self)
        self.find_next_button.setDefault(True)
        self.replace_button = QPushButton("&Replace", self)
        self.replace_all_button = QPushButton("Replace &All", self)
        for button in (self.find_next_button, self.replace_button, self.replace_all_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.find_next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)

        # Counting a million rows takes a moment: wait until typing pauses.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.update_count)
        for signal in (self.find_edit.textChanged, self.match_case.toggled,
                       self.whole_cell.toggled, self.regex.toggled,
                       self.scope.currentIndexChanged):
            signal.connect(self._count_timer.start)

    # -- showing ----------------------------------------------------------------------

    def open_for(self, *, replace: bool) -> None:
        self.setWindowTitle("Replace" if replace else "Find")
        for widget in (self.replace_label, self.replace_edit, self.replace_button,
                       self.replace_all_button):
            widget.setVisible(replace)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.update_count()

    # -- searching --------------------------------------------------------------------

    def options(self) -> SearchOptions:
        return SearchOptions(
            self.find_edit.text(), self.match_case.isChecked(), self.whole_cell.isChecked(),
            self.regex.isChecked(),
        )

    def files(self) -> list[str]:
        current = self.context.current_file()
        bundle = self.context.session.bundle
        if bundle is None:
            return []
        if self.scope.currentData() == SCOPE_CURRENT:
            return [current] if current else []
        names = [n for n in bundle.data_file_names if self.context.editable(n)]
        if current in names:
            # Search from the current file onwards, wrapping round, as the user reads tabs.
            i = names.index(current)
            names = names[i:] + names[:i]
        return names

    def update_count(self) -> int | None:
        self._count_timer.stop()
        options = self.options()
        if not options.text:
            self.count_label.setText("")
            return 0
        try:
            session = self.context.session
            counts = {n: self.search.count(session.require_table(n), options) for n in self.files()}
        except SearchPatternError as error:
            self.count_label.setText(f"Not a valid regular expression: {error}")
            return None
        total = sum(counts.values())
        files = sum(1 for c in counts.values() if c)
        where = f" in {plural(files, 'file')}" if self.scope.currentData() == SCOPE_ALL else ""
        self.count_label.setText(f"{plural(total, 'cell')} match{where}.")
        return total

    def find_next(self, *, backwards: bool = False) -> bool:
        """Select the next match after the current cell: this file first, then the other files
        in tab order, finally wrapping round to the start of this file."""
        options = self.options()
        names = self.files()
        if not options.text or not names:
            return False
        view = self.context.current_view()
        cell = current_table_cell(view) if view is not None else None
        after = CellMatch(*cell) if cell is not None and names[0] == self.context.current_file() \
            else None
        session = self.context.session
        try:
            first = self.search.find_next(session.require_table(names[0]), options, after,
                                          backwards=backwards)
            wrapped = first is not None and after is not None and (
                (first.row, first.col) <= (after.row, after.col) if not backwards
                else (first.row, first.col) >= (after.row, after.col)
            )
            if first is not None and not wrapped:
                return self._go(names[0], first)
            for name in names[1:]:
                match = self.search.find_next(session.require_table(name), options, None,
                                              backwards=backwards)
                if match is not None:
                    return self._go(name, match)
        except SearchPatternError as error:
            self.count_label.setText(f"Not a valid regular expression: {error}")
            return False
        if first is not None:
            return self._go(names[0], first)
        self.context.status(f"\u201c{options.text}\u201d was not found.")
        return False

    def _go(self, name: str, match: CellMatch) -> bool:
        self.context.host.go_to_cell(name, match.row, match.col)
        return True

    # -- replacing --------------------------------------------------------------------

    def replace_current(self) -> None:
        """Replace in the current cell if it matches, then move to the next match."""
        name = self.context.current_file()
        view = self.context.current_view()
        cell = current_table_cell(view) if view is not None else None
        if name is not None and cell is not None and self.context.editable(name):
            row, col = cell
            self.context.push(self.context.session.replace_in_cell(
                name, row, col, self.options(), self.replace_edit.text()))
        self.find_next()

    def replace_all(self) -> int:
        options = self.options()
        try:
            edit = self.context.session.replace_all(self.files(), options, self.replace_edit.text())
        except SearchPatternError as error:
            self.count_label.setText(f"Not a valid regular expression: {error}")
            return 0
        self.context.push(edit)
        count = edit.cell_count if edit is not None else 0
        message = f"Replaced in {plural(count, 'cell')}"
        if edit is not None and len(edit.changes) > 1:
            message += f" across {plural(len(edit.changes), 'file')}"
        self.context.status(message + ".")
        self.count_label.setText(message + ".")
        return count
