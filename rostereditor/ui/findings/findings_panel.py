"""FindingsPanel: the dockable list of every finding, with filters, search, counts and jump-to."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.validation import Finding
from rostereditor.ui.findings.findings_model import FindingsTableModel

ALL = ""
_BIG = 1 << 62

SEVERITY_CHOICES = (("All severities", ALL), ("Errors", "error"), ("Warnings", "warning"),
                    ("Notes", "info"))


def count_phrase(counts: Mapping[str, int]) -> str:
    def word(n: int, one: str, many: str) -> str:
        return f"{n:,} {one if n == 1 else many}"

    return "  \u00b7  ".join([
        word(counts.get("error", 0), "error", "errors"),
        word(counts.get("warning", 0), "warning", "warnings"),
        word(counts.get("info", 0), "note", "notes"),
    ])


class FindingsPanel(QDockWidget):
    """Lists findings in file/line order. Emits finding_activated when the user picks one."""

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Problems", parent)
        self.setObjectName("findingsPanel")
        self.setAccessibleName("Problems panel")
        self._all: list[Finding] = []
        self._file_rank: dict[str, int] = {}
        self._keys: list[tuple[int, int, int]] = []

        body = QWidget(self)
        self.file_filter = QComboBox(body)
        self.file_filter.setAccessibleName("Filter problems by file")
        self.severity_filter = QComboBox(body)
        self.severity_filter.setAccessibleName("Filter problems by severity")
        for label, value in SEVERITY_CHOICES:
            self.severity_filter.addItem(label, value)
        self.rule_filter = QComboBox(body)
        self.rule_filter.setAccessibleName("Filter problems by rule")
        self.rule_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rule_filter.setMinimumContentsLength(16)
        self.search = QLineEdit(body)
        self.search.setPlaceholderText("Search problems and values")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search problems")
        self.counts_label = QLabel(body)
        self.counts_label.setAccessibleName("Problem counts")

        self.model = FindingsTableModel(self)
        self.view = QTableView(body)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Problems list")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for col, width in enumerate((90, 140, 60, 140, 420, 140)):
            self.view.setColumnWidth(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)

        filters = QHBoxLayout()
        filters.addWidget(self.file_filter)
        filters.addWidget(self.severity_filter)
        filters.addWidget(self.rule_filter)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.view, 1)
        self.setWidget(body)

        for combo in (self.file_filter, self.severity_filter, self.rule_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        # Typing in the search box filters after a short pause, not on every key.
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self._fill_combos([], [])

    # -- content -----------------------------------------------------------------------

    def set_findings(self, findings: Sequence[Finding], file_order: Sequence[str]) -> None:
        """Replace the list; keeps the user's filter choices when they still apply."""
        self._file_rank = {name: i for i, name in enumerate(file_order)}
        self._all = sorted(findings, key=self.sort_key)
        files = list(file_order)
        rules = sorted({f.rule for f in self._all})
        self._fill_combos(files, rules)
        self.apply_filters()

    def sort_key(self, f: Finding) -> tuple[int, int, int]:
        rank = -1 if f.file is None else self._file_rank.get(f.file, len(self._file_rank))
        line = f.line if f.line is not None else (_BIG if f.row_id is not None else 0)
        col = f.column_index if f.column_index is not None else -1
        return (rank, line, col)

    def position_key(self, file_name: str, line: int | None, col: int) -> tuple[int, int, int]:
        return (self._file_rank.get(file_name, len(self._file_rank)),
                _BIG if line is None else line, col)

    def all_findings(self) -> list[Finding]:
        return self._all

    def shown_findings(self) -> list[Finding]:
        return self.model.findings()

    def _fill_combos(self, files: list[str], rules: list[str]) -> None:
        for combo, first, items in ((self.file_filter, "All files", files),
                                    (self.rule_filter, "All rules", rules)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, ALL)
            for item in items:
                combo.addItem(item, item)
            found = combo.findData(keep)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def apply_filters(self) -> None:
        file_name = self.file_filter.currentData() or ALL
        severity = self.severity_filter.currentData() or ALL
        rule = self.rule_filter.currentData() or ALL
        needle = self.search.text().strip().lower()
        shown = [
            f for f in self._all
            if (not file_name or f.file == file_name)
            and (not severity or f.severity == severity)
            and (not rule or f.rule == rule)
            and (not needle or needle in f.message.lower() or needle in str(f.value or "").lower()
                 or needle in f.rule.lower())
        ]
        self.model.set_findings(shown)
        self._keys = [self.sort_key(f) for f in shown]
        counts: Counter[str] = Counter(f.severity for f in self._all)
        text = count_phrase(counts)
        if len(shown) != len(self._all):
            text += f"   (showing {len(shown):,} of {len(self._all):,})"
        if not self._all:
            text = "No problems found."
        self.counts_label.setText(text)

    # -- navigation --------------------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.finding_activated.emit(self.model.finding(index.row()))

    def select_finding(self, finding: Finding) -> None:
        for row, f in enumerate(self.model.findings()):
            if f is finding:
                self.view.setCurrentIndex(self.model.index(row, 0))
                self.view.scrollTo(self.model.index(row, 0))
                return

    def next_after(self, key: tuple[int, int, int], backwards: bool = False) -> Finding | None:
        """The shown finding after (or before) a position, wrapping around the list."""
        shown = self.model.findings()
        if not shown:
            return None
        if backwards:
            pos = bisect_left(self._keys, key) - 1
            return shown[pos] if pos >= 0 else shown[-1]
        pos = bisect_right(self._keys, key)
        return shown[pos] if pos < len(shown) else shown[0]
