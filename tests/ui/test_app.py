"""App start-up pieces: the sample bundles are found, and the window opens what it is given."""

from __future__ import annotations

from rostereditor.ui.files.sample_bundles import sample_bundle_path
from rostereditor.ui.window.action_ids import ActionId, MenuId


def test_sample_bundles_are_found_from_a_checkout():
    path = sample_bundle_path(damaged=True)
    assert path is not None
    assert path.name == "sample-district-damaged.zip"
    assert path.is_file()


def test_help_menu_opens_the_damaged_sample(window):
    window.action(ActionId.OPEN_DAMAGED_SAMPLE).trigger()
    assert window.bundle is not None
    # An untitled copy: saving asks where, never writing into the application's folder.
    assert window.bundle.source is None
    assert window.windowTitle().startswith("sample-district-damaged (not saved yet)")


def test_menus_and_standard_shortcuts_are_in_place(window):
    assert [window.menu(m).title().replace("&", "") for m in
            (MenuId.FILE, MenuId.EDIT, MenuId.VIEW, MenuId.TOOLS, MenuId.HELP)] == [
        "File", "Edit", "View", "Tools", "Help"]
    assert window.action(ActionId.OPEN).shortcut().toString() == "Ctrl+O"
    assert window.action(ActionId.SAVE).shortcut().toString() == "Ctrl+S"
    assert window.action(ActionId.NEXT_PROBLEM).shortcut().toString() == "F8"
    assert window.action(ActionId.GO_TO_LINE).shortcut().toString() == "Ctrl+G"


def test_toolbar_remembers_the_vendor_profile(window, qtbot):
    assert window.profile_combo.count() >= 2
    window.profile_combo.setCurrentIndex(1)
    chosen = window.profile_combo.currentData()
    from rostereditor.ui import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.profile_combo.currentData() == chosen


def test_file_open_event_is_turned_into_a_request(qapp):
    from PySide6.QtGui import QFileOpenEvent

    from rostereditor.ui.app import RosterEditorApp

    if not isinstance(qapp, RosterEditorApp):
        # pytest-qt made a plain QApplication; exercise the handler on it directly.
        event = QFileOpenEvent("/tmp/some.zip")
        received = []
        fake = type("Fake", (), {"pending_open": [], "file_open_requested":
                                 type("S", (), {"emit": lambda self, p: received.append(p)})()})()
        assert RosterEditorApp.event(fake, event) is True
        assert received == ["/tmp/some.zip"]
