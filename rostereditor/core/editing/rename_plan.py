"""Renaming a record's sourcedId together with every reference to it, across all files."""

from __future__ import annotations

from collections.abc import Sequence

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.cell_changes import BundleChanges, CellChange
from rostereditor.core.editing.reference_columns import ReferenceColumn, replace_in_list
from rostereditor.core.editing.reference_search import references_to


def plan_reference_updates(
    bundle: Bundle,
    columns: Sequence[ReferenceColumn],
    target: str,
    old_id: str,
    new_id: str,
) -> BundleChanges:
    """The changes that make every reference to `old_id` in `target` say `new_id` instead.

    Single references keep any stray surrounding spaces; list cells change only the matching item.
    """
    changes: BundleChanges = {}
    if not old_id or old_id == new_id:
        return changes
    is_list = {(c.file, c.column): c.is_list for c in columns}
    for hit in references_to(bundle, columns, target, old_id):
        table = bundle.table(hit.file)
        assert table is not None
        if is_list[(hit.file, table.header[hit.col])]:
            new_value = replace_in_list(hit.value, old_id, new_id)
        else:
            new_value = hit.value.replace(old_id, new_id, 1)
        if new_value != hit.value:
            change = CellChange(table.row_id(hit.row), hit.col, hit.value, new_value)
            changes.setdefault(hit.file, []).append(change)
    return changes


def merge_changes(*parts: BundleChanges) -> BundleChanges:
    merged: BundleChanges = {}
    for part in parts:
        for file, changes in part.items():
            merged.setdefault(file, []).extend(changes)
    return merged
