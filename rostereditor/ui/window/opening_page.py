"""The page shown while a big bundle is read: its name and a progress bar, in place of the
welcome page, until the grid is ready (the welcome page never flashes back meanwhile)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class OpeningPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingPage")
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(420)
        self.bar.setAccessibleName("Opening progress")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def start(self, name: str) -> None:
        self.label.setText(f"Opening {name}\u2026")
        self.bar.setRange(0, 100)
        self.bar.setValue(0)

    def set_percent(self, percent: int) -> None:
        self.bar.setValue(percent)

    def preparing(self) -> None:
        """The files are read; the grid is being made (a moment for a million rows)."""
        self.label.setText(self.label.text().replace("Opening", "Showing", 1))
        self.bar.setValue(100)
        self.repaint()  # painted now: what follows keeps the event loop busy
