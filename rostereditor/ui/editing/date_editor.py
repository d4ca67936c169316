"""A date cell editor: type freely, or pick from a calendar that writes YYYY-MM-DD."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

ISO_DATE = "yyyy-MM-dd"


class DateEditor(QLineEdit):
    date_picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Date (YYYY-MM-DD)")
        self.setPlaceholderText("YYYY-MM-DD")
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.pick_action = self.addAction(QIcon(icon), QLineEdit.ActionPosition.TrailingPosition)
        self.pick_action.setToolTip("Pick a date from a calendar")
        self.pick_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None

    def show_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setGridVisible(True)
        current = QDate.fromString(self.text().strip(), ISO_DATE)
        if current.isValid():
            calendar.setSelectedDate(current)
        calendar.clicked.connect(self.pick)
        calendar.activated.connect(self.pick)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.show()
        self.calendar = calendar
        return calendar

    def pick(self, date: QDate) -> None:
        self.setText(date.toString(ISO_DATE))
        if self.calendar is not None:
            self.calendar.close()
            self.calendar.deleteLater()
            self.calendar = None
        self.date_picked.emit()
