"""Ask how to read a vendor's error report: which column holds what, how it counts lines, which
file lines without a file name are about, and whose report it is (to remember next time)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.bundle import Bundle
from rostereditor.core.vendor_report import ROLES, ColumnMapping, LineNumbering, ReportTable, Role
from rostereditor.core.vendor_report.file_names import file_meant
from rostereditor.core.vendor_report.report_reading import (
    ReportChoices,
    ReportReading,
    open_questions,
)
from rostereditor.core.vendor_report.vendor_findings import header_row_index, line_number

ROLE_LABELS: dict[Role, str] = {
    "file": "File name", "line": "Line or row number", "sourced_id": "sourcedId",
    "field": "Field or column", "message": "Message", "severity": "Severity",
    "value": "Reported value",
}
NO_COLUMN = "(no such column)"
NAMED_IN_REPORT = "(the file column says)"
PREVIEW_ROWS = 6


@dataclass(frozen=True)
class MappingAnswer:
    """What the user chose."""

    mapping: ColumnMapping
    choices: ReportChoices
    vendor: str
    remember: bool


def offset_answers(offset: int) -> tuple[bool, int]:
    """(header counted, first number) for a line offset; the plainer pair when two fit."""
    return {0: (True, 1), 1: (False, 1), 2: (False, 0)}.get(offset, (True, 1))


class ColumnMappingDialog(QDialog):
    """Shows the report's first rows and lets the user say how to read them."""

    def __init__(self, report: ReportTable, reading: ReportReading, bundle: Bundle, *,
                 vendor: str, vendors: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vendorReportMapping")
        self.setWindowTitle(f"Read {report.name}")
        self._report = report
        self._bundle = bundle
        self._mapping = reading.mapping
        header = list(self._mapping.header)

        intro = QLabel(f"How should RosterEditor read <b>{_escape(report.name)}</b>? Choose the "
                       "column that holds each thing, and how the report counts its lines.", self)
        intro.setWordWrap(True)
        self.questions = QLabel(self)
        self.questions.setObjectName("mappingQuestions")
        self.questions.setWordWrap(True)
        self.questions.setTextFormat(Qt.TextFormat.RichText)
        self._ask_numbering = reading.ask_numbering

        self.vendor = QComboBox(self)
        self.vendor.setObjectName("vendorName")
        self.vendor.setEditable(True)
        self.vendor.addItems(list(dict.fromkeys([vendor, *vendors])))
        self.vendor.setCurrentText(vendor)
        self.vendor.setAccessibleName("Vendor")
        editor = self.vendor.lineEdit()
        if editor is not None:
            editor.setPlaceholderText("Whose report is it? e.g. FastBridge")
        self.vendor.setToolTip("Whose report this is: the choices are remembered for this vendor")

        columns = QGroupBox("Which column holds what", self)
        form = QFormLayout(columns)
        self.role_boxes: dict[Role, QComboBox] = {}
        for role in ROLES:
            box = QComboBox(columns)
            box.setObjectName(f"role:{role}")
            box.setAccessibleName(ROLE_LABELS[role])
            box.addItem(NO_COLUMN, None)
            for name in header:
                box.addItem(name or "(blank header)", name)
            col = self._mapping.column_of(role)
            box.setCurrentIndex(0 if col is None else col + 1)
            box.currentIndexChanged.connect(self._update)
            form.addRow(ROLE_LABELS[role] + ":", box)
            self.role_boxes[role] = box
        self.default_file = QComboBox(columns)
        self.default_file.setObjectName("defaultFile")
        self.default_file.setAccessibleName("File the report is about")
        self.default_file.addItem(NAMED_IN_REPORT, None)
        for name in bundle.data_file_names:
            self.default_file.addItem(name, name)
        found = self.default_file.findData(reading.default_file)
        self.default_file.setCurrentIndex(max(found, 0))
        self.default_file.currentIndexChanged.connect(self._update)
        form.addRow("Lines that name no file are about:", self.default_file)

        numbering = QGroupBox("How the report counts lines", self)
        numbering_form = QFormLayout(numbering)
        counted, first = offset_answers(reading.numbering.offset)
        self.header_counted = QComboBox(numbering)
        self.header_counted.setObjectName("headerCounted")
        self.header_counted.setAccessibleName("The header row is counted")
        self.header_counted.addItem("Yes: the header is line 1, as a spreadsheet shows", True)
        self.header_counted.addItem("No: the first record is counted first", False)
        self.header_counted.setCurrentIndex(0 if counted else 1)
        self.first_number = QComboBox(numbering)
        self.first_number.setObjectName("firstNumber")
        self.first_number.setAccessibleName("Counting starts at")
        self.first_number.addItem("1", 1)
        self.first_number.addItem("0", 0)
        self.first_number.setCurrentIndex(0 if first == 1 else 1)
        for box in (self.header_counted, self.first_number):
            box.currentIndexChanged.connect(self._update)
        numbering_form.addRow("The header row is counted:", self.header_counted)
        numbering_form.addRow("Counting starts at:", self.first_number)
        self.example = QLabel(numbering)
        self.example.setObjectName("numberingExample")
        self.example.setWordWrap(True)
        numbering_form.addRow(self.example)
        if reading.guess is not None:
            guess = QLabel(f"Guessed from the report's sourcedIds: {reading.guess.agreeing} of "
                           f"{reading.guess.checked} lines name the record at that line.", numbering)
            guess.setWordWrap(True)
            numbering_form.addRow(guess)

        self.preview = QTableWidget(self)
        self.preview.setObjectName("reportPreview")
        self.preview.setAccessibleName("The report's first lines")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self._fill_preview()

        self.remember = QCheckBox("Remember these choices for this vendor's reports", self)
        self.remember.setObjectName("rememberChoices")
        self.remember.setChecked(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Show the Problems")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        vendor_row = QHBoxLayout()
        vendor_row.addWidget(QLabel("Vendor:", self))
        vendor_row.addWidget(self.vendor, 1)
        sides = QHBoxLayout()
        sides.addWidget(columns, 1)
        right = QVBoxLayout()
        right.addWidget(numbering)
        right.addStretch(1)
        sides.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.questions)
        layout.addLayout(vendor_row)
        layout.addLayout(sides)
        layout.addWidget(QLabel("The report's first lines:", self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self._update()

    # -- the answer ------------------------------------------------------------------------

    def choose(self, role: Role, header_name: str | None) -> None:
        """Pick a column for a role (tests, and the same as the user picking it)."""
        box = self.role_boxes[role]
        box.setCurrentIndex(max(box.findData(header_name), 0) if header_name is not None else 0)

    def numbering(self) -> LineNumbering:
        return LineNumbering.counting(header_counted=bool(self.header_counted.currentData()),
                                      first=int(self.first_number.currentData()))

    def mapping(self) -> ColumnMapping:
        mapping = self._mapping
        for role, box in self.role_boxes.items():
            mapping = mapping.with_choice(role, box.currentData())
        return mapping

    def answer(self) -> MappingAnswer:
        mapping = self.mapping()
        choices = ReportChoices(mapping.choices(), self.numbering().offset,
                                self.default_file.currentData())
        return MappingAnswer(mapping, choices, self.vendor.currentText().strip(),
                             self.remember.isChecked())

    # -- showing what the choices mean -------------------------------------------------------

    def _update(self) -> None:
        self._mark_preview_headers()
        self.example.setText(self._example())
        questions = open_questions(self.mapping(), self.default_file.currentData(),
                                   ask_numbering=self._ask_numbering)
        self.questions.setVisible(bool(questions))
        self.questions.setText("<br>".join(f"\u26a0 {_escape(q)}" for q in questions))

    def _example(self) -> str:
        """What the first numbered line of the report points at, with these choices."""
        line_col = self.role_boxes["line"].currentData()
        if line_col is None:
            return "Without a line column, problems are placed by sourcedId."
        header = list(self._mapping.header)
        col = header.index(line_col)
        file_col = self.role_boxes["file"].currentData()
        for values in self._body():
            number = line_number(values[col]) if col < len(values) else None
            if number is None:
                continue
            file = values[header.index(file_col)].strip() if file_col in header \
                and header.index(file_col) < len(values) else self.default_file.currentData()
            line = self.numbering().line(number)
            return f"The report's \u201c{values[col].strip()}\u201d is line {line} of " \
                   f"{file or 'its file'}" + self._record_at(file, line) + "."
        return "No line of the report gives a number yet."

    def _record_at(self, file: str | None, line: int) -> str:
        name = file_meant(file) if file else None
        table = self._bundle.table(name) if name else None
        if table is None:
            return ""
        if line == 1:
            return " (its header)"
        row = table.row_for_line(line)
        if row is None:
            return " (past its last record)"
        key = table.column_index("sourcedId")
        return f" (the record {table.cell(row, key)})" if key is not None else ""

    def _body(self) -> list[tuple[str, ...]]:
        start = header_row_index(self._report.rows) or 0
        return list(self._report.rows[start + 1:])

    def _fill_preview(self) -> None:
        header = list(self._mapping.header)
        rows = self._body()[:PREVIEW_ROWS]
        self.preview.setColumnCount(len(header))
        self.preview.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c in range(len(header)):
                self.preview.setItem(r, c, QTableWidgetItem(values[c] if c < len(values) else ""))

    def _mark_preview_headers(self) -> None:
        header = list(self._mapping.header)
        roles = {box.currentData(): ROLE_LABELS[role] for role, box in self.role_boxes.items()
                 if box.currentData() is not None}
        for c, name in enumerate(header):
            label = f"{name}\n[{roles[name]}]" if name in roles else f"{name}\n"
            self.preview.setHorizontalHeaderItem(c, QTableWidgetItem(label))
        self.preview.resizeColumnsToContents()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
