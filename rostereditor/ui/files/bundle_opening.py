"""Opening bundles: File > Open, Open Folder, Open Recent, the samples, and reading in a worker."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.bundle_reader import Progress, read_bundle
from rostereditor.core.read_notice import BundleReadError
from rostereditor.ui.background.progress_dialog_job import ProgressDialogJob
from rostereditor.ui.files.sample_bundles import sample_bundle_path

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

# Below this size a read is quick enough to do in place, which keeps tests and the
# self-test deterministic; above it the read moves to a worker with progress and Cancel.
BACKGROUND_OPEN_BYTES = 8 * 1024 * 1024
# A background read this quick never shows its progress dialog.
SHOW_PROGRESS_AFTER_MS = 300

Source = Path | str | Sequence[Path | str]


class BundleOpening(QObject):
    """Reads bundles for the window and hands them to window.set_bundle()."""

    read_progress = Signal(int)  # percent of a background read, as its progress bar shows
    # (read token, BundleFile): a file of a background read, sent from the reading thread.
    _file_read = Signal(object, object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._job: ProgressDialogJob | None = None
        self._untitled: str | None = None
        # The read whose files are being shown as they arrive, and whether any has been.
        self._token: object = None
        self._target = Path()
        self._showing = False
        self._first_tab_turn = False  # the event-loop turn that built the first tab
        self._previous: Bundle | None = None
        self._file_read.connect(self._on_file_read, Qt.ConnectionType.QueuedConnection)
        self._status_cancel_connected = False

    def open(self, source: Source, *, background: bool | None = None,
             untitled: str | None = None) -> bool:
        """Open a zip, folder or CSV file(s). Returns False if not opened (cancelled, unreadable).

        Small inputs open synchronously; large ones (or background=True) open in a worker with
        progress and Cancel, and this returns True once that has started. With `untitled`
        (a name for the title) the bundle opens as an untitled copy: Save asks where, and the
        file it came from is never written.
        """
        self._untitled = untitled
        if not self._window.confirm_discard("opening another bundle"):
            return False
        paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
        if not paths:
            return False
        target: Path | list[Path] = paths[0] if len(paths) == 1 else paths
        if background is None:
            background = input_size(paths) > BACKGROUND_OPEN_BYTES
        if background:
            self._open_in_background(target)
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            bundle = read_bundle(target)
        except BundleReadError as exc:
            self._show_open_error(str(exc))
            return False
        except Exception as exc:  # never a traceback for a bad input file
            log.exception("reading %s failed", target)
            self._show_open_error(f"The bundle could not be read: {exc}")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(bundle)
        return True

    def _show(self, bundle: Bundle, *, keep_place: bool = False) -> None:
        if self._untitled is not None:
            bundle.source, bundle.source_kind = None, "new"
        self._window.untitled_name = self._untitled
        self._window.set_bundle(bundle, keep_place=keep_place)

    def is_opening(self) -> bool:
        return self._job is not None

    def choose_and_open(self) -> None:
        settings = self._window.settings
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, "Open OneRoster bundle", settings.last_folder(),
            "OneRoster bundles (*.zip *.csv);;Zip files (*.zip);;CSV files (*.csv);;All files (*)")
        if paths:
            settings.set_last_folder(Path(paths[0]).parent)
            self.open(paths)

    def choose_and_open_folder(self) -> None:
        settings = self._window.settings
        folder = QFileDialog.getExistingDirectory(self._window, "Open folder of OneRoster CSV files",
                                                  settings.last_folder())
        if folder:
            settings.set_last_folder(folder)
            self.open(folder)

    def open_sample(self, damaged: bool = False) -> bool:
        """The sample opens as an untitled copy: it lives in the application's own folder,
        which saving must never write to (Save asks where)."""
        path = sample_bundle_path(damaged)
        if path is None:
            QMessageBox.information(self._window, "Sample district",
                                    "The sample district is not included in this build.")
            return False
        return self.open(path, untitled=path.stem)

    def fill_recent_menu(self) -> None:
        menu = self._window.recent_menu
        settings = self._window.settings
        menu.clear()
        paths = settings.recent_paths()
        for number, path in enumerate(paths, start=1):
            prefix = f"&{number} " if number < 10 else ""
            action = menu.addAction(f"{prefix}{Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        if not paths:
            menu.addAction("No recent bundles").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("Clear Recent", settings.clear_recent)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            QMessageBox.warning(self._window, "Open Recent", f"{path} is no longer there.")
            self._window.settings.remove_recent(path)
            return
        self.open(path)

    def _open_in_background(self, target: Path | list[Path]) -> None:
        previous, self._job = self._job, None
        if previous is not None:
            previous.cancel()  # a newer open replaces one still running, quietly
        name = target.name if isinstance(target, Path) else f"{len(target)} files"
        token = self._token = object()
        self._showing = False

        def read(progress: Progress) -> Bundle:
            # Each file goes to the window as soon as it is read: the first rows show in a
            # second, not after the last file.
            return read_bundle(target, progress=progress,
                               on_file=lambda file: self._file_read.emit(token, file))

        job = ProgressDialogJob(self._window, "Opening", f"Opening {name}\u2026", read,
                                self._window.runner, show_after_ms=SHOW_PROGRESS_AFTER_MS,
                                busy=False)
        job.dialog.setAccessibleName(f"Opening {name}")
        self._target = target if isinstance(target, Path) else target[0].parent
        job.progressed.connect(self.read_progress)
        job.progressed.connect(lambda percent: self._show_progress(token, percent))
        job.progressed.connect(self._window.opening_page.set_percent)
        job.succeeded.connect(lambda bundle: self._on_done(job, bundle))
        job.failed.connect(lambda error: self._on_failed(job, error))
        job.cancelled.connect(lambda: self._on_cancelled(job))
        self._window.show_opening(name)
        self._job = job.start()

    def cancel(self) -> None:
        """Stop the read under way (as its Cancel button does); the open bundle stays."""
        if self._job is not None:
            self._job.cancel()

    def _on_file_read(self, token: object, file: BundleFile) -> None:
        """A file of the background read: show it (read-only) while the rest is read."""
        job = self._job
        if token is not self._token or job is None:
            return  # a read that was cancelled or replaced
        if self._showing:
            self._window.session.add_read_file(file)
            return
        self._showing = True
        # Cancelling later brings back the bundle open now (unless it had unsaved changes,
        # which the user agreed to discard when the open started).
        self._previous = self._window.bundle if not self._window.is_modified() else None
        job.go_quiet()  # the window is usable now; the status bar shows how far the read is
        if not self._status_cancel_connected:  # the status bar's Cancel stops the read then
            self._window.status.cancel_requested.connect(self.cancel)
            self._status_cancel_connected = True
        target = self._target
        kind = "zip" if target.suffix.lower() == ".zip" else "folder" if target.is_dir() \
            else "files"
        self._window.show_reading(Bundle(files={file.name: file}, source=target,
                                         source_kind=kind))  # type: ignore[arg-type]
        # The read's progress (a progress bar repaints at once, painting the new grid with it)
        # waits for the next turn: building the tab and painting it are each one stall.
        self._first_tab_turn = True
        QTimer.singleShot(0, self._end_first_tab_turn)

    def _end_first_tab_turn(self) -> None:
        self._first_tab_turn = False

    def _show_progress(self, token: object, percent: int) -> None:
        """Once the first files are shown, the read's progress is in the status bar."""
        if token is self._token and self._showing and not self._first_tab_turn:
            self._window.status.show_progress(percent / 100, "Reading\u2026")

    def _stop_showing(self) -> None:
        """A read that showed its first files ended without a bundle: take them away."""
        self._token = None
        self._window.status.show_progress(None)
        previous, self._previous = self._previous, None
        if self._showing:
            self._showing = False
            self._window.close_reading(previous)

    def _on_cancelled(self, job: ProgressDialogJob) -> None:
        if job is self._job:
            self._job = None
            self._stop_showing()
            self._window.end_opening()
            self._window.statusBar().showMessage("Opening cancelled.", 4000)

    def _on_done(self, job: ProgressDialogJob, bundle: Bundle) -> None:
        if job is self._job:
            self._job = None
            self._token = None
            self._previous = None
            self._window.status.show_progress(None)
            shown, self._showing = self._showing, False
            if self._window.stack.currentWidget() is self._window.opening_page:
                self._window.opening_page.preparing()
            self._show(bundle, keep_place=shown)

    def _on_failed(self, job: ProgressDialogJob, error: Exception) -> None:
        if job is not self._job:
            return
        self._job = None
        self._stop_showing()
        self._window.end_opening()
        if isinstance(error, BundleReadError):
            self._show_open_error(str(error))
        else:
            self._show_open_error(f"The bundle could not be read: {error}")

    def _show_open_error(self, message: str) -> None:
        QMessageBox.warning(self._window, "Cannot open bundle", message)


def input_size(paths: list[Path]) -> int:
    """Bytes to read, to decide whether a worker is worth it (a folder counts its files)."""
    total = 0
    for path in paths:
        try:
            if path.is_dir():
                total += sum(p.stat().st_size for p in path.iterdir() if p.is_file())
            else:
                total += path.stat().st_size
        except OSError:
            pass
    return total
