"""A comparison as one list of records to look at: added, removed, changed, and likely new IDs.

Kept as columns (one entry per record, not per cell) so a list of a million removed records
filters by file, kind and text with a few array operations; an entry becomes an object only
when a person looks at it. A record that seems to have been given a new sourcedId is listed
once, as a likely new ID, not also as one removed and one added record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.bundle_comparison import BundleComparison
from rostereditor.core.comparison.file_comparison import FileComparison
from rostereditor.core.comparison.record_keys import whole
from rostereditor.core.editing.record_labels import label_array
from rostereditor.core.table import Table

ChangeKind = Literal["added", "removed", "changed", "new_id"]
KINDS: tuple[ChangeKind, ...] = ("added", "removed", "changed", "new_id")


@dataclass(frozen=True)
class CellDifference:
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class ChangeEntry:
    """One record of the list.

    row_id: the record in the open bundle (added, changed, new_id) or, for a removed record,
    in the compared bundle; old_row_id: its row in the compared bundle when it has one.
    """

    kind: ChangeKind
    file: str
    key: str
    label: str
    row_id: int
    old_row_id: int | None
    cells: tuple[CellDifference, ...] = ()
    old_key: str | None = None  # new_id: the sourcedId it had
    matched_on: str | None = None  # new_id: the fields that pair the two
    evidence: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _FileEntries:
    """One file's entries of each kind, by position within the kind."""

    result: FileComparison
    added: np.ndarray  # positions into result.added_*
    removed: np.ndarray  # positions into result.removed_*
    changed_starts: np.ndarray  # first cell of each changed record in result.changed
    changed_stops: np.ndarray


@dataclass(frozen=True)
class _FilePart:
    """One file's entries as arrays, in list order: added, removed, changed, new IDs."""

    entries: _FileEntries
    kinds: np.ndarray
    items: np.ndarray
    keys: pa.Array
    labels: pa.Array


def _file_part(result: FileComparison, reference: Bundle, current: Bundle) -> _FilePart:
    entries = _file_entries(result)
    name = result.file
    new_side = _Labels(name, current.table(name))
    old_side = _Labels(name, reference.table(name))
    ids = result.id_changes
    parts: tuple[tuple[ChangeKind, pa.Array, pa.Array], ...] = (
        ("added", result.added_keys.take(pa.array(entries.added)),
         new_side.of(result.added_row_ids[entries.added])),
        ("removed", result.removed_keys.take(pa.array(entries.removed)),
         old_side.of(result.removed_row_ids[entries.removed])),
        ("changed", result.changed.keys.take(pa.array(entries.changed_starts)),
         new_side.of(result.changed.new_row_ids[entries.changed_starts])),
        ("new_id", ids.new_ids, new_side.of(ids.new_row_ids)),
    )
    return _FilePart(
        entries,
        np.concatenate([np.full(len(k), KINDS.index(kind), dtype=np.int8) for kind, k, _ in parts]),
        np.concatenate([np.arange(len(k), dtype=np.int64) for _, k, _ in parts]),
        _concat([k for _, k, _ in parts]), _concat([lab for _, _, lab in parts]))


