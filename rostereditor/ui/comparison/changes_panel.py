"""The Changes panel: what differs from the compared bundle, filterable, with the selected
record's values side by side (a removed record's values read-only: it is not in this bundle)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.comparison.change_list import KINDS, ChangeEntry, ChangeKind, ChangeList
from rostereditor.core.comparison.live_comparison import LiveComparison
from rostereditor.core.session import EditSession
from rostereditor.core.table import Table
from rostereditor.ui.comparison.change_tint import ADDED_BRUSH, CHANGED_BRUSH
from rostereditor.ui.comparison.changes_model import KIND_LABEL, ChangesTableModel
from rostereditor.ui.grid.cell_text import display_text
from rostereditor.ui.window.row_list_view import row_list_view

ALL = ""
KIND_WORDS: dict[ChangeKind, tuple[str, str]] = {
    "added": ("added", "added"), "removed": ("removed", "removed"),
    "changed": ("changed", "changed"), "new_id": ("likely new ID", "likely new IDs"),
}


def summary_text(changes: ChangeList, label: str) -> str:
    """e.g. "Compared with sent.zip: 100 records added · 113 removed · 39 changed"."""
    if not changes.total:
        return f"Compared with {label}: the same records with the same values."
    parts: list[str] = []
    for kind in KINDS:
        count = changes.count(kind)
        if count or kind != "new_id":
            one, many = KIND_WORDS[kind]
            noun = ("record " if count == 1 else "records ") if not parts else ""
            parts.append(f"{count:,} {noun}{one if count == 1 else many}")
    return f"Compared with {label}: " + " \u00b7 ".join(parts)


class ChangesPanel(QDockWidget):
    """Lists the comparison's records; emits entry_activated when one is picked."""

    entry_activated = Signal(object)  # ChangeEntry
    compare_requested = Signal()
    stop_requested = Signal()

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__("Changes", parent)
        self.setObjectName("changesPanel")
        self.setAccessibleName("Changes panel")
        self._session = session
        self._live: LiveComparison | None = None
        body = QWidget(self)

        self.summary = QLabel(body)
        self.summary.setObjectName("changesSummary")
        self.summary.setWordWrap(True)
        self.compare_button = QPushButton("Compare With\u2026", body)
        self.compare_button.clicked.connect(self.compare_requested)
        self.stop_button = QPushButton("Stop Comparing", body)
        self.stop_button.clicked.connect(self.stop_requested)
        self.file_filter = QComboBox(body)
        self.file_filter.setAccessibleName("Show changes in file")
        self.kind_filter = QComboBox(body)
        self.kind_filter.setAccessibleName("Show changes of kind")
        self.search = QLineEdit(body)
        self.search.setPlaceholderText("Find a record by ID or name")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Find a changed record")

        self.model = ChangesTableModel(self._line_of, self)
        self.view = row_list_view(body, self.model, "Changed records", object_name="changesList",
                                  alternating=False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        for col, width in enumerate((80, 140, 60, 260, 360)):
            self.view.setColumnWidth(col, width)
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)
        self.view.selectionModel().selectionChanged.connect(self._show_detail)

        self.detail_title = QLabel(body)
        self.detail_title.setObjectName("changeDetailTitle")
        self.detail_title.setWordWrap(True)
        self.detail = QTableWidget(body)
        self.detail.setObjectName("changeDetail")
        self.detail.setAccessibleName("The selected record's values")
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.verticalHeader().hide()
        self.detail.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.detail.setWordWrap(False)
        detail_box = QWidget(body)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, body)
        splitter.addWidget(self.view)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.compare_button)
        top.addWidget(self.stop_button)
        filters = QHBoxLayout()
        filters.addWidget(self.file_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        for combo in (self.file_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.set_live(None)

    # -- content -----------------------------------------------------------------------------

    def set_live(self, live: LiveComparison | None) -> None:
        """Show a (new or re-made) comparison, keeping the filters and the selected record."""
        kept = self.selected_entry()
        self._live = live
        changes = live.changes if live is not None else None
        self.stop_button.setEnabled(live is not None)
        self.file_filter.setEnabled(live is not None)
        self.kind_filter.setEnabled(live is not None)
        self.search.setEnabled(live is not None)
        if live is None or changes is None:
            self.summary.setText("Not comparing. File > Compare With\u2026 shows what changed "
                                 "since another bundle, such as the one you sent last time.")
            self._fill_combos(None)
            self.model.set_changes(None, "")
            self._show_detail()
            return
        self.summary.setText(summary_text(changes, live.label))
        self._fill_combos(changes)
        self.apply_filters()
        if kept is not None:
            found = changes.find(kept.kind, kept.file, kept.key)
            if found is not None:
                self.view.selectRow(found)

    def _fill_combos(self, changes: ChangeList | None) -> None:
        for combo, items in (
            (self.file_filter, [("All files", ALL)] + [
                (f"{name} ({sum(counts.values()):,})", name)
                for name, counts in (changes.counts_by_file().items() if changes else ())
                if sum(counts.values())]),
            (self.kind_filter, [("All changes", ALL)] + [
                (f"{KIND_LABEL[kind]} ({changes.count(kind):,})", kind)
                for kind in KINDS if changes is not None and changes.count(kind)]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)

    def apply_filters(self) -> None:
        live = self._live
        if live is None:
            return
        kinds = [k for k in KINDS if k == self.kind_filter.currentData()]
        live.changes.filter(kinds=kinds, file=self.file_filter.currentData() or None,
                            text=self.search.text())
        self.model.set_changes(live.changes, live.label)
        self._show_detail()

    def selected_entry(self) -> ChangeEntry | None:
        index = self.view.currentIndex()
        if not index.isValid() or self.model.changes is None:
            return None
        return self.model.entry(index.row())

    # -- where records are -------------------------------------------------------------------

    def _tables(self, entry: ChangeEntry) -> tuple[Table | None, Table | None]:
        """(its table in the compared bundle, its table in the open bundle)."""
        old = self._live.reference.table(entry.file) if self._live is not None else None
        return old, self._session.table(entry.file)

    def _line_of(self, entry: ChangeEntry) -> int | None:
        old, new = self._tables(entry)
        table = old if entry.kind == "removed" else new
        return table.line_of_id(entry.row_id) if table is not None else None

    # -- the selected record -------------------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.entry_activated.emit(self.model.entry(index.row()))

    def _show_detail(self, *_args: QItemSelection) -> None:
        entry = self.selected_entry()
        self.detail.clear()
        if entry is None or self._live is None:
            self.detail.setRowCount(0)
            self.detail.setColumnCount(0)
            self.detail_title.setText("Select a record to see its values.")
            return
        label = self._live.label
        old, new = self._tables(entry)
        old_values = _record(old, entry.old_row_id)
        new_values = _record(new, entry.row_id) if entry.kind != "removed" else None
        if entry.kind == "removed":
            self.detail_title.setText(
                f"{entry.key} is in {label} (line {self._line_of(entry)}) but not in this "
                "bundle; its values there, read-only:")
        elif entry.kind == "added":
            self.detail_title.setText(f"{entry.key} is new: {label} has no such record.")
        else:
            self.detail_title.setText(f"{entry.key}: {label} beside this bundle; changed values "
                                      "are tinted.")
        columns = ["Column"] + ([label] if old_values is not None else []) \
            + (["This bundle"] if new_values is not None else [])
        names = list(dict.fromkeys([*(old_values or {}), *(new_values or {})]))
        if old_values is not None and new_values is not None:  # what changed first
            names.sort(key=lambda n: old_values.get(n) == new_values.get(n))
        self.detail.setColumnCount(len(columns))
        self.detail.setHorizontalHeaderLabels(columns)
        self.detail.setRowCount(len(names))
        for r, name in enumerate(names):
            cells = [name]
            if old_values is not None:
                cells.append(display_text(old_values.get(name, "")))
            if new_values is not None:
                cells.append(display_text(new_values.get(name, "")))
            differs = old_values is not None and new_values is not None \
                and old_values.get(name) != new_values.get(name)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if differs and c:
                    item.setBackground(CHANGED_BRUSH)
                elif entry.kind == "added" and c:
                    item.setBackground(ADDED_BRUSH)
                if c == 0:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.detail.setItem(r, c, item)
        header = self.detail.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in range(1, len(columns)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)

    def detail_rows(self) -> list[list[str]]:
        """What the detail table shows (tests read it)."""
        rows = []
        for r in range(self.detail.rowCount()):
            items = [self.detail.item(r, c) for c in range(self.detail.columnCount())]
            rows.append([item.text() if item is not None else "" for item in items])
        return rows


def _record(table: Table | None, row_id: int | None) -> dict[str, str] | None:
    if table is None or row_id is None:
        return None
    row = table.row_of_id(row_id)
    if row is None:
        return None
    return {name: table.cell(row, col) for col, name in enumerate(table.header)}

