"""Saving between uploads in the window: the question before a save removes many records, its
setting, and File > Save As Delta."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.sample_district import generate_district
from rostereditor.core.sample_district.next_export import next_export
from rostereditor.ui.comparison.comparison_actions import ComparisonActionId
from rostereditor.ui.comparison.delta_saving import DeltaActionId
from rostereditor.ui.comparison.removal_check import DEFAULT_PERCENT, RemovalCheckActionId
from rostereditor.ui.files import bundle_saving
from rostereditor.ui.window.action_ids import ActionId

Button = QMessageBox.StandardButton


@pytest.fixture
def opened(window, tmp_path, monkeypatch, qtbot):
    """A small district opened from its zip; 'save with errors' is answered yes, so only the
    removal question stands between Save and the disk."""
    path = tmp_path / "district.zip"
    write_bundle_zip(generate_district(students=40, seed=3).bundle, path, keep_backup=False)
    monkeypatch.setattr(bundle_saving, "confirm_save_with_errors", lambda *a: True)
    assert window.open_bundle(path)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    return window, path


def answer_questions(monkeypatch, answer):
    asked = []

    def question(_parent, title, text, *args, **kwargs):
        asked.append((title, text))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def delete_users(window, share):
    users = window.bundle.table("users.csv")
    count = round(len(users) * share)
    window.session.delete_rows("users.csv", list(range(count)))
    return count, len(users) + count


def test_saving_after_removing_most_users_asks_naming_the_counts(opened, monkeypatch):
    window, path = opened
    asked = answer_questions(monkeypatch, Button.Cancel)
    before = path.read_bytes()
    removed, total = delete_users(window, 0.9)
    assert not window.save_interactive()
    [(title, text)] = asked
    assert title == "Save and remove these records?"
    assert f"users.csv: {removed:,} of {total:,} records" in text
    assert "the bundle as opened" in text
    assert path.read_bytes() == before  # not written

    answer_questions(monkeypatch, Button.Save)
    assert window.save_interactive()
    assert len(read_bundle(path).table("users.csv")) == total - removed


def test_after_saving_the_saved_bundle_is_what_counts(opened, monkeypatch):
    window, _ = opened
    answer_questions(monkeypatch, Button.Save)
    delete_users(window, 0.5)
    assert window.save_interactive()
    asked = answer_questions(monkeypatch, Button.Cancel)
    window.session.delete_rows("users.csv", [0])  # one more of what was just saved
    assert window.save_interactive()
    assert asked == []


def test_a_small_share_saves_without_asking(opened, monkeypatch):
    window, _ = opened
    asked = answer_questions(monkeypatch, Button.Cancel)
    window.session.delete_rows("users.csv", [0])
    assert window.save_interactive()
    assert asked == []


def test_the_share_is_a_setting(opened, monkeypatch):
    window, _ = opened
    check = window.comparisons.removals
    assert check.percent == DEFAULT_PERCENT
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (60, True))
    window.action(RemovalCheckActionId.SET_PERCENT).trigger()
    assert check.percent == 60
    asked = answer_questions(monkeypatch, Button.Cancel)
    delete_users(window, 0.5)
    assert window.save_interactive()
    assert asked == []


def test_while_comparing_the_compared_bundle_is_the_reference(opened, tmp_path, monkeypatch):
    window, _ = opened
    bigger = tmp_path / "last-upload.zip"
    write_bundle_zip(generate_district(students=400, seed=3).bundle, bigger, keep_backup=False)
    assert window.comparisons.compare_with(bigger)
    asked = answer_questions(monkeypatch, Button.Cancel)
    assert not window.save_interactive()
    assert "Compared with last-upload.zip" in asked[0][1]


@pytest.fixture
def compared_export(window, tmp_path, qtbot):
    old = generate_district(students=40, seed=3).bundle
    new, changes = next_export(old, seed=2, share=0.05)
    sent = tmp_path / "sent.zip"
    write_bundle_zip(old, sent, keep_backup=False)
    current = tmp_path / "export.zip"
    write_bundle_zip(new, current, keep_backup=False)
    assert window.open_bundle(current)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    assert window.comparisons.compare_with(sent)
    return window, changes


def test_save_as_delta_says_what_is_in_it_and_writes_it(compared_export, tmp_path, monkeypatch):
    window, changes = compared_export
    target = tmp_path / "delta.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked = answer_questions(monkeypatch, Button.Save)
    window.action(DeltaActionId.SAVE_DELTA).trigger()
    [(title, text)] = asked
    assert title == "Save this delta?"
    assert "A OneRoster 1.1 delta from sent.zip to this bundle" in text
    assert "users.csv:" in text
    assert "(sent tobedeleted)" in text
    delta = read_bundle(target)
    assert delta.manifest["file.users"] == "delta"
    users = delta.table("users.csv")
    statuses = dict(zip(users.column_values(0),
                        users.column_values(users.column_index("status")), strict=True))
    assert all(statuses[left] == "tobedeleted" for left in changes.left)
    assert "Saved the delta from sent.zip" in window.statusBar().currentMessage()


def test_cancelling_writes_no_delta(compared_export, tmp_path, monkeypatch):
    window, _ = compared_export
    target = tmp_path / "delta.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    answer_questions(monkeypatch, Button.Cancel)
    window.action(DeltaActionId.SAVE_DELTA).trigger()
    assert not target.exists()


def test_save_as_delta_without_a_comparison_offers_to_compare(opened, monkeypatch):
    window, _ = opened
    chosen = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: chosen.append(1) or ([], ""))
    asked = answer_questions(monkeypatch, Button.Yes)
    assert not window.comparisons.delta.save_delta_interactive()
    assert "Compare with that bundle first" in asked[0][1]
    assert chosen == [1]  # the Compare With dialog opened


def test_a_delta_of_a_1_0_bundle_is_explained(compared_export, tmp_path, monkeypatch,
                                              message_boxes):
    window, _ = compared_export
    window.session.set_version_choice("1.0")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "delta.zip"), ""))
    window.action(DeltaActionId.SAVE_DELTA).trigger()
    assert message_boxes[-1][0] == "warning"
    assert "delta files exist only in OneRoster 1.1 and 1.2" in message_boxes[-1][1]
    assert not (tmp_path / "delta.zip").exists()


def test_the_file_menu_has_save_as_delta_after_save_as(window):
    texts = [a.text() for a in window.menu("file").actions()]
    assert texts.index("Save As &Delta\u2026") == texts.index(
        window.action(ActionId.SAVE_AS).text()) + 1
    assert window.action(ComparisonActionId.STOP).text() == "S&top Comparing"
