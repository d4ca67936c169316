"""File > Compare With in the window: the Changes panel, jumping to records, tints that follow
edits and undo, removed records read-only, and comparing big bundles in a worker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.comparison import compare_bundles
from rostereditor.core.sample_district import generate_district
from rostereditor.core.sample_district.next_export import next_export
from rostereditor.ui.comparison import comparison_tracker
from rostereditor.ui.comparison.change_tint import ADDED_BRUSH, CHANGED_BRUSH
from rostereditor.ui.comparison.comparison_actions import ComparisonActionId

Role = Qt.ItemDataRole


@pytest.fixture(scope="module")
def two_exports():
    """Last week's upload and this week's export of the same small district."""
    old = generate_district(students=40, seed=3).bundle
    new, changes = next_export(old, seed=2, share=0.05)
    return old, new, changes


@pytest.fixture
def compared(window, qtbot, two_exports, tmp_path):
    """The window showing this week's export, compared with last week's zip."""
    old, new, _ = two_exports
    last = tmp_path / "last-week.zip"
    write_bundle_zip(old, last, keep_backup=False)
    window.set_bundle(_copy(new))
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    assert window.comparisons.compare_with(last)
    return window


def _copy(bundle):
    """A fresh bundle with the same tables' values (tests edit theirs)."""
    from rostereditor.core.bundle import Bundle, BundleFile
    from rostereditor.core.table import Table

    copy = Bundle(source_kind="new", modes=dict(bundle.modes))
    for name, file in bundle.files.items():
        copy.files[name] = BundleFile(name, name, Table.from_rows(file.table.header,
                                                                   list(file.table.iter_rows())))
    return copy


def _listed(panel):
    changes = panel.model.changes
    return [(changes.kind_of(i), changes.file_of(i), changes.key_of(i)) for i in range(len(changes))]


def _users_cell(window, sourced_id, column):
    model = window.model("users.csv")
    table = model.table
    row = table.column_values(table.column_index("sourcedId")).index(sourced_id)
    return model, model.index(model.view_row(row), table.column_index(column))


def test_menu_entries_follow_the_open_bundle(window, damaged_zip):
    assert not window.action(ComparisonActionId.COMPARE).isEnabled()
    window.open_bundle(damaged_zip)
    assert window.action(ComparisonActionId.COMPARE).isEnabled()
    assert not window.action(ComparisonActionId.STOP).isEnabled()  # nothing compared yet
    texts = [a.text() for a in window.menu("file").actions()]
    assert texts.index("Co&mpare With\u2026") < texts.index("&Close Bundle")


def test_compare_with_from_the_menu_lists_what_the_core_finds(window, qtbot, two_exports, tmp_path,
                                                             monkeypatch):
    old, new, changes = two_exports
    last = tmp_path / "last-week.zip"
    write_bundle_zip(old, last, keep_backup=False)
    window.set_bundle(_copy(new))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(last)], ""))
    window.action(ComparisonActionId.COMPARE).trigger()
    panel = window.comparisons.panel
    assert panel.isVisible()
    assert panel.summary.text().startswith("Compared with last-week.zip:")
    listed = _listed(panel)
    expected = compare_bundles(old, new).files["users.csv"]
    users = [(kind, key) for kind, name, key in listed if name == "users.csv"]
    renumbered = set(expected.id_changes.old_ids.to_pylist())
    assert sorted(k for kind, k in users if kind == "removed") == sorted(
        set(expected.removed_keys.to_pylist()) - renumbered)  # left, with their guardians
    assert set(changes.left) - set(changes.renumbered) <= {k for kind, k in users if kind == "removed"}
    assert [k for kind, k in users if kind == "new_id"] == list(changes.renumbered.values())
    assert sum(1 for kind, _ in users if kind == "changed") == expected.changed.record_count
    assert window.action(ComparisonActionId.STOP).isEnabled()


def test_changed_and_added_records_are_tinted_with_what_they_were(compared, two_exports):
    _, _, changes = two_exports
    window = compared
    corrected = changes.corrected_users[0]
    _model, middle = _users_cell(window, corrected, "middleName")
    assert middle.data(Role.BackgroundRole) == CHANGED_BRUSH
    assert "Changed since last-week.zip: it was" in middle.data(Role.ToolTipRole)
    _, family = _users_cell(window, corrected, "familyName")
    assert family.data(Role.BackgroundRole) is None
    _, joined = _users_cell(window, changes.joined[0], "givenName")
    assert joined.data(Role.BackgroundRole) == ADDED_BRUSH
    assert "new since then" in joined.data(Role.ToolTipRole)


