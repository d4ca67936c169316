"""Sorting and filtering a big file: worked out in a worker, the old order shown meanwhile."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from rostereditor.core.sample_district import generate_district
from rostereditor.ui.grid import roster_table_model, view_row_order


@pytest.fixture
def users(window, monkeypatch):
    monkeypatch.setattr(roster_table_model, "BACKGROUND_ORDER_ROWS", 0)  # every file is "big"
    window.set_bundle(generate_district(students=60, seed=2).bundle)
    window.tabs.setCurrentWidget(window.page("users.csv"))
    return window.page("users.csv")


@pytest.fixture
def held(monkeypatch):
    """Hold the worker's sort until the test lets it go."""
    release = threading.Event()
    real = view_row_order.pc.array_sort_indices

    def waiting(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(view_row_order.pc, "array_sort_indices", waiting)
    return release


def _names(model, count=5):
    col = model.table.column_index("givenName")
    return [model.data(model.index(r, col), Qt.ItemDataRole.EditRole) for r in range(count)]


def test_the_old_order_stays_until_the_new_one_is_ready(users, held, qtbot):
    model = users.model
    before = _names(model)
    users.sort_by(model.table.column_index("givenName"))
    qtbot.wait(50)
    assert model.is_ordering()
    assert _names(model) == before  # the window kept working with the rows as they were
    with qtbot.waitSignal(model.layoutChanged, timeout=10_000):
        held.set()
    assert not model.is_ordering()
    names = _names(model, len(model.table))
    assert names == sorted(names)


def test_an_edit_while_sorting_lands_on_its_record(users, held, qtbot):
    model = users.model
    col = model.table.column_index("givenName")
    users.sort_by(col)
    record = model.source_row(3)
    model.setData(model.index(3, col), "Zzz", Qt.ItemDataRole.EditRole)
    assert model.table.cell(record, col) == "Zzz"
    with qtbot.waitSignal(model.order_ready, timeout=10_000):
        held.set()
    assert model.data(model.index(model.view_row(record), col), Qt.ItemDataRole.EditRole) == "Zzz"


def test_rows_added_while_sorting_are_sorted_with_the_rest(users, held, qtbot, window):
    model = users.model
    col = model.table.column_index("givenName")
    users.sort_by(col)
    window.session.insert_blank_rows("users.csv", 0, 2)  # the worker's rows are now stale
    with qtbot.waitSignal(model.order_ready, timeout=10_000):
        held.set()
    assert model.rowCount() == len(model.table)
    names = _names(model, len(model.table))
    assert names == sorted(names)
    assert names[:2] == ["", ""]


def test_a_filter_keeps_the_current_record_once_applied(users, qtbot):
    model = users.model
    col = model.table.column_index("role")
    record = next(r for r in range(len(model.table)) if model.table.cell(r, col) == "teacher")
    users.view.setCurrentIndex(model.index(model.view_row(record), col))
    with qtbot.waitSignal(model.order_ready, timeout=10_000):
        users.set_filter(col, "teacher")
    assert 0 < model.rowCount() < len(model.table)
    assert model.source_row(users.view.currentIndex().row()) == record
