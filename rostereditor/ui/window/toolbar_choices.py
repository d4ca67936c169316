"""The toolbar's vendor profile and OneRoster version: two views of the session's choices.

Picking in a combo box tells the session (which re-checks and announces the change); the
combo boxes follow the session, so there is one place the version and the profile are kept.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox

from rostereditor.core.oneroster_files import SUPPORTED_VERSIONS
from rostereditor.core.session import BundleChanged, EditSession, ProfileChanged, VersionChanged
from rostereditor.core.validation import list_profiles
from rostereditor.ui.window.window_settings import WindowSettings


class ToolbarChoices(QObject):
    """Fills the combo boxes, remembers the choices, and keeps the two sides in step."""

    def __init__(self, profile_combo: QComboBox, version_combo: QComboBox,
                 settings: WindowSettings, session: EditSession) -> None:
        super().__init__(profile_combo)
        self.profile_combo = profile_combo
        self.version_combo = version_combo
        self._settings = settings
        self._session = session
        self.profiles = list_profiles()
        for profile in self.profiles:
            profile_combo.addItem(profile.title, profile.name)
            profile_combo.setItemData(profile_combo.count() - 1, profile.description,
                                      Qt.ItemDataRole.ToolTipRole)
        version_combo.addItem("As the bundle says", "")
        for version in SUPPORTED_VERSIONS:
            version_combo.addItem(version, version)
        self._show_profile(session.profile_name)
        self._show_version(session.version_choice)
        # Connected after showing the session's choices, so start-up does not re-check.
        profile_combo.currentIndexChanged.connect(self._on_profile_picked)
        version_combo.currentIndexChanged.connect(self._on_version_picked)
        session.events.profile_changed.connect(self._on_profile_changed)
        session.events.version_changed.connect(self._on_version_changed)
        session.events.bundle_changed.connect(self._on_bundle_changed)

    def _on_profile_picked(self) -> None:
        name = str(self.profile_combo.currentData() or "")
        if name:
            self._settings.profile = name
            self._session.set_profile(name)

    def _on_version_picked(self) -> None:
        choice = str(self.version_combo.currentData() or "")
        self._settings.version = choice
        self._session.set_version_choice(choice)

    def _on_profile_changed(self, event: ProfileChanged) -> None:
        self._show_profile(event.profile)

    def _on_version_changed(self, event: VersionChanged) -> None:
        self._show_version(event.choice)

    def _on_bundle_changed(self, event: BundleChanged) -> None:
        detected = event.bundle.detected_version if event.bundle is not None else None
        self.version_combo.setItemText(0, f"As the bundle says ({detected})" if detected
                                       else "As the bundle says")

    def _show_profile(self, name: str) -> None:
        self._select(self.profile_combo, name)

    def _show_version(self, choice: str) -> None:
        self._select(self.version_combo, choice)

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = max(0, combo.findData(data))
        if combo.currentIndex() != index:
            combo.blockSignals(True)  # showing the session's state, not a new pick
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
