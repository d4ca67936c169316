"""FindingsPanel: the dockable list of every finding, with filters, search, counts and jump-to."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.background_work import InlineRunner, Job, JobRunner, JobSlot
from rostereditor.core.validation import Finding
from rostereditor.core.validation.findings_listing import FindingsListing
from rostereditor.ui.findings.findings_model import FindingsTableModel, ListedFindings
from rostereditor.ui.grid.cell_editor_keys import is_context_menu_key
from rostereditor.ui.window.row_list_view import row_list_view

ALL = ""
# Up to this many findings a search runs at once; more, in a worker while the list stays.
SEARCH_INLINE_LIMIT = 50_000

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
        self._listing = FindingsListing({})
        # Where searches of a huge list run; the window sets its runner, tests search in place.
        self.runner: JobRunner = InlineRunner()
        self._searching: JobSlot | None = None
        self._search: tuple[FindingsListing, str, np.ndarray | None] | None = None
        # What the list is while it is not the finished check's: None when it is current.
        self._note: str | None = None
        self._listed = False  # whether the list shows a finished check at all
        self._keys = np.zeros(0, dtype=np.int64)  # position keys of the shown findings

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
        self.view = row_list_view(body, self.model, "Problems list")
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

    def set_listing(self, listing: FindingsListing, file_order: Sequence[str] = ()) -> None:
        """Show a result's listing; keeps the user's filter choices when they still apply."""
        self._listing = listing
        self._search = None
        self._listed = True  # a list was given; the window's check state may say more
        self._fill_combos(list(file_order) or [f for f in listing.files if f is not None],
                          list(listing.rules))
        self.apply_filters()

    def set_findings(self, findings: Sequence[Finding], file_order: Sequence[str]) -> None:
        """Show ready-made findings (tests and small tools; results come as listings)."""
        self.set_listing(FindingsListing.of_findings(findings, file_order), file_order)

    @property
    def listing(self) -> FindingsListing:
        return self._listing

    def sort_key(self, f: Finding) -> int:
        """Where a finding sits in the list's order (file, line, column)."""
        return self._listing.key_of(f)

    def position_key(self, file_name: str, line: int | None, col: int,
                     row_id: int | None = None) -> int:
        """The order key of a place in a file (row_id places a row added in the editor)."""
        return self._listing.position_key(file_name, line, col, row_id)

    def all_findings(self) -> ListedFindings:
        return ListedFindings(self._listing, np.arange(len(self._listing), dtype=np.int64))

    def shown_findings(self) -> ListedFindings:
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
        """Show the findings the filters and the search let through (vectorized over the list;
        a search of a huge list runs in a worker and the list follows when it is done)."""
        listing = self._listing
        needle = self.search.text().strip().lower()
        matching = self._search_mask(needle) if needle else None
        if needle and matching is None:
            return  # the search is running; it calls back here when done
        shown = listing.select(file=self.file_filter.currentData() or None,
                               severity=self.severity_filter.currentData() or None,
                               rule=self.rule_filter.currentData() or None, matching=matching)
        self.model.show(listing, shown)
        # The whole list (the usual case) shares the listing's keys rather than copying them.
        self._keys = listing.key if shown is listing.everything() else listing.key[shown]
        self._show_counts()

    def _show_counts(self) -> None:
        """The line above the list: the counts, or what is under way instead of them.

        "No problems found." only ever describes a check that finished: until then the line
        says what is happening, so an empty list never looks like a clean bundle.
        """
        if not self._listed:
            self.counts_label.setText(self._note or "")
            return
        total = len(self._listing)
        text = count_phrase(self._listing.counts()) if total else "No problems found."
        shown = self.model.rowCount()
        if total and shown != total:
            text += f"   (showing {shown:,} of {total:,})"
        if self._note:
            text += f"   \u2014 {self._note}"
        self.counts_label.setText(text)

    def _search_mask(self, needle: str) -> np.ndarray | None:
        """Which findings mention the needle; None while a worker is still finding out."""
        listing, known = self._listing, self._search
        if known is not None and known[0] is listing and known[1] == needle:
            return known[2]
        if len(listing) <= SEARCH_INLINE_LIMIT:
            mask = listing.search(needle)
            self._search = (listing, needle, mask)
            return mask
        if self._searching is None:
            self._searching = JobSlot(self.runner)
        self._search = (listing, needle, None)
        self.counts_label.setText(f"Searching {len(listing):,} problems for \u201c{needle}\u201d\u2026")

        def found(mask: np.ndarray) -> None:
            if self._search is not None and self._search[0] is listing and self._search[1] == needle:
                self._search = (listing, needle, mask)
                self.apply_filters()

        self._searching.start(Job(lambda progress: listing.search(needle, progress), found,
                                  name="searching problems"))
        return None

    def cancel_search(self) -> None:
        """Stop a running search (the window is closing)."""
        if self._searching is not None:
            self._searching.cancel()

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
        index = self._listing.index_of(finding)
        if index is None:
            return
        shown = self.model.shown
        row = int(np.searchsorted(shown, index))
        if row < len(shown) and int(shown[row]) == index:
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.scrollTo(self.model.index(row, 0))

    def next_after(self, key: int, backwards: bool = False) -> Finding | None:
        """The shown finding after (or before) a position, wrapping around the list."""
        shown = self.model.shown
        if not len(shown):
            return None
        if backwards:
            pos = int(np.searchsorted(self._keys, key, side="left")) - 1
            return self.model.finding(pos if pos >= 0 else len(shown) - 1)
        pos = int(np.searchsorted(self._keys, key, side="right"))
        return self.model.finding(pos if pos < len(shown) else 0)
