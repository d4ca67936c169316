"""Jobs: progress, one quiet Cancelled, failures reported, and a superseded job cancelled."""

from __future__ import annotations

import threading

import pytest

from rostereditor.core.background_work import InlineRunner, Job, JobSlot
from rostereditor.core.errors import Cancelled, RosterEditorError


def test_inline_job_reports_progress_then_its_result():
    seen: list[object] = []

    def work(progress):
        progress(0.5)
        return "done"

    InlineRunner().start(Job(work, lambda r: seen.append(("done", r)), on_progress=seen.append))
    assert seen == [0.5, ("done", "done")]


def test_failure_is_reported_not_raised():
    errors: list[Exception] = []

    def work(_progress):
        raise ValueError("bad file")

    InlineRunner().start(Job(work, lambda _r: pytest.fail("no result"), errors.append))
    assert [str(e) for e in errors] == ["bad file"]


def test_cancelled_work_ends_quietly():
    job = Job(lambda progress: (progress(0.1), "late")[1], lambda _r: pytest.fail("delivered"),
              lambda _e: pytest.fail("reported"))
    job.cancel()
    assert job.progress(0.2) is False
    InlineRunner().start(job)
    assert job.finished


def test_work_that_raises_cancelled_is_a_quiet_end():
    def work(progress):
        if not progress(0.3):
            raise Cancelled
        raise Cancelled  # whatever the reason, Cancelled is never a failure

    InlineRunner().start(Job(work, lambda _r: pytest.fail("done"), lambda _e: pytest.fail("failed")))


class ManualRunner:
    """Starts jobs in threads and delivers when told: a stand-in for the window's thread pool."""

    def __init__(self) -> None:
        self.started: list[tuple[Job, threading.Thread, list]] = []

    def start(self, job: Job) -> None:
        outcome: list = []
        thread = threading.Thread(target=lambda: outcome.append(job.execute()))
        thread.start()
        self.started.append((job, thread, outcome))

    def finish_all(self) -> None:
        for job, thread, outcome in self.started:
            thread.join(5)
            job.deliver(outcome[0])


def test_a_new_job_in_a_slot_cancels_the_one_it_supersedes():
    runner = ManualRunner()
    slot = JobSlot(runner)
    results: list[str] = []
    release = threading.Event()

    def slow(progress):
        while progress(0.0):  # goes on until cancelled, as long reads and checks do
            if release.wait(0.01):
                return "first"
        raise Cancelled

    first = slot.start(Job(slow, results.append))
    second = slot.start(Job(lambda _p: "second", results.append))
    assert len(runner.started) == 1  # the second waits until the first has really stopped
    assert first.cancelled
    assert not second.cancelled
    runner.finish_all()
    assert results == ["second"]
    assert not slot.is_running()


def test_every_core_exception_shares_one_base():
    import importlib
    import inspect
    import pkgutil

    from rostereditor import core

    found = []
    for info in pkgutil.walk_packages(core.__path__, "rostereditor.core."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Exception) and cls.__module__ == module.__name__:
                found.append(cls)
    assert found
    assert [c.__name__ for c in found if not issubclass(c, RosterEditorError)] == []
    cancellations = [c for c in found if "Cancelled" in c.__name__]
    assert all(issubclass(c, Cancelled) for c in cancellations)
