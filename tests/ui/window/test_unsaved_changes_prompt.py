"""The unsaved-changes question answers from the keyboard: each button has its own letter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from rostereditor.ui.window.unsaved_changes_prompt import ask_save_changes, unsaved_changes_box

Button = QMessageBox.StandardButton


@pytest.mark.parametrize(("letter", "answer"), [
    (Qt.Key.Key_S, Button.Save), (Qt.Key.Key_D, Button.Discard), (Qt.Key.Key_C, Button.Cancel)])
def test_alt_and_a_letter_answers_the_unsaved_changes_question(window, monkeypatch, letter, answer):
    monkeypatch.setattr(QMessageBox, "exec", QDialog.exec)  # the real question, not a record
    pressed: list[Qt.Key] = []
    gave_up: list[str] = []

    def press(left: int = 5000) -> None:
        box = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if not (isinstance(box, QMessageBox) and focus is not None and box.isAncestorOf(focus)):
            if left > 0:
                QTimer.singleShot(10, lambda: press(left - 10))
            elif box is not None:
                box.close()  # never leave the test blocked; its assertions will fail
            return
        QTest.keyClick(focus, letter, Qt.KeyboardModifier.AltModifier)
        pressed.append(letter)
        # A letter presses its button as a click does (shown pressed for a moment); if it did
        # nothing, end the question rather than leave the test waiting.
        QTimer.singleShot(2000, box, lambda: give_up(box))

    def give_up(box: QMessageBox) -> None:
        gave_up.append(box.text())
        box.reject()

    QTimer.singleShot(0, press)
    assert ask_save_changes(window, "district.zip", "closing") == answer
    assert pressed == [letter]
    assert gave_up == []  # the letter answered, not the test's time limit


def test_the_question_names_the_bundle_and_saves_on_enter(window):
    box = unsaved_changes_box(window, "district.zip", "closing")
    assert box.text().startswith("Save the changes to district.zip before closing?")
    assert box.defaultButton() is box.button(Button.Save)
    assert box.escapeButton() is box.button(Button.Cancel)
