"""--self-test: drive the real window through open, validate, edit, undo, save and re-read; JSON report.

Runs headless (QT_QPA_PLATFORM=offscreen) in CI against the frozen app, so a missing hidden
import, data file or Qt plugin fails the build. Reports through a JSON file, the log and the exit
code only: a windowed build has no stdout.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    qVersion,
)
from PySide6.QtWidgets import QApplication

from rostereditor import __version__
from rostereditor.app_log import log_dir, setup_logging
from rostereditor.core.bundle import Bundle
from rostereditor.core.table import Table

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

logger = logging.getLogger(__name__)

REPORT_FILE_NAME = "self-test-report.json"
WAIT_SECONDS = 60.0  # per background step (open, save); the damaged sample takes well under 1 s
EDIT_MARKER = "SELF-TEST-EDIT"


@dataclass
class Check:
    name: str
    ok: bool = False
    detail: str = ""
    seconds: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)


class SelfTestFailedError(Exception):
    """A check's expectation was not met; the message says which."""


class SelfTest:
    """The checks in order; each runs only if the ones before it passed."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.checks: list[Check] = []
        self.window: MainWindow | None = None
        self.window_shown_at: float | None = None
        self.unexpected_dialogs: list[str] = []

    @property
    def main_window(self) -> MainWindow:
        if self.window is None:
            raise SelfTestFailedError("the main window is not open")
        return self.window

    @property
    def bundle(self) -> Bundle:
        bundle = self.main_window.bundle
        if bundle is None:
            raise SelfTestFailedError("no bundle is open")
        return bundle

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(check.ok for check in self.checks)

    @contextmanager
    def check(self, name: str) -> Iterator[Check]:
        current = Check(name)
        self.checks.append(current)
        started = time.perf_counter()
        try:
            yield current
            current.ok = True
        except Exception as exc:
            current.detail = current.detail or f"{type(exc).__name__}: {exc}"
            logger.error("self-test check %s failed:\n%s", name, traceback.format_exc())
        finally:
            current.seconds = round(time.perf_counter() - started, 3)
        logger.info("self-test check %s: %s %s", name, "ok" if current.ok else "FAILED",
                    current.detail)

    def run(self) -> None:
        steps = (self.open_window, self.open_sample, self.validate, self.edit_and_undo,
                 self.save_and_reread, self.xlsx_round_trip)
        for step in steps:
            step()
            if not self.checks[-1].ok:
                break
        if self.unexpected_dialogs:
            self.checks.append(Check("no unexpected dialogs",
                                     detail="; ".join(self.unexpected_dialogs)))

    # -- steps -----------------------------------------------------------------------------

    def open_window(self) -> None:
        with self.check("main window shown") as check:
            from rostereditor.ui import MainWindow  # noqa: PLC0415 - timed as part of start-up

            self.window = MainWindow()
            self.window.show()
            QCoreApplication.processEvents()
            self.window_shown_at = time.time()
            if not self.window.isVisible():
                raise SelfTestFailedError("the main window did not become visible")
            check.data["platform"] = QApplication.platformName()

    def open_sample(self) -> None:
        with self.check("open damaged sample") as check:
            from rostereditor.ui.files.sample_bundles import sample_bundle_path  # noqa: PLC0415

            sample = sample_bundle_path(damaged=True)
            if sample is None:
                raise SelfTestFailedError("sample-district-damaged.zip is not in this build")
            # Work on a copy: saving writes backups beside the file, and the bundle is read-only.
            source = self.workdir / "damaged-sample.zip"
            shutil.copyfile(sample, source)
            self.main_window.open_bundle(source)
            wait_until(lambda: _bundle_from(self.main_window, source), "the sample to open")
            bundle = self.bundle
            check.data["files"] = {n: len(bundle.files[n].table) for n in bundle.data_file_names}
            check.data["read_notices"] = len(bundle.notices)
            if not any(check.data["files"].values()):
                raise SelfTestFailedError("the sample opened with no rows")

    def validate(self) -> None:
        with self.check("validate") as check:
            from rostereditor.core.validation import BundleValidator  # noqa: PLC0415

            counts = dict(BundleValidator(self.bundle).run().counts)
            check.data["counts"] = counts
            if sum(counts.values()) == 0:
                raise SelfTestFailedError("the damaged sample produced no findings")

    def edit_and_undo(self) -> None:
        with self.check("edit and undo") as check:
            name, col = _editable_cell(self.bundle)
            model = self.main_window.model(name)
            if model is None:
                raise SelfTestFailedError(f"{name} has no grid")
            stack = self.main_window.undo_stack
            index = model.index(0, col)
            role = Qt.ItemDataRole.EditRole
            before, position = model.data(index, role), stack.index()
            check.data.update(file=name, column=col)
            if not model.setData(index, EDIT_MARKER, role):
                raise SelfTestFailedError(f"setData refused an edit in {name}")
            QCoreApplication.processEvents()
            after = model.data(index, role)
            if after != EDIT_MARKER or stack.index() != position + 1:
                raise SelfTestFailedError(
                    f"the edit did not reach the model and the undo stack (cell {after!r}, "
                    f"undo index {position} -> {stack.index()})")
            stack.undo()
            QCoreApplication.processEvents()
            if model.data(index, role) != before or stack.index() != position:
                raise SelfTestFailedError("undo did not restore the original value")

    def save_and_reread(self) -> None:
        with self.check("save and re-read") as check:
            from rostereditor.core.bundle_reader import read_bundle  # noqa: PLC0415
            from rostereditor.core.bundle_writer import bundle_csv_files  # noqa: PLC0415

            target = self.workdir / "saved.zip"
            self.main_window.save_bundle(target)
            wait_until(target.exists, "the saved zip")
            QThreadPool.globalInstance().waitForDone(int(WAIT_SECONDS * 1000))
            expected = bundle_csv_files(self.bundle)
            reread = bundle_csv_files(read_bundle(target))
            check.data["bytes"] = target.stat().st_size
            differing = sorted(n for n in expected.keys() | reread.keys()
                               if expected.get(n) != reread.get(n))
            if differing:
                raise SelfTestFailedError("saved files differ after re-reading: " + ", ".join(differing))
            if any(EDIT_MARKER.encode() in data for data in reread.values()):
                raise SelfTestFailedError("the undone edit was saved")

    def xlsx_round_trip(self) -> None:
        # openpyxl modules load by name inside the xlsx layer; this proves the frozen app has
        # them. One small file keeps it quick; the xlsx tests cover the format itself.
        with self.check("xlsx round trip") as check:
            from rostereditor.core.xlsx.workbook_reader import read_workbook  # noqa: PLC0415
            from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx  # noqa: PLC0415

            bundle = self.bundle
            name = min((n for n in bundle.data_file_names if len(bundle.files[n].table)),
                       key=lambda n: len(bundle.files[n].table))
            target = self.workdir / "round-trip.xlsx"
            write_bundle_xlsx(bundle, target, files=[name])
            back = read_workbook(target)
            check.data["file"] = name
            if name not in back.files:
                raise SelfTestFailedError(f"{name} is missing from the workbook")
            if _rows(back.files[name].table) != _rows(bundle.files[name].table):
                raise SelfTestFailedError(f"{name} changed on its way through the workbook")

    # -- headless safety -------------------------------------------------------------------

    def close_unexpected_dialogs(self) -> None:
        """Called by a timer: a modal dialog would wait forever for a click nobody makes."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.unexpected_dialogs.append(modal.windowTitle() or type(modal).__name__)
            logger.error("self-test: closing unexpected dialog %r", modal.windowTitle())
            modal.close()


