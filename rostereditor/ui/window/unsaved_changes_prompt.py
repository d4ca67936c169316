"""Ask Save / Discard / Cancel before unsaved changes would be lost."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def unsaved_changes_box(parent: QWidget | None, bundle_name: str, action: str) -> QMessageBox:
    """The question, with a letter on each answer (Alt+S, Alt+D, Alt+C): the standard
    buttons have none on Linux, so Discard could not be reached without the mouse or Tab."""
    box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes",
                      f"Save the changes to {bundle_name} before {action}?\n\n"
                      "If you don't save, your changes will be lost.",
                      Button.Save | Button.Discard | Button.Cancel, parent)
    for button, text in ((Button.Save, "&Save"), (Button.Discard, "&Discard"),
                         (Button.Cancel, "&Cancel")):
        box.button(button).setText(text)
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    return box


def ask_save_changes(parent: QWidget, bundle_name: str, action: str) -> Button:
    """Returns Save, Discard or Cancel. `action` completes 'before ...', e.g. 'closing'."""
    box = unsaved_changes_box(parent, bundle_name, action)
    box.exec()
    clicked = box.clickedButton()
    answer = box.standardButton(clicked) if clicked is not None else Button.Cancel
    return answer if answer in (Button.Save, Button.Discard) else Button.Cancel


def confirm_save_with_errors(parent: QWidget, errors: int, warnings: int) -> bool:
    """Warn, don't block: a vendor will likely reject the bundle, but the user decides."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Problems remain")
    error_words = f"{errors:,} error" + ("s" if errors != 1 else "")
    warning_words = f"{warnings:,} warning" + ("s" if warnings != 1 else "")
    box.setText(f"The bundle still has {error_words} and {warning_words}.")
    box.setInformativeText("Vendors usually reject bundles with errors. Save anyway?")
    save = box.addButton("Save Anyway", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(Button.Cancel)
    box.setDefaultButton(save)
    box.exec()
    return box.clickedButton() is save
