"""One file's findings as sorted arrays: what the grid, the problems list and the reports read.

Each finding is an entry (slot, item): item `item` of the batch in slot `slot`, or a ready-made
Finding (a source of one). Entries are sorted by a key that orders them as the file reads: the
record's line (rows added in the editor after every read record), then the column. A cell's
findings, a record's, and the list in file order are slices of the arrays, and Finding objects
are made only for the entries someone looks at.

A re-check changes few findings, so the next index shares this one's arrays and records only
the difference: the entries that died and a small sorted run of new ones. An edit then costs
what it changed, however many findings the file has; the difference is folded into new
arrays only once it grows large.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from rostereditor.core.table import Table
from rostereditor.core.validation.finding import Finding, Severity
from rostereditor.core.validation.finding_batch import FindingBatch

# Line keys of rows added in the editor: after every read record, in the order they were made.
ADDED_ROWS = 1 << 36
_COLUMN_BITS = 16
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1
# Severity as a small number: the worst of several findings is the largest.
SEVERITY_CODE: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
CODE_SEVERITY: tuple[Severity, ...] = ("info", "warning", "error")
NO_FINDING = -1
# Dead entries located one by one up to this many per source; more, by one pass over the arrays.
_LOCATE_ONE_BY_ONE = 4096
# Findings made together when streaming a file's findings.
_CHUNK = 4096


class Source(Protocol):
    """What the index needs of a batch (or of one ready-made finding)."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def column_index(self) -> int | None: ...
    @property
    def row_ids(self) -> np.ndarray: ...

    def live_items(self) -> np.ndarray: ...
    def finding(self, i: int, line: int | None) -> Finding: ...
    def value(self, i: int) -> str | None: ...


class ReadyFinding:
    """A Finding made by its check (header, notice, bundle, a vendor's), as a source of one."""

    __slots__ = ("column_index", "made", "row_ids", "rule", "severity")

    def __init__(self, finding: Finding) -> None:
        self.made = finding
        self.rule = finding.rule
        self.severity: Severity = finding.severity
        self.column_index = finding.column_index
        self.row_ids = np.asarray([-1 if finding.row_id is None else finding.row_id],
                                  dtype=np.int64)

    def __len__(self) -> int:
        return 1

    def live_items(self) -> np.ndarray:
        return np.zeros(1, dtype=np.int64)

    def finding(self, i: int, line: int | None) -> Finding:
        return self.made

    def value(self, i: int) -> str | None:
        return self.made.value


def source_identity(source: Source) -> object:
    """What stays the same when a re-check cuts findings out of a batch (or re-makes an equal
    ready finding), so the index keeps those entries and their item numbers."""
    if isinstance(source, FindingBatch):
        return id(source.root)
    return ("ready", source.made) if isinstance(source, ReadyFinding) else id(source)


def ready_line_key(finding: Finding) -> int:
    """Where a finding sorts by what it says itself (no table to ask): its line, else after
    the read records if it names a row, else first (about the file)."""
    if finding.line is not None:
        return finding.line
    return ADDED_ROWS + finding.row_id if finding.row_id is not None else 0


def sources_of(findings: Sequence[Finding], batches: Sequence[FindingBatch]) -> list[Source]:
    return [*batches, *(ReadyFinding(f) for f in findings)]


@dataclass
class Entries:
    """Findings as parallel arrays sorted by key: (line key << 16 | column + 1)."""

    key: np.ndarray
    slot: np.ndarray
    item: np.ndarray
    row: np.ndarray
    _rows: np.ndarray | None = field(default=None, repr=False)

    @classmethod
    def empty(cls) -> Entries:
        nothing = np.zeros(0, dtype=np.int64)
        return cls(nothing, np.zeros(0, dtype=np.int32), nothing, nothing)

    def __len__(self) -> int:
        return len(self.key)

    def span(self, low: int, high: int) -> tuple[int, int]:
        """Positions of the entries with low <= key < high."""
        return (int(np.searchsorted(self.key, low, side="left")),
                int(np.searchsorted(self.key, high, side="left")))

    def problem_rows(self) -> np.ndarray:
        if self._rows is None:
            self._rows = _distinct_rows(self.row[self.row >= 0])
        return self._rows


