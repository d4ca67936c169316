"""A date cell editor: type freely, or pick from a calendar that writes YYYY-MM-DD."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from rostereditor.ui.window.toolbar_icons import tinted_svg_icon

ISO_DATE = "yyyy-MM-dd"
# Spreadsheet-style dates the calendar can still open on (the cell keeps what it holds until a
# day is picked): US month first, then day first, as Excel writes them.
OTHER_DATES = ("M/d/yyyy", "d/M/yyyy", "d.M.yyyy", "M-d-yyyy", "yyyy/M/d")
# A small calendar page, drawn here so the editor needs no resource file; tinted to the theme.
CALENDAR_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">
<path fill="none" stroke="#000" stroke-width="1.2" d="M2.5 3.5h11v10h-11z"/>
<path d="M2.5 3.5h11v3h-11z"/><path d="M5 1.5v3M11 1.5v3" stroke="#000" stroke-width="1.4"/>
<path d="M4.5 8.5h2v2h-2zM7 8.5h2v2h-2zM9.5 8.5h2v2h-2zM4.5 11h2v1.5h-2z"/></svg>"""


class DateEditor(QLineEdit):
    date_picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Date (YYYY-MM-DD)")
        self.setPlaceholderText("YYYY-MM-DD")
        icon = tinted_svg_icon(CALENDAR_SVG, self.palette().color(QPalette.ColorRole.Text))
        self.pick_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.pick_action.setToolTip("Pick a date from a calendar")
        self.pick_action.setText("Pick a date")
        self.pick_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None

    def sizeHint(self) -> QSize:
        # Room for a whole YYYY-MM-DD plus the calendar button, whatever the column width.
        hint = super().sizeHint()
        text = self.fontMetrics().horizontalAdvance("0000-00-00 ")
        return QSize(max(hint.width() // 2, text + 2 * hint.height() + 8), hint.height())

    def open_choices(self) -> None:
        self.show_calendar()

    def show_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setGridVisible(True)
        calendar.setAccessibleName("Pick a date")
        # Week numbers mean nothing for enrollment or session dates; they only take room.
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # Weeks start where the user's own calendar starts them (Monday in most of the world).
        calendar.setFirstDayOfWeek(QLocale.system().firstDayOfWeek())
        current = opening_date(self.text())
        if current.isValid():
            calendar.setSelectedDate(current)
        calendar.clicked.connect(self.pick)
        calendar.activated.connect(self.pick)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        # Focus inside the popup, so the arrow keys move the day and Enter picks it.
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)
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


def opening_date(text: str) -> QDate:
    """The day a cell's text names, for the calendar to open on (invalid if none)."""
    text = text.strip()
    for form in (ISO_DATE, *OTHER_DATES):
        day = QDate.fromString(text, form)
        if day.isValid():
            return day
    return QDate()
