"""Benchmark the window between uploads on a large district compared with its next export.

Compare With (read and compare in a worker) against reading and comparing in the core in the
same run; how long the GUI thread is held when an edit makes it compare again (the snapshot)
and how long until the tint follows; the Summary view; the question before saving; a vendor
report of 1,000 lines placed by sourcedId.

Run alone: python benchmarks/uploads_bench.py DISTRICT.zip   (offscreen, in a child process)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

EDITS = 5
REPO = Path(__file__).resolve().parent.parent


def run(bundle_path: Path | str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, __file__, str(bundle_path), "--child"], env=env,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _measure(bundle_path: Path) -> dict:
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "benchmarks"))
    from PySide6.QtCore import QSettings, Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: PLC0415

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      "/tmp/rostereditor-bench")
    app = QApplication([sys.argv[0]])
    import rostereditor  # noqa: PLC0415

    if Path(rostereditor.__file__).resolve().parent.parent != REPO:
        raise RuntimeError(f"measuring {rostereditor.__file__}, not this checkout")
    from compare_bench import next_district  # noqa: PLC0415

    from rostereditor.core.arrow_memory import use_returning_allocator  # noqa: PLC0415
    from rostereditor.core.bundle_reader import read_bundle  # noqa: PLC0415
    from rostereditor.core.comparison import compare_bundles  # noqa: PLC0415
    from rostereditor.ui import MainWindow  # noqa: PLC0415
    from rostereditor.ui.comparison.change_tint import CHANGED_BRUSH  # noqa: PLC0415

    use_returning_allocator()
    old_path = Path(bundle_path)
    new_path = next_district(old_path)

    def wait(condition, seconds: float = 600.0) -> None:
        deadline = time.perf_counter() + seconds
        while not condition():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("benchmark step did not finish")
            time.sleep(0.005)

    figures: dict = {}
    new = read_bundle(new_path)  # the window has it open already: not part of the baseline
    started = time.perf_counter()
    old = read_bundle(old_path)
    compare_bundles(old, new)
    figures["core_read_old_and_compare_s"] = round(time.perf_counter() - started, 2)
    del old, new

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.open_bundle(new_path, background=True)
    wait(lambda: window.bundle is not None and not window.is_checking())
    figures["records"] = sum(len(f.table) for f in window.bundle.files.values())

    started = time.perf_counter()
    window.comparisons.compare_with(old_path, background=True)
    wait(lambda: window.comparisons.tracker.live is not None)
    figures["window_compare_with_s"] = round(time.perf_counter() - started, 2)
    figures["compare_with_ratio"] = round(figures["window_compare_with_s"]
                                          / figures["core_read_old_and_compare_s"], 2)
    figures["changes_listed"] = window.comparisons.tracker.live.changes.total

    tracker = window.comparisons.tracker
    snapshot_ms, tint_s = [], []
    recompare = tracker._recompare

    def timed_recompare(**kwargs):
        began = time.perf_counter()
        recompare(**kwargs)  # the snapshot is taken here, on the GUI thread; then a worker
        snapshot_ms.append((time.perf_counter() - began) * 1000)

    tracker._timer.timeout.disconnect()
    tracker._timer.timeout.connect(timed_recompare)
    model = window.model("users.csv")
    col = model.table.column_index("familyName")
    for i in range(EDITS):
        index = model.index(model.view_row(500 + i), col)
        began = time.perf_counter()
        model.setData(index, f"Bench{i}", Qt.ItemDataRole.EditRole)
        wait(lambda index=index: model.data(index, Qt.ItemDataRole.BackgroundRole) == CHANGED_BRUSH)
        tint_s.append(time.perf_counter() - began)
    figures["edit_gui_thread_snapshot_ms_median"] = round(statistics.median(snapshot_ms), 1)
    figures["edit_to_tint_s_median"] = round(statistics.median(tint_s), 2)
    figures["of_which_wait_after_last_edit_s"] = 0.4

    panel = window.summary_view.panel
    began = time.perf_counter()
    window.action("view.show_summary").trigger()
    wait(lambda: panel.summary is not None and not window.summary_view.refresh.is_busy())
    figures["summary_shown_s"] = round(time.perf_counter() - began, 2)

    QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Cancel  # type: ignore[method-assign]
    window.session.delete_rows("users.csv", list(range(len(window.bundle.table("users.csv")) // 2)))
    wait(lambda: not window.is_checking())  # the full re-check the deletion started
    began = time.perf_counter()
    window.comparisons.removals.confirm()
    figures["removal_question_ms_compared"] = round((time.perf_counter() - began) * 1000, 1)
    window.comparisons.tracker.stop()
    began = time.perf_counter()
    window.comparisons.removals.confirm()
    figures["removal_question_ms_as_opened"] = round((time.perf_counter() - began) * 1000, 1)

    users = window.bundle.table("users.csv")
    ids = users.column_values(0)[:1000]
    report = Path("/tmp/rostereditor-bench/vendor-errors.csv")
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("Entity,SourcedId,Field,Error Message\n" + "".join(
        f"Student,{i},familyName,Name not allowed\n" for i in ids), encoding="utf-8")
    began = time.perf_counter()
    window.vendor_reports.open(report)
    figures["vendor_report_1000_lines_s"] = round(time.perf_counter() - began, 2)
    window.undo_stack.setClean()
    window.shut_down()
    return figures


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(_measure(Path(sys.argv[1]))))
    else:
        for key, value in run(sys.argv[1]).items():
            print(f"{key:40} {value}")
