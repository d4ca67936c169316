"""What can be offered for a journal left by an app that stopped: recover it, or (when the
source changed or is gone) say so and offer a list of the edits; and recovering it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rostereditor.core.background_work import Progress
from rostereditor.core.recovery.journal_folder import LeftJournal
from rostereditor.core.recovery.journal_records import JournalContents
from rostereditor.core.recovery.journal_replay import RecoveredEdits, replay_journal
from rostereditor.core.recovery.source_base import SourceBase, read_base
from rostereditor.core.recovery.undo_stack_model import UndoStackModel

OfferState = Literal[
    "ready",           # the source is as the edits found it: recover
    "source-changed",  # the source was changed since (not by us): the edits cannot go back in
    "probably-saved",  # changed by our own save, which completed as the app stopped
    "source-missing",  # moved, renamed or deleted: the user may point at it
    "unreadable",      # a journal this version cannot read
]


@dataclass(frozen=True)
class JournalOutline:
    """The undo steps a journal holds, as the Edit menu would name them."""

    done: tuple[str, ...]
    undone: int

    @property
    def step_count(self) -> int:
        return len(self.done)


@dataclass
class RecoveryOffer:
    journal: LeftJournal
    state: OfferState
    base: SourceBase | None
    outline: JournalOutline


def assess(journal: LeftJournal) -> RecoveryOffer:
    base = journal.base
    outline = journal_outline(journal.contents)
    if base is None:
        return RecoveryOffer(journal, "unreadable", None, outline)
    state = base.state()
    if state == "missing":
        return RecoveryOffer(journal, "source-missing", base, outline)
    if state == "changed":
        records = journal.contents.records
        last = records[-1].get("k") if records else None
        return RecoveryOffer(journal, "probably-saved" if last == "saving" else "source-changed",
                             base, outline)
    return RecoveryOffer(journal, "ready", base, outline)


def recover(journal: LeftJournal, base: SourceBase | None = None,
            progress: Progress | None = None) -> RecoveredEdits:
    """Read the source again and make the journal's edits on it. `base` replaces the journal's
    own (a source the user located elsewhere). Raises BundleReadError if it cannot be read.
    Touches no session: it may run in a worker (progress hears how far the read is)."""
    base = base or journal.base
    if base is None:
        raise ValueError("this journal cannot be read by this version")
    return replay_journal(journal.contents, base, read_base(base, progress))


def journal_outline(contents: JournalContents) -> JournalOutline:
    model: UndoStackModel[str] = UndoStackModel()
    for record in contents.records:
        kind = record.get("k")
        if kind not in ("do", "undo", "redo"):
            continue
        number, text = int(record.get("n", -1)), str(record.get("d", ""))
        if kind == "do":
            model.made(number, text)
        elif "e" in record:
            (model.older_undone if kind == "undo" else model.older_redone)(number, text)
        elif kind == "undo":
            model.undone(number)
        else:
            model.redone(number)
    done = tuple(text for _, text in model.steps[:model.index])
    return JournalOutline(done, len(model.steps) - model.index)
