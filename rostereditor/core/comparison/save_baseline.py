"""What a save is measured against for mass removals when no other bundle was compared: the
open bundle's record keys as it was opened, or as it was last saved.

A vendor importing bulk files deletes every record the new upload leaves out, so a save that
drops most of a file deserves a question first. Only each file's key column is kept (Arrow
arrays are immutable, so keeping one costs nothing until the table is edited).
"""

from __future__ import annotations

import numpy as np

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.comparison.record_keys import column_or_blank, key_column
from rostereditor.core.comparison.removal_guard import FileRemovals, removals_over
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.session import BundleChanged, EditSession, Saved
from rostereditor.core.table import Table


def key_snapshot(bundle: Bundle) -> Bundle:
    """A bundle holding each data file's key column as it is now, and the manifest (so the
    version, which decides the key column, stays the same)."""
    copy = Bundle(source=bundle.source, source_kind=bundle.source_kind, modes=dict(bundle.modes))
    version = bundle.detected_version
    for name in bundle.data_file_names:
        table = bundle.files[name].table
        key = key_column(name, table, version)
        if key is None:
            continue
        # Untouched (as when a bundle opens), the rows are the records as read: their lines
        # are shared, as 10M new line numbers held the window ~20-100 ms (page faults).
        lines = table.read_lines() if table.rows_in_read_order \
            else np.arange(2, len(table) + 2, dtype=np.int64)
        # The column itself, not a contiguous copy: it is immutable, and copying 7.5 million
        # keys held the window ~80 ms when a bundle opened (removals_over joins it at save).
        col = table.column_index(key)
        values = table.column_array(col) if col is not None else column_or_blank(table, key)
        copy.files[name] = BundleFile(name, name, Table([key], [values], lines))
    manifest = bundle.files.get(MANIFEST)
    if manifest is not None:
        header = list(manifest.table.header)
        frozen = Table(header, [manifest.table.column_array(c) for c in range(len(header))],
                       np.arange(2, len(manifest.table) + 2, dtype=np.int64))
        copy.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, frozen)
    return copy


class SaveBaseline:
    """Follows a session: the record keys of its bundle as opened, then as last saved."""

    def __init__(self, session: EditSession) -> None:
        self._session = session
        self.keys: Bundle | None = None
        self.how = ""  # "as opened" or "as last saved"
        session.events.bundle_changed.connect(self._on_bundle)
        session.events.saved.connect(self._on_saved)
        if session.bundle is not None:
            self._take("as opened")

    def removals_over(self, percent: float, reference: Bundle | None = None) -> list[FileRemovals]:
        """Files where saving now would remove more than `percent` of the records of
        `reference` (default: the bundle as opened or last saved)."""
        current = self._session.bundle
        against = reference if reference is not None else self.keys
        if current is None or against is None:
            return []
        return removals_over(against, current, percent)

    def _take(self, how: str) -> None:
        bundle = self._session.bundle
        self.keys = key_snapshot(bundle) if bundle is not None else None
        self.how = how if bundle is not None else ""

    def _on_bundle(self, _event: BundleChanged) -> None:
        self._take("as opened")

    def _on_saved(self, _event: Saved) -> None:
        self._take("as last saved")
