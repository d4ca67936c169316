"""A reference cell editor: type an id or part of a name and pick from matching records,
e.g. `usr-00123 — García, José (student, grade 09)`. In list columns each pick replaces the
item being typed (after the last comma), so several records can be chosen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from rostereditor.core.editing.record_labels import RecordLookup

ID_ROLE = Qt.ItemDataRole.UserRole
SUGGESTION_LIMIT = 50
# The popup is as wide as its labels (within reason), not as narrow as the column.
MAX_POPUP_WIDTH = 560


class ReferenceEditor(QLineEdit):
    # Tab (True) or Shift+Tab (False) pressed while the suggestions are open: the completer
    # hands the key to the line edit, which would move the focus away; the grid moves instead.
    tab_pressed = Signal(bool)
    def __init__(self, lookup: RecordLookup, is_list: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup = lookup
        self.is_list = is_list
        self.setAccessibleName(f"Reference to {lookup.file}")
        self.setPlaceholderText("Type an id or a name")
        self.setToolTip(f"Type part of an id or a name to pick a record from {lookup.file}")
        self.suggestions = QStandardItemModel(self)
        self.completer_popup = QCompleter(self.suggestions, self)
        # Our model is already filtered (by id and label, accent-insensitive); show it as is.
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_popup.setWidget(self)
        self.completer_popup.activated[QModelIndex].connect(self._choose)
        self.textEdited.connect(self.refresh_suggestions)

    def focusNextPrevChild(self, next: bool) -> bool:
        self.tab_pressed.emit(next)
        return True

    def open_choices(self) -> None:
        """Alt+Down: the records matching what is typed so far (the first ones if nothing)."""
        self.refresh_suggestions()

    def current_item(self) -> str:
        text = self.text()
        return text.rsplit(",", 1)[-1].strip() if self.is_list else text.strip()

    def refresh_suggestions(self) -> list[str]:
        """Fill the popup with records matching what is being typed; returns their labels."""
        self.suggestions.clear()
        choices = self.lookup.search(self.current_item(), SUGGESTION_LIMIT)
        for choice in choices:
            item = QStandardItem(choice.label)
            item.setData(choice.record_id, ID_ROLE)
            item.setEditable(False)
            self.suggestions.appendRow(item)
        popup = self.completer_popup.popup()
        if choices and self.hasFocus() and popup is not None:
            width = (popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width()
                     + 2 * popup.frameWidth() + 8)
            # Never narrower than the cell, even a cell wider than the usual cap.
            self.completer_popup.complete(QRect(0, 0, max(min(width, MAX_POPUP_WIDTH),
                                                          self.width()), self.height()))
        return [c.label for c in choices]

    def choose_row(self, row: int) -> None:
        self._choose(self.suggestions.index(row, 0))

    def _choose(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id is None:
            return
        if self.is_list and "," in self.text():
            head = self.text().rsplit(",", 1)[0]
            self.setText(f"{head},{record_id}")
        else:
            self.setText(record_id)
