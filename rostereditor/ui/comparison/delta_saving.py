"""File > Save As Delta: the OneRoster delta from the compared bundle (what the vendor has) to
the open one, checked by our own rules, described to the user, then written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.background_work import Progress
from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.comparison.bundle_snapshot import snapshot_bundle
from rostereditor.core.delta import DeltaBundle, DeltaError, build_delta
from rostereditor.core.delta.delta_check import DeltaCheck, check_delta
from rostereditor.core.errors import Cancelled
from rostereditor.core.wording import plural
from rostereditor.ui.background.progress_dialog_job import ProgressDialogJob
from rostereditor.ui.comparison.comparison_tracker import (
    INLINE_COMPARE_ROWS,
    ComparisonTracker,
    record_count,
)
from rostereditor.ui.window.action_ids import ActionId, MenuId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

SHOWN_PROBLEMS = 5
Built = tuple[DeltaBundle, DeltaCheck]


class DeltaActionId:
    SAVE_DELTA = "file.save_delta"


def describe_delta(delta: DeltaBundle, check: DeltaCheck, reference: str) -> str:
    """What the delta holds and what the checks say, in the user's words."""
    lines = [f"A OneRoster {delta.version} delta from {reference} to this bundle, every row "
             f"dated {delta.timestamp}:", ""]
    if not delta.counts:
        lines.append("Nothing changed: the delta holds only a manifest saying so.")
    for c in delta.counts:
        lines.append(f"\u2022 {c.file}: {c.added:,} added and {c.changed:,} changed (sent "
                     f"active), {c.removed:,} removed (sent tobedeleted)")
    if delta.counts:
        lines.append("Files without changes are marked absent in the manifest.")
    for name in delta.skipped_files:
        lines.append(f"{name} is not a OneRoster {delta.version} file, so the delta leaves it out.")
    if check.earlier:
        lines += ["", f"{plural(check.earlier, 'reference')} point at records the vendor has "
                  "from earlier uploads (normal in a delta)."]
    if check.errors:
        lines += ["", f"The delta has {plural(len(check.errors), 'error')} a vendor would "
                  "reject, for example:"]
        for f in check.errors[:SHOWN_PROBLEMS]:
            where = f"{f.file or 'bundle'}" + (f" line {f.line}" if f.line else "") \
                + (f", {f.column}" if f.column else "")
            lines.append(f"\u2022 {where}: {f.message}")
        lines.append("Fix them in this bundle (they are in the problems list) and save again.")
    return "\n".join(lines)


class DeltaSaving(QObject):
    """The Save As Delta entry of the File menu, after Save As."""

    def __init__(self, window: MainWindow, tracker: ComparisonTracker,
                 compare: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._tracker = tracker
        self._compare = compare
        self._job: ProgressDialogJob | None = None
        action = QAction("Save As &Delta\u2026", window)
        action.setObjectName(DeltaActionId.SAVE_DELTA)
        action.setStatusTip("Save only what changed since the compared bundle, as a OneRoster "
                            "delta (added and changed records active, removed ones tobedeleted)")
        action.triggered.connect(lambda _checked=False: self.save_delta_interactive())
        window.actions_by_id[DeltaActionId.SAVE_DELTA] = action
        menu = window.menu(MenuId.FILE)
        actions = menu.actions()
        after = actions.index(window.action(ActionId.SAVE_AS)) + 1
        if after < len(actions):
            menu.insertAction(actions[after], action)
        else:
            menu.addAction(action)
        window.session.events.bundle_changed.connect(lambda _event: self._update_enabled())
        self._update_enabled()

    def _update_enabled(self) -> None:
        self._window.actions_by_id[DeltaActionId.SAVE_DELTA].setEnabled(
            self._window.session.bundle is not None)

    def save_delta_interactive(self) -> bool:
        """Build and check the delta, say what is in it, and on Save ask where and write it.

        True once written (or, for a big bundle, once building has started).
        """
        window, live = self._window, self._tracker.live
        current = window.session.bundle
        if current is None:
            return False
        if live is None:
            answer = QMessageBox.question(
                window, "Save As Delta",
                "A delta holds what changed since the bundle the vendor already has. Compare "
                "with that bundle first (File > Compare With\u2026), look over the Changes, then "
                "choose Save As Delta again.\n\nCompare now?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                self._compare.trigger()
            return False
        version = window.session.version
        reference, label = live.reference, live.label
        snapshot = snapshot_bundle(current)
        profile = window.session.profile_name

        def work(progress: Progress) -> Built:
            if not progress(0.0):
                raise Cancelled
            delta = build_delta(reference, snapshot, version=version)
            return delta, check_delta(delta, profile)

        if record_count(current) <= INLINE_COMPARE_ROWS:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                built = work(lambda _fraction: True)
            except DeltaError as exc:
                self._cannot(str(exc))
                return False
            finally:
                QGuiApplication.restoreOverrideCursor()
            return self._offer(built, label, current)
        job = ProgressDialogJob(window, "Save As Delta", "Working out what changed\u2026", work,
                                window.runner, show_after_ms=300)
        job.succeeded.connect(lambda built: self._offer(built, label, current))
        job.failed.connect(lambda error: self._cannot(str(error)))
        self._job = job.start()
        return True

    def _ask_path(self, current: Bundle) -> Path | None:
        source = current.source
        folder = source.parent if source is not None else \
            Path(self._window.settings.last_folder() or Path.home())
        stem = source.stem if source is not None else "roster"
        path, _ = QFileDialog.getSaveFileName(self._window, "Save delta as zip",
                                              str(folder / f"{stem}-delta.zip"),
                                              "OneRoster zip (*.zip)")
        if not path:
            return None
        return Path(path if path.lower().endswith(".zip") else path + ".zip")

    def _offer(self, built: Built, label: str, current: Bundle) -> bool:
        """Say what the delta holds; on Save, ask where and write it."""
        delta, check = built
        text = describe_delta(delta, check, label) + "\n\nSave it?"
        answer = QMessageBox.question(
            self._window, "Save this delta?" if check.ok else "The delta has errors", text,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save if check.ok else QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Save:
            return False
        path = self._ask_path(current)
        if path is None:
            return False
        try:
            write_bundle_zip(delta.bundle, path, delta.version, keep_backup=False)
        except (SaveError, OSError) as exc:
            QMessageBox.critical(self._window, "Delta not saved", f"Could not save {path}: {exc}")
            return False
        self._window.show_status(f"Saved the delta from {label} as {path}.", 8000)
        return True

    def _cannot(self, message: str) -> None:
        QMessageBox.warning(self._window, "No delta", message)

