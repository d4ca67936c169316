"""Editable dropdown for enumeration and boolean cells: offers the allowed values, but whatever
is typed is kept exactly (no case folding to a listed value)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# Enough rows to see every role or grade at once without scrolling.
VISIBLE_CHOICES = 16


class RoomyChoices(QStyledItemDelegate):
    """List rows as tall as the grid's, easy to read and to hit (the style's are cramped)."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 12, max(hint.height(), option.fontMetrics.height() + 10))


class ChoiceEditor(QComboBox):
    # A value was picked from the open list (Enter or a click): the cell takes it at once.
    chosen = Signal()

    def __init__(self, values: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        # NoInsert: typing a value not in the list must not add it; case-sensitive matching
        # so typing `Student` is not silently turned into the listed `student`.
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(values))
        completer = QCompleter(list(values), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        # As Excel's AutoComplete: "stu" shows "stu|dent" with the rest selected; Enter takes
        # it, Delete keeps just what was typed.
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.setCompleter(completer)
        self.setAccessibleName("Value")
        self.setMaxVisibleItems(VISIBLE_CHOICES)
        self.setItemDelegate(RoomyChoices(self))
        # Size to the longest allowed value, so the cell editor never clips "administrator".
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._list_open = False
        self.activated.connect(self._on_activated)

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

    def open_choices(self) -> None:
        self.showPopup()

    def showPopup(self) -> None:
        # The list is at least as wide as the cell and wide enough for the longest value.
        view = self.view()
        scroll = view.verticalScrollBar().sizeHint().width() if self.count() > VISIBLE_CHOICES else 0
        wanted = view.sizeHintForColumn(0) + scroll + 2 * view.frameWidth() + 16
        view.setMinimumWidth(max(self.width(), wanted))
        self._list_open = True
        super().showPopup()

    def hidePopup(self) -> None:
        super().hidePopup()
        # A pick closes the list before it is announced (activated): forget it a turn later.
        QTimer.singleShot(0, self._forget_list)

    def _forget_list(self) -> None:
        self._list_open = False

    def _on_activated(self, _index: int) -> None:
        if self._list_open:
            # Picked from the list (Enter on an item, or a click); not Enter in the text box,
            # which the grid's editor keys handle themselves.
            self._list_open = False
            self.chosen.emit()
