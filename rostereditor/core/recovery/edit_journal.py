"""EditJournal: records every edit of a session, as it happens, in a file of the per-user
recovery folder, so that the edits survive the app being killed.

It is the session's EditObserver. Each undo step is one `do` record (the edit, by position,
see edit_payloads); undoing and redoing it are short `undo n` / `redo n` records. The journal
is keyed to the source and its fingerprint (source_base). A save starts it afresh on the saved
file; a clean close deletes it. An edit made before a save and undone or redone after it is
recorded in full then (the saved source does not know it). The file is created at the first
edit, so opening and looking leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rostereditor import __version__
from rostereditor.core.bundle import Bundle
from rostereditor.core.recovery.edit_payloads import Payload, encode_leaf, is_leaf
from rostereditor.core.recovery.intent_codec import encode_intent
from rostereditor.core.recovery.journal_file import JournalFile
from rostereditor.core.recovery.journal_folder import LeftJournal, new_journal_path, prepare_folder
from rostereditor.core.recovery.journal_records import JOURNAL_FORMAT, Record, encode_record
from rostereditor.core.recovery.journal_replay import RecoveredEdits
from rostereditor.core.recovery.source_base import SourceBase, base_of
from rostereditor.core.session import (
    BundleChanged,
    Direction,
    Edit,
    EditSequence,
    EditSession,
    Saved,
    Saving,
)
from rostereditor.core.session.edit_intents import intent_of

log = logging.getLogger(__name__)


@dataclass
class _Stepping:
    """An undo or redo under way: of a journaled step (number), or of an older one whose
    parts are recorded as they run."""

    edit: Edit
    number: int | None
    parts: list[Payload] = field(default_factory=list)


class EditJournal:
    def __init__(self, session: EditSession, folder: Path, *,
                 on_failure: Callable[[str], None] | None = None) -> None:
        self._session = session
        self._folder = folder
        self._on_failure = on_failure
        self._base: SourceBase | None = None
        self._file: JournalFile | None = None
        self._next = 0
        self._known: weakref.WeakKeyDictionary[Edit, int] = weakref.WeakKeyDictionary()
        self._made: weakref.WeakSet[Edit] = weakref.WeakSet()
        self._leaves: list[tuple[Edit, Payload]] = []
        self._stepping: _Stepping | None = None
        # Why recording stopped (the folder cannot be written); None while it works.
        self.failure: str | None = None
        session.edit_observer = self
        session.events.bundle_changed.connect(self._on_bundle_changed)
        session.events.saving.connect(self._on_saving)
        session.events.saved.connect(self._on_saved)
        if session.bundle is not None:
            self._start(session.bundle)

    @property
    def path(self) -> Path | None:
        """The journal file being written (None until the first edit)."""
        return self._file.path if self._file is not None else None

    @property
    def base(self) -> SourceBase | None:
        """What the edits apply to; None when the bundle cannot be read again (not recorded)."""
        return self._base

    def finish(self) -> None:
        """A clean close: the edits are saved or deliberately dropped, the journal goes."""
        self._end()
        if self._session.edit_observer is self:
            self._session.edit_observer = None

    def take_over(self, left: LeftJournal, recovered: RecoveredEdits) -> None:
        """Go on writing a recovered journal: its edits are this session's now."""
        self._end()
        self._base = recovered.base
        # Records after the replay stopped (if it did) did not fit: they go, new ones follow.
        if recovered.base.to_json() == (left.contents.header or {}).get("base"):
            self._file = JournalFile.take_over(left.path, left.lock, recovered.kept_bytes)
        else:  # the source was found elsewhere: a journal that names the new place
            self._copy_records(left, recovered.kept_records - 1)
        for number, edit in recovered.numbers.items():
            self._known[edit] = number
            self._made.add(edit)
        self._next = max(recovered.numbers, default=-1) + 1

    def _copy_records(self, left: LeftJournal, count: int) -> None:
        for record in left.contents.records[:count]:
            self._write(record)
        left.discard()

    # -- the session's bundle, saves --------------------------------------------------------------

    def _on_bundle_changed(self, event: BundleChanged) -> None:
        self._end()
        if event.bundle is not None:
            self._start(event.bundle)

    def _on_saving(self, event: Saving) -> None:
        # If the app stops after the save replaced the file but before the journal is cleared,
        # recovery can tell the changes are most likely in the file already.
        if self._file is not None:
            self._guarded(lambda: self._write({"k": "saving", "to": str(event.path)}, sync=True))

    def _on_saved(self, _event: Saved) -> None:
        self._end()
        bundle = self._session.bundle
        if bundle is not None:
            # Lines recorded from here on would be those of the file first opened, not this one.
            self._start(bundle, lines_known=False, keep_made=True)

    def _start(self, bundle: Bundle, *, lines_known: bool = True, keep_made: bool = False) -> None:
        self._base = base_of(bundle, lines_known=lines_known)
        self._next = 0
        self._known = weakref.WeakKeyDictionary()
        if not keep_made:
            self._made = weakref.WeakSet()
        self._leaves, self._stepping = [], None
        self.failure = None

    def _end(self) -> None:
        file, self._file = self._file, None
        self._base = None
        if file is not None:
            try:
                file.close(delete=True)
            except OSError as exc:
                log.warning("could not remove the recovery journal %s: %s", file.path, exc)

    @property
    def _active(self) -> bool:
        return self._base is not None and self.failure is None and self._session.bundle is not None

    # -- EditObserver --------------------------------------------------------------------------

    def leaf_made(self, edit: Edit) -> None:
        if self._active:
            self._guarded(lambda: self._leaves.append((edit, self._encode(edit, applied=True))))

    def edit_made(self, edit: Edit) -> None:
        self._made.add(edit)
        if self._active:
            self._guarded(lambda: self._record_made(edit))
        self._leaves = []

    def stepping(self, edit: Edit, direction: Direction) -> None:
        if edit in self._made:  # a whole undo step (its parts are never steps of their own)
            self._stepping = _Stepping(edit, self._known.get(edit))

    def stepped(self, edit: Edit, direction: Direction) -> None:
        step = self._stepping
        if step is None or not self._active:
            if step is not None and edit is step.edit:
                self._stepping = None
            return
        if edit is step.edit:
            self._stepping = None
            self._guarded(lambda: self._record_step(step, direction))
        elif step.number is None and is_leaf(edit):
            self._guarded(lambda: step.parts.append(
                self._encode(edit, applied=direction == "redo", full=True)))

    # -- records -------------------------------------------------------------------------------------

    def _record_made(self, edit: Edit) -> None:
        number = self._number(edit)
        record: Record = {"k": "do", "n": number, "d": edit.description, "e": self._payload(edit)}
        intent = encode_intent(intent_of(edit))
        if intent is not None:
            record["i"] = intent  # a fix, so recovery can put it back in the recipe recording
        self._write(record)

    def _record_step(self, step: _Stepping, direction: Direction) -> None:
        if step.number is not None:
            self._write({"k": direction, "n": step.number})
            return
        edit = step.edit
        payload = self._encode(edit, applied=direction == "redo", full=True) if is_leaf(edit) \
            else {"t": "seq", "s": step.parts}
        number = self._number(edit)
        self._write({"k": direction, "n": number, "d": edit.description, "e": payload})

    def _number(self, edit: Edit) -> int:
        number, self._next = self._next, self._next + 1
        self._known[edit] = number
        return number

    def _payload(self, edit: Edit) -> Payload:
        """A made edit, from its parts as each was recorded the moment it was made."""
        if isinstance(edit, EditSequence):
            return {"t": "seq", "s": [_with_intent(self._payload(step), step)
                                      for step in edit.steps]}
        for leaf, payload in self._leaves:
            if leaf is edit:
                return payload
        return self._encode(edit, applied=True)

    def _encode(self, edit: Edit, *, applied: bool, full: bool = False) -> Payload:
        bundle = self._session.bundle
        assert bundle is not None
        assert self._base is not None
        return encode_leaf(edit, bundle, applied=applied, full=full, lines=self._base.lines_known)

    def _write(self, record: Record, *, sync: bool = False) -> None:
        data = encode_record(record)
        if self._file is None:
            assert self._base is not None
            header = {"k": "head", "format": JOURNAL_FORMAT, "app": __version__,
                      "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "base": self._base.to_json()}
            self._file = JournalFile.create(new_journal_path(prepare_folder(self._folder)))
            data = encode_record(header) + data
        self._file.append(data, sync=sync)

    def _guarded(self, work: Callable[[], object]) -> None:
        """Recording must never break an edit: a failure stops recording and says why once."""
        try:
            work()
        except Exception as exc:  # any failure here must stay out of the user's edit
            self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        log.warning("recording edits for crash recovery stopped", exc_info=exc)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.failure = detail or type(exc).__name__
        if self._file is not None:
            # Recovery can then say that edits after this point were not recorded.
            with contextlib.suppress(OSError, ValueError):
                self._file.append(encode_record({"k": "stopped", "why": self.failure}), sync=True)
        if self._on_failure is not None:
            self._on_failure(self.failure)


def _with_intent(payload: Payload, edit: Edit) -> Payload:
    """A step of a sequence with what it did in general terms (several column moves as one)."""
    intent = encode_intent(intent_of(edit))
    return payload if intent is None else {**payload, "i": intent}
