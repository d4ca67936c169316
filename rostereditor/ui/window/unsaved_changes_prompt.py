"""Ask Save / Discard / Cancel before unsaved changes would be lost."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def ask_save_changes(parent: QWidget, bundle_name: str, action: str) -> Button:
    """Returns Save, Discard or Cancel. `action` completes 'before ...', e.g. 'closing'."""
    return QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to {bundle_name} before {action}?\n\n"
        "If you don't save, your changes will be lost.",
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    )


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
