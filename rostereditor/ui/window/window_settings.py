"""WindowSettings: what the window remembers between runs (QSettings), in one place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class WindowSettings:
    """Recent bundles, window geometry and the toolbar's profile/version choices."""

    def __init__(self) -> None:
        # INI format everywhere, so tests can point it at a temporary folder with QSettings.setPath.
        self._settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                   "RosterEditor", "RosterEditor")

    def recent_paths(self) -> list[str]:
        value = self._settings.value("recent/paths", [])
        if isinstance(value, str):  # QSettings returns a bare string for a one-item list
            value = [value]
        return [str(v) for v in value or [] if v]

    def add_recent(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        paths = [p for p in self.recent_paths() if p != text]
        self._settings.setValue("recent/paths", [text, *paths][:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self._settings.setValue("recent/paths", [p for p in self.recent_paths() if p != path])

    def clear_recent(self) -> None:
        self._settings.setValue("recent/paths", [])

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    @property
    def profile(self) -> str | None:
        value = self._settings.value("validation/profile")
        return str(value) if value else None

    @profile.setter
    def profile(self, name: str) -> None:
        self._settings.setValue("validation/profile", name)

    @property
    def version(self) -> str:
        """'' means 'as the bundle declares'."""
        return str(self._settings.value("validation/version", "") or "")

    @version.setter
    def version(self, value: str) -> None:
        self._settings.setValue("validation/version", value)

    def last_folder(self) -> str:
        return str(self._settings.value("files/last_folder", "") or "")

    def set_last_folder(self, folder: Path | str) -> None:
        self._settings.setValue("files/last_folder", str(folder))

    def sync(self) -> None:
        self._settings.sync()
