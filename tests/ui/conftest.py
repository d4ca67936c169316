"""Fixtures for window tests: isolated settings, generated damaged districts, no real dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.sample_district import generate_district

# The offscreen platform used for headless runs cannot size native windows and says so on
# every top-level show; it is not a warning about our code, so only that message is ignored.
OFFSCREEN_ONLY = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the (keyboard|mouse))")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(OFFSCREEN_ONLY)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Path:
    """Recent files and geometry go to a temporary folder, never the developer's profile."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


BOX_KINDS = {QMessageBox.Icon.Question: "question", QMessageBox.Icon.Warning: "warning",
             QMessageBox.Icon.Critical: "critical", QMessageBox.Icon.Information: "information"}


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record message boxes instead of blocking; a test can read what the user would have seen."""
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: QMessageBox.StandardButton):
        def show(_parent, title, text, *args, **kwargs):
            shown.append((kind, f"{title}: {text}"))
            return answer
        return show

    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Cancel))

    def exec_box(box: QMessageBox) -> int:
        # A box built by hand (for its own button labels) is recorded like the static ones;
        # nothing is clicked, which its caller reads as Cancel.
        shown.append((BOX_KINDS.get(box.icon(), "exec"), f"{box.windowTitle()}: {box.text()}"))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return shown


@pytest.fixture(scope="session")
def damaged_district():
    return generate_district(students=300, seed=1, damaged=True)


@pytest.fixture
def damaged_zip(tmp_path: Path, damaged_district) -> Path:
    path = tmp_path / "damaged.zip"
    write_bundle_zip(damaged_district.bundle, path, keep_backup=False)
    return path


@pytest.fixture
def window(qtbot):
    from rostereditor.ui import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Tests leave edits behind; closing must not ask.
    win.undo_stack.setClean()
    win._unrecorded_changes = False


class Keyboard:
    """Real key presses, each sent to the widget that has the keyboard, as on screen: the open
    popup (a dropdown list, a completer, a calendar) if any, else the focused widget. Events
    are processed after each key, as the event loop would."""

    @staticmethod
    def target():
        from PySide6.QtWidgets import QApplication

        popup = QApplication.activePopupWidget()
        focus = QApplication.focusWidget()
        if popup is not None and not (focus is popup or (focus is not None and popup.isAncestorOf(focus))):
            return popup
        return focus

    def press(self, key, modifiers=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        target = self.target()
        assert target is not None, "no widget has the keyboard"
        QTest.keyClick(target, key, modifiers or Qt.KeyboardModifier.NoModifier)
        QApplication.processEvents()

    def type(self, text: str) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        for ch in text:
            if ch.isascii():
                self.press(ch)
                continue
            # QTest knows only ASCII keys; a key with another letter on it sends its text.
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(self.target(), event)
            QApplication.processEvents()


    def answer_next_dialog(self, text: str, timeout_ms: int = 5000) -> None:
        """Once the next modal dialog has the keyboard, type `text` over its value and press
        Enter (a modal dialog blocks the test, so the answer is scheduled first)."""
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtWidgets import QApplication

        owner = QApplication.activeWindow()

        def attempt(left: int) -> None:
            modal = QApplication.activeModalWidget()
            focus = QApplication.focusWidget()
            if modal is not None and focus is not None and modal.isAncestorOf(focus):
                self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                self.type(text)
                self.press(Qt.Key.Key_Return)
                if QApplication.activeWindow() is None and owner is not None:
                    # No window manager offscreen to hand the keyboard back to the window.
                    owner.activateWindow()
                    QApplication.processEvents()
            elif left > 0:
                QTimer.singleShot(10, lambda: attempt(left - 10))
            elif modal is not None:
                modal.close()  # never leave the test blocked; its assertions will fail

        QTimer.singleShot(0, lambda: attempt(timeout_ms))


@pytest.fixture
def keyboard() -> Keyboard:
    return Keyboard()
