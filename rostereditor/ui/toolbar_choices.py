"""The toolbar's vendor profile and OneRoster version: filled, remembered, read back."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox

from rostereditor.core.bundle import Bundle
from rostereditor.core.oneroster_files import SUPPORTED_VERSIONS
from rostereditor.ui import validation_bridge
from rostereditor.ui.window_settings import WindowSettings


class ToolbarChoices(QObject):
    """Wraps the two combo boxes; says when either changed so the bundle is checked again."""

    profile_changed = Signal()
    version_changed = Signal()

    def __init__(self, profile_combo: QComboBox, version_combo: QComboBox,
                 settings: WindowSettings) -> None:
        super().__init__(profile_combo)
        self.profile_combo = profile_combo
        self.version_combo = version_combo
        self._settings = settings
        self.profiles = validation_bridge.available_profiles()
        for profile in self.profiles:
            profile_combo.addItem(profile.title, profile.name)
            profile_combo.setItemData(profile_combo.count() - 1, profile.description,
                                      Qt.ItemDataRole.ToolTipRole)
        wanted = settings.profile or validation_bridge.DEFAULT_PROFILE
        profile_combo.setCurrentIndex(max(0, profile_combo.findData(wanted)))
        version_combo.addItem("As the bundle says", "")
        for version in SUPPORTED_VERSIONS:
            version_combo.addItem(version, version)
        version_combo.setCurrentIndex(max(0, version_combo.findData(settings.version)))
        # Connected after restoring the remembered choices, so start-up does not re-check.
        profile_combo.currentIndexChanged.connect(self._on_profile_changed)
        version_combo.currentIndexChanged.connect(self._on_version_changed)

    def profile_name(self) -> str:
        return str(self.profile_combo.currentData() or validation_bridge.DEFAULT_PROFILE)

    def current_profile(self) -> validation_bridge.ProfileChoice | None:
        name = self.profile_combo.currentData()
        return next((p for p in self.profiles if p.name == name), None)

    def version_choice(self) -> str:
        """The version picked in the toolbar, or "" for "as the bundle says"."""
        return str(self.version_combo.currentData() or "")

    def selected_version(self, bundle: Bundle | None) -> str:
        """The version being checked against: the toolbar's choice, else the bundle's own."""
        choice = self.version_choice()
        if choice:
            return choice
        return bundle.detected_version if bundle is not None else "1.1"

    def show_detected_version(self, bundle: Bundle | None) -> None:
        detected = bundle.detected_version if bundle is not None else None
        self.version_combo.setItemText(0, f"As the bundle says ({detected})" if detected
                                       else "As the bundle says")

    def _on_profile_changed(self) -> None:
        self._settings.profile = str(self.profile_combo.currentData())
        self.profile_changed.emit()

    def _on_version_changed(self) -> None:
        self._settings.version = self.version_choice()
        self.version_changed.emit()
