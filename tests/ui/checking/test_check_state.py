"""The Problems panel never says "No problems found." before a check has finished, and never
presents an older check's list as the current one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session.checking import BACKGROUND_CHECK_ROWS


@pytest.fixture(scope="module")
def big_damaged_zip(tmp_path_factory):
    """A damaged district just big enough to be checked in the background."""
    district = generate_district(students=4700, seed=2, damaged=True)
    rows = sum(len(f.table) for f in district.bundle.files.values())
    assert rows >= BACKGROUND_CHECK_ROWS
    path = tmp_path_factory.mktemp("big") / "big-damaged.zip"
    write_bundle_zip(district.bundle, path, keep_backup=False)
    return path


class LabelWatch:
    """Every text the panel's counts line shows, sampled as the event loop runs."""

    def __init__(self, window) -> None:
        self.label = window.findings_panel.counts_label
        self.seen: list[str] = []
        self.timer = QTimer(window)
        self.timer.timeout.connect(self.sample)
        self.timer.start(2)

    def sample(self) -> None:
        text = self.label.text()
        if not self.seen or self.seen[-1] != text:
            self.seen.append(text)


def test_panel_says_checking_until_the_background_check_has_finished(window, qtbot, big_damaged_zip):
    watch = LabelWatch(window)
    assert window.open_bundle(big_damaged_zip)
    watch.sample()
    assert window.is_checking()  # big enough: checked in the background
    assert watch.label.text().startswith("Checking the bundle")
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=60_000)
    window.flush_pending_updates()
    watch.sample()
    watch.timer.stop()
    assert window.all_findings()
    assert not any(t == "No problems found." for t in watch.seen), watch.seen
    assert watch.seen[-1].endswith(" notes")  # the counts, once the list is complete
    assert "error" in watch.seen[-1]


def test_a_recheck_after_an_edit_marks_the_list_as_from_before_it(window, qtbot, big_damaged_zip):
    window.open_bundle(big_damaged_zip)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=60_000)
    window.flush_pending_updates()
    label = window.findings_panel.counts_label
    before = label.text()
    assert "checking again" not in before
    session = window.session
    session.delete_rows("users.csv", [0])  # rows deleted: the whole bundle is checked again
    assert window.is_checking()
    assert "checking again after your changes" in label.text()
    assert label.text().startswith(before.split("   ")[0])  # the old counts, said to be old
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=60_000)
    window.flush_pending_updates()
    assert "checking again" not in label.text()


def test_a_cancelled_first_check_says_so_instead_of_no_problems(window, qtbot, big_damaged_zip):
    window.open_bundle(big_damaged_zip)
    assert window.is_checking()
    window.cancel_validation()
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=60_000)
    window.flush_pending_updates()
    label = window.findings_panel.counts_label.text()
    assert label.startswith("Not checked")
    assert "Check Again" in label
