"""Crash recovery: every edit journaled as it happens, replayed on the source after a crash.

    journal = EditJournal(session, default_recovery_folder())   # records every edit from now on
    ...                                                           # the app is killed
    for left in find_left_journals(default_recovery_folder()):   # on the next start
        offer = assess(left)                                     # "ready", "source-changed", ...
        recovered = recover(left)                                # source read again, edits made
        session.open(recovered.bundle); recovered.attach(session)
        journal.take_over(left, recovered)

See edit_journal (what is recorded), edit_payloads (how) and journal_replay (replay).
"""

from __future__ import annotations

from rostereditor.core.recovery.edit_journal import EditJournal
from rostereditor.core.recovery.journal_folder import (
    LeftJournal,
    default_recovery_folder,
    find_left_journals,
)
from rostereditor.core.recovery.journal_replay import RecoveredEdits, replay_journal
from rostereditor.core.recovery.recovery_offer import (
    JournalOutline,
    OfferState,
    RecoveryOffer,
    assess,
    journal_outline,
    recover,
)
from rostereditor.core.recovery.source_base import SourceBase, SourceChanged, base_of, read_base

__all__ = [
    "EditJournal", "JournalOutline", "LeftJournal", "OfferState", "RecoveredEdits",
    "RecoveryOffer", "SourceBase", "SourceChanged", "assess", "base_of", "default_recovery_folder",
    "find_left_journals", "journal_outline", "read_base", "recover", "replay_journal",
]
