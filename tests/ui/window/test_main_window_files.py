"""Opening (zip, folder, CSV files, drops, recent) and saving (back, as zip, prompts)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder
from rostereditor.ui.files import bundle_saving

Role = Qt.ItemDataRole
Button = QMessageBox.StandardButton


def _rows(path: Path, name: str) -> list[list[str]]:
    return [list(r) for r in read_bundle(path).files[name].table.iter_rows()]


def test_open_zip_shows_one_tab_per_file_and_remembers_it(window, damaged_zip):
    assert window.open_bundle(damaged_zip)
    assert window.bundle.source_kind == "zip"
    assert window.tabs.count() == len(window.bundle.files)
    assert window.windowTitle().startswith("damaged.zip")
    assert window.settings.recent_paths()[0] == str(damaged_zip.resolve())


def test_open_folder_and_single_csv(window, damaged_district, tmp_path):
    folder = tmp_path / "folder"
    write_bundle_folder(damaged_district.bundle, folder)
    assert window.open_bundle(folder)
    assert window.bundle.source_kind == "folder"
    assert "users.csv" in window.bundle.files
    assert window.open_bundle([folder / "users.csv", folder / "orgs.csv"])
    assert window.bundle.source_kind == "files"
    assert window.current_file_name() == "orgs.csv"


def test_bad_zip_shows_a_message_not_a_traceback(window, tmp_path, message_boxes):
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert not window.open_bundle(bad)
    assert window.bundle is None
    assert message_boxes
    assert message_boxes[-1][0] == "warning"
    assert "Traceback" not in message_boxes[-1][1]


def test_save_then_reopen_shows_the_edit(window, damaged_zip):
    window.open_bundle(damaged_zip)
    model = window.model("users.csv")
    col = model.table.column_index("enabledUser")
    index = model.index(model.view_row(model.table.row_for_line(667)), col)
    model.setData(index, "true", Role.EditRole)
    assert window.isWindowModified()
    window.save_bundle()
    assert not window.isWindowModified()
    assert (damaged_zip.parent / "damaged.zip.bak").exists()  # first save keeps a backup
    window.open_bundle(damaged_zip)
    reopened = window.model("users.csv")
    assert reopened.table.cell(reopened.table.row_for_line(667), col) == "true"
    with zipfile.ZipFile(damaged_zip) as archive:
        assert "manifest.csv" in archive.namelist()


def test_sort_and_filter_never_change_the_saved_order(window, damaged_zip, tmp_path):
    before = _rows(damaged_zip, "users.csv")
    window.open_bundle(damaged_zip)
    page = window.page("users.csv")
    page.sort_by(page.model.table.column_index("familyName"), descending=True)
    page.set_filter(page.model.table.column_index("role"), "student")
    assert page.model.rowCount() < len(page.model.table)
    assert page.model.data(page.model.index(0, 0), Role.EditRole) != before[0][0]
    target = tmp_path / "sorted.zip"
    window.save_bundle(target)
    assert _rows(target, "users.csv") == before


def test_closing_with_changes_asks_and_cancel_keeps_the_window(window, damaged_zip, monkeypatch):
    window.open_bundle(damaged_zip)
    asked = []

    def answer(choice):
        def ask(parent, name, action):
            asked.append(action)
            return choice
        return ask

    model = window.model("orgs.csv")
    model.setData(model.index(0, 3), "Renamed District", Role.EditRole)
    monkeypatch.setattr(bundle_saving, "ask_save_changes", answer(Button.Cancel))
    assert not window.close()
    assert asked == ["closing"]
    assert window.bundle is not None
    assert not window.open_bundle(damaged_zip)  # Cancel keeps the edited bundle open
    assert window.model("orgs.csv").table.cell(0, 3) == "Renamed District"
    monkeypatch.setattr(bundle_saving, "ask_save_changes", answer(Button.Discard))
    assert window.open_bundle(damaged_zip)
    assert window.model("orgs.csv").table.cell(0, 3) != "Renamed District"
    assert not window.isWindowModified()


def test_save_in_the_prompt_saves_before_opening_another(window, damaged_zip, monkeypatch, tmp_path):
    window.open_bundle(damaged_zip)
    model = window.model("orgs.csv")
    model.setData(model.index(0, 3), "Renamed District", Role.EditRole)
    monkeypatch.setattr(bundle_saving, "ask_save_changes", lambda *a: Button.Save)
    monkeypatch.setattr(bundle_saving, "confirm_save_with_errors", lambda *a: True)
    other = tmp_path / "other.zip"
    other.write_bytes(damaged_zip.read_bytes())
    assert window.open_bundle(other)
    assert read_bundle(damaged_zip).files["orgs.csv"].table.cell(0, 3) == "Renamed District"


def test_modified_marker_follows_the_undo_stack(window, damaged_zip):
    window.open_bundle(damaged_zip)
    assert not window.isWindowModified()
    window.undo_stack.push(QUndoCommand("something"))
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert not window.isWindowModified()


def test_saving_with_errors_warns_but_lets_the_user_save(window, damaged_zip, monkeypatch):
    window.open_bundle(damaged_zip)
    window.flush_pending_updates()
    warned = []
    monkeypatch.setattr(bundle_saving, "confirm_save_with_errors",
                        lambda parent, errors, warnings: warned.append(errors) or False)
    assert not window.save_interactive()
    assert warned
    assert warned[0] > 0
    monkeypatch.setattr(bundle_saving, "confirm_save_with_errors", lambda *a: True)
    assert window.save_interactive()


def test_save_as_suggests_the_vendor_zip_name(window, damaged_zip, monkeypatch, tmp_path):
    window.open_bundle(damaged_zip)
    suggested = []
    target = tmp_path / "for-vendor"

    def fake_dialog(parent, caption, directory, file_filter):
        suggested.append(directory)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    monkeypatch.setattr(bundle_saving, "confirm_save_with_errors", lambda *a: True)
    profiles = window.choices.profiles
    with_zip = next((i for i, p in enumerate(profiles) if p.zip_name), None)
    if with_zip is None:
        pytest.skip("no vendor profile names a zip")
    window.profile_combo.setCurrentIndex(with_zip)
    assert window.save_as_interactive()
    assert Path(suggested[0]).name == profiles[with_zip].zip_name
    saved = target.with_suffix(".zip")
    assert saved.exists()
    assert window.bundle.source == saved
    assert window.settings.profile == profiles[with_zip].name


def test_dropping_a_zip_opens_it(window, damaged_zip, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(damaged_zip))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.bundle is not None)
    assert window.bundle.source == damaged_zip


def test_large_bundle_opens_in_the_background(window, damaged_zip, qtbot):
    assert window.open_bundle(damaged_zip, background=True)
    assert window.is_opening()
    qtbot.waitUntil(lambda: window.bundle is not None, timeout=10000)
    assert window.tabs.count() > 0


def test_every_action_is_found_by_its_id_including_the_editing_ones(window):
    assert window.action("edit.undo").objectName() == "edit.undo"
    from rostereditor.ui.editing.action_ids import EditActionId

    assert window.action(EditActionId.COPY).objectName() == EditActionId.COPY
