"""Review changes: every edited cell (file, line, column, old → new), added and deleted rows,
columns added, deleted, renamed and moved (on line 1, the header), before or without saving;
exportable as CSV."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.change_review import COLUMN_KINDS, ReviewEntry, export_csv, list_changes
from rostereditor.core.wording import plural

ARROW = "\u2192"


class ReviewChangesDialog(QDialog):
    def __init__(self, bundle: Bundle | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review Changes")
        self.entries: list[ReviewEntry] = list_changes(bundle) if bundle else []
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(), self)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Changes")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(["File", "Line", "Column", "Change", "Old", "", "New"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        for e in self.entries:
            line = "new" if e.line is None else str(e.line)
            item = QTreeWidgetItem([e.file, line, e.column, e.kind, e.old, ARROW, e.new])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(5, Qt.AlignmentFlag.AlignCenter)
            for col, value in ((4, e.old), (6, e.new)):
                if value == "" and e.kind == "cell changed":
                    # An empty cell is a real value here; say so rather than show nothing.
                    item.setText(col, "(empty)")
                    item.setForeground(col, self.palette().placeholderText())
            self.tree.addTopLevelItem(item)
        for col in range(7):
            self.tree.resizeColumnToContents(col)
            # Breathing room: the contents' width alone leaves the text touching the next column.
            self.tree.setColumnWidth(col, self.tree.columnWidth(col) + 16)
        self.tree.setColumnWidth(5, self.tree.fontMetrics().horizontalAdvance(ARROW) + 16)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        export = QPushButton("&Export as CSV\u2026", self)
        export.setEnabled(bool(self.entries))
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self._choose_export_path)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def _summary(self) -> str:
        if not self.entries:
            return "No changes since the bundle was opened."
        counts = Counter(e.kind for e in self.entries)
        text = (f"{plural(counts['cell changed'], 'cell')} changed, "
                f"{plural(counts['row added'], 'row')} added, "
                f"{plural(counts['row deleted'], 'row')} deleted")
        columns = [f"{plural(counts[kind], 'column')} {kind.split()[1]}"
                   for kind in COLUMN_KINDS if counts[kind]]
        return text + ("; " + ", ".join(columns) if columns else "") + "."

    def export_to(self, path: Path) -> None:
        # newline="" keeps the CRLF rows export_csv wrote, as RFC 4180 asks.
        Path(path).write_text(export_csv(self.entries), encoding="utf-8", newline="")

    def _choose_export_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export Changes", "changes.csv", "CSV files (*.csv)"
        )
        if path:
            self.export_to(Path(path))