class ChangeList:
    """Every added, removed, changed and re-identified record of a comparison, filterable."""

    def __init__(self, comparison: BundleComparison, reference: Bundle, current: Bundle, *,
                 reuse: ChangeList | None = None) -> None:
        """reuse: an earlier list whose files' parts still hold where the file's comparison is
        the same object (compared again after edits to other files)."""
        self.comparison = comparison
        self.files = list(comparison.files)
        earlier = {p.entries.result.file: p for p in reuse._parts} if reuse is not None else {}
        self._parts: list[_FilePart] = []
        for name, result in comparison.files.items():
            kept = earlier.get(name)
            self._parts.append(kept if kept is not None and kept.entries.result is result
                               else _file_part(result, reference, current))
        parts = self._parts
        self._entries = [p.entries for p in parts]
        self._kinds = np.concatenate([p.kinds for p in parts]) if parts \
            else np.zeros(0, dtype=np.int8)
        self._files = np.concatenate([np.full(len(p.kinds), n, dtype=np.int32)
                                      for n, p in enumerate(parts)]) if parts \
            else np.zeros(0, dtype=np.int32)
        self._items = np.concatenate([p.items for p in parts]) if parts \
            else np.zeros(0, dtype=np.int64)
        self._keys = _concat([p.keys for p in parts])
        self._labels = _concat([p.labels for p in parts])
        self._shown = np.arange(len(self._kinds), dtype=np.int64)

    # -- what there is ---------------------------------------------------------------------

    def count(self, kind: ChangeKind | None = None, file: str | None = None) -> int:
        """Entries of a kind and/or file, before any filter."""
        mask = np.ones(len(self._kinds), dtype=bool)
        if kind is not None:
            mask &= self._kinds == KINDS.index(kind)
        if file is not None:
            mask &= self._files == (self.files.index(file) if file in self.files else -1)
        return int(np.count_nonzero(mask))

    def counts_by_file(self) -> dict[str, dict[ChangeKind, int]]:
        return {name: {kind: self.count(kind, name) for kind in KINDS} for name in self.files}

    # -- filtering ---------------------------------------------------------------------------

    def filter(self, *, kinds: Sequence[ChangeKind] = (), file: str | None = None,
               text: str = "") -> None:
        """Show only entries of these kinds (all when empty), this file, containing `text` in
        their sourcedId or label (any case)."""
        mask = np.ones(len(self._kinds), dtype=bool)
        if kinds:
            mask &= np.isin(self._kinds, [KINDS.index(k) for k in kinds])
        if file is not None:
            mask &= self._files == (self.files.index(file) if file in self.files else -1)
        needle = text.strip()
        if needle and len(self._labels):
            hits = pc.or_(pc.match_substring(self._labels, needle, ignore_case=True),
                          pc.match_substring(self._keys, needle, ignore_case=True))
            mask &= np.asarray(hits.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
        self._shown = np.flatnonzero(mask)

    def __len__(self) -> int:
        """How many entries the filter shows."""
        return len(self._shown)

    @property
    def total(self) -> int:
        return len(self._kinds)

    def kind_of(self, shown: int) -> ChangeKind:
        return KINDS[int(self._kinds[self._shown[shown]])]

    def file_of(self, shown: int) -> str:
        return self.files[int(self._files[self._shown[shown]])]

    def key_of(self, shown: int) -> str:
        return str(self._keys[int(self._shown[shown])].as_py())

    def label_of(self, shown: int) -> str:
        return str(self._labels[int(self._shown[shown])].as_py())

    def find(self, kind: ChangeKind, file: str, key: str) -> int | None:
        """The shown position of an entry, to keep it selected when the list is rebuilt."""
        if file not in self.files or not len(self._shown):
            return None
        mask = (self._kinds[self._shown] == KINDS.index(kind)) \
            & (self._files[self._shown] == self.files.index(file))
        candidates = np.flatnonzero(mask)
        if not len(candidates):
            return None
        keys = self._keys.take(pa.array(self._shown[candidates]))
        hits = np.flatnonzero(np.asarray(pc.equal(keys, key).fill_null(False)
                                         .to_numpy(zero_copy_only=False), dtype=bool))
        return int(candidates[hits[0]]) if len(hits) else None

    def entry(self, shown: int) -> ChangeEntry:
        """The shown entry at `shown`, with its changed cells or ID evidence."""
        at = int(self._shown[shown])
        kind = KINDS[int(self._kinds[at])]
        number, item = int(self._files[at]), int(self._items[at])
        entries, name = self._entries[number], self.files[number]
        result = entries.result
        key, label = str(self._keys[at].as_py()), str(self._labels[at].as_py())
        if kind == "added":
            position = int(entries.added[item])
            return ChangeEntry(kind, name, key, label, int(result.added_row_ids[position]), None)
        if kind == "removed":
            position = int(entries.removed[item])
            row_id = int(result.removed_row_ids[position])
            return ChangeEntry(kind, name, key, label, row_id, row_id)
        if kind == "changed":
            start, stop = int(entries.changed_starts[item]), int(entries.changed_stops[item])
            cells = tuple(CellDifference(c.column, c.old, c.new)
                          for c in result.changed.items(start, stop))
            first = next(iter(result.changed.items(start, start + 1)))
            return ChangeEntry(kind, name, key, label, first.new_row_id, first.old_row_id, cells)
        change = result.id_changes.change(item)
        return ChangeEntry(kind, name, key, label, change.new_row_id, change.old_row_id,
                           old_key=change.old_id, matched_on=change.matched_on,
                           evidence=change.evidence)


def _file_entries(result: FileComparison) -> _FileEntries:
    """Positions of the added and removed records not paired as likely new IDs, and where
    each changed record's cells start and stop (they are contiguous, in NEW order)."""
    ids = result.id_changes
    added = np.flatnonzero(~np.isin(result.added_row_ids, ids.new_row_ids))
    removed = np.flatnonzero(~np.isin(result.removed_row_ids, ids.old_row_ids))
    rows = result.changed.new_row_ids
    if len(rows):
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        stops = np.r_[starts[1:], len(rows)]
    else:
        starts = stops = np.zeros(0, dtype=np.int64)
    return _FileEntries(result, added, removed, starts.astype(np.int64), stops.astype(np.int64))


_LABEL_COLUMNS = frozenset({"sourcedId", "familyName", "givenName", "role", "grades", "title",
                            "classCode", "courseCode", "name", "type"})


class _Labels:
    """One side's record labels (`id — name`) for given row ids, made only for those rows
    ("" for a row id the table no longer has)."""

    def __init__(self, name: str, table: Table | None) -> None:
        self.name = name
        self.table = table
        self.positions = np.zeros(0, dtype=np.int64)
        if table is not None and len(table):
            ids = table.row_ids()
            self.positions = np.full(int(ids.max()) + 1, -1, dtype=np.int64)
            self.positions[ids] = np.arange(len(ids), dtype=np.int64)

    def of(self, row_ids: np.ndarray) -> pa.Array:
        table = self.table
        if table is None or not len(row_ids) or not len(self.positions):
            return pa.array([""] * len(row_ids), pa.string())
        inside = (row_ids >= 0) & (row_ids < len(self.positions))
        at = np.where(inside, self.positions[np.where(inside, row_ids, 0)], -1)
        where = pa.array(np.maximum(at, 0))
        # Only these rows and the columns labels are made of (record_labels): a small table.
        names = [n for n in dict.fromkeys(table.header) if n in _LABEL_COLUMNS]
        rows = Table(names, [table.column_array(table.header.index(n)).take(where)
                             for n in names], np.arange(2, len(at) + 2, dtype=np.int64))
        found = whole(label_array(self.name, rows))
        return pc.if_else(pa.array(at >= 0), found, pa.scalar("", pa.string()))


def _concat(parts: list[pa.Array]) -> pa.Array:
    if not parts:
        return pa.array([], pa.string())
    return pa.concat_arrays([p.combine_chunks() if isinstance(p, pa.ChunkedArray) else p
                             for p in parts])

