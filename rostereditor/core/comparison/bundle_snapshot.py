"""A frozen copy of a bundle's values, so a comparison can run in a worker while the user edits.

Taking the copy is cheap (Arrow arrays are immutable: each column is its array with the edits
applied, shared, not copied) and must happen on the thread that edits; the worker then reads
only the copy. Row ids of the copy are its row positions; `row_ids` maps them back to the live
tables' stable row ids, and `with_live_row_ids` puts a comparison's NEW side back on them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.bundle_comparison import BundleComparison
from rostereditor.core.comparison.file_comparison import FileComparison
from rostereditor.core.table import Table


@dataclass(frozen=True)
class BundleSnapshot:
    """The values of every file as they were (row i of a copy is row i of the live table)."""

    bundle: Bundle
    row_ids: dict[str, np.ndarray]


def snapshot_bundle(bundle: Bundle) -> BundleSnapshot:
    """Copy every table's values in row order (line numbers are not kept: ask the live table)."""
    copy = Bundle(source=bundle.source, source_kind=bundle.source_kind,
                  zip_folder=bundle.zip_folder, modes=dict(bundle.modes))
    row_ids: dict[str, np.ndarray] = {}
    for name, file in bundle.files.items():
        table = file.table
        columns = [table.column_array(c) for c in range(table.column_count)]
        frozen = Table(list(table.header), columns, np.arange(2, len(table) + 2, dtype=np.int64))
        copy.files[name] = dataclasses.replace(file, table=frozen)
        row_ids[name] = table.row_ids()
    return BundleSnapshot(copy, row_ids)


def with_live_row_ids(comparison: BundleComparison, snapshot: BundleSnapshot) -> BundleComparison:
    """A comparison made against `snapshot` (as NEW), with NEW row ids made the live ones."""
    files = {name: _live(result, snapshot.row_ids.get(name))
             for name, result in comparison.files.items()}
    return dataclasses.replace(comparison, files=files)


def _live(result: FileComparison, live: np.ndarray | None) -> FileComparison:
    if live is None:
        return result
    changed = dataclasses.replace(result.changed, new_row_ids=live[result.changed.new_row_ids])
    id_changes = dataclasses.replace(result.id_changes,
                                     new_row_ids=live[result.id_changes.new_row_ids])
    return dataclasses.replace(result, added_row_ids=live[result.added_row_ids], changed=changed,
                               id_changes=id_changes)
