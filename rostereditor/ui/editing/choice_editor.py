"""Editable dropdown for enumeration and boolean cells: offers the allowed values, but whatever
is typed is kept exactly (no case folding to a listed value)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget


class ChoiceEditor(QComboBox):
    def __init__(self, values: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        # NoInsert: typing a value not in the list must not add it; case-sensitive matching
        # so typing `Student` is not silently turned into the listed `student`.
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(values))
        completer = QCompleter(list(values), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        self.setCompleter(completer)
        self.setAccessibleName("Value")
        # Size to the longest allowed value, so the cell editor never clips "administrator".
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def _line(self) -> QLineEdit:
        line = self.lineEdit()
        assert line is not None  # editable combo boxes always have one
        return line

    def text(self) -> str:
        return self._line().text()

    def set_text(self, value: str) -> None:
        index = self.findText(value, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
        self._line().setText(value)
