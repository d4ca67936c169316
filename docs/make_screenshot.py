"""Regenerate the window's pictures in docs/: the README screenshot, and the first window on a
1280×720 screen and on a 1920×1080 screen at 200 % scaling (each fitted to its screen).

    python docs/make_screenshot.py        (headless; install fonts-noto-cjk for non-Latin names)
    python docs/make_screenshot.py --screen 1280x720 --scale 1 --out docs/window-1280x720.png

Each picture is made in its own process on Qt's offscreen platform, given a screen of that size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# (screen, scale, file, fixed window size or None for the first window's own fit)
PICTURES = (
    ("1920x1080", 1.0, "screenshot.png", (1400, 850)),
    ("1280x720", 1.0, "window-1280x720.png", None),
    ("1920x1080", 2.0, "window-200-percent.png", None),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--screen", help="WIDTHxHEIGHT of the screen, in device pixels")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling (2 = 200 %%)")
    parser.add_argument("--size", help="WIDTHxHEIGHT of the window (default: its first fit)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.screen is None:
        for screen, scale, name, size in PICTURES:
            command = [sys.executable, __file__, "--screen", screen, "--scale", str(scale),
                       "--out", str(DOCS / name)]
            if size is not None:
                command += ["--size", f"{size[0]}x{size[1]}"]
            subprocess.run(command, check=True)
        return 0
    return picture(args.screen, args.scale, args.size, args.out)


def picture(screen: str, scale: float, size: str | None, out: Path) -> int:
    width, height = (int(n) for n in screen.split("x"))
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    # A throwaway profile: no recent files or window geometry from the machine it runs on.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from rostereditor.ui import MainWindow

    window = MainWindow()
    if size is not None:
        window.resize(*(int(n) for n in size.split("x")))
    window.show()
    window.open_sample(damaged=True)
    for _ in range(250):
        QTest.qWait(20)
        if window.validation_result is not None:
            break
    window.flush_pending_updates()
    table = window.model("users.csv").table
    row = table.row_for_line(667)  # enabledUser "TRUE": Excel's boolean, the sample's damage
    window.go_to_cell("users.csv", row, table.column_index("enabledUser"))
    QTest.qWait(300)
    window.grab().save(str(out))
    logical = window.screen().availableGeometry()
    print(f"wrote {out} (screen {screen} at {scale:g}x = {logical.width()}x{logical.height()} "
          f"logical; window {window.width()}x{window.height()})")
    window.undo_stack.setClean()
    window.close()
    return 0 if app else 1


if __name__ == "__main__":
    sys.exit(main())
