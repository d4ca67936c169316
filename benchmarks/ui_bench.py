"""Benchmark the editor window: open until the first rows are painted, and edit until highlighted.

Run alone: python benchmarks/ui_bench.py DISTRICT.zip   (offscreen; targets: <= 2 s, <= 50 ms)
Runs in a child process so the peak memory figure is the window's own.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

EDITS = 20
# The checkout this file belongs to. Run as a script, sys.path starts at benchmarks/, so
# `import rostereditor` found whatever was pip-installed (an editable install of another
# clone, say) and measured that code instead of this checkout's.
REPO = Path(__file__).resolve().parent.parent


def _peak_rss_bytes() -> int:
    # VmHWM is this process's own high-water mark; ru_maxrss also carries the parent's from fork.
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run(bundle_path: Path | str) -> dict:
    """Measure in a fresh process; returns the figures as a dict."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, __file__, str(bundle_path), "--child"], env=env,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _measure(bundle_path: Path) -> dict:
    sys.path.insert(0, str(REPO))
    # Imported here: the parent process (benchmarks/run.py) must not load Qt.
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "/tmp/rostereditor-bench")
    app = QApplication([sys.argv[0]])
    import rostereditor  # noqa: PLC0415
    from rostereditor.ui import MainWindow  # noqa: PLC0415

    if Path(rostereditor.__file__).resolve().parent.parent != REPO:
        raise RuntimeError(f"measuring {rostereditor.__file__}, not this checkout")
    from rostereditor.core.arrow_memory import use_returning_allocator  # noqa: PLC0415

    use_returning_allocator()  # as rostereditor.cli.main does before the window starts
    from rostereditor.cli.pandas_refusal import RefusePandas  # noqa: PLC0415

    sys.meta_path.insert(0, RefusePandas())  # as main() does: pyarrow must not import pandas

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    def wait(condition, seconds: float = 300.0) -> None:
        deadline = time.perf_counter() + seconds
        while not condition():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("benchmark step did not finish")
            time.sleep(0.005)  # idle like a real event loop, not a busy spin

    figures: dict = {"bundle_mb": round(bundle_path.stat().st_size / 1e6, 1)}
    clock = QElapsedTimer()
    clock.start()
    window.open_bundle(bundle_path, background=True)
    wait(lambda: window.bundle is not None)
    figures["open_read_s"] = clock.elapsed() / 1000
    watch = PaintWatch()
    view = window.current_view()
    view.viewport().installEventFilter(watch)
    view.viewport().update()
    wait(lambda: watch.painted)
    figures["open_to_first_rows_painted_s"] = clock.elapsed() / 1000
    figures["rows"] = sum(len(f.table) for f in window.bundle.files.values())
    wait(lambda: not window.is_checking() and window.validation_result is not None)
    figures["open_to_findings_ready_s"] = clock.elapsed() / 1000
    window.flush_pending_updates()
    figures["findings"] = len(window.all_findings())

    name = max(window.bundle.data_file_names, key=lambda n: len(window.bundle.files[n].table))
    window.tabs.setCurrentWidget(window.page(name))
    model = window.model(name)
    view = window.current_view()
    col = model.table.column_index("beginDate") or 1
    view.viewport().installEventFilter(watch)
    # Time validation's incremental re-check separately, to see the window's own share.
    revalidate = window.validator.revalidate
    revalidate_times: list[float] = []

    def timed_revalidate(*args, **kwargs):
        started = time.perf_counter()
        try:
            return revalidate(*args, **kwargs)
        finally:
            revalidate_times.append(time.perf_counter() - started)

    window.validator.revalidate = timed_revalidate
    timings = []
    for i in range(EDITS):
        row = 1000 + i
        index = model.index(model.view_row(row), col)
        view.scrollTo(index)
        app.processEvents()
        good = model.data(index, Qt.ItemDataRole.EditRole)
        watch.painted = False
        started = time.perf_counter()
        model.setData(index, "8/27/2024", Qt.ItemDataRole.EditRole)  # an Excel-style date: error
        wait(lambda index=index: model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
             and watch.painted)
        timings.append(time.perf_counter() - started)
        model.setData(index, good, Qt.ItemDataRole.EditRole)
        app.processEvents()
    figures["edit_file"] = f"{name} ({len(model.table):,} rows)"
    figures["edit_to_highlight_ms_median"] = round(statistics.median(timings) * 1000, 1)
    figures["edit_to_highlight_ms_max"] = round(max(timings) * 1000, 1)
    figures["of_which_validator_revalidate_ms_median"] = round(statistics.median(revalidate_times) * 1000, 1)
    figures["peak_rss_mb"] = round(_peak_rss_bytes() / 1e6, 1)
    window.undo_stack.setClean()
    window._unrecorded_changes = False
    window.close()
    return figures


def report(figures: dict) -> None:
    for key, value in figures.items():
        print(f"{key:34} {value}")
    first = "met" if figures["open_to_first_rows_painted_s"] <= 2 else "MISSED"
    edit = "met" if figures["edit_to_highlight_ms_median"] <= 50 else "MISSED"
    print(f"target first rows <= 2 s: {first}; edit <= 50 ms: {edit}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--child":
        print(json.dumps(_measure(Path(sys.argv[1]))))
    else:
        default = Path(__file__).parent / "out" / "district-100000.zip"
        path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
        report(run(path))
