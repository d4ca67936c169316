"""Benchmark the editor window: first rows painted, edit until highlighted, sort, peak memory.

Run alone: python benchmarks/ui_bench.py DISTRICT.zip   (offscreen)
Targets: first rows painted <= 1 s after the first file is read, edit -> highlight <= 50 ms,
no event-loop stall over 100 ms while sorting. Runs in a child process so the peak memory
figure is the window's own.
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
    from rostereditor.cli.pandas_refusal import RefusePandas  # noqa: PLC0415

    sys.meta_path.insert(0, RefusePandas())  # as rostereditor.cli.main does for the window
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

    figures: dict = {"bundle_mb": round(bundle_path.stat().st_size / 1e6, 1)}
    figures["first_file_read_s"] = _first_file_read_s(bundle_path)
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

    def wait(condition, seconds: float = 1800.0) -> None:  # 800k students on a busy machine
        deadline = time.perf_counter() + seconds
        while not condition():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("benchmark step did not finish")
            time.sleep(0.005)  # idle like a real event loop, not a busy spin

    # The GUI thread's pulse for the whole session: a 10 ms timer notes each event-loop turn,
    # and the longest gap between beats in a phase is the longest the window froze in it.
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    pulse: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: pulse.append(time.perf_counter()))
    heartbeat.start()
    phases: dict[str, tuple[float, float]] = {}

    clock = QElapsedTimer()
    clock.start()
    phase_start = time.perf_counter()
    window.open_bundle(bundle_path, background=True)
    # The first file's tab appears while the rest is still being read.
    wait(lambda: window.current_view() is not None)
    watch = PaintWatch()
    view = window.current_view()
    view.viewport().installEventFilter(watch)
    view.viewport().update()
    wait(lambda: watch.painted)
    figures["open_to_first_rows_painted_s"] = clock.elapsed() / 1000
    figures["first_rows_after_first_file_s"] = round(
        figures["open_to_first_rows_painted_s"] - figures["first_file_read_s"], 3)
    wait(lambda: window.bundle is not None)
    figures["open_read_s"] = clock.elapsed() / 1000
    phases["open"] = (phase_start, time.perf_counter())
    phase_start = time.perf_counter()
    figures["rows"] = sum(len(f.table) for f in window.bundle.files.values())
    wait(lambda: not window.is_checking() and window.validation_result is not None)
    figures["open_to_findings_ready_s"] = clock.elapsed() / 1000
    # The problems list follows, arranged in a worker for a big result.
    wait(lambda: len(window.findings_panel.listing) == window.validation_result.total)
    figures["findings"] = len(window.findings_panel.listing)
    phases["check"] = (phase_start, time.perf_counter())

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
    phase_start = time.perf_counter()
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
    phases["edit"] = (phase_start, time.perf_counter())
    figures["edit_file"] = f"{name} ({len(model.table):,} rows)"
    figures["edit_to_highlight_ms_median"] = round(statistics.median(timings) * 1000, 1)
    figures["edit_to_highlight_ms_max"] = round(max(timings) * 1000, 1)
    figures["of_which_validator_revalidate_ms_median"] = round(statistics.median(revalidate_times) * 1000, 1)
    phase_start = time.perf_counter()
    figures.update(_measure_sort(app, window, name, wait))
    phases["sort"] = (phase_start, time.perf_counter())
    heartbeat.stop()
    for phase, (start, end) in phases.items():
        beats = [b for b in pulse if start <= b <= end]
        gaps = [b - a for a, b in zip([start, *beats], [*beats, end], strict=True)]
        figures[f"gui_longest_stall_ms_{phase}"] = round(max(gaps, default=0.0) * 1000, 1)
    figures["peak_rss_mb"] = round(_peak_rss_bytes() / 1e6, 1)
    window.undo_stack.setClean()
    window._unrecorded_changes = False
    window.close()
    return figures


def _first_file_read_s(bundle_path: Path) -> float:
    """Seconds to read the bundle's first file alone: when its rows could first be shown.

    A stand-in until the window reports when it has read its first file; that file is the
    first the reader takes from the zip.
    """
    import tempfile  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    from rostereditor.core.bundle_reader import read_bundle  # noqa: PLC0415

    with zipfile.ZipFile(bundle_path) as archive, tempfile.TemporaryDirectory() as folder:
        first = next(n for n in archive.namelist() if n.lower() != "manifest.csv")
        alone = Path(folder) / "first.zip"
        with zipfile.ZipFile(alone, "w", zipfile.ZIP_DEFLATED) as out:
            out.writestr(first, archive.read(first))
        started = time.perf_counter()
        read_bundle(alone)
        return round(time.perf_counter() - started, 3)


def _measure_sort(app, window, name: str, wait) -> dict:
    """Sort the largest file by its second column as a user would, watching the event loop.

    A 10 ms heartbeat timer notes when the event loop runs; the longest gap between beats is
    the longest the window froze. The new order counts as shown when the model announces a
    new layout (layoutChanged or modelReset), whether the sort ran on the GUI thread or not.
    """
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    model = window.model(name)
    col = model.table.column_index("userSourcedId") or 1
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    shown: list[float] = []

    def new_order_shown(*_args) -> None:
        shown.append(time.perf_counter())

    model.layoutChanged.connect(new_order_shown)
    model.modelReset.connect(new_order_shown)
    heartbeat.start()
    wait(lambda: len(beats) >= 5)
    started = time.perf_counter()
    # Posted, not called: the sort starts from the event loop, as a menu command's does.
    QTimer.singleShot(0, lambda: window.page(name).sort_by(col))
    wait(lambda: bool(shown))
    settle = time.perf_counter() + 0.2
    wait(lambda: time.perf_counter() > settle)
    heartbeat.stop()
    model.layoutChanged.disconnect(new_order_shown)
    model.modelReset.disconnect(new_order_shown)
    during = [b for b in beats if b >= started]
    gaps = [b - a for a, b in zip([started, *during], during, strict=False)]
    return {
        "sort_file": f"{name} by {model.table.header[col]}",
        "sort_until_new_order_shown_s": round(shown[0] - started, 3),
        "sort_longest_event_loop_stall_ms": round(max(gaps, default=0.0) * 1000, 1),
    }


def report(figures: dict) -> None:
    for key, value in figures.items():
        print(f"{key:34} {value}")
    first = "met" if figures["first_rows_after_first_file_s"] <= 1 else "MISSED"
    edit = "met" if figures["edit_to_highlight_ms_median"] <= 50 else "MISSED"
    stall = "met" if figures["sort_longest_event_loop_stall_ms"] <= 100 else "MISSED"
    print(f"targets: first rows <= 1 s after the first file is read: {first}; "
          f"edit <= 50 ms: {edit}; sort stalls the window <= 100 ms: {stall}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--child":
        print(json.dumps(_measure(Path(sys.argv[1]))))
    else:
        default = Path(__file__).parent / "out" / "district-100000.zip"
        path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
        report(run(path))
