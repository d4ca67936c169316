"""StatusSummary: the status bar's permanent parts (rows, selection, column type, check progress)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from rostereditor.core.wording import plural
from rostereditor.ui.window.elided_label import ElidedLabel


class StatusSummary(QWidget):
    """Owns the labels and the validation progress bar placed in a QStatusBar."""

    cancel_requested = Signal()

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.column_label = ElidedLabel(status_bar)
        self.column_label.setAccessibleName("Current column")
        self.selection_label = QLabel(status_bar)
        self.selection_label.setAccessibleName("Selection")
        self.rows_label = QLabel(status_bar)
        self.rows_label.setAccessibleName("Row count")
        self.progress_label = QLabel("Checking\u2026", status_bar)
        self.progress = QProgressBar(status_bar)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Checking progress")
        self.cancel_button = QToolButton(status_bar)
        self.cancel_button.setText("Cancel")
        self.cancel_button.setAccessibleName("Cancel checking")
        self.cancel_button.clicked.connect(self.cancel_requested)
        status_bar.addWidget(self.column_label, 1)
        for widget in (self.progress_label, self.progress, self.cancel_button,
                       self.selection_label, self.rows_label):
            status_bar.addPermanentWidget(widget)
        self.show_progress(None)

    def show_progress(self, fraction: float | None, text: str = "Checking\u2026") -> None:
        """None hides the progress parts; a number in 0..1 shows them."""
        visible = fraction is not None
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.setVisible(visible)
        if visible:
            self.progress_label.setText(text)
            self.progress.setValue(int(max(0.0, min(1.0, fraction or 0.0)) * 1000))

    def set_rows(self, shown: int, total: int) -> None:
        text = plural(total, "row") if shown == total else f"{shown:,} of {plural(total, 'row')} shown"
        self.rows_label.setText(text)

    def set_selection(self, text: str) -> None:
        self.selection_label.setText(text)

    def set_column(self, text: str) -> None:
        self.column_label.setText(text)
