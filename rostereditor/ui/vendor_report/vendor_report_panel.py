"""The Vendor Report panel: every line of the report the vendor sent back, what is still to do,
what is done, and the lines that match nothing in the bundle (listed, never dropped)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.session import BundleChanged, EditSession, ResultChanged
from rostereditor.core.validation import Finding
from rostereditor.core.wording import plural
from rostereditor.ui.vendor_report.vendor_report_model import (
    ReportRow,
    VendorReportModel,
    report_rows,
)
from rostereditor.ui.window.row_list_view import row_list_view

STATE_FILTERS = (("All lines", ""), ("To do", "open"), ("Done", "done"),
                 ("Matching nothing", "unmatched"))


class VendorReportPanel(QDockWidget):
    """Follows the session's pinned vendor report. Emits finding_activated for a placed line."""

    finding_activated = Signal(object)
    reread_requested = Signal()
    close_requested = Signal()

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__("Vendor Report", parent)
        self.setObjectName("vendorReportPanel")
        self.setAccessibleName("Vendor report panel")
        self._session = session
        body = QWidget(self)
        self.summary = QLabel(body)
        self.summary.setObjectName("vendorReportSummary")
        self.summary.setWordWrap(True)
        self.state_filter = QComboBox(body)
        self.state_filter.setAccessibleName("Show report lines")
        for label, value in STATE_FILTERS:
            self.state_filter.addItem(label, value)
        self.state_filter.currentIndexChanged.connect(self.refresh)
        self.dismiss_button = QPushButton("Dismiss", body)
        self.dismiss_button.setObjectName("dismissVendorProblem")
        self.dismiss_button.setToolTip("Take the selected problem off the list (the vendor was "
                                       "wrong, or it was fixed elsewhere); Restore brings it back")
        self.dismiss_button.clicked.connect(self.toggle_dismissed)
        self.reread_button = QPushButton("Columns and Line Numbers\u2026", body)
        self.reread_button.setObjectName("rereadVendorReport")
        self.reread_button.setToolTip("Say again which column holds what and how the report "
                                      "counts lines")
        self.reread_button.clicked.connect(self.reread_requested)
        self.close_button = QPushButton("Close Report", body)
        self.close_button.setObjectName("closeVendorReport")
        self.close_button.clicked.connect(self.close_requested)

        self.model = VendorReportModel(self)
        self.view = row_list_view(body, self.model, "Vendor report lines",
                                  object_name="vendorReportLines")
        for col, width in enumerate((90, 120, 140, 60, 140, 420)):
            self.view.setColumnWidth(col, width)
        self.view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.state_filter)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.reread_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.setWidget(body)

        session.events.result_changed.connect(self._on_result)
        session.events.bundle_changed.connect(self._on_bundle)
        self.refresh()

    # -- content -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the list from the session, keeping the selected line selected."""
        report = self._session.vendor_report
        current = self.selected_row()
        rows = report_rows(self._session.pinned_items(), report.unmatched) if report else []
        wanted = self.state_filter.currentData() or ""
        shown = [r for r in rows if not wanted or r.state == wanted
                 or (wanted == "done" and r.state in ("fixed", "dismissed"))]
        self.model.set_rows(shown)
        numbered = report is not None and report.mapping.column_of("line") is not None
        self.summary.setText(_summary(report.name if report else None, rows,
                                      report.numbering.describe() if numbered and report else ""))
        for widget in (self.reread_button, self.close_button, self.state_filter):
            widget.setEnabled(report is not None)
        if current is not None:
            for number, row in enumerate(shown):
                if row.report_line == current.report_line and row.state != "unmatched" \
                        and current.state != "unmatched":
                    self.view.selectRow(number)
                    break
        self._update_buttons()

    def selected_row(self) -> ReportRow | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_line(self, report_line: int) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.report_line == report_line:
                self.view.selectRow(number)
                return True
        return False

    def toggle_dismissed(self) -> None:
        row = self.selected_row()
        if row is None or row.finding is None:
            return
        self._session.dismiss_pinned(row.finding, dismissed=row.state != "dismissed")

    # -- events ------------------------------------------------------------------------------

    def _on_result(self, _event: ResultChanged) -> None:
        self.refresh()

    def _on_bundle(self, _event: BundleChanged) -> None:
        self.refresh()

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        finding: Finding | None = self.model.row(index.row()).finding
        if finding is not None:
            self.finding_activated.emit(finding)

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected_row()
        placed = row is not None and row.finding is not None
        self.dismiss_button.setEnabled(placed)
        self.dismiss_button.setText("Restore" if placed and row is not None
                                    and row.state == "dismissed" else "Dismiss")


def _summary(name: str | None, rows: list[ReportRow], numbering: str) -> str:
    if name is None:
        return ("No vendor report is open. File > Open Vendor Report\u2026 shows the problems a "
                "vendor sent back on the records they name.")
    states = Counter(r.state for r in rows)
    placed = len(rows) - states["unmatched"]
    parts = [f"{name}: {plural(placed, 'problem')} placed on records",
             f"{states['open']:,} to do", f"{states['fixed']:,} fixed",
             f"{states['dismissed']:,} dismissed"]
    text = ", ".join(parts[:1]) + " \u2014 " + ", ".join(parts[1:])
    if states["unmatched"]:
        text += f"; {plural(states['unmatched'], 'line')} matching nothing in this bundle"
    return text + (f". Line numbers: {numbering}." if numbering else ".")