class FileFindings:
    """The findings of one file (None: about the whole bundle), indexed by cell and in order."""

    def __init__(self, file: str | None, table: Table | None, sources: Sequence[Source],
                 previous: FileFindings | None = None) -> None:
        self.file = file
        self.table = table
        self.sources: list[Source] = list(sources)
        self.counts = dict.fromkeys(SEVERITY_CODE, 0)
        for source in self.sources:
            self.counts[source.severity] += len(source)  # type: ignore[arg-type]
        # The cells (row ids, columns; -1: the record) whose findings differ from `previous`;
        # None when not known (then everything may differ).
        self.changed_cells: tuple[np.ndarray, np.ndarray] | None = None
        self._ordered: Entries | None = None
        self._problem_rows: np.ndarray | None = None
        self._previous: weakref.ref[FileFindings] | None = None
        if previous is not None and previous.table is table:
            self._previous = weakref.ref(previous)
            self._follow(previous)
        else:
            self.slots: list[Source | None] = list(self.sources)
            self._slot_of = {source_identity(s): i for i, s in enumerate(self.sources)}
            self.base = self._entries(range(len(self.slots)))
            self.dead = np.zeros(0, dtype=np.int64)
            self.added = Entries.empty()
        self.slot_severity = np.asarray(
            [SEVERITY_CODE[s.severity] if s is not None else 0 for s in self.slots], dtype=np.int8)

    def follows(self, other: FileFindings) -> bool:
        """Whether this index was made from `other` (so changed_cells says what differs)."""
        return self._previous is not None and self._previous() is other

    # -- building ------------------------------------------------------------------------------

    def _entries(self, slots: Sequence[int] | range) -> Entries:
        """Sorted entries of the live findings of these slots."""
        keys, numbers, items, rows = [], [], [], []
        for slot in slots:
            source = self.slots[slot]
            assert source is not None
            live = source.live_items()
            row = source.row_ids[live]
            keys.append(self._keys(source, row))
            numbers.append(np.full(len(live), slot, dtype=np.int32))
            items.append(live)
            rows.append(row)
        if not keys:
            return Entries.empty()
        key, number, item, row = (np.concatenate(x) for x in (keys, numbers, items, rows))
        # Most batches come in row order already: a stable sort merges those runs quickly.
        order = np.argsort(key, kind="stable")
        return Entries(key[order], number[order], item[order], row[order])

    def _keys(self, source: Source, rows: np.ndarray) -> np.ndarray:
        column = -1 if source.column_index is None else source.column_index
        if isinstance(source, ReadyFinding) and (source.made.row_id is None or self.table is None):
            lines = np.asarray([ready_line_key(source.made)], dtype=np.int64)
        else:
            lines = self.line_keys(rows)
        return (lines << _COLUMN_BITS) | (column + 1)

    def line_keys(self, rows: np.ndarray) -> np.ndarray:
        """Where records sort: their line as read, or after all of them if added since."""
        rows = np.asarray(rows, dtype=np.int64)
        if self.table is None:
            return ADDED_ROWS + rows
        lines = self.table.lines_of_ids(rows)
        return np.where(lines >= 0, lines, ADDED_ROWS + rows)

    def _follow(self, previous: FileFindings) -> None:
        """This index as the previous one plus the difference a re-check made."""
        self.slots = list(previous.slots)
        self._slot_of = dict(previous._slot_of)
        base, added = previous.base, previous.added
        dead_base: list[np.ndarray] = [previous.dead]
        dead_added: list[np.ndarray] = []
        fresh: list[int] = []
        targets = ((base, dead_base), (added, dead_added))
        wanted = {source_identity(s) for s in self.sources}
        for identity, slot in list(self._slot_of.items()):
            if identity not in wanted:  # the re-check replaced this batch: all its findings go
                old = self.slots[slot]
                assert old is not None
                self._locate(slot, old.live_items(), old, targets)
                self.slots[slot] = None
                del self._slot_of[identity]
        for source in self.sources:
            identity = source_identity(source)
            known_slot = self._slot_of.get(identity)
            if known_slot is None:
                self._slot_of[identity] = len(self.slots)
                fresh.append(len(self.slots))
                self.slots.append(source)
                continue
            slot = known_slot
            old = self.slots[slot]
            assert old is not None
            if old is not source:  # cut down: the items alive before and not now go
                gone = (source.killed_since(old) if isinstance(source, FindingBatch)
                        and isinstance(old, FindingBatch) else None)
                if gone is None:
                    gone = np.flatnonzero(_alive(old) & ~_alive(source))
                self._locate(slot, gone, old, targets)
                self.slots[slot] = source
        new = self._entries(fresh)
        dead = np.unique(np.concatenate(dead_base))
        died = np.unique(np.concatenate(dead_added)) if dead_added else np.zeros(0, np.int64)
        self.changed_cells = _cells_of(base, dead[~np.isin(dead, previous.dead)], added, died, new)
        keep = np.ones(len(added), dtype=bool)
        keep[died] = False
        self.added = _merge(_take(added, keep), new)
        self.base, self.dead = base, dead
        if len(self.dead) + len(self.added) > max(4096, len(self.base) // 8):
            self._fold()

    def _locate(self, slot: int, items: np.ndarray, source: Source,
                targets: tuple[tuple[Entries, list[np.ndarray]], ...]) -> None:
        """Find the entries of these items of one slot among each target's entries, and note
        their positions in the target's list."""
        if len(items) == 0:
            return
        if len(items) > _LOCATE_ONE_BY_ONE:
            for entries, found in targets:
                hit = (entries.slot == slot) & np.isin(entries.item, items)
                found.append(np.flatnonzero(hit))
            return
        keys = self._keys(source, source.row_ids[items])
        for entries, found in targets:
            if not len(entries):
                continue
            starts = np.searchsorted(entries.key, keys, side="left")
            stops = np.searchsorted(entries.key, keys, side="right")
            wanted = set(items.tolist())
            hits = [p for start, stop in zip(starts.tolist(), stops.tolist(), strict=True)
                    for p in range(start, stop)
                    if int(entries.slot[p]) == slot and int(entries.item[p]) in wanted]
            found.append(np.asarray(hits, dtype=np.int64))

    def _fold(self) -> None:
        """Write the difference into new arrays (now and then, not on every edit)."""
        self.base = self.ordered()
        self.dead = np.zeros(0, dtype=np.int64)
        self.added = Entries.empty()

    # -- reading in order ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.base) - len(self.dead) + len(self.added)

    def ordered(self) -> Entries:
        """Every live entry in file order, as one set of arrays (made once, when first asked)."""
        if self._ordered is None:
            if not len(self.dead) and not len(self.added):
                self._ordered = self.base
            else:
                keep = np.ones(len(self.base), dtype=bool)
                keep[self.dead] = False
                self._ordered = _merge(_take(self.base, keep), self.added)
        return self._ordered

    def finding(self, position: int) -> Finding:
        """The finding at this position in file order, made now."""
        entries = self.ordered()
        return self._made(int(entries.slot[position]), int(entries.item[position]),
                          int(entries.row[position]))

    def _made(self, slot: int, item: int, row: int) -> Finding:
        source = self.slots[slot]
        assert source is not None
        line = self.table.line_of_id(row) if self.table is not None and row >= 0 else None
        return source.finding(item, line)

    def findings(self, start: int = 0, stop: int | None = None) -> list[Finding]:
        return self.findings_between(start, len(self) if stop is None else stop)

    def __iter__(self) -> Iterator[Finding]:
        """Every finding in file order, made a chunk at a time (a writer streams these)."""
        for start in range(0, len(self), _CHUNK):
            yield from self.findings_between(start, min(start + _CHUNK, len(self)))

    def findings_between(self, start: int, stop: int) -> list[Finding]:
        """The findings at these positions in file order, each batch's made together."""
        entries = self.ordered()
        slots, items = entries.slot[start:stop], entries.item[start:stop]
        rows = entries.row[start:stop]
        lines: list[int | None] = [None] * len(rows)
        if self.table is not None:
            read = self.table.lines_of_ids(rows)
            lines = [line if line >= 0 else None for line in read.tolist()]
        made: list[Finding | None] = [None] * len(rows)
        for slot in np.unique(slots).tolist():
            where = np.flatnonzero(slots == slot)
            source = self.slots[slot]
            assert source is not None
            places = where.tolist()
            if isinstance(source, FindingBatch):
                found = source.findings(items[where], [lines[w] for w in places])
            else:
                found = [source.finding(int(items[w]), lines[w]) for w in places]
            for place, finding in zip(places, found, strict=True):
                made[place] = finding
        return made  # type: ignore[return-value]  # every place was filled

    def columns(self) -> np.ndarray:
        """Each entry's column index in file order (-1: none)."""
        return _columns(self.ordered().key)

    # -- reading one cell or record -------------------------------------------------------------

    def line_key(self, row_id: int) -> int:
        line = self.table.line_of_id(row_id) if self.table is not None else None
        return line if line is not None else ADDED_ROWS + row_id

    def _hits(self, row_id: int, low: int, high: int) -> list[tuple[int, int]]:
        """(slot, item) of the live entries of this record with low <= key < high."""
        found = []
        start, stop = self.base.span(low, high)
        if start < stop:
            dead = set(self.dead.tolist()) if len(self.dead) else ()
            found += [(int(self.base.slot[p]), int(self.base.item[p])) for p in range(start, stop)
                      if int(self.base.row[p]) == row_id and p not in dead]
        start, stop = self.added.span(low, high)
        found += [(int(self.added.slot[p]), int(self.added.item[p])) for p in range(start, stop)
                  if int(self.added.row[p]) == row_id]
        return found

    def worst_at(self, row_id: int, col: int) -> int:
        """The most serious severity code on a cell (col -1: the record itself), or NO_FINDING.

        Two binary searches and no Finding object: what painting a cell costs."""
        key = (self.line_key(row_id) << _COLUMN_BITS) | (col + 1)
        return self._worst(row_id, key, key + 1)

    def worst_in_row(self, row_id: int) -> int:
        """The most serious severity code of a record's findings, in its cells or about it."""
        line = self.line_key(row_id)
        return self._worst(row_id, line << _COLUMN_BITS, (line + 1) << _COLUMN_BITS)

    def _worst(self, row_id: int, low: int, high: int) -> int:
        worst = NO_FINDING
        for entries in (self.base, self.added):
            start, stop = entries.span(low, high)
            if start == stop:
                continue
            hits = np.arange(start, stop)
            hits = hits[entries.row[start:stop] == row_id]
            if entries is self.base and len(self.dead) and len(hits):
                hits = hits[~np.isin(hits, self.dead)]
            if len(hits):
                worst = max(worst, int(self.slot_severity[entries.slot[hits]].max()))
        return worst

    def at(self, row_id: int, col: int) -> list[Finding]:
        """The findings on one cell (col -1: about the record, not one of its cells)."""
        key = (self.line_key(row_id) << _COLUMN_BITS) | (col + 1)
        return [self._made(slot, item, row_id) for slot, item in self._hits(row_id, key, key + 1)]

    def problem_rows(self) -> np.ndarray:
        """Row ids of every record with a finding (sorted)."""
        if self._problem_rows is None:
            if not len(self.dead) and not len(self.added):
                self._problem_rows = self.base.problem_rows()
            else:
                rows = self.base.problem_rows()
                maybe_gone = np.unique(self.base.row[self.dead])
                gone = [r for r in maybe_gone.tolist()
                        if r >= 0 and self.worst_in_row(r) == NO_FINDING]
                rows = np.union1d(rows, self.added.row[self.added.row >= 0])
                self._problem_rows = rows[~np.isin(rows, gone)] if gone else rows
        return self._problem_rows

    def cells(self) -> CellMapping:
        return CellMapping(self)

    def record_findings(self) -> dict[int, list[Finding]]:
        """Findings about whole records (no column), by row id."""
        entries = self.ordered()
        whole = np.flatnonzero(((entries.key & _COLUMN_MASK) == 0) & (entries.row >= 0))
        found: dict[int, list[Finding]] = {}
        for position in whole.tolist():
            found.setdefault(int(entries.row[position]), []).append(self.finding(position))
        return found


class CellMapping(Mapping[tuple[int, int], list[Finding]]):
    """(row id, column) -> findings, over the index: findings are made only when asked for."""

    def __init__(self, owner: FileFindings) -> None:
        self._owner = owner
        self._unique: np.ndarray | None = None

    def __getitem__(self, key: tuple[int, int]) -> list[Finding]:
        row_id, col = key
        found = self._owner.at(row_id, col) if col >= 0 else []
        if not found:
            raise KeyError(key)
        return found

    def get(self, key: tuple[int, int], default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or len(key) != 2:
            return False
        row_id, col = key
        return col >= 0 and self._owner.worst_at(row_id, col) != NO_FINDING

    def _keys(self) -> np.ndarray:
        if self._unique is None:
            entries = self._owner.ordered()
            columns = _columns(entries.key)
            on_cell = (entries.row >= 0) & (columns >= 0)
            pairs = np.stack([entries.row[on_cell], columns[on_cell]], axis=1)
            self._unique = np.unique(pairs, axis=0) if len(pairs) else pairs
        return self._unique

    def __iter__(self) -> Iterator[tuple[int, int]]:
        pairs: list[list[int]] = self._keys().tolist()
        yield from ((row_id, col) for row_id, col in pairs)

    def __len__(self) -> int:
        return len(self._keys())


def _distinct_rows(rows: np.ndarray) -> np.ndarray:
    """The distinct row ids, sorted. Entries in key order have their rows in order already
    (a record's line grows with its row id), so one pass finds them."""
    if len(rows) > 1 and not bool(np.all(rows[1:] >= rows[:-1])):
        return np.unique(rows)
    keep = np.ones(len(rows), dtype=bool)
    keep[1:] = rows[1:] != rows[:-1]
    return rows[keep]


def _columns(keys: np.ndarray) -> np.ndarray:
    return (keys & _COLUMN_MASK).astype(np.int64) - 1


def _alive(source: Source) -> np.ndarray:
    alive = getattr(source, "alive", None)
    return np.ones(len(source.row_ids), dtype=bool) if alive is None else alive


def _take(entries: Entries, keep: np.ndarray) -> Entries:
    if keep.all():
        return entries
    return Entries(entries.key[keep], entries.slot[keep], entries.item[keep], entries.row[keep])


def _merge(first: Entries, second: Entries) -> Entries:
    """Both sorted runs as one (second's entries after first's equal keys)."""
    if not len(second):
        return first
    if not len(first):
        return second
    at = np.searchsorted(first.key, second.key, side="right")
    return Entries(np.insert(first.key, at, second.key), np.insert(first.slot, at, second.slot),
                   np.insert(first.item, at, second.item), np.insert(first.row, at, second.row))


def _cells_of(base: Entries, base_dead: np.ndarray, added: Entries, added_dead: np.ndarray,
              new: Entries) -> tuple[np.ndarray, np.ndarray]:
    """(row ids, columns) of the entries that went or came."""
    rows = np.concatenate([base.row[base_dead], added.row[added_dead], new.row])
    keys = np.concatenate([base.key[base_dead], added.key[added_dead], new.key])
    return rows, _columns(keys)
