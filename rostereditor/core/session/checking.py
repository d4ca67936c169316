"""The open bundle's validator and latest result, and when to check again (Qt-free).

Small bundles are checked in place, so tests and scripts see the result as soon as the edit
returns. From BACKGROUND_CHECK_ROWS rows, full checks run as a Job on the session's runner,
with progress and cancel; a new full check supersedes (cancels) the one running. Re-checking
a few edited rows is always done in place: it costs milliseconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from rostereditor.core.background_work import InlineRunner, Job, JobRunner, JobSlot, Progress
from rostereditor.core.bundle import Bundle
from rostereditor.core.session.events import CheckFailed, CheckProgress, ResultChanged, SessionEvents
from rostereditor.core.validation import BundleValidator, ValidationResult

log = logging.getLogger(__name__)

# Below this many rows in the bundle a full check runs in place.
BACKGROUND_CHECK_ROWS = 60_000

CheckWork = Callable[[Progress], ValidationResult]


class BundleChecking:
    """Owns the validator of one bundle (profile and version fixed) and its latest result."""

    def __init__(self, events: SessionEvents, runner: JobRunner | None = None, *,
                 background_rows: int = BACKGROUND_CHECK_ROWS,
                 publish: Callable[[ValidationResult | None], None] | None = None) -> None:
        """publish: called with each new result instead of emitting result_changed (the
        session adds the findings it pins before announcing it)."""
        self._events = events
        self._publish = publish
        self._background = JobSlot(runner or InlineRunner())
        self._inline = InlineRunner()
        self.background_rows = background_rows
        self.bundle: Bundle | None = None
        self.validator: BundleValidator | None = None
        self.result: ValidationResult | None = None
        self._stale = False  # an edit arrived while a background check was running

    # -- starting over ---------------------------------------------------------------------

    def start(self, bundle: Bundle | None, profile: str, version: str) -> None:
        """A new validator (new bundle, profile or version) and a full check with it."""
        self.cancel()
        self.bundle, self.validator = bundle, None
        self._set_result(None)  # the old result is for another bundle, profile or version
        if bundle is None:
            return
        try:
            self.validator = BundleValidator(bundle, profile=profile, version=version)
        except Exception as exc:  # a checker bug must not stop the bundle from opening
            log.exception("creating the validator failed")
            self._events.check_failed.emit(CheckFailed(f"Checking could not start: {exc}"))
            return
        self.check_all()

    def check_all(self) -> None:
        """Check the whole bundle again (Tools > Check Again)."""
        validator = self.validator
        if validator is not None:
            self._run(lambda progress: validator.run(progress=progress))

    # -- after edits -----------------------------------------------------------------------

    def cells_changed(self, file: str, row_ids: Iterable[int], columns: Iterable[int] | None) -> None:
        """Re-check the edited rows (cheap, in place)."""
        if self.validator is None:
            return
        if self.is_running():
            self._stale = True
            return
        if self.result is None:
            self.check_all()
            return
        try:
            result = self.validator.revalidate(file, list(row_ids), columns)
        except Exception:  # a checker bug must not lose the user's edit
            log.exception("re-checking %s failed", file)
            return
        self._set_result(result)

    def structure_changed(self) -> None:
        """Rows or columns inserted, deleted or moved, or several files changed: check all."""
        if self.validator is None:
            return
        if self.is_running():
            self._stale = True
            return
        validator = self.validator
        self._run(lambda _progress: validator.revalidate_all())

    # -- the running check ---------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._background.is_running()

    def cancel(self) -> bool:
        """Stop a background check; True if one was running."""
        if not self._background.cancel():
            return False
        self._events.check_progress.emit(CheckProgress(None))
        return True

    def _run(self, work: CheckWork) -> None:
        self.cancel()
        self._stale = False
        background = self._rows() >= self.background_rows
        job = Job(work, lambda result: self._done(result, background=background), self._failed,
                  self._progress if background else None, name="checking")
        if background:
            self._events.check_progress.emit(CheckProgress(0.0))
            self._background.start(job)
        else:
            self._inline.start(job)

    def _rows(self) -> int:
        bundle = self.bundle
        return sum(len(f.table) for f in bundle.files.values()) if bundle is not None else 0

    def _progress(self, fraction: float) -> None:
        self._events.check_progress.emit(CheckProgress(fraction))

    def _done(self, result: ValidationResult, *, background: bool) -> None:
        if background:
            self._events.check_progress.emit(CheckProgress(None))
        if self._stale and self.validator is not None:
            # Edits landed while checking: this result may be out of date, so check again.
            validator = self.validator
            self._run(lambda _progress: validator.revalidate_all())
            return
        self._set_result(result)

    def _failed(self, error: Exception) -> None:
        self._events.check_progress.emit(CheckProgress(None))
        self._events.check_failed.emit(CheckFailed(f"Checking the bundle failed: {error}"))

    def _set_result(self, result: ValidationResult | None) -> None:
        if result is None and self.result is None:
            return
        self.result = result
        if self._publish is not None:
            self._publish(result)
        else:
            self._events.result_changed.emit(ResultChanged(result))
