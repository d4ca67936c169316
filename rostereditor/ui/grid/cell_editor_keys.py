"""How a grid's cell editors open and what a key does in them, as in a spreadsheet.

Typing over a cell replaces its value in every editor (the dropdowns too); F2 and a double
click edit in place with the caret at the end; Alt+Down opens an editor's list or calendar.
Editors that offer choices implement `open_choices()`. As in Excel's Enter mode, an editor
opened by typing also commits on Up and Down and moves that way.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex


class Step(IntEnum):
    """Where the current cell goes after a commit (Enter, Shift+Enter, Tab, Shift+Tab)."""

    DOWN = 0
    UP = 1
    RIGHT = 2
    LEFT = 3
    STAY = 4


@runtime_checkable
class OffersChoices(Protocol):
    """An editor with a list or calendar that Alt+Down opens."""

    def open_choices(self) -> None: ...


def editor_line(editor: QWidget | None) -> QLineEdit | None:
    """The line edit the user types into, for plain, dropdown and custom editors alike."""
    if isinstance(editor, QLineEdit):
        return editor
    if isinstance(editor, QComboBox) and editor.isEditable():
        return editor.lineEdit()
    return None


# Set on an editor opened by typing over the cell (Excel's Enter mode).
TYPED_OVER = "rostereditor_typed_over"


def start_typing(editor: QWidget | None, event: QKeyEvent) -> None:
    """The key that opened the editor replaces the value, as in Excel."""
    if editor is not None:
        editor.setProperty(TYPED_OVER, True)
    line = editor_line(editor)
    target: QWidget | None = line or editor
    if line is not None:
        line.selectAll()
    if target is None:
        return
    copy = QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text(),
                     event.isAutoRepeat(), event.count())
    QApplication.sendEvent(target, copy)


def caret_to_end(editor: QWidget | None) -> None:
    """F2 and double click: edit the value in place, the caret after its last character."""
    line = editor_line(editor)
    if line is not None:
        line.deselect()
        line.end(False)


def step_for_key(event: QKeyEvent, typed_over: bool = False) -> Step | None:
    """The move a key asks for when it ends editing; None for keys that do not."""
    key = event.key()
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if typed_over and event.modifiers() == Qt.KeyboardModifier.NoModifier:
        if key == Qt.Key.Key_Up:
            return Step.UP
        if key == Qt.Key.Key_Down:
            return Step.DOWN
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return Step.UP if shift else Step.DOWN
    if key == Qt.Key.Key_Tab:
        return Step.LEFT if shift else Step.RIGHT
    if key == Qt.Key.Key_Backtab:
        return Step.LEFT
    return None


def is_alt_down(event: QKeyEvent) -> bool:
    return (event.key() == Qt.Key.Key_Down
            and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier))


def is_context_menu_key(event: QKeyEvent) -> bool:
    """The Menu key, or Shift+F10 (the same on keyboards without one)."""
    return event.key() == Qt.Key.Key_Menu or (
        event.key() == Qt.Key.Key_F10
        and bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
