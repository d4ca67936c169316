"""A non-modal list of every row in every file that points at one record; double-click jumps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from rostereditor.core.editing.reference_search import ReferenceHit
from rostereditor.core.wording import plural

if TYPE_CHECKING:
    from rostereditor.ui.editing.editing_context import EditingHost

HIT_ROLE = Qt.ItemDataRole.UserRole


class ReferencesDialog(QDialog):
    def __init__(self, host: EditingHost, label: str, hits: list[ReferenceHit]) -> None:
        super().__init__(host.dialog_parent())
        self._host = host
        session = host.session
        self.setWindowTitle(f"References to {label}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        summary = QLabel(
            f"{plural(len(hits), 'row')} point at {label}." if hits
            else f"Nothing in the bundle points at {label}."
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("References")
        self.tree.setHeaderLabels(["File", "Line", "Column", "Value", "Record"])
        self.tree.setRootIsDecorated(False)
        for hit in hits:
            table = session.require_table(hit.file)
            line = table.source_line(hit.row)
            item = QTreeWidgetItem([
                hit.file, "new" if line is None else str(line), table.header[hit.col],
                hit.value, table.cell(hit.row, 0),
            ])
            item.setData(0, HIT_ROLE, (hit.file, table.row_id(hit.row), hit.col))
            self.tree.addTopLevelItem(item)
        for col in range(5):
            self.tree.resizeColumnToContents(col)
        self.tree.itemActivated.connect(self._jump)
        self.tree.itemDoubleClicked.connect(self._jump)
        layout.addWidget(self.tree)
        self.resize(720, 360)

    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        file_name, row_id, col = item.data(0, HIT_ROLE)
        table = self._host.session.table(file_name)
        row = table.row_of_id(row_id) if table is not None else None
        if row is not None:
            self._host.go_to_cell(file_name, row, col)
