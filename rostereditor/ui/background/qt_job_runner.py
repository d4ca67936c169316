"""QtJobRunner: runs core Jobs on Qt's thread pool; their outcome arrives on the GUI thread.

Each job gets a relay: a QObject owned by the application (never by a window), so a worker
that finishes after its window has gone still has a live object to report through; it
reports nothing then, because the window cancelled its jobs when it closed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from rostereditor.core.background_work import Job, Outcome


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted by the worker are queued to it."""

    progressed = Signal(float)
    ended = Signal(object)  # the Outcome

    def __init__(self, job: Job[Any]) -> None:
        # Parented to the application: deleting a window (or the runner) cannot delete it
        # under a worker that is still emitting through it.
        super().__init__(QCoreApplication.instance())
        self.job = job
        self.progressed.connect(self._on_progress)
        self.ended.connect(self._on_ended)

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        self.job.deliver_progress(fraction)

    @Slot(object)
    def _on_ended(self, outcome: Outcome[Any]) -> None:
        self.deleteLater()
        self.job.deliver(outcome)


class _JobRunnable(QRunnable):
    def __init__(self, job: Job[Any], relay: _Relay) -> None:
        super().__init__()
        self._job = job
        self._relay = relay

    def run(self) -> None:
        outcome = self._job.execute()  # returns at once for a job cancelled while queued
        self._relay.ended.emit(outcome)


class QtJobRunner:
    """A JobRunner on a QThreadPool (the global one by default)."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._jobs: list[Job[Any]] = []

    def start(self, job: Job[Any]) -> None:
        relay = _Relay(job)
        job.report_progress = relay.progressed.emit
        self._jobs = [j for j in self._jobs if not j.finished]
        self._jobs.append(job)
        self._pool.start(_JobRunnable(job, relay))

    def cancel_all(self) -> None:
        """Cancel every job this runner started (its owner is closing)."""
        for job in self._jobs:
            job.cancel()
        self._jobs = []

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool's workers are idle (tests, shutting down)."""
        return bool(self._pool.waitForDone(msecs))
