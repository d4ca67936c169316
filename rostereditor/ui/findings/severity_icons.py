"""Small round severity markers drawn at any scale, for the findings list and tab titles."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from rostereditor.ui.findings.severity_style import SEVERITY_COLOR


def _dot(color: QColor, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    margin = size * 0.2
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    painter.end()
    return pixmap


@cache
def severity_icon(severity: str) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48):  # several sizes so high-DPI screens get a crisp one
        icon.addPixmap(_dot(SEVERITY_COLOR.get(severity, SEVERITY_COLOR["info"]), size))
    return icon