def _bundle_from(window: MainWindow, source: Path) -> bool:
    bundle = window.bundle
    return bundle is not None and Path(bundle.source or "") == source


def _editable_cell(bundle: Bundle) -> tuple[str, int]:
    """A data file with rows, and a column other than sourcedId (so no references cascade)."""
    for name in bundle.data_file_names:
        table = bundle.files[name].table
        if len(table) and table.column_count:
            source_col = table.column_index("sourcedId")
            col = next((c for c in range(table.column_count) if c != source_col), 0)
            return name, col
    raise SelfTestFailedError("no file with rows to edit")


def _rows(table: Table) -> list[list[str]]:
    header = list(table.header)
    while header and not header[-1]:  # a blank trailing header cell is not kept in a sheet
        header.pop()
    return [header, *table.iter_rows()]


def wait_until(condition: Callable[[], bool], what: str, seconds: float = WAIT_SECONDS) -> None:
    """Run the event loop until condition() holds (background tasks report through it)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestFailedError(f"timed out after {seconds:.0f} s waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


def _environment() -> dict[str, Any]:
    import openpyxl  # noqa: PLC0415
    import pyarrow  # noqa: PLC0415

    return {
        "rostereditor": __version__,
        "python": platform.python_version(),
        "os": platform.platform(),
        "machine": platform.machine(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "qt": qVersion(),
        "pyside6": pyside_version,
        "qt_platform": QApplication.platformName(),
        "pyarrow": pyarrow.__version__,
        "openpyxl": openpyxl.__version__,
    }


def run_self_test(report: str | Path | argparse.Namespace | None = None) -> int:
    """Run every check, write the JSON report, return 0 (all passed) or 1.

    report is the report's path, or the parsed command line (its --report); without one the
    report goes next to the log file.
    """
    started_at, started = time.time(), time.perf_counter()
    log_path = setup_logging()
    logger.info("self-test started (RosterEditor %s)", __version__)
    from rostereditor.ui.app import create_app  # noqa: PLC0415 - app.py imports this module

    app = create_app()
    report_path = getattr(report, "report", None) if isinstance(report, argparse.Namespace) else report
    report_file = Path(report_path) if report_path else log_dir() / REPORT_FILE_NAME
    with tempfile.TemporaryDirectory(prefix="rostereditor-self-test-") as tmp:
        # The test's saves must not land in the user's recent files or window settings.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp, "settings")))
        test = SelfTest(Path(tmp))
        guard = QTimer()
        guard.timeout.connect(test.close_unexpected_dialogs)
        guard.start(250)
        try:
            test.run()
        finally:
            guard.stop()
            _dispose(test.window)
    results: dict[str, Any] = {
        "ok": test.ok,
        "version": __version__,
        "started_at": started_at,
        "window_shown_at": test.window_shown_at,
        "elapsed_s": round(time.perf_counter() - started, 3),
        "checks": [asdict(check) for check in test.checks],
        "environment": _environment(),
        "log_file": str(log_path),
    }
    _write_report(report_file, results)
    summary = f"self-test {'passed' if test.ok else 'FAILED'}; report: {report_file}"
    logger.info(summary)
    if sys.stderr is not None:  # absent in a windowed build
        print(summary, file=sys.stderr)
    del app
    return 0 if test.ok else 1


def _dispose(window: MainWindow | None) -> None:
    # hide(), not close(): closing could ask about unsaved changes in a modal dialog.
    if window is not None:
        window.shut_down()
        QThreadPool.globalInstance().waitForDone(int(WAIT_SECONDS * 1000))
        window.hide()
        window.deleteLater()
        QCoreApplication.processEvents()


def _write_report(path: Path, report: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    except OSError:
        logger.exception("could not write the self-test report to %s", path)
