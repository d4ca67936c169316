"""Long work (opening, checking, exporting) as Jobs: one way to run, report progress and cancel.

A Job wraps `work(progress) -> result`. The work calls progress(fraction) now and then;
progress returns False once the job has been cancelled, and the work then raises Cancelled
(the core's readers, validator and writers all do). A JobRunner decides where the work runs:
InlineRunner runs it at once in the caller's thread (tests, the command line, small bundles);
the window's runner uses a thread pool and delivers results on the GUI thread. Either way the
callbacks run on the thread that started the job, and never after the job was cancelled.

A JobSlot holds at most one wanted job: starting a new one cancels the one it supersedes, and
the new one starts once the old one's work has stopped, so an edit that starts a fresh check
(or findings listing) never leaves the old one running beside it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, cast

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
        self._end_hooks: list[Callable[[], object]] = []
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

    def add_end_hook(self, hook: Callable[[], object]) -> None:
        """Call hook() on the starting thread once the work has stopped, even if cancelled."""
        self._end_hooks.append(hook)

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
        """After the work stopped: the callbacks (unless cancelled), on the starting thread.

        Runners call this exactly once per started job, cancelled or not.
        """
        wanted = not self.finished
        self._finished = True
        try:
            if not wanted or outcome.cancelled:
                return
            if outcome.error is not None:
                if self._on_failed is not None:
                    self._on_failed(outcome.error)
                return
            self._on_done(cast(T, outcome.result))  # absent only when there was an error
        finally:
            hooks, self._end_hooks = self._end_hooks, []
            for hook in hooks:
                hook()

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
    """At most one wanted job: a new one cancels the one it supersedes, and starts as soon as
    the superseded work has stopped (two runs never overlap, e.g. on one validator)."""

    def __init__(self, runner: JobRunner) -> None:
        self.runner = runner
        self._wanted: Job[Any] | None = None  # running, or waiting for the superseded one
        self._busy: Job[Any] | None = None  # whose work is executing (perhaps cancelled)

    @property
    def job(self) -> Job[Any] | None:
        """The job this slot is for (running or about to), if any."""
        return self._wanted

    def is_running(self) -> bool:
        return self._wanted is not None

    def start(self, job: Job[T]) -> Job[T]:
        self.cancel()
        self._wanted = job
        job.add_end_hook(lambda: self._ended(job))
        if self._busy is None:
            self._launch(job)
        return job

    def cancel(self) -> bool:
        """Cancel the wanted job; True if there was one."""
        job, self._wanted = self._wanted, None
        if job is None:
            return False
        job.cancel()
        return True

    def _launch(self, job: Job[Any]) -> None:
        self._busy = job
        self.runner.start(job)

    def _ended(self, job: Job[Any]) -> None:
        if job is self._busy:
            self._busy = None
        if job is self._wanted:
            self._wanted = None
        waiting = self._wanted
        if self._busy is None and waiting is not None:
            self._launch(waiting)