def test_tints_and_list_follow_an_edit_and_its_undo(compared, two_exports, qtbot):
    old, _, changes = two_exports
    window = compared
    corrected = changes.corrected_users[0]
    model, middle = _users_cell(window, corrected, "middleName")
    old_users = old.table("users.csv")
    was = old_users.cell(old_users.column_values(0).index(corrected),
                         old_users.column_index("middleName"))
    assert model.setData(middle, was, Role.EditRole)  # put the old value back
    window.comparisons.tracker.flush()
    assert middle.data(Role.BackgroundRole) is None
    assert ("changed", "users.csv", corrected) not in _listed(window.comparisons.panel)
    window.action("edit.undo").trigger()
    qtbot.waitUntil(lambda: middle.data(Role.BackgroundRole) == CHANGED_BRUSH)
    assert ("changed", "users.csv", corrected) in _listed(window.comparisons.panel)

    unchanged = next(i for i in old_users.column_values(0)
                     if i not in changes.corrected_users and i not in changes.left)
    _, family = _users_cell(window, unchanged, "familyName")
    assert model.setData(family, "Newname", Role.EditRole)
    window.comparisons.tracker.flush()
    assert family.data(Role.BackgroundRole) == CHANGED_BRUSH
    assert ("changed", "users.csv", unchanged) in _listed(window.comparisons.panel)


def test_clicking_a_changed_record_goes_to_its_cell(compared, two_exports, qtbot):
    _, _, changes = two_exports
    window = compared
    panel = window.comparisons.panel
    row = next(i for i, item in enumerate(_listed(panel))
               if item == ("changed", "users.csv", changes.corrected_users[0]))
    panel.view.scrollTo(panel.model.index(row, 0))
    rect = panel.view.visualRect(panel.model.index(row, 3))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_file_name() == "users.csv"
    current = window.current_view().currentIndex()
    table = window.model("users.csv").table
    assert table.header[current.column()] == "middleName"
    assert table.cell(window.model("users.csv").source_row(current.row()), 0) \
        == changes.corrected_users[0]


def test_a_removed_record_is_shown_read_only_beside_the_list(compared, two_exports):
    _old, _, changes = two_exports
    window = compared
    panel = window.comparisons.panel
    gone = sorted(set(changes.left) - set(changes.renumbered))[0]
    row = _listed(panel).index(("removed", "users.csv", gone))
    panel.view.selectRow(row)
    assert "not in this bundle" in panel.detail_title.text()
    rows = panel.detail_rows()
    assert rows[0] == ["sourcedId", gone]
    assert panel.detail.horizontalHeaderItem(1).text() == "last-week.zip"
    assert not panel.detail.editTriggers()  # read-only
    tab = window.current_file_name()
    assert not window.comparisons.go_to_entry(panel.selected_entry())
    assert window.current_file_name() == tab
    assert "is not in this bundle" in window.statusBar().currentMessage()


def test_filters_by_file_kind_and_text(compared, two_exports):
    _, _, changes = two_exports
    panel = compared.comparisons.panel
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("new_id"))
    assert {kind for kind, _, _ in _listed(panel)} == {"new_id"}
    panel.kind_filter.setCurrentIndex(0)
    panel.file_filter.setCurrentIndex(panel.file_filter.findData("enrollments.csv"))
    assert {name for _, name, _ in _listed(panel)} == {"enrollments.csv"}
    panel.file_filter.setCurrentIndex(0)
    panel.search.setText(changes.corrected_users[0])
    panel.apply_filters()
    assert [key for _, _, key in _listed(panel)] == [changes.corrected_users[0]]


def test_stop_comparing_and_opening_another_bundle_end_the_comparison(compared, two_exports):
    _, _, changes = two_exports
    window = compared
    _, middle = _users_cell(window, changes.corrected_users[0], "middleName")
    window.action(ComparisonActionId.STOP).trigger()
    assert middle.data(Role.BackgroundRole) is None
    assert window.comparisons.panel.model.rowCount() == 0
    assert "Not comparing" in window.comparisons.panel.summary.text()
    window.set_bundle(generate_district(students=10, seed=1).bundle)
    assert window.comparisons.tracker.live is None


def test_a_bundle_that_cannot_be_read_is_explained(compared, tmp_path, message_boxes):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip at all")
    assert not compared.comparisons.compare_with(broken)
    assert message_boxes[-1][0] == "warning"
    assert "broken.zip cannot be compared" in message_boxes[-1][1]


def test_big_bundles_compare_in_a_worker(window, qtbot, two_exports, tmp_path, monkeypatch):
    old, new, changes = two_exports
    last = tmp_path / "last-week.zip"
    write_bundle_zip(old, last, keep_backup=False)
    window.set_bundle(_copy(new))
    assert window.comparisons.compare_with(last, background=True)
    qtbot.waitUntil(lambda: window.comparisons.tracker.live is not None, timeout=20_000)
    assert not window.comparisons.is_comparing_in_background()
    # As if the bundle were big: comparing again after an edit runs in a worker too.
    monkeypatch.setattr(comparison_tracker, "INLINE_COMPARE_ROWS", 0)
    monkeypatch.setattr(comparison_tracker, "RECOMPARE_DELAY_MS", 10)
    model, family = _users_cell(window, changes.corrected_users[0], "familyName")
    assert model.setData(family, "Worker", Role.EditRole)
    assert family.data(Role.BackgroundRole) is None  # not yet: the worker has it
    qtbot.waitUntil(lambda: family.data(Role.BackgroundRole) == CHANGED_BRUSH, timeout=20_000)


def test_the_changes_model_is_a_well_behaved_qt_model(compared, qtmodeltester):
    qtmodeltester.check(compared.comparisons.panel.model)
