"""Recovery: read the source again, make the journal's edits on it in order (undos and redos
included), and hand back the bundle with the undo stack as it stood when the app stopped."""

from __future__ import annotations

from dataclasses import dataclass, field

from rostereditor.core.bundle import Bundle
from rostereditor.core.recovery.edit_rebuild import EditRebuilder, ReplayMismatch
from rostereditor.core.recovery.intent_codec import decode_intent
from rostereditor.core.recovery.journal_records import JournalContents, Record
from rostereditor.core.recovery.source_base import SourceBase
from rostereditor.core.recovery.undo_stack_model import UndoStackModel
from rostereditor.core.session import Edit, EditSession
from rostereditor.core.session.edit_intents import with_intent


@dataclass
class RecoveredEdits:
    bundle: Bundle
    base: SourceBase
    # The undo stack when the app stopped, oldest first; `index` of them are done.
    stack: list[Edit]
    index: int
    # The stack position that is the source as saved (None: no undo leads back to it).
    clean: int | None
    # Every edit by its journal number, for the journal that goes on from here.
    numbers: dict[int, Edit] = field(default_factory=dict)
    replayed: int = 0
    # Why the replay stopped before the end (a record that did not fit the source), if it did.
    problem: str | None = None
    # The app could not record edits after some point (a full disk): later ones are lost.
    recording_stopped: str | None = None
    # The journal's records that were replayed (header included) and the bytes they take:
    # a journal taken over goes on from there.
    kept_records: int = 0
    kept_bytes: int = 0
    _rebuilder: EditRebuilder | None = None

    @property
    def changed(self) -> bool:
        """Whether the recovered bundle differs from the source (as far as undo steps tell)."""
        return self.clean != self.index

    def attach(self, session: EditSession) -> None:
        """The session now holds the bundle: the recovered edits undo and redo through it."""
        if self._rebuilder is not None:
            self._rebuilder.relay.target = session
        for edit in self.numbers.values():
            session.watch_edit(edit)


def replay_journal(contents: JournalContents, base: SourceBase, bundle: Bundle) -> RecoveredEdits:
    """Make the recorded edits on `bundle` (the source read afresh). Stops at the first record
    that does not fit, keeping everything before it."""
    rebuilder = EditRebuilder(bundle)
    model: UndoStackModel[Edit] = UndoStackModel()
    numbers: dict[int, Edit] = {}
    replayed, kept, problem, stopped = 0, 0, None, None
    for record in contents.records:
        kind = record.get("k")
        try:
            if kind in ("do", "undo", "redo"):
                _replay(record, rebuilder, model, numbers)
                replayed += 1
                stopped = None  # recording went on (a recovered journal, taken over)
            elif kind == "stopped":
                stopped = str(record.get("why", ""))
        except ReplayMismatch as exc:
            problem = str(exc)
            break
        kept += 1
    stack = [] if model.lost else [edit for _, edit in model.steps]
    ends = contents.ends
    return RecoveredEdits(
        bundle, base, stack, 0 if model.lost else model.index, None if model.lost else model.clean,
        numbers, replayed, problem, stopped, kept + 1, ends[kept] if kept < len(ends) else 0,
        rebuilder)


def _replay(record: Record, rebuilder: EditRebuilder, model: UndoStackModel[Edit],
            numbers: dict[int, Edit]) -> None:
    kind, number = str(record["k"]), int(record["n"])
    payload = record.get("e")
    description = str(record.get("d", ""))
    if kind == "do":
        edit = with_intent(rebuilder.make(_payload(payload), description),
                           decode_intent(record.get("i")))
        numbers[number] = edit
        model.made(number, edit)
        return
    if payload is not None:  # an edit made before the journal began (before a save)
        edit = rebuilder.make(_payload(payload), description, "undo" if kind == "undo" else "redo")
        numbers[number] = edit
        if kind == "undo":
            model.older_undone(number, edit)
        else:
            model.older_redone(number, edit)
        return
    known = numbers.get(number)
    if known is None:
        raise ReplayMismatch(f"step {number} is not in the journal")
    try:
        if kind == "undo":
            known.undo()
        else:
            known.redo()
    except LookupError as exc:
        raise ReplayMismatch(f"step {number} could not be {kind}ne: {exc}") from exc
    if kind == "undo":
        model.undone(number)
    else:
        model.redone(number)


def _payload(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ReplayMismatch("a damaged record")
    return value
