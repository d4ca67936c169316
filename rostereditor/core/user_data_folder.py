"""The per-user folder for data the app keeps for this user alone (backups it could not put elsewhere)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_DIR_NAME = "RosterEditor"
# Tests and support staff can point it somewhere else without touching the user's profile.
DATA_DIR_ENV = "ROSTEREDITOR_DATA_DIR"


def user_data_folder(
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """Where this user's app data lives, following each OS's convention (it may not exist yet).

    Windows: %LOCALAPPDATA%\\RosterEditor (local: never synced to other computers).
    macOS:   ~/Library/Application Support/RosterEditor.
    Others:  $XDG_DATA_HOME/rostereditor, default ~/.local/share/rostereditor.
    """
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    override = env.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if platform == "win32":
        return Path(env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")) / APP_DIR_NAME
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_DIR_NAME
    return Path(env.get("XDG_DATA_HOME") or str(home / ".local" / "share")) / APP_DIR_NAME.lower()
