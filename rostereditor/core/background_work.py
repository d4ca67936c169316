"""Long work (opening, checking, exporting) as Jobs: one way to run, report progress and cancel.

A Job wraps `work(progress) -> result`. The work calls progress(fraction) now and then;
progress returns False once the job has been cancelled, and the work then raises Cancelled
(the core's readers, validator and writers all do). A JobRunner decides where the work runs:
InlineRunner runs it at once in the caller's thread (tests, the command line, small bundles);
the window's runner uses a thread pool and delivers results on the GUI thread. Either way the
callbacks run on the thread that started the job, and never after the job was cancelled.

A JobSlot holds at most one job: starting a new one cancels the one it supersedes, so an edit
that starts a fresh check (or findings listing) never leaves the old one running.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from rostereditor.core.errors import Cancelled

log = logging.getLogger(__name__)

T = TypeVar("T")

# Called with the fraction done (0..1); returns False once the caller has cancelled.
Progress = Callable[[float], bool]
Work = Callable[[Progress], T]


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How a job's work ended: a result, an exception, or cancelled."""

    result: T | None = None
    error: Exception | None = None
    cancelled: bool = False


class Job(Generic[T]):
    """One piece of long work, its callbacks, and its cancel flag (safe to set from any thread)."""

    def __init__(
        self,
        work: Work[T],
        on_done: Callable[[T], object],
        on_failed: Callable[[Exception], object] | None = None,
        on_progress: Callable[[float], object] | None = None,
        *,
        name: str = "job",
    ) -> None:
        self.name = name
        self._work = work
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_progress = on_progress
        self._cancelled = threading.Event()
        self._finished = False
        # Where progress goes while the work runs; a runner may route it to another thread.
        self.report_progress: Callable[[float], None] = self.deliver_progress

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def finished(self) -> bool:
        """The job ended (delivered, failed or cancelled); nothing more will be called."""
        return self._finished or self.cancelled

    def cancel(self) -> None:
        self._cancelled.set()

    def progress(self, fraction: float) -> bool:
        """The callback handed to the work: reports the fraction, says whether to go on."""
        if self.cancelled:
            return False
        self.report_progress(float(fraction))
        return not self.cancelled

    def execute(self) -> Outcome[T]:
        """Run the work here and now (any thread); never raises."""
        if self.cancelled:
            return Outcome(cancelled=True)
        try:
            result = self._work(self.progress)
        except Cancelled:
            return Outcome(cancelled=True)
        except Exception as exc:  # a bad file or a checker bug must never take the window down
            log.info("%s failed: %s", self.name, exc, exc_info=True)
            return Outcome(error=exc)
        return Outcome(result=result, cancelled=self.cancelled)

    def deliver(self, outcome: Outcome[T]) -> None:
        """Call the callbacks for an outcome, on the thread that started the job."""
        if self.finished:
            return
        self._finished = True
        if outcome.cancelled:
            return
        if outcome.error is not None:
            if self._on_failed is not None:
                self._on_failed(outcome.error)
            return
        self._on_done(outcome.result)  # type: ignore[arg-type]  # T, absent only on error

    def deliver_progress(self, fraction: float) -> None:
        if not self.finished and self._on_progress is not None:
            self._on_progress(fraction)


class JobRunner(Protocol):
    """Where jobs run. start() returns at once or after the job is done, as the runner likes."""

    def start(self, job: Job[Any]) -> None: ...


class InlineRunner:
    """Runs each job to the end in the caller's thread before start() returns."""

    def start(self, job: Job[Any]) -> None:
        job.deliver(job.execute())


class JobSlot:
    """At most one job at a time: a new one cancels the one it supersedes."""

    def __init__(self, runner: JobRunner) -> None:
        self.runner = runner
        self._job: Job[Any] | None = None

    @property
    def job(self) -> Job[Any] | None:
        """The job still running in this slot, if any."""
        if self._job is not None and self._job.finished:
            self._job = None
        return self._job

    def is_running(self) -> bool:
        return self.job is not None

    def start(self, job: Job[T]) -> Job[T]:
        self.cancel()
        self._job = job
        self.runner.start(job)
        return job

    def cancel(self) -> bool:
        """Cancel the running job; True if there was one."""
        job = self.job
        self._job = None
        if job is None:
            return False
        job.cancel()
        return True
