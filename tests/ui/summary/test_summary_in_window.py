"""View > Summary in the window: what the vendor will see, current after edits, exported."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from rostereditor.core.sample_district import generate_district
from rostereditor.core.summary import summarize_bundle
from rostereditor.core.summary.summary_report import CSV_HEADER, csv_rows
from rostereditor.ui.summary import summary_refresh
from rostereditor.ui.summary.summary_actions import SummaryActionId

Role = Qt.ItemDataRole


@pytest.fixture
def shown(window, qtbot):
    window.set_bundle(generate_district(students=40, seed=3).bundle)
    window.action(SummaryActionId.SHOW).trigger()
    panel = window.summary_view.panel
    qtbot.waitUntil(lambda: panel.summary is not None)
    return window, panel


def people(panel):
    header = [panel.people.headerData(c, Qt.Orientation.Horizontal)
              for c in range(panel.people.columnCount())]
    return [dict(zip(header, row, strict=True)) for row in panel.people.rows()]


def test_the_summary_shows_what_the_core_counts(shown):
    window, panel = shown
    expected = summarize_bundle(window.bundle)
    assert panel.isVisible()
    assert f"users.csv {expected.records['users.csv']:,}" in panel.records.text()
    rows = people(panel)
    assert rows[-1]["School"] == "All schools"
    assert rows[-1]["All grades"] == f"{sum(p.count for p in expected.people):,}"
    assert "Enrollments per class: smallest" in panel.sizes.text()
    assert panel.classes.rowCount() == len(expected.classes)
    unenrolled = len(expected.users_without_enrollments)
    assert panel.tabs.tabText(2) == f"Users without enrollments ({unenrolled:,})"
    assert panel.unenrolled.rowCount() == unenrolled


def test_an_edit_shows_in_the_summary_a_moment_later(shown, qtbot):
    window, panel = shown
    users = window.bundle.table("users.csv")
    row = users.column_values(users.column_index("role")).index("student")
    col = users.column_index("grades")
    window.session.edit_cell("users.csv", row, col, "Other")
    assert not any("Other" in p for p in people(panel)[0])  # not at once: it waits for a pause
    qtbot.waitUntil(lambda: "Other" in people(panel)[0], timeout=5000)
    assert any(r.get("Other") == "1" for r in people(panel) if r["School"] != "All schools")


def test_while_hidden_it_waits_and_catches_up_when_shown(shown, qtbot):
    window, panel = shown
    panel.hide()
    users = window.bundle.table("users.csv")
    window.session.delete_rows("users.csv", list(range(len(users) // 2)))
    qtbot.wait(summary_refresh.REFRESH_DELAY_MS + 100)
    before = panel.records.text()
    assert f"users.csv {len(users):,}" not in before  # hidden: no work done
    window.action(SummaryActionId.SHOW).trigger()
    assert f"users.csv {len(users):,}" in panel.records.text()


def test_export_writes_the_summary_as_csv(shown, tmp_path, monkeypatch):
    window, panel = shown
    target = tmp_path / "summary.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel.export_button.click()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the accents right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == CSV_HEADER
    assert [tuple(r) for r in rows[1:]] == list(csv_rows(summarize_bundle(window.bundle)))


def test_double_clicking_a_user_without_enrollments_goes_to_it(shown, qtbot):
    window, panel = shown
    panel.tabs.setCurrentIndex(2)
    view = panel.unenrolled_view
    wanted = panel.unenrolled.value(0, 0)
    rect = view.visualRect(panel.unenrolled.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_file_name() == "users.csv"
    current = window.current_view().currentIndex()
    model = window.model("users.csv")
    assert model.table.cell(model.source_row(current.row()), 0) == wanted


def test_big_bundles_are_summarised_in_a_worker(shown, qtbot, monkeypatch):
    window, panel = shown
    monkeypatch.setattr(summary_refresh, "INLINE_SUMMARY_ROWS", 0)
    refresh = window.summary_view.refresh
    started = []
    refresh.started.connect(lambda: started.append(panel.state.text()))
    users = window.bundle.table("users.csv")
    with qtbot.waitSignal(refresh.summarized, timeout=10_000):
        window.session.delete_rows("users.csv", [0, 1, 2])
    assert started == ["Updating\u2026"]  # handed to a worker, and the panel said so
    assert f"users.csv {len(users):,}" in panel.records.text()
    assert panel.state.text() == ""


def test_closing_the_bundle_empties_the_summary(shown):
    window, panel = shown
    window.session.close()
    assert panel.summary is None
    assert panel.people.rowCount() == 0
    assert not panel.export_button.isEnabled()


def test_summary_models_are_well_behaved(shown, qtmodeltester):
    _, panel = shown
    for model in (panel.people, panel.classes, panel.unenrolled, panel.empty_classes):
        qtmodeltester.check(model)
