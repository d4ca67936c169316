"""File > Convert: the result opens as a new, unsaved bundle checked as the target version,
with the report of every change and loss; the source file is never changed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.ui.conversion.conversion_actions import ConversionActionId
from rostereditor.ui.conversion.convert_dialog import ConvertDialog
from rostereditor.ui.files import bundle_saving


@pytest.fixture
def damaged_window(window, qtbot, damaged_zip):
    assert window.open_bundle(damaged_zip)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    return window


@pytest.fixture
def accept_convert(monkeypatch):
    """The Convert dialog answered with its first choice (or the one set on `choice`)."""
    shown: list[ConvertDialog] = []
    choice: dict[str, str] = {}

    def accept(dialog):
        shown.append(dialog)
        if "to" in choice:
            dialog.buttons[choice["to"]].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConvertDialog, "exec", accept)
    return shown, choice


def convert_from_menu(window, qtbot):
    opened = []
    window.bundle_opened.connect(lambda: opened.append(True))
    window.action(ConversionActionId.CONVERT).trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    return window.conversion.last_report


def test_converting_opens_the_result_unsaved_and_leaves_the_source_alone(
        damaged_window, qtbot, damaged_zip, accept_convert, monkeypatch):
    window = damaged_window
    original = damaged_zip.read_bytes()
    shown, _ = accept_convert
    report = convert_from_menu(window, qtbot)

    assert list(shown[0].buttons) == ["1.2"]  # a 1.1 bundle can only go to 1.2
    assert window.bundle.detected_version == "1.2"
    assert window.session.version == "1.2"
    assert "roles.csv" in window.session.file_names
    assert window.table_view("roles.csv") is not None
    assert "orgSourcedIds" not in window.bundle.table("users.csv").header
    assert damaged_zip.read_bytes() == original
    assert read_bundle(damaged_zip).detected_version == "1.1"
    # New and unsaved: the title says so, closing would ask, Save asks where.
    assert window.is_modified()
    assert window.windowTitle().startswith("damaged-oneroster-1.2 (not saved yet)")
    assert window.undo_stack.count() == 0
    assert window.saving.suggested_zip_path() == damaged_zip.with_name("damaged-oneroster-1.2.zip")

    text = report.text()
    assert "Converted from OneRoster 1.1 to 1.2:" in text
    assert "Changed" in text
    assert "roles.csv: created" in text
    assert "Check (the reference does not settle it" in text
    assert "Nothing was lost." in text
    assert "damaged.zip has not changed" in text

    target = damaged_zip.with_name("converted.zip")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    # The damaged bundle still has errors once converted: Save warns, the user saves anyway.
    warned = []
    monkeypatch.setattr(bundle_saving, "confirm_save_with_errors",
                        lambda _parent, errors, _warnings: warned.append(errors) or True)
    assert window.save_interactive()
    assert warned
    assert warned[0] > 0
    assert read_bundle(target).detected_version == "1.2"
    assert damaged_zip.read_bytes() == original
    assert not window.is_modified()


def test_converting_back_to_1_1_reports_what_is_lost(damaged_window, qtbot, accept_convert,
                                                     monkeypatch, tmp_path):
    window = damaged_window
    convert_from_menu(window, qtbot)
    # Something only 1.2 can hold: a user's preferred first name.
    users = window.bundle.table("users.csv")
    window.editing.context.push(window.session.edit_cell(
        "users.csv", 0, users.column_index("preferredGivenName"), "Bee"))
    window.undo_stack.setClean()
    shown, _ = accept_convert
    report = convert_from_menu(window, qtbot)
    assert list(shown[-1].buttons) == ["1.1"]
    assert window.bundle.detected_version == "1.1"
    assert "roles.csv" not in window.session.file_names
    text = report.text()
    assert "Lost (the target version has no place for it)" in text
    assert "column preferredGivenName" in text
    assert "e.g. line 2: 'Bee'" in text
    assert "Nothing was lost." not in text


def test_unsaved_changes_are_asked_about_first(damaged_window, qtbot, accept_convert,
                                              message_boxes):
    window = damaged_window
    window.editing.context.push(window.session.edit_cell("users.csv", 0, 8, "Bjorn"))
    window.action(ConversionActionId.CONVERT).trigger()  # the question is answered Cancel
    assert any(kind == "question" and "before opening the converted copy" in text
               for kind, text in message_boxes)
    assert window.bundle.detected_version == "1.1"
    assert window.bundle.table("users.csv").cell(0, 8) == "Bjorn"


def test_a_version_picked_in_the_toolbar_gives_way_to_the_converted_manifest(
        damaged_window, qtbot, accept_convert):
    window = damaged_window
    window.version_combo.setCurrentIndex(window.version_combo.findData("1.1"))
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    convert_from_menu(window, qtbot)
    assert window.session.version_choice == ""
    assert window.session.version == "1.2"
    assert window.version_combo.currentData() == ""


def test_cancelled_dialog_converts_nothing(damaged_window, monkeypatch):
    window = damaged_window
    monkeypatch.setattr(ConvertDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert window.conversion.convert_interactive() is None
    assert window.bundle.detected_version == "1.1"


def test_convert_needs_a_bundle(window):
    assert not window.action(ConversionActionId.CONVERT).isEnabled()
