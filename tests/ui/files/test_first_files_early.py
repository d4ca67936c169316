"""A big bundle shows its first file as soon as it is read; the others fill in as tabs."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThreadPool

from rostereditor.core import bundle_reader


@pytest.fixture
def slow_after_first(monkeypatch):
    """The next read stops after its first file until the test lets it go on."""
    go_on = threading.Event()
    real = bundle_reader._add_file
    count = [0]

    def add_file(bundle, name, raw):
        count[0] += 1
        if count[0] > 1:
            go_on.wait(20)
        return real(bundle, name, raw)

    def arm():
        count[0] = 0
        monkeypatch.setattr(bundle_reader, "_add_file", add_file)

    go_on.arm = arm
    return go_on


def test_the_first_file_is_shown_before_the_rest_is_read(window, damaged_zip, qtbot,
                                                         slow_after_first):
    slow_after_first.arm()
    assert window.open_bundle(damaged_zip, background=True)
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=20_000)
    assert window.session.reading
    assert window.bundle is None  # nothing can be saved or exported from half a bundle
    name = window.current_file_name()
    model = window.model(name)
    assert model.rowCount() == len(model.table) > 0
    assert model.read_only
    assert not model.setData(model.index(0, 0), "changed", Qt.ItemDataRole.EditRole)
    page = window.page(name)
    slow_after_first.set()
    qtbot.waitUntil(lambda: window.bundle is not None and not window.is_opening(), timeout=20_000)
    assert window.tabs.count() == len(window.bundle.files)
    assert [window.tabs.tabText(i).split(" ")[0] for i in range(window.tabs.count())] \
        == window.session.file_names
    assert window.current_file_name() == name  # still on the tab the user was looking at
    assert window.page(name) is page  # the grid already shown is kept, not built again
    assert not window.model(name).read_only
    last = model.table.column_count - 1  # not the key: renaming one asks about references
    assert model.setData(model.index(0, last), "changed", Qt.ItemDataRole.EditRole)
    assert window.bundle.table(name).cell(model.source_row(0), last) == "changed"
    qtbot.waitUntil(lambda: window.validation_result is not None, timeout=20_000)


def test_cancelling_after_the_first_file_brings_back_the_bundle_open_before(
        window, damaged_zip, qtbot, slow_after_first, tmp_path):
    assert window.open_bundle(damaged_zip)  # in place: the bundle to come back to
    before = window.bundle
    other = tmp_path / "other.zip"
    other.write_bytes(damaged_zip.read_bytes())
    slow_after_first.arm()
    assert window.open_bundle(other, background=True)
    qtbot.waitUntil(lambda: window.session.reading, timeout=20_000)
    window.status.cancel_button.click()  # the progress dialog went away; the status bar has it
    slow_after_first.set()
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)
    assert not window.session.reading
    assert window.bundle is before
    assert window.tabs.count() == len(before.files)
