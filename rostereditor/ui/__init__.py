"""The desktop editor window (PySide6); everything that imports Qt lives in this package."""

from __future__ import annotations

from typing import Any

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    # Imported lazily so `import rostereditor.ui.editing` does not pull in the whole window
    # (and so the window can import its plug-ins without an import cycle).
    if name == "MainWindow":
        from rostereditor.ui.window.main_window import MainWindow  # noqa: PLC0415

        return MainWindow
    raise AttributeError(name)
