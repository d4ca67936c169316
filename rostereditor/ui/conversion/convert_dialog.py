"""File > Convert: which OneRoster version to convert the open bundle to, and the one option."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.conversion import ConversionOptions

# Where a bundle of each version can go (core.conversion supports these routes).
TARGETS = {"1.0": ("1.1", "1.2"), "1.1": ("1.2",), "1.2": ("1.1",)}


class ConvertDialog(QDialog):
    def __init__(self, parent: QWidget, bundle_name: str, version: str, chosen: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle("Convert to Another OneRoster Version")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        how = "as chosen in the toolbar" if chosen else "as the bundle says"
        intro = QLabel(f"{bundle_name} is OneRoster {version} ({how}). Convert it to:", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for target in TARGETS.get(version, ()):
            button = QRadioButton(f"OneRoster {target}", self)
            button.setAccessibleName(f"OneRoster {target}")
            self.group.addButton(button)
            self.buttons[target] = button
            layout.addWidget(button)
        if self.buttons:
            next(iter(reversed(self.buttons.values()))).setChecked(True)  # the newest
        self.short_users = QCheckBox(
            "Leave resourceSourcedIds out of users.csv (for readers of the shorter 1.2 layout)", self)
        layout.addWidget(self.short_users)
        self.group.buttonToggled.connect(self._update)
        after = QLabel(
            f"The converted copy opens as a new bundle and nothing is written until you save it: "
            f"{bundle_name} is not changed. A report lists every change and everything the other "
            f"version has no place for.", self)
        after.setWordWrap(True)
        layout.addWidget(after)
        buttons = QDialogButtonBox(self)
        self.convert_button = buttons.addButton("&Convert", QDialogButtonBox.ButtonRole.AcceptRole)
        self.convert_button.setEnabled(bool(self.buttons))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def target(self) -> str | None:
        return next((v for v, b in self.buttons.items() if b.isChecked()), None)

    def options(self) -> ConversionOptions:
        return ConversionOptions(user_resource_ids=not (self.target() == "1.2"
                                                        and self.short_users.isChecked()))

    def _update(self) -> None:
        self.short_users.setVisible(self.target() == "1.2")
