"""FindIdDialog: type an id, see every row in every file that has it, jump to one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.reference_search import MAX_ID_HITS, IdHit, find_id
from rostereditor.core.wording import plural


class FindIdDialog(QDialog):
    """Non-modal search across all files; emits hit_chosen(file, row, col) on activation."""

    hit_chosen = Signal(str, int, int)

    def __init__(self, bundle: Bundle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find ID in all files")
        self.bundle = bundle
        self.query = QLineEdit(self)
        self.query.setPlaceholderText("sourcedId, e.g. usr-00123")
        self.query.setAccessibleName("ID to find")
        self.query.returnPressed.connect(self.search)
        self.summary = QLabel(self)
        self.results = QListWidget(self)
        self.results.setAccessibleName("Rows that contain the ID")
        self.results.itemActivated.connect(self._choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        find = buttons.addButton("Find", QDialogButtonBox.ButtonRole.ActionRole)
        find.clicked.connect(self.search)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Find an ID everywhere it appears (as a record or a reference):"))
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def search(self) -> list[IdHit]:
        hits = find_id(self.bundle, self.query.text())
        self.results.clear()
        for hit in hits:
            column = self.bundle.files[hit.file].table.header[hit.column]
            where = f"line {hit.line}" if hit.line is not None else "new row"
            item = QListWidgetItem(f"{hit.file}, {where}, {column}: {hit.value}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.file, hit.row, hit.column))
            self.results.addItem(item)
        if not self.query.text().strip():
            self.summary.setText("")
        elif not hits:
            self.summary.setText("Not found in any file.")
        else:
            more = " (first results only)" if len(hits) >= MAX_ID_HITS else ""
            self.summary.setText(
                f"Found in {plural(len(hits), 'cell')}{more}. Double-click or press Enter to go "
                "there.")
        if hits:
            self.results.setCurrentRow(0)
        return hits

    def _choose(self, item: QListWidgetItem) -> None:
        file_name, row, col = item.data(Qt.ItemDataRole.UserRole)
        self.hit_chosen.emit(file_name, row, col)
