"""Render resources/app-icon.svg into the PNG, Windows ICO and macOS ICNS icons the builds use.

Run after changing the SVG, then commit the outputs (builds stay deterministic and need no
Pillow):  QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "app-icon.svg"

# Windows picks the closest size for title bars, taskbar, Explorer views and high-DPI scaling.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data (macOS 10.7+); the @2x types share a pixel size.
ICNS_TYPES = (
    (b"ic11", 32),    # 16@2x
    (b"ic12", 64),    # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),   # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),   # 256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
)
PNG_SIZE = 512
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def render(svg: bytes, size: int) -> QImage:
    """The SVG drawn into a transparent size x size ARGB image."""
    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        raise ValueError("the icon SVG could not be parsed")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """A QImage encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A QImage as the bottom-up 32-bit DIB (plus AND mask) that classic ICO entries hold."""
    width, height = image.width(), image.height()
    pixels = bytes(image.constBits())  # Format_ARGB32 is B,G,R,A in memory on little-endian
    stride = image.bytesPerLine()
    rows = [pixels[y * stride : y * stride + width * 4] for y in range(height)]
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    mask_stride = ((width + 31) // 32) * 4  # 1 bit per pixel, rows padded to 32 bits
    # Alpha carries transparency; an all-zero AND mask means "use the colour data".
    return header + b"".join(reversed(rows)) + bytes(mask_stride * height)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO container from size -> entry data (PNG or DIB), smallest first."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, blobs = b"", b""
    for size in sizes:
        data = images[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + directory + blobs


def icns_bytes(elements: list[tuple[bytes, bytes]]) -> bytes:
    """An ICNS container from (4-char type, PNG data) elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build_all(svg: bytes, out_dir: Path) -> dict[str, Path]:
    """Write app-icon.png, app-icon.ico and app-icon.icns into out_dir."""
    images = {size: render(svg, size) for size in {*ICO_SIZES, PNG_SIZE, *dict(ICNS_TYPES).values()}}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    # Vista+ reads PNG entries, but resource tools and old shells expect DIBs below 256 px.
    ico_entries = {size: pngs[size] if size >= 256 else dib_bytes(images[size]) for size in ICO_SIZES}
    outputs = {
        "png": out_dir / "app-icon.png",
        "ico": out_dir / "app-icon.ico",
        "icns": out_dir / "app-icon.icns",
    }
    outputs["png"].write_bytes(pngs[PNG_SIZE])
    outputs["ico"].write_bytes(ico_bytes(ico_entries))
    outputs["icns"].write_bytes(icns_bytes([(kind, pngs[size]) for kind, size in ICNS_TYPES]))
    return outputs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for kind, path in build_all(SOURCE.read_bytes(), SOURCE.parent).items():
        print(f"{kind:5} {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
