"""The About box: name, version and what the program promises about your data."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QMessageBox, QWidget

from rostereditor import __version__


def about_text() -> str:
    return (
        f"<h3>RosterEditor {__version__}</h3>"
        "<p>Fix OneRoster CSV bundles that a vendor rejected.</p>"
        "<p>Every value is kept exactly as typed: <code>09</code> stays <code>09</code>, "
        "<code>true</code> stays <code>true</code>. Files are saved as standard CSV "
        "(RFC 4180) in a zip, with a fresh manifest.</p>"
        f"<p><small>Python {platform.python_version()} \u00b7 Qt for Python {pyside_version}"
        "</small></p>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About RosterEditor", about_text())
