"""The first window fits the screen: at 1280×720 the status bar and the problems panel are on
screen; at 200 % scaling the grid keeps most of the height and the vendor and version choosers
stay in view (not in the toolbar's overflow). Each screen is a separate process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

MEASURE = """
import json, os, sys, tempfile
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
from rostereditor.ui import MainWindow
from rostereditor.core.sample_district import generate_district
window = MainWindow()
window.show()
window.set_bundle(generate_district(students=40, seed=2, damaged=True).bundle)
QTest.qWait(300)
area = window.screen().availableGeometry()
frame = window.frameGeometry()
def box(widget):
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]
view = window.current_view()
print("@@" + json.dumps({
    "screen": [area.width(), area.height()],
    "window": [window.width(), window.height()],
    "frame_fits": area.contains(frame) or (frame.width() <= area.width() and frame.height() <= area.height()),
    "status_bar": box(window.statusBar()), "status_visible": window.statusBar().isVisible(),
    "panel": box(window.findings_panel), "panel_visible": window.findings_panel.isVisible(),
    "panel_collapsed": window.findings_panel.is_collapsed(),
    "grid": box(view),
    "choosers": [window.profile_combo.isVisibleTo(window), window.version_combo.isVisibleTo(window)],
    "choosers_box": [box(window.profile_combo), box(window.version_combo)],
    "banner_one_line": window.banner.is_compact(),
}))
window.close()
"""


def measure(tmp_path, width: int, height: int, scale: float) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {"QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": str(scale)}
    import os

    done = subprocess.run([sys.executable, "-c", MEASURE], capture_output=True, text=True,
                          timeout=120, check=True, env={**os.environ, **env})
    line = next(x for x in done.stdout.splitlines() if x.startswith("@@"))
    return json.loads(line[2:])


def inside(box: list[int], window: list[int]) -> bool:
    x, y, w, h = box
    return x >= 0 and y >= 0 and x + w <= window[0] and y + h <= window[1]


def test_at_1280_by_720_the_status_bar_and_the_problems_panel_are_on_screen(tmp_path):
    m = measure(tmp_path, 1280, 720, 1.0)
    assert m["frame_fits"], m
    assert m["status_visible"]
    assert inside(m["status_bar"], m["window"])
    assert m["panel_visible"]
    assert not m["panel_collapsed"]
    assert inside(m["panel"], m["window"])
    assert m["grid"][3] > 0.5 * m["window"][1]  # the grid keeps most of the height
    assert all(m["choosers"])


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_at_200_percent_the_grid_keeps_most_of_the_height_and_the_choosers_stay(
        tmp_path, width, height):
    m = measure(tmp_path, width, height, 2.0)
    assert m["frame_fits"], m
    assert inside(m["status_bar"], m["window"])
    assert m["panel_visible"]
    assert m["panel_collapsed"]  # its counts line only, until "Show the list"
    assert m["banner_one_line"]  # notices take one line
    assert all(m["choosers"])
    assert all(inside(b, m["window"]) for b in m["choosers_box"])
    if height >= 1080:
        assert m["grid"][3] > 0.5 * m["window"][1]
