"""Saving can be trusted: the bundled sample is never written (it opens as an untitled copy and
Save asks where), and after a save the findings are those of what was saved."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from rostereditor.core.bundle_writer import write_bundle_folder
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.sample_district import generate_district
from rostereditor.ui.files import bundle_saving
from rostereditor.ui.files.sample_bundles import sample_bundle_path

Key = Qt.Key
Mod = Qt.KeyboardModifier


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_sample_opens_as_an_untitled_copy_and_save_asks_where(
        window, keyboard, monkeypatch, tmp_path):
    sample = sample_bundle_path(damaged=True)
    resources = snapshot(sample.parent)
    assert window.open_sample(damaged=True)
    assert window.bundle.source is None
    assert "(not saved yet)" in window.windowTitle()
    asked = []

    def choose(parent, caption, directory, file_filter):
        asked.append(Path(directory))
        return str(tmp_path / "my-district.zip"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    monkeypatch.setattr(bundle_saving, "confirm_save_with_errors", lambda *a: True)
    users = window.bundle.table("users.csv")
    col = users.column_index("givenName")
    window.go_to_cell("users.csv", 0, col)
    window.current_view().setFocus()
    keyboard.type("Ann")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_S, Mod.ControlModifier)
    assert asked, "Save must ask where to save a copy of the sample"
    assert asked[0].name == sample.stem + ".zip"
    assert asked[0].parent != sample.parent  # never suggested inside the application
    assert (tmp_path / "my-district.zip").exists()
    assert snapshot(sample.parent) == resources  # nothing written, no .bak left there
    assert window.bundle.source == tmp_path / "my-district.zip"
    assert window.windowTitle().startswith("my-district.zip")
    assert not window.isWindowModified()


def test_after_saving_a_folder_the_manifest_finding_it_fixed_is_gone(window, tmp_path):
    district = generate_district(students=30, seed=4)
    folder = tmp_path / "district"
    write_bundle_folder(district.bundle, folder, "1.1")
    manifest = folder / MANIFEST
    # Someone edited the manifest by hand: users.csv is there, but marked absent.
    manifest.write_bytes(manifest.read_bytes().replace(b"file.users,bulk", b"file.users,absent"))
    assert window.open_bundle(folder)
    window.flush_pending_updates()
    mismatch = [f for f in window.all_findings() if f.rule == "manifest.file-mismatch"]
    assert mismatch
    window.save_bundle()
    window.flush_pending_updates()
    assert not [f for f in window.all_findings() if f.rule == "manifest.file-mismatch"]
    assert b"file.users,bulk" in manifest.read_bytes()
    shown = window.model(MANIFEST).table  # the manifest tab shows what was written
    assert ["file.users", "bulk"] in [shown.row_values(r) for r in range(len(shown))]


def test_after_saving_a_bundle_without_a_manifest_its_tab_appears(window, tmp_path):
    district = generate_district(students=30, seed=4)
    del district.bundle.files[MANIFEST]
    folder = tmp_path / "no-manifest"
    write_bundle_folder(district.bundle, folder, "1.1")
    (folder / MANIFEST).unlink()
    assert window.open_bundle(folder)
    window.flush_pending_updates()
    assert window.page(MANIFEST) is None
    assert [f for f in window.all_findings() if f.rule == "bundle.no-manifest"]
    window.save_bundle()
    window.flush_pending_updates()
    assert window.page(MANIFEST) is not None
    assert not [f for f in window.all_findings() if f.rule == "bundle.no-manifest"]


def test_saving_a_folder_says_where_the_originals_went_and_leaves_none_inside(
        window, keyboard, monkeypatch, message_boxes, tmp_path):
    district = generate_district(students=30, seed=4)
    folder = tmp_path / "district"
    write_bundle_folder(district.bundle, folder, "1.1")
    assert window.open_bundle(folder)
    monkeypatch.setattr(bundle_saving, "confirm_save_with_errors", lambda *a: True)
    users = window.bundle.table("users.csv")
    window.go_to_cell("users.csv", 0, users.column_index("givenName"))
    window.current_view().setFocus()
    keyboard.type("Ann")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_S, Mod.ControlModifier)
    assert not list(folder.glob("*.bak"))  # nothing a user would zip up and send
    told = [text for kind, text in message_boxes if kind == "information"]
    assert told
    assert "district.bak" in told[0]
    assert "beside" in told[0]
    assert (tmp_path / "district.bak").is_dir()
    assert "district.bak" in window.statusBar().currentMessage()
