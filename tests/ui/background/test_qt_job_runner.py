"""The window's one background mechanism: results on the GUI thread, a superseded job cancelled,
and no job outliving its window."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from PySide6.QtCore import QThread

from rostereditor.core.background_work import Job
from rostereditor.core.errors import Cancelled
from rostereditor.core.sample_district import generate_district
from rostereditor.ui.background.qt_job_runner import QtJobRunner


def _until_cancelled(started: threading.Event | None = None):
    def work(progress):
        if started is not None:
            started.set()
        while progress(0.5):
            time.sleep(0.005)
        raise Cancelled
    return work


def test_results_and_progress_arrive_on_the_gui_thread(qtbot):
    runner = QtJobRunner()
    seen: list[tuple[str, bool]] = []
    gui = QThread.currentThread()

    def work(progress):
        progress(0.5)
        return QThread.currentThread() is not gui

    runner.start(Job(work, lambda off_thread: seen.append(("done", off_thread)),
                     on_progress=lambda _f: seen.append(("progress", QThread.currentThread() is gui))))
    qtbot.waitUntil(lambda: any(kind == "done" for kind, _ in seen), timeout=5000)
    assert seen == [("progress", True), ("done", True)]


def test_a_cancelled_job_stops_and_reports_nothing(qtbot):
    runner = QtJobRunner()
    started = threading.Event()
    reported: list[object] = []
    job = Job(_until_cancelled(started), reported.append, reported.append)
    runner.start(job)
    assert started.wait(5)
    runner.cancel_all()
    assert runner.wait(5000)
    qtbot.wait(50)
    assert reported == []
    assert job.finished


def test_each_edit_supersedes_the_listing_of_the_last_result(window, qtbot, monkeypatch):
    from rostereditor.ui.checking import check_presenter

    window.set_bundle(generate_district(students=60, seed=1, damaged=True).bundle)
    window.flush_pending_updates()
    running = []
    most = []
    real = check_presenter.build_listing

    def slow_listing(result, file_order, progress):
        running.append(result)
        most.append(len(running))
        try:
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:
                if not progress(0.5):
                    raise Cancelled
                time.sleep(0.005)
            return real(result, file_order, progress)
        finally:
            running.remove(result)

    monkeypatch.setattr(check_presenter, "INLINE_LISTING_LIMIT", 0)  # every result is "huge"
    monkeypatch.setattr(check_presenter, "build_listing", slow_listing)
    model = window.model("users.csv")
    col = model.table.column_index("givenName")
    for i in range(5):
        model.setData(model.index(i, col), f"Name {i}")
        window.checks.refresh_findings_views()  # what the panel timer does after each edit
        qtbot.wait(20)
    expected_after_edits = window.session.result.findings
    qtbot.waitUntil(lambda: not window.checks.is_listing(), timeout=10_000)
    assert max(most) == 1  # never two listings at once
    def keys(findings):
        return sorted((f.file or "", f.line or 0, f.column or "", f.rule, f.message) for f in findings)

    assert keys(window.all_findings()) == keys(expected_after_edits)


def test_closing_the_window_stops_its_background_jobs(window, qtbot):
    started = threading.Event()
    job = Job(_until_cancelled(started), lambda _r: None)
    window.runner.start(job)
    assert started.wait(5)
    window.close()
    assert job.cancelled
    assert window.runner.wait(2000)


CLOSE_WHILE_WORKING = """
import os, sys, time, threading
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer, QThreadPool
from PySide6.QtWidgets import QApplication
from rostereditor.core.background_work import Job
from rostereditor.core.errors import Cancelled
app = QApplication([])
from rostereditor.ui.window.main_window import MainWindow
window = MainWindow()
window.show()

def long_listing(progress):
    for _ in range(6000):  # a minute of work unless cancelled
        if not progress(0.1):
            raise Cancelled
        time.sleep(0.01)
    return []

for _ in range(4):  # as four edits in a row used to queue four listings
    window.checks._listing.start(Job(long_listing, lambda _r: None))
QTimer.singleShot(300, window.close)
QTimer.singleShot(400, app.quit)
started = time.monotonic()
app.exec()
QThreadPool.globalInstance().waitForDone(5000)
window.deleteLater()
app.processEvents()
print("EXITED_AFTER", round(time.monotonic() - started, 1))
"""


def test_the_process_ends_with_its_window_and_prints_no_qt_errors():
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", CLOSE_WHILE_WORKING], capture_output=True,
                          text=True, timeout=120, check=True)
    assert time.monotonic() - started < 30
    assert "EXITED_AFTER" in done.stdout
    assert float(done.stdout.split("EXITED_AFTER")[1].split()[0]) < 3
    assert "Signal source has been deleted" not in done.stderr
    assert "Traceback" not in done.stderr
