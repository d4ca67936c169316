"""make_icons.py turns the one SVG into valid PNG, ICO and ICNS files that Qt can decode."""

import importlib.util
import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

ROOT = Path(__file__).resolve().parents[2]


def _load_make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_icons = _load_make_icons()


@pytest.fixture(scope="module")
def built(tmp_path_factory, qapp):
    out = tmp_path_factory.mktemp("icons")
    return make_icons.build_all((ROOT / "resources" / "app-icon.svg").read_bytes(), out)


def _ico_entries(data):
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for i in range(count):
        w, h, _, _, planes, bpp, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert (planes, bpp) == (1, 32)
        assert offset + size <= len(data)
        entries.append((w or 256, h or 256, data[offset : offset + size]))
    return entries


def _icns_elements(data):
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    elements, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        assert length > 8
        elements[kind] = data[pos + 8 : pos + length]
        pos += length
    assert pos == len(data)
    return elements


@pytest.mark.parametrize("where", ["generated", "committed"])
def test_ico_has_every_windows_size(built, where):
    path = built["ico"] if where == "generated" else ROOT / "resources" / "app-icon.ico"
    entries = _ico_entries(path.read_bytes())
    assert [w for w, _, _ in entries] == list(make_icons.ICO_SIZES)
    for w, h, blob in entries:
        assert w == h
        if w >= 256:
            assert blob.startswith(make_icons.PNG_SIGNATURE)
        else:  # BITMAPINFOHEADER with the doubled height classic ICO DIBs use
            assert struct.unpack_from("<Iii", blob) == (40, w, 2 * w)


@pytest.mark.parametrize("where", ["generated", "committed"])
def test_icns_holds_png_elements_up_to_1024(built, where):
    path = built["icns"] if where == "generated" else ROOT / "resources" / "app-icon.icns"
    elements = _icns_elements(path.read_bytes())
    assert set(elements) == {kind for kind, _ in make_icons.ICNS_TYPES}
    for kind, size in make_icons.ICNS_TYPES:
        blob = elements[kind]
        assert blob.startswith(make_icons.PNG_SIGNATURE)
        width, height = struct.unpack_from(">II", blob, 16)  # IHDR follows the signature
        assert (width, height) == (size, size)


def test_qt_decodes_every_ico_image_upright(built):
    reader = QImageReader(str(built["ico"]))
    assert reader.imageCount() == len(make_icons.ICO_SIZES)
    for i in range(reader.imageCount()):
        assert reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull()
        n = image.width()
        # The table's light header is near the top: a DIB stored top-down would show it low.
        header = image.pixelColor(int(n * 0.3), int(n * 0.25))
        body = image.pixelColor(int(n * 0.3), int(n * 0.75))
        assert header.blue() > header.red() + 20, (n, header.name())
        assert body.lightness() > 230, (n, body.name())
        assert image.pixelColor(0, 0).alpha() == 0  # transparent corner


def test_qt_decodes_icns_and_png(built):
    assert QImageReader(str(built["icns"])).imageCount() == len(make_icons.ICNS_TYPES)
    png = QImageReader(str(built["png"])).read()
    assert (png.width(), png.height()) == (make_icons.PNG_SIZE, make_icons.PNG_SIZE)
