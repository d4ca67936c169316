"""Start-up stays quick: the Excel layer (openpyxl, a fifth of the import time) loads on first use."""

from __future__ import annotations

import subprocess
import sys

SHOW_WINDOW = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from rostereditor.ui.window.main_window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "openpyxl" or ".xlsx." in m)
print("LOADED:" + ",".join(loaded))
"""


def test_the_window_shows_without_loading_openpyxl():
    done = subprocess.run([sys.executable, "-c", SHOW_WINDOW], capture_output=True, text=True,
                          timeout=120, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("LOADED:"))
    assert line == "LOADED:", line
