"""Find files shipped in rostereditor.resources from source, an installed wheel or a frozen app."""

from __future__ import annotations

import contextlib
import sys
from importlib import resources
from pathlib import Path


def resource_path(relative: str) -> Path | None:
    """A real file path for a packaged resource (e.g. 'icons/open.svg'), or None if missing."""
    candidates: list[Path] = []
    with contextlib.suppress(ModuleNotFoundError, TypeError):
        # Wheels and the source layout are plain folders, so this is a real path.
        candidates.append(Path(str(resources.files("rostereditor.resources").joinpath(relative))))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller unpacks data files under this folder
        candidates += [Path(frozen_root) / "rostereditor" / "resources" / relative,
                       Path(frozen_root) / "resources" / relative]
    # A checkout used without installing: resources/ sits at the repository root.
    candidates.append(Path(__file__).resolve().parents[2] / "resources" / relative)
    for path in candidates:
        if path.is_file():
            return path
    return None
