"""Compare two bundles file by file, then look for records that changed sourcedId."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.file_comparison import FileComparison, compare_tables
from rostereditor.core.comparison.id_change_finder import find_id_changes
from rostereditor.core.comparison.id_changes import IdChanges
from rostereditor.core.comparison.identity_rules import MATCHING_ORDER
from rostereditor.core.comparison.record_keys import key_column, positions_of
from rostereditor.core.oneroster_files import MANIFEST, display_order


@dataclass(frozen=True)
class ManifestChange:
    """A manifest property whose value differs (None where a side lacks it)."""

    name: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class BundleComparison:
    """OLD versus NEW: one FileComparison per data file (display order), manifest differences."""

    old_version: str
    new_version: str
    files: dict[str, FileComparison]
    manifest_changes: tuple[ManifestChange, ...] = ()

    def over_threshold(self, percent: float) -> list[FileComparison]:
        """Files whose removed records exceed `percent` of their OLD records."""
        return [f for f in self.files.values() if f.old_count and f.removed_percent > percent]

    @property
    def has_changes(self) -> bool:
        return bool(self.manifest_changes) or any(f.has_changes for f in self.files.values())


def compare_bundles(old: Bundle, new: Bundle, *, ignore: Collection[str] = (),
                    find_new_ids: bool = True) -> BundleComparison:
    """Compare every data file of OLD and NEW by sourcedId.

    ignore: columns whose differences do not count. find_new_ids: also pair removed and added
    records that look like the same record under a new sourcedId (see identity_rules).
    """
    version = new.detected_version
    names = display_order(list(dict.fromkeys([*old.data_file_names, *new.data_file_names])))
    files: dict[str, FileComparison] = {}
    for name in names:
        old_table, new_table = old.table(name), new.table(name)
        either = new_table if new_table is not None else old_table
        assert either is not None
        key = key_column(name, either, version if new_table is not None else old.detected_version)
        files[name] = compare_tables(name, old_table, new_table, key, ignore=ignore)
    if find_new_ids:
        _add_id_changes(files, old, new)
    return BundleComparison(old.detected_version, version, files, _manifest_changes(old, new))


def _add_id_changes(files: dict[str, FileComparison], old: Bundle, new: Bundle, *,
                    first: str | None = None) -> None:
    """Find likely sourcedId changes file by file in matching order (a file's changes translate
    the references of the files after it). From `first` on only, when given: the files before
    it keep theirs (after `first` was compared again)."""
    old_tables = {n: f.table for n, f in old.files.items()}
    new_tables = {n: f.table for n, f in new.files.items()}
    translations: dict[str, IdChanges] = {}
    order = [n for n in MATCHING_ORDER if n in files] + [n for n in files if n not in MATCHING_ORDER]
    start = order.index(first) if first in order else 0
    for name in order[:start]:
        if len(files[name].id_changes):
            translations[name] = files[name].id_changes
    for name in order[start:]:
        result = files[name]
        old_table, new_table = old.table(name), new.table(name)
        if result.state != "both" or result.key is None or old_table is None or new_table is None:
            continue
        changes = find_id_changes(
            name, result.key, old_table, new_table,
            removed=positions_of(old_table, result.removed_row_ids),
            added=positions_of(new_table, result.added_row_ids),
            old_tables=old_tables, new_tables=new_tables, translations=translations)
        if len(changes):
            translations[name] = changes
        if len(changes) or len(result.id_changes):
            files[name] = dataclasses.replace(result, id_changes=changes)


def compare_again(previous: BundleComparison, old: Bundle, new: Bundle,
                  names: Collection[str]) -> BundleComparison:
    """`previous` with the files in `names` compared again (after edits to them in NEW), and
    the likely new IDs found again from the first of them on."""
    if not names:
        return previous
    version = new.detected_version
    files = dict(previous.files)
    for name in names:
        old_table, new_table = old.table(name), new.table(name)
        either = new_table if new_table is not None else old_table
        if either is None:
            files.pop(name, None)
            continue
        key = key_column(name, either, version if new_table is not None else old.detected_version)
        files[name] = compare_tables(name, old_table, new_table, key)
    order = [n for n in MATCHING_ORDER if n in files] + [n for n in files if n not in MATCHING_ORDER]
    first = min((n for n in names if n in order), key=order.index, default=None)
    _add_id_changes(files, old, new, first=first)
    return BundleComparison(previous.old_version, version, files, previous.manifest_changes)


def _manifest_changes(old: Bundle, new: Bundle) -> tuple[ManifestChange, ...]:
    if MANIFEST not in old.files and MANIFEST not in new.files:
        return ()
    before, after = old.manifest or {}, new.manifest or {}
    return tuple(ManifestChange(k, before.get(k), after.get(k))
                 for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k))
