"""The session's events: weakly held listeners, and background checks with progress."""

from __future__ import annotations

import gc

from rostereditor.core.background_work import InlineRunner
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import EditSession, EventEmitter


def test_a_discarded_listener_is_dropped_not_called():
    emitter: EventEmitter[int] = EventEmitter("numbers")
    calls: list[int] = []

    class Grid:
        def on_number(self, n: int) -> None:
            calls.append(n)

    grid = Grid()
    emitter.connect(grid.on_number)
    emitter.emit(1)
    del grid
    gc.collect()
    emitter.emit(2)
    assert calls == [1]
    assert emitter.listener_count == 0


def test_disconnect_stops_calls():
    emitter: EventEmitter[int] = EventEmitter("numbers")
    calls: list[int] = []
    emitter.connect(calls.append)
    emitter.disconnect(calls.append)
    emitter.emit(1)
    assert calls == []


def test_a_big_bundle_is_checked_as_a_job_with_progress():
    session = EditSession(InlineRunner(), background_rows=0)
    progress: list[float | None] = []
    session.events.check_progress.connect(lambda e: progress.append(e.fraction))
    session.open(generate_district(students=40, seed=3).bundle)
    assert session.result is not None
    assert progress[0] == 0.0
    assert progress[-1] is None
    assert any(f is not None and 0 < f <= 1 for f in progress)


def test_closing_withdraws_the_result():
    session = EditSession()
    session.open(generate_district(students=40, seed=3).bundle)
    results = []
    session.events.result_changed.connect(lambda e: results.append(e.result))
    session.close()
    assert session.bundle is None
    assert session.result is None
    assert results == [None]


def test_a_bundle_being_read_is_shown_file_by_file_and_checked_once_whole():
    from rostereditor.core.bundle import Bundle

    whole = generate_district(students=30, seed=4).bundle
    first, *rest = whole.files.values()
    session = EditSession()
    added: list[str] = []
    results: list[object] = []
    session.events.file_added.connect(lambda event: added.append(event.file))
    session.events.result_changed.connect(lambda event: results.append(event.result))
    session.open(Bundle(files={first.name: first}), reading=True)
    assert session.reading
    assert not session.is_editable(first.name)
    for file in rest:
        session.add_read_file(file)
    assert added == [f.name for f in rest]
    assert session.result is None  # half a bundle is not checked
    assert results == []
    session.open(whole)
    assert not session.reading
    assert session.is_editable(first.name)
    assert session.result is not None
