"""Toolbar icons: our monochrome SVGs, tinted with the theme's text colour and rendered crisp."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from rostereditor.ui.resource_files import resource_path

_SIZES = (16, 20, 24, 32, 48, 64)


def themed_icon(name: str, color: QColor) -> QIcon:
    """The icon resources/icons/<name>.svg drawn in `color`, or an empty icon if missing.

    Tinting at load time keeps one set of drawings legible on light and dark palettes.
    """
    path = resource_path(f"icons/{name}.svg")
    if path is None:
        return QIcon()
    return tinted_svg_icon(path.read_bytes(), color)


def tinted_svg_icon(svg: bytes, color: QColor) -> QIcon:
    """An icon from SVG source, every drawn pixel painted in `color`."""
    renderer = QSvgRenderer(QByteArray(svg))
    icon = QIcon()
    for size in _SIZES:  # Qt picks the best size for the screen's pixel ratio
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), color)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
