"""Regenerate docs/screenshot.png: the window on the damaged sample with a bad cell selected.

    python docs/make_screenshot.py        (headless; install fonts-noto-cjk for non-Latin names)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

OUT = Path(__file__).resolve().parent / "screenshot.png"


def main() -> int:
    app = QApplication(sys.argv)
    # A throwaway profile: no recent files or window geometry from the machine it runs on.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from rostereditor.ui import MainWindow
    from rostereditor.ui.files.sample_bundles import sample_bundle_path

    window = MainWindow()
    window.resize(1400, 850)
    window.show()
    window.open_bundle(sample_bundle_path(True))
    for _ in range(250):
        QTest.qWait(20)
        if window.validation_result is not None:
            break
    window.flush_pending_updates()
    table = window.model("users.csv").table
    row = table.row_for_line(667)  # enabledUser "TRUE": Excel's boolean, the sample's damage
    window.go_to_cell("users.csv", row, table.column_index("enabledUser"))
    QTest.qWait(200)
    window.grab().save(str(OUT))
    print(f"wrote {OUT}")
    window.undo_stack.setClean()
    window.close()
    return 0 if app else 1


if __name__ == "__main__":
    sys.exit(main())
