"""The Summary view: what the vendor will see once it imports the bundle (people per school,
role and grade; classes per school and term; class sizes; users without enrollments; classes
without students), kept current after edits, exported as CSV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.csv_format import format_record
from rostereditor.core.summary import RosterSummary, SizeStats
from rostereditor.core.summary.summary_report import CSV_HEADER, csv_rows
from rostereditor.core.wording import plural
from rostereditor.ui.summary.summary_tables import (
    ArrayColumnsModel,
    TextRowsModel,
    class_rows,
    people_rows,
)
from rostereditor.ui.window.row_list_view import row_list_view


def stats_text(title: str, stats: SizeStats) -> str:
    if not stats.classes:
        return f"{title}: no classes"
    return (f"{title}: smallest {stats.minimum:,}, median {stats.median:g}, largest "
            f"{stats.maximum:,} (over {plural(stats.classes, 'class', 'classes')})")


def summary_csv(summary: RosterSummary) -> str:
    """The summary as CSV text (as `rostereditor summary --format csv` writes it)."""
    return "".join([format_record(CSV_HEADER), *(format_record(r) for r in csv_rows(summary))])


class SummaryPanel(QDockWidget):
    """Shows a RosterSummary; emits record_requested(file, sourcedId) to go to a listed record."""

    record_requested = Signal(str, str)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Summary", parent)
        self.setObjectName("summaryPanel")
        self.setAccessibleName("Summary")
        self.summary: RosterSummary | None = None
        body = QWidget(self)
        self.records = QLabel(body)
        self.records.setObjectName("summaryRecords")
        self.records.setWordWrap(True)
        self.state = QLabel(body)
        self.state.setObjectName("summaryState")
        self.export_button = QPushButton("Export CSV\u2026", body)
        self.export_button.setObjectName("exportSummary")
        self.export_button.setToolTip("Save the summary as a CSV file (Excel opens it)")
        self.export_button.clicked.connect(self.export_requested)

        self.people = TextRowsModel(self)
        self.classes = TextRowsModel(self)
        self.unenrolled = ArrayColumnsModel(self)
        self.empty_classes = ArrayColumnsModel(self)
        self.sizes = QLabel(body)
        self.sizes.setObjectName("summarySizes")
        self.unenrolled_counts = QLabel(body)
        self.unenrolled_counts.setWordWrap(True)

        self.tabs = QTabWidget(body)
        self.tabs.setDocumentMode(True)
        self.people_view = self._table(self.people, "People per school, role and grade")
        self.classes_view = self._table(self.classes, "Classes per school and term")
        self.unenrolled_view = self._table(self.unenrolled, "Users without enrollments")
        self.empty_view = self._table(self.empty_classes, "Classes without students")
        self.unenrolled_view.activated.connect(
            lambda index: self._request("users.csv", self.unenrolled, index))
        self.empty_view.activated.connect(
            lambda index: self._request("classes.csv", self.empty_classes, index))
        classes_page = QWidget(self.tabs)
        classes_layout = QVBoxLayout(classes_page)
        classes_layout.setContentsMargins(0, 4, 0, 0)
        classes_layout.addWidget(self.sizes)
        classes_layout.addWidget(self.classes_view, 1)
        unenrolled_page = QWidget(self.tabs)
        unenrolled_layout = QVBoxLayout(unenrolled_page)
        unenrolled_layout.setContentsMargins(0, 4, 0, 0)
        unenrolled_layout.addWidget(self.unenrolled_counts)
        unenrolled_layout.addWidget(self.unenrolled_view, 1)
        self.tabs.addTab(self.people_view, "People")
        self.tabs.addTab(classes_page, "Classes")
        self.tabs.addTab(unenrolled_page, "Users without enrollments")
        self.tabs.addTab(self.empty_view, "Classes without students")

        top = QHBoxLayout()
        top.addWidget(self.records, 1)
        top.addWidget(self.state)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.show_summary(None)

    def _table(self, model: TextRowsModel | ArrayColumnsModel, name: str) -> QTableView:
        view = row_list_view(self, model, name, single_selection=False)
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    # -- content -----------------------------------------------------------------------------

    def show_summary(self, summary: RosterSummary | None) -> None:
        self.summary = summary
        self.export_button.setEnabled(summary is not None)
        self.state.setText("")
        if summary is None:
            self.records.setText("Open a bundle to see what the vendor will see once it imports it.")
            for model in (self.people, self.classes):
                model.set_rows([], [])
            for array_model in (self.unenrolled, self.empty_classes):
                array_model.set_columns([])
            self.sizes.setText("")
            self.unenrolled_counts.setText("")
            return
        self.records.setText("What the vendor will see: " + ", ".join(
            f"{name} {count:,}" for name, count in summary.records.items()))
        header, rows = people_rows(summary)
        self.people.set_rows(header, rows, bold_last=True)
        header, rows = class_rows(summary)
        self.classes.set_rows(header, rows)
        self.sizes.setText(stats_text("Enrollments per class", summary.enrollments_per_class)
                           + "\n" + stats_text("Students per class", summary.students_per_class))
        # Students and teachers first: without a class they see nothing at the vendor.
        roles = summary.roles_without_enrollments
        first = np.asarray(pc.is_in(roles, value_set=pa.array(["student", "teacher"]))
                           .to_numpy(zero_copy_only=False), dtype=bool)
        order = pa.array(np.argsort(~first, kind="stable"))
        self.unenrolled.set_columns([("sourcedId", summary.users_without_enrollments.take(order)),
                                     ("Role", roles.take(order))])
        by_role = summary.unenrolled_by_role()
        self.unenrolled_counts.setText(
            ("By role: " + ", ".join(f"{role or '(no role)'} {count:,}"
                                     for role, count in by_role.items())
             + ". Guardians and administrators usually have none; students and teachers "
             "without a class will not see anything at the vendor. Double-click one to go to it.")
            if by_role else "Every user has an enrollment.")
        self.empty_classes.set_columns([("sourcedId", summary.classes_without_students)])
        unenrolled = len(summary.users_without_enrollments)
        empty = len(summary.classes_without_students)
        self.tabs.setTabText(2, f"Users without enrollments ({unenrolled:,})")
        self.tabs.setTabText(3, f"Classes without students ({empty:,})")

    def show_busy(self) -> None:
        self.state.setText("Updating\u2026")

    def _request(self, file: str, model: ArrayColumnsModel, index: QModelIndex) -> None:
        if index.isValid():
            self.record_requested.emit(file, model.value(index.row(), 0))

    # -- export ------------------------------------------------------------------------------

    def export_csv(self, path: Path | str) -> None:
        """Write the summary as CSV with a BOM (so Excel reads the accents); raises OSError."""
        if self.summary is None:
            return
        Path(path).write_text("\ufeff" + summary_csv(self.summary), encoding="utf-8", newline="")

    def choose_and_export(self, folder: str) -> Path | None:
        """Ask where, then export; where it went, or None."""
        if self.summary is None:
            return None
        path, _ = QFileDialog.getSaveFileName(self, "Export the summary",
                                              str(Path(folder or Path.home()) / "summary.csv"),
                                              "CSV files (*.csv)")
        if not path:
            return None
        try:
            self.export_csv(path)
        except OSError as exc:
            QMessageBox.critical(self, "Summary not exported",
                                 f"Could not write {path}: {exc.strerror or exc}")
            return None
        return Path(path)
