"""The editing session: one Qt-free owner of the open bundle, its version, profile and findings.

    session = EditSession()
    session.events.cells_changed.connect(lambda event: print(event.file, event.row_ids))
    session.open(read_bundle("district.zip"))
    edit = session.edit_cell("users.csv", 0, 3, "Ann")    # made, announced and re-checked
    edit.undo()                                           # and undone the same way

See docs/architecture.md for how the window builds on it.
"""

from __future__ import annotations

from rostereditor.core.session.edit_session import FILE_ORDER, EditSession, RowOrder
from rostereditor.core.session.events import (
    BundleChanged,
    CellsChanged,
    CheckFailed,
    CheckProgress,
    ColumnsChanged,
    EventEmitter,
    FileAdded,
    ProfileChanged,
    ResultChanged,
    RowsChanged,
    Saved,
    Saving,
    SessionEvents,
    VersionChanged,
)
from rostereditor.core.session.undoable_edits import (
    CellsEdit,
    Direction,
    Edit,
    EditObserver,
    EditSequence,
    ObservedEdit,
    StructureEdit,
)

__all__ = [
    "FILE_ORDER", "BundleChanged", "CellsChanged", "CellsEdit", "CheckFailed", "CheckProgress",
    "ColumnsChanged", "Direction", "Edit", "EditObserver", "EditSequence", "EditSession",
    "EventEmitter", "FileAdded", "ObservedEdit", "ProfileChanged", "ResultChanged", "RowOrder",
    "RowsChanged", "Saved", "Saving", "SessionEvents", "StructureEdit", "VersionChanged",
]
