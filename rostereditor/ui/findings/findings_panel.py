"""FindingsPanel: the dockable list of every finding, with filters, search, counts and jump-to."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.validation import Finding
from rostereditor.ui.findings.findings_model import FindingsTableModel
from rostereditor.ui.grid.cell_editor_keys import is_context_menu_key

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
    # (finding, global position): the window offers the finding's fixes there.
    # The problem, where to show its menu, and whether the keyboard asked (Enter then fixes).
    finding_menu_requested = Signal(object, QPoint, bool)
    collapse_changed = Signal(bool)  # True: only the counts line is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Problems", parent)
        self.setObjectName("findingsPanel")
        self.setAccessibleName("Problems panel")
        self._all: list[Finding] = []
        # What the list is while it is not the finished check's: None when it is current.
        self._note: str | None = None
        self._listed = False  # whether the list shows a finished check at all
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
        # On a short screen the panel starts as this one line; the button opens the list.
        self.list_button = QToolButton(body)
        self.list_button.setText("Show the list")
        self.list_button.setCheckable(True)
        self.list_button.setAccessibleName("Show the problems list")
        self.list_button.toggled.connect(self._show_list)
        self.list_button.hide()
        self._compact = False

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
        # Right-click, the Menu key or Shift+F10 on a problem: what can be done about it.
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)

        filters = QHBoxLayout()
        filters.addWidget(self.file_filter)
        filters.addWidget(self.severity_filter)
        filters.addWidget(self.rule_filter)
        filters.addWidget(self.search, 1)
        self._filters = QWidget(body)
        self._filters.setLayout(filters)
        filters.setContentsMargins(0, 0, 0, 0)
        counts = QHBoxLayout()
        counts.addWidget(self.counts_label, 1)
        counts.addWidget(self.list_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self._filters)
        layout.addLayout(counts)
        layout.addWidget(self.view, 1)
        self.setWidget(body)

        for combo in (self.file_filter, self.severity_filter, self.rule_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        # Typing in the search box filters after a short pause, not on every key.
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self._fill_combos([], [])

    def set_compact(self, compact: bool) -> None:
        """On a short screen the panel starts collapsed to its counts line, so the grid keeps
        the height; "Show the list" opens it (and the panel can be dragged taller)."""
        self._compact = compact
        self.list_button.setVisible(compact)
        self._show_list(self.list_button.isChecked())

    def is_collapsed(self) -> bool:
        return self._compact and not self.list_button.isChecked()

    def _show_list(self, shown: bool) -> None:
        expanded = shown or not self._compact
        self._filters.setVisible(expanded)
        self.view.setVisible(expanded)
        self.list_button.setText("Hide the list" if shown else "Show the list")
        self.collapse_changed.emit(not expanded)

    # -- content -----------------------------------------------------------------------

    def set_check_state(self, note: str | None, *, listed: bool) -> None:
        """Say how current the list is. listed: it shows a finished check (else it is empty
        and the note, e.g. "Checking the bundle… 40 %", stands in for the counts); note: what
        is still under way (None once the list is the latest finished check)."""
        self._note, self._listed = note, listed
        self._show_counts()

    def set_findings(self, findings: Sequence[Finding], file_order: Sequence[str]) -> None:
        """Replace the list; keeps the user's filter choices when they still apply."""
        self._file_rank = {name: i for i, name in enumerate(file_order)}
        self._all = sorted(findings, key=self.sort_key)
        self._listed = True  # a list was given; the window's check state may say more
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
        self._show_counts()

    def _show_counts(self) -> None:
        """The line above the list: the counts, or what is under way instead of them.

        "No problems found." only ever describes a check that finished: until then the line
        says what is happening, so an empty list never looks like a clean bundle.
        """
        if not self._listed:
            self.counts_label.setText(self._note or "")
            return
        counts: Counter[str] = Counter(f.severity for f in self._all)
        text = count_phrase(counts) if self._all else "No problems found."
        shown = self.model.rowCount()
        if self._all and shown != len(self._all):
            text += f"   (showing {shown:,} of {len(self._all):,})"
        if self._note:
            text += f"   \u2014 {self._note}"
        self.counts_label.setText(text)

    # -- navigation --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QContextMenuEvent):
            keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
            index = (self.view.currentIndex() if keyboard
                     else self.view.indexAt(self.view.viewport().mapFrom(
                         self.view, self.view.mapFromGlobal(event.globalPos()))))
            if index.isValid():
                self.view.setCurrentIndex(index)
                rect = self.view.visualRect(index)
                where = (self.view.viewport().mapToGlobal(rect.bottomLeft()) if keyboard
                         else event.globalPos())
                self.finding_menu_requested.emit(self.model.finding(index.row()), where, keyboard)
            return True
        if (watched is self.view and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and is_context_menu_key(event)):
            index = self.view.currentIndex()
            if index.isValid():
                rect = self.view.visualRect(index)
                self.finding_menu_requested.emit(self.model.finding(index.row()),
                                                 self.view.viewport().mapToGlobal(rect.bottomLeft()),
                                                 True)
            return True
        return super().eventFilter(watched, event)

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
