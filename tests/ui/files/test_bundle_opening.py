"""Opening in the background: a progress bar that reaches 100%, and a Cancel that really stops."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QProgressDialog, QPushButton

from rostereditor.core.background_work import InlineRunner, Job
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder


def _other_zip(damaged_zip: Path) -> Path:
    path = damaged_zip.parent / "other" / "other-district.zip"
    path.parent.mkdir()
    shutil.copy(damaged_zip, path)
    return path


def test_background_open_shows_progress_up_to_100_percent(window, damaged_zip, qtbot):
    percents: list[int] = []
    window.opening.read_progress.connect(percents.append)
    assert window.open_bundle(damaged_zip, background=True)
    qtbot.waitUntil(lambda: window.bundle is not None and not window.is_opening(), timeout=20000)
    assert window.bundle.source == damaged_zip
    assert percents
    assert percents[-1] == 100
    assert percents == sorted(percents)


def test_cancel_keeps_the_previous_bundle_open_without_an_error(
        window, damaged_zip, qtbot, message_boxes):
    assert window.open_bundle(damaged_zip)
    other = _other_zip(damaged_zip)
    assert window.open_bundle(other, background=True)
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None
    dialog.findChild(QPushButton).click()
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(100)  # let any late answer from the worker arrive (it must be ignored)
    assert not window.is_opening()
    assert window.bundle.source == damaged_zip
    assert window.tabs.count() == len(window.bundle.files)
    assert message_boxes == []
    assert window.statusBar().currentMessage() == "Opening cancelled."


def test_cancel_stops_the_read_between_files(damaged_district, tmp_path):
    folder = tmp_path / "folder"
    write_bundle_folder(damaged_district.bundle, folder)
    reports: list[float] = []
    finished: list[object] = []

    def cancel_after_first_report(fraction: float) -> None:
        reports.append(fraction)
        job.cancel()

    job = Job(lambda progress: read_bundle(folder, progress=progress), finished.append,
              finished.append, cancel_after_first_report)
    InlineRunner().start(job)  # on this thread, so reports arrive as the read goes
    assert len(reports) == 1
    assert reports[0] < 1.0
    assert finished == []


def test_no_welcome_page_while_a_big_bundle_opens(window, damaged_zip, qtbot):
    from PySide6.QtCore import QTimer

    welcome = window.stack.widget(0)
    assert window.stack.currentWidget() is welcome
    seen = []
    watch = QTimer(window)
    watch.timeout.connect(lambda: seen.append(window.stack.currentWidget()))
    watch.start(1)
    assert window.open_bundle(damaged_zip, background=True)
    seen.append(window.stack.currentWidget())
    assert window.stack.currentWidget() is window.opening_page
    assert window.opening_page.label.text() == f"Opening {damaged_zip.name}\u2026"
    qtbot.waitUntil(lambda: window.bundle is not None and not window.is_opening(), timeout=20000)
    watch.stop()
    assert welcome not in seen
    assert window.stack.currentWidget() is window.tabs


def test_a_cancelled_open_goes_back_to_the_welcome_page(window, damaged_zip):
    window.open_bundle(damaged_zip, background=True)
    window.opening.cancel()
    assert window.stack.currentWidget() is window.stack.widget(0)
