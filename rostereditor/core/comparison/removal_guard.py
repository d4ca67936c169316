"""Would saving this bundle remove a large share of the records of the bundle it replaces?

Vendors importing bulk files delete every record missing from the new upload (HMH: "import 500
users today and 15 tomorrow ... removal of 485 users"), so a save or a nightly export that drops
most of a file is worth a question before it happens. Only key sets are compared: this is cheap
enough to run on every save of a large district.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.record_keys import column_or_blank, key_column


@dataclass(frozen=True)
class FileRemovals:
    """How many of the reference bundle's records of one file the current bundle removes."""

    file: str
    reference_count: int
    removed: int
    file_missing: bool = False

    @property
    def percent(self) -> float:
        return 100.0 * self.removed / self.reference_count if self.reference_count else 0.0

    @property
    def message(self) -> str:
        """e.g. "users.csv: 485 of 500 records (97%) would be removed"."""
        share = f"{self.percent:.0f}%" if self.percent >= 1 or not self.removed else "under 1%"
        text = (f"{self.file}: {self.removed:,} of {self.reference_count:,} records ({share}) "
                "would be removed")
        return text + (" (the file is missing)" if self.file_missing else "")


def removal_shares(reference: Bundle, current: Bundle) -> list[FileRemovals]:
    """Per data file of `reference`, the records `current` would remove at a bulk vendor.

    A bulk file removes whatever it no longer lists; a delta file removes only its
    tobedeleted rows; a missing file counts as removing everything.
    """
    found = []
    for name in reference.data_file_names:
        table = reference.files[name].table
        key = key_column(name, table, reference.detected_version)
        if key is None or not len(table):
            continue
        keys = column_or_blank(table, key)
        now = current.table(name)
        if now is None:
            found.append(FileRemovals(name, len(keys), len(keys), file_missing=True))
            continue
        now_keys = column_or_blank(now, key)
        if current.mode(name) == "delta":
            deleting = pc.equal(column_or_blank(now, "status"), "tobedeleted")
            removed = _count(pc.is_in(keys, value_set=now_keys.filter(deleting)))
        else:
            removed = len(keys) - _count(pc.is_in(keys, value_set=now_keys))
        found.append(FileRemovals(name, len(keys), removed))
    return found


def removals_over(reference: Bundle, current: Bundle, percent: float) -> list[FileRemovals]:
    """The files where `current` removes more than `percent` of `reference`'s records."""
    return [r for r in removal_shares(reference, current) if r.percent > percent]


def _count(mask: pa.Array) -> int:
    return int(np.count_nonzero(np.asarray(mask.fill_null(False).to_numpy(zero_copy_only=False))))
