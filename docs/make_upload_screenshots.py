"""Regenerate docs/changes-panel.png: the sample district's next export compared with it.

    python docs/make_upload_screenshots.py          (headless)
    python docs/make_upload_screenshots.py --all DIR (also the Summary view and the dialog that
                                                      asks how to read a vendor's report)
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

OUT = Path(__file__).resolve().parent / "changes-panel.png"
REPORT = ("Where,Record,Problem Details,Thing\n"
          "users.csv,3,Grade level not recognised,grades\n"
          "enrollments.csv,7,Student not found,userSourcedId\n"
          "classes.csv,12,Period missing,periods\n")


def main(argv: list[str]) -> int:
    app = QApplication(argv)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from rostereditor.core.bundle_reader import read_bundle
    from rostereditor.core.bundle_writer import write_bundle_zip
    from rostereditor.core.sample_district.next_export import next_export
    from rostereditor.ui import MainWindow
    from rostereditor.ui.files.sample_bundles import sample_bundle_path

    sample = sample_bundle_path(False)
    if sample is None:
        print("the sample district is not installed", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp())
    old = read_bundle(sample)
    new, _ = next_export(old, seed=2, share=0.03)
    write_bundle_zip(old, work / "sent-2025-01-06.zip", keep_backup=False)
    write_bundle_zip(new, work / "export-2025-01-13.zip", keep_backup=False)

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.open_bundle(work / "export-2025-01-13.zip")
    QTest.qWait(300)
    window.comparisons.compare_with(work / "sent-2025-01-06.zip")
    panel = window.comparisons.panel
    panel.file_filter.setCurrentIndex(panel.file_filter.findData("users.csv"))
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("changed"))
    panel.view.selectRow(1)
    entry = panel.selected_entry()
    if entry is not None:
        window.comparisons.go_to_entry(entry)
    QTest.qWait(300)
    window.grab().save(str(OUT))
    print(f"wrote {OUT}")

    if len(argv) > 2 and argv[1] == "--all":
        folder = Path(argv[2])
        folder.mkdir(parents=True, exist_ok=True)
        window.action("view.show_summary").trigger()
        QTest.qWait(300)
        window.grab().save(str(folder / "summary-view.png"))
        report = work / "upload-problems.csv"
        report.write_text(REPORT, encoding="utf-8")
        window.vendor_reports.open(report)
        QTest.qWait(300)
        dialog = window.vendor_reports.dialog
        if dialog is not None:
            dialog.grab().save(str(folder / "vendor-report-mapping.png"))
            dialog.reject()
        print(f"wrote the Summary view and the vendor report dialog to {folder}")
    window.undo_stack.setClean()
    window.close()
    return 0 if app else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
