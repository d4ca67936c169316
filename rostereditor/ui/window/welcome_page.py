"""The page shown before a bundle is open: what to do, with Open and Try the Sample buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def build_welcome_page(parent: QWidget, open_bundle: Callable[[], object],
                       open_sample: Callable[[], object]) -> QWidget:
    page = QWidget(parent)
    page.setObjectName("welcome")
    title = QLabel("<h2>Open a OneRoster bundle</h2>", page)
    text = QLabel(
        "Open the zip a vendor rejected (or a folder, or the CSV files), fix what is "
        "highlighted, and save. Values are kept exactly as typed.\n\n"
        "You can also drop a zip or CSV files onto this window.", page)
    text.setWordWrap(True)
    text.setMaximumWidth(520)
    text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    open_button = QPushButton("Open Bundle\u2026", page)
    open_button.clicked.connect(open_bundle)
    sample_button = QPushButton("Try the Sample District", page)
    sample_button.clicked.connect(open_sample)
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    buttons.addWidget(open_button)
    buttons.addWidget(sample_button)
    buttons.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    for widget in (title, text):
        layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addSpacing(12)
    layout.addLayout(buttons)
    layout.addStretch(2)
    return page
