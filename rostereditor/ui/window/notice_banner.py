"""NoticeBanner: a dismissible strip above the grid saying what the reader noticed on opening."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from rostereditor.core.read_notice import ReadNotice
from rostereditor.ui.window.elided_label import ElidedLabel

MAX_LISTED = 3


class NoticeBanner(QFrame):
    """Non-modal: the user can keep working; 'Show in Problems' filters the findings panel."""

    show_details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setAccessibleName("Notices about the opened bundle")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        # The one line a short screen gets instead (shortened with …, all of it on hover).
        self.line = ElidedLabel(self)
        self.line.hide()
        self.details_button = QPushButton("Show in Problems", self)
        self.details_button.clicked.connect(self.show_details_requested)
        self.close_button = QPushButton("Dismiss", self)
        self.close_button.setAccessibleName("Dismiss notices")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.details_button)
        layout.addWidget(self.close_button)
        self._apply_palette()
        self._compact = False
        self._notices: list[ReadNotice] = []
        self.hide()

    def is_compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """On a short screen: one line (the first notice and how many more), not a list."""
        self._compact = compact
        if self._notices:
            self.show_notices(self._notices)

    def _apply_palette(self) -> None:
        # Tooltip colours are the theme's own "note" colours, right in light and dark mode.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(palette)

    def keep_only(self, notices: Sequence[ReadNotice]) -> None:
        """After edits: drop the notices that no longer hold (the unnamed column deleted, say).
        With none left the banner goes; a dismissed banner stays dismissed."""
        if list(notices) == self._notices:
            return
        if self.isHidden():
            self._notices = list(notices)
        else:
            self.show_notices(notices)

    def show_notices(self, notices: Sequence[ReadNotice]) -> None:
        self._notices = list(notices)
        shown = [n for n in notices if n.level in ("error", "warning")] or list(notices)
        if not shown:
            self.hide()
            return
        self.line.setVisible(self._compact)
        self.label.setVisible(not self._compact)
        if self._compact:
            others = f" (and {len(notices) - 1} more)" if len(notices) > 1 else ""
            self.line.setText(f"While opening: {shown[0]}{others}")
            self.show()
            return
        lines = [str(n) for n in shown[:MAX_LISTED]]
        more = len(notices) - len(lines)
        head = "While opening, RosterEditor noticed:" if len(notices) > 1 else "While opening:"
        text = head + "\n" + "\n".join("\u2022 " + line for line in lines)
        if more > 0:
            text += f"\n\u2026 and {more} more (see Problems)."
        self.label.setText(text)
        self.show()
