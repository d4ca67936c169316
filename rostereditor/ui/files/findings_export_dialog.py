"""Export Findings: who the report is for decides whether it may hold the cells' values.

Findings reports travel to vendors and help desks; "without values" keeps every name, ID and
other piece of student data at home (file, line, column, rule and problem only).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.wording import plural


class FindingsExportDialog(QDialog):
    def __init__(self, parent: QWidget, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Findings")
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        self.intro = QLabel(f"Export the {plural(count, 'problem')} in the list. Who is the "
                            "report for?", self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.with_values = QRadioButton(
            "&Me or my team: include each cell's value and the suggested fix", self)
        self.without_values = QRadioButton(
            "A &vendor or help desk: leave the values out (no student data)", self)
        group = QButtonGroup(self)
        for button in (self.with_values, self.without_values):
            group.addButton(button)
            layout.addWidget(button)
        self.with_values.setChecked(True)
        detail = QLabel(
            "Without values the report keeps the file, line, column, rule and problem of each "
            "finding, and leaves out every value: names, IDs, e-mail addresses and birth dates "
            "stay here, also where a message would quote them.", self)
        detail.setWordWrap(True)
        layout.addWidget(detail)
        buttons = QDialogButtonBox(self)
        buttons.addButton("&Export\u2026", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def include_values(self) -> bool:
        return not self.without_values.isChecked()
