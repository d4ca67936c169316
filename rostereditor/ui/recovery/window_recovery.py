"""WindowRecovery: crash recovery for the editor window. It journals the session's edits (a
clean close clears the journal), and at start-up offers what an app that stopped left behind:
the source read again with the edits made again and listed in Recovered Changes, to save or
discard; or, when the source changed since or is gone, a list of the edits."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.recovery import (
    EditJournal,
    RecoveredEdits,
    RecoveryOffer,
    SourceBase,
    assess,
    default_recovery_folder,
    find_left_journals,
    recover,
)
from rostereditor.core.recovery.recorded_changes import export_csv, recorded_changes
from rostereditor.ui.background.progress_dialog_job import ProgressDialogJob
from rostereditor.ui.files.bundle_opening import BACKGROUND_OPEN_BYTES, input_size
from rostereditor.ui.recovery.recovered_changes_dialog import RecoveredChangesDialog
from rostereditor.ui.recovery.recovered_commands import push_recovered
from rostereditor.ui.recovery.recovery_prompt import Choice, RecoveryPrompt

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)


class WindowRecovery(QObject):
    def __init__(self, window: MainWindow, folder: Path | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.folder = folder if folder is not None else default_recovery_folder()
        self.journal = EditJournal(window.session, self.folder, on_failure=self._recording_failed)
        self.dialog: RecoveredChangesDialog | None = None
        self._told_failure = False
        window.closed.connect(self.journal.finish)

    # -- at start-up ----------------------------------------------------------------------

    def offer_left_journals(self) -> bool:
        """Ask about each journal left by an app that stopped; True if one was recovered."""
        try:
            left = find_left_journals(self.folder)
        except OSError as exc:
            log.warning("cannot look for unsaved changes in %s: %s", self.folder, exc)
            return False
        opened = False
        for journal in left:
            if opened:
                journal.release()  # one bundle at a time: the others are offered next time
                continue
            opened = self._offer(assess(journal))
        return opened

    def _offer(self, offer: RecoveryOffer) -> bool:
        prompt = RecoveryPrompt(offer, self._window)
        prompt.exec()
        choice = prompt.choice
        if choice == Choice.RECOVER:
            return self.recover(offer)
        if choice == Choice.LOCATE:
            return self._locate(offer)
        if choice == Choice.OPEN and offer.base is not None:
            return self._open_saved(offer, offer.base)
        if choice == Choice.SAVE_LIST:
            self._save_list(offer)
        elif choice == Choice.DISCARD:
            offer.journal.discard()
        else:
            offer.journal.release()
        return False

    def _open_saved(self, offer: RecoveryOffer, base: SourceBase) -> bool:
        """The app stopped as a save finished: open the file (which completes a folder save
        that was cut short). Had the save been undone instead, the file is as the edits found
        it: recover them."""
        if not self._window.open_bundle(base.where, background=False):
            offer.journal.release()
            return False
        if base.state() == "unchanged":
            return self.recover(offer)
        offer.journal.discard()
        return True

    def recover(self, offer: RecoveryOffer, base: SourceBase | None = None) -> bool:
        """Read the source again, make the edits, show them; the journal goes on from there.
        A big source is read in a worker behind a progress dialog, as opening one is."""
        found = base or offer.base
        if found is not None and input_size([Path(p) for p in found.origin.paths]) > BACKGROUND_OPEN_BYTES:
            job = ProgressDialogJob(self._window, "Recovering", f"Reading {found.title} again\u2026",
                                    lambda progress: recover(offer.journal, base, progress),
                                    self._window.runner, show_after_ms=300, busy=False)
            job.succeeded.connect(lambda result: self._recovered(offer, result))
            job.failed.connect(lambda error: self._not_recovered(offer, error))
            job.cancelled.connect(offer.journal.release)
            job.start()
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            recovered = recover(offer.journal, base)
        except (BundleReadError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            self._not_recovered(offer, exc)
            return False
        QGuiApplication.restoreOverrideCursor()
        self._recovered(offer, recovered)
        return True

    def _not_recovered(self, offer: RecoveryOffer, error: object) -> None:
        offer.journal.release()
        QMessageBox.warning(self._window, "Cannot recover changes",
                            f"The changes could not be recovered: {error}\n\n"
                            "They are kept, and offered again next time RosterEditor starts.")

    def _recovered(self, offer: RecoveryOffer, recovered: object) -> None:
        assert isinstance(recovered, RecoveredEdits)
        window = self._window
        window.untitled_name = untitled_name(recovered.base)
        window.set_bundle(recovered.bundle)
        recovered.attach(window.session)
        try:
            self.journal.take_over(offer.journal, recovered)
        except OSError as exc:
            log.warning("cannot go on writing %s: %s", offer.journal.path, exc)
            offer.journal.release()
            self._recording_failed(str(exc))
        push_recovered(window.undo_stack, recovered)
        self._show_recovered(recovered)

    def _show_recovered(self, recovered: RecoveredEdits) -> None:
        dialog = RecoveredChangesDialog(recovered, self._window)
        dialog.save_button.clicked.connect(lambda: self._save_recovered(dialog))
        dialog.discard_button.clicked.connect(lambda: self._discard_recovered(dialog))
        self.dialog = dialog
        dialog.open()

    def _save_recovered(self, dialog: RecoveredChangesDialog) -> None:
        if self._window.save_interactive():
            dialog.accept()

    def _discard_recovered(self, dialog: RecoveredChangesDialog) -> None:
        window = self._window
        title = window.bundle_title()
        window.undo_stack.clear()
        window.session.close()  # the journal goes with the bundle
        dialog.reject()
        window.show_status(f"The recovered changes were discarded; {title} is as it was saved.")

    def _locate(self, offer: RecoveryOffer) -> bool:
        base = offer.base
        if base is None:
            offer.journal.release()
            return False
        name = Path(base.where).name
        if Path(base.where).suffix:
            path, _ = QFileDialog.getOpenFileName(self._window, f"Where is {name}?",
                                                  str(Path(base.where).parent))
        else:
            path = QFileDialog.getExistingDirectory(self._window, f"Where is {name}?")
        if not path:
            offer.journal.release()
            return False
        found = base.moved_to(Path(path))
        if found.state() != "unchanged":
            QMessageBox.warning(self._window, "Not the same file",
                                f"{Path(path).name} is not the {name} the changes were made on "
                                "(it was changed since, or it is another file). The changes "
                                "are kept: save a list of them, or discard them, next time.")
            offer.journal.release()
            return False
        return self.recover(offer, found)

    def _save_list(self, offer: RecoveryOffer) -> None:
        base = offer.base
        stem = Path(base.where).stem if base is not None else "roster"
        folder = Path(self._window.settings.last_folder() or Path.home())
        path, _ = QFileDialog.getSaveFileName(self._window, "Save List of Changes",
                                              str(folder / f"{stem} unsaved changes.csv"),
                                              "CSV files (*.csv)")
        if not path:
            offer.journal.release()
            return
        try:
            # newline="": keep export_csv's CRLF rows, as RFC 4180 asks.
            Path(path).write_text(export_csv(recorded_changes(offer.journal.contents)),
                                  encoding="utf-8", newline="")
        except OSError as exc:
            offer.journal.release()
            QMessageBox.warning(self._window, "Not saved", f"The list could not be saved: {exc}")
            return
        offer.journal.discard()
        self._window.show_status(f"The list of changes is saved in {path}.")

    # -- while editing ----------------------------------------------------------------------

    def _recording_failed(self, reason: str) -> None:
        if self._told_failure:
            return
        self._told_failure = True
        # Not inside the edit that failed to be recorded: after it, from the event loop.
        QTimer.singleShot(0, lambda: QMessageBox.warning(
            self._window, "Changes not protected",
            "RosterEditor cannot keep a copy of your changes in case it stops unexpectedly "
            f"({reason}; folder {self.folder}).\n\nYour changes are fine; save soon, and make "
            "sure that folder can be written."))


def untitled_name(base: SourceBase) -> str | None:
    """The name an untitled copy had before the app stopped (the sample's: its file name
    without .zip), so the title does not become "Untitled bundle"; None for a named source."""
    if not base.untitled or base.origin.kind != "bundle" or not base.origin.paths:
        return None
    return Path(base.origin.paths[0]).stem
