"""Crash recovery in the window: edits are journaled as they are made and a clean close clears
them; at start-up the user is asked, and recovered edits show in Recovered Changes, on the
undo stack as they were, to save or discard."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.recovery import EditJournal, find_left_journals
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import EditSession
from rostereditor.ui.editing.action_ids import EditActionId
from rostereditor.ui.recovery.recovered_changes_dialog import RecoveredChangesDialog
from rostereditor.ui.recovery.recovery_prompt import Choice, RecoveryPrompt
from rostereditor.ui.recovery.window_recovery import WindowRecovery

U = "users.csv"


def content(bundle):
    return {n: [list(f.table.header), *f.table.iter_rows()]
            for n, f in bundle.files.items() if n != MANIFEST}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def clean_zip(tmp_path: Path) -> Path:
    path = tmp_path / "district.zip"
    write_bundle_zip(generate_district(students=60, seed=5).bundle, path, keep_backup=False)
    return path


def leave_journal(source: Path, folder: Path) -> dict:
    """An editing session that was killed: its journal stays behind, nobody holding it."""
    session = EditSession()
    journal = EditJournal(session, folder)
    session.open(read_bundle(source))
    users = session.require_table(U)
    session.edit_cell(U, 0, users.column_index("givenName"), "Zoë")
    session.delete_rows(U, [3, 4])
    session.insert_column(U, 2, "nickname")
    session.edit_cell(U, 1, users.column_index("familyName"), "undone").undo()
    expected = content(session.bundle)
    assert journal._file is not None
    journal._file.close(delete=False)  # what the operating system does when the app is killed
    return expected


def answer(qtbot, choice: Choice, seen: list[str] | None = None) -> None:
    """Click `choice` in the start-up question once it shows."""
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryPrompt):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(dialog.message.text())
        qtbot.mouseClick(dialog.buttons[choice], Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, click)


def test_edits_are_journaled_as_made_and_a_clean_close_clears_them(window, qtbot, clean_zip, folder):
    recovery = WindowRecovery(window, folder)
    assert window.open_bundle(clean_zip)
    model = window.model(U)
    assert model.setData(model.index(0, 1), "typed", Qt.ItemDataRole.EditRole)
    path = recovery.journal.path
    assert path is not None
    assert path.read_bytes().count(b"\n") == 2  # the header and the edit
    window.undo_stack.undo()
    assert path.read_bytes().count(b"\n") == 3
    window.undo_stack.setClean()
    window.close()
    assert not path.exists()
    assert find_left_journals(folder) == []


def test_start_up_offers_the_edits_and_shows_what_came_back(window, qtbot, clean_zip, folder):
    expected = leave_journal(clean_zip, folder)
    source = content(read_bundle(clean_zip))
    recovery = WindowRecovery(window, folder)
    seen: list[str] = []
    answer(qtbot, Choice.RECOVER, seen)
    assert recovery.offer_left_journals()
    assert "district.zip" in seen[0]
    assert "3 changes" in seen[0]

    assert content(window.bundle) == expected
    assert window.is_modified()
    # The undo stack as it stood: three steps done, the undone one can still be redone.
    stack = window.undo_stack
    assert (stack.count(), stack.index()) == (4, 3)
    dialog = recovery.dialog
    assert isinstance(dialog, RecoveredChangesDialog)
    assert dialog.isVisible()
    kinds = [e.kind for e in dialog.entries]
    assert kinds.count("row deleted") == 2
    assert ("givenName", "Zoë") in [(e.column, e.new) for e in dialog.entries]
    assert "district.zip" in dialog.intro.text()
    assert "Insert column nickname" in dialog.intro.text()  # the list shows cells and rows only

    dialog.reject()  # Keep Editing
    for _ in range(3):
        window.action(EditActionId.UNDO).trigger()
    assert content(window.bundle) == source
    assert not window.is_modified()  # back at the file as saved


def test_recovered_changes_can_be_saved_and_the_journal_goes(window, qtbot, clean_zip, folder,
                                                              monkeypatch):
    expected = leave_journal(clean_zip, folder)
    recovery = WindowRecovery(window, folder)
    answer(qtbot, Choice.RECOVER)
    assert recovery.offer_left_journals()
    monkeypatch.setattr("rostereditor.ui.files.bundle_saving.confirm_save_with_errors",
                        lambda *args: True)
    assert recovery.dialog is not None
    qtbot.mouseClick(recovery.dialog.save_button, Qt.MouseButton.LeftButton)
    assert not window.is_modified()
    assert content(read_bundle(clean_zip)) == expected
    assert list(folder.glob("*.journal")) == []


def test_recovered_changes_can_be_discarded(window, qtbot, clean_zip, folder):
    leave_journal(clean_zip, folder)
    before = clean_zip.read_bytes()
    recovery = WindowRecovery(window, folder)
    answer(qtbot, Choice.RECOVER)
    assert recovery.offer_left_journals()
    assert recovery.dialog is not None
    qtbot.mouseClick(recovery.dialog.discard_button, Qt.MouseButton.LeftButton)
    assert window.bundle is None
    assert clean_zip.read_bytes() == before
    assert list(folder.glob("*.journal")) == []


def test_not_now_keeps_the_edits_for_next_time_and_discard_drops_them(window, qtbot, clean_zip,
                                                                      folder):
    leave_journal(clean_zip, folder)
    recovery = WindowRecovery(window, folder)
    answer(qtbot, Choice.LATER)
    assert not recovery.offer_left_journals()
    assert window.bundle is None
    answer(qtbot, Choice.DISCARD)
    assert not recovery.offer_left_journals()
    assert find_left_journals(folder) == []


def test_a_source_changed_since_is_said_and_the_edits_can_be_listed(window, qtbot, clean_zip,
                                                                    folder, monkeypatch):
    leave_journal(clean_zip, folder)
    stat = clean_zip.stat()
    os.utime(clean_zip, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**10))  # a new export, say
    listed = clean_zip.parent / "changes.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(listed), ""))
    recovery = WindowRecovery(window, folder)
    seen: list[str] = []
    answer(qtbot, Choice.SAVE_LIST, seen)
    assert not recovery.offer_left_journals()
    assert "has been changed since" in seen[0]
    assert window.bundle is None  # nothing replayed into a file the edits were not made on
    with listed.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["file", "line", "record", "column", "change", "old", "new"]
    assert [r[4] for r in rows[1:]].count("row deleted") == 2
    assert [r[4] for r in rows[1:] if r[3] == "nickname"] == ["column added"]
    assert find_left_journals(folder) == []


def test_recording_that_fails_is_said_once_and_editing_goes_on(window, qtbot, clean_zip, tmp_path,
                                                               message_boxes):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    WindowRecovery(window, blocker / "recovery")
    assert window.open_bundle(clean_zip)
    model = window.model(U)
    for row in range(3):
        assert model.setData(model.index(row, 1), f"v{row}", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: bool(message_boxes))
    qtbot.wait(50)
    assert len(message_boxes) == 1
    assert "cannot keep a copy of your changes" in message_boxes[0][1]
    assert window.bundle.table(U).cell(2, 1) == "v2"


def test_an_imported_workbook_is_recovered_from_the_workbook_and_stays_untitled(window, qtbot,
                                                                              tmp_path, folder):
    from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx

    book = tmp_path / "district.xlsx"
    write_bundle_xlsx(generate_district(students=30, seed=2).bundle, book)
    recovery = WindowRecovery(window, folder)
    window.xlsx.import_from_excel(book)
    qtbot.waitUntil(lambda: window.bundle is not None, timeout=20_000)
    model = window.model(U)
    assert model.setData(model.index(2, 1), "after import", Qt.ItemDataRole.EditRole)
    expected = content(window.bundle)
    recovery.journal._file.close(delete=False)  # the app is killed
    recovery.journal._file = None
    window.undo_stack.clear()
    window.session.close()

    answer(qtbot, Choice.RECOVER)
    assert recovery.offer_left_journals()
    assert content(window.bundle) == expected
    assert window.bundle.source is None  # Save asks where, as after the import
    assert "the bundle imported from district.xlsx" in recovery.dialog.intro.text()


def test_a_big_source_is_read_again_in_the_background(window, qtbot, clean_zip, folder,
                                                      monkeypatch):
    expected = leave_journal(clean_zip, folder)
    monkeypatch.setattr("rostereditor.ui.recovery.window_recovery.BACKGROUND_OPEN_BYTES", 0)
    recovery = WindowRecovery(window, folder)
    answer(qtbot, Choice.RECOVER)
    assert recovery.offer_left_journals()
    qtbot.waitUntil(lambda: recovery.dialog is not None, timeout=20_000)
    assert content(window.bundle) == expected
    assert window.is_modified()


def test_a_moved_source_can_be_located(window, qtbot, clean_zip, folder, monkeypatch):
    expected = leave_journal(clean_zip, folder)
    moved = clean_zip.parent / "moved" / "renamed.zip"
    moved.parent.mkdir()
    clean_zip.rename(moved)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(moved), ""))
    recovery = WindowRecovery(window, folder)
    seen: list[str] = []
    answer(qtbot, Choice.LOCATE, seen)
    assert recovery.offer_left_journals()
    assert "no longer at" in seen[0]
    assert content(window.bundle) == expected
    assert window.bundle.source == moved  # Save goes where the file is now


def test_a_save_that_finished_as_the_app_stopped_opens_the_saved_file(window, qtbot, clean_zip,
                                                                        folder):
    session = EditSession()
    journal = EditJournal(session, folder)
    session.open(read_bundle(clean_zip))
    session.edit_cell(U, 0, 1, "saved just in time")
    expected = content(session.bundle)
    session.events.saved.disconnect(journal._on_saved)  # killed before the journal was cleared
    session.save()
    journal._file.close(delete=False)
    recovery = WindowRecovery(window, folder)
    seen: list[str] = []
    answer(qtbot, Choice.OPEN, seen)
    assert recovery.offer_left_journals()
    assert "finished saving" in seen[0]
    assert content(window.bundle) == expected
    assert not window.is_modified()
    assert find_left_journals(folder) == []


def test_a_recovered_sample_keeps_its_name_and_stays_untitled(window, qtbot, tmp_path, folder):
    """Help > Open Sample, an edit, the app killed: the recovered copy was titled "Untitled
    bundle" instead of the sample's name."""
    sample = tmp_path / "sample-district-damaged.zip"
    write_bundle_zip(generate_district(students=30, seed=4).bundle, sample, keep_backup=False)
    recovery = WindowRecovery(window, folder)
    assert window.opening.open(sample, untitled=sample.stem, background=False)
    before = window.bundle_title()
    assert before == "sample-district-damaged (not saved yet)"
    model = window.model(U)
    assert model.setData(model.index(2, 1), "before the crash", Qt.ItemDataRole.EditRole)
    recovery.journal._file.close(delete=False)  # the app is killed
    recovery.journal._file = None
    window.undo_stack.clear()
    window.session.close()
    window.untitled_name = None

    answer(qtbot, Choice.RECOVER)
    assert recovery.offer_left_journals()
    assert window.bundle.table(U).cell(2, 1) == "before the crash"
    assert window.bundle.source is None  # still a copy: Save asks where
    assert window.bundle_title() == before
    assert window.windowTitle().startswith(before)


def test_recovered_fixes_are_in_the_fix_recipe_recording(window, qtbot, clean_zip, folder):
    """After a crash, Save Fix Recipe said "no fixes" although the recovered changes were."""
    session = EditSession()
    journal = EditJournal(session, folder)
    session.open(read_bundle(clean_zip))
    users = session.require_table(U)
    session.rename_column(U, users.column_index("givenName"), "firstName")
    session.edit_cell(U, 0, 1, "typed")  # not a fix: not recorded
    journal._file.close(delete=False)  # the app is killed

    recovery = WindowRecovery(window, folder)
    answer(qtbot, Choice.RECOVER)
    assert recovery.offer_left_journals()
    recipe = window.recipes.recording.recipe()
    assert [type(step).__name__ for step in recipe.steps] == ["RenameColumn"]
    assert (recipe.steps[0].column, recipe.steps[0].to) == ("givenName", "firstName")
