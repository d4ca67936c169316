"""Every finding of a result in the problems list's order, as arrays to filter and search.

The list of a million findings is a few numbers per finding (file, severity, rule, position
key), so choosing which to show is a handful of vectorized passes, and a Finding object is made
only for each row the list paints. Text search asks each distinct value once where it can.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.errors import Cancelled
from rostereditor.core.validation.file_findings import (
    ADDED_ROWS,
    SEVERITY_CODE,
    Entries,
    FileFindings,
    ReadyFinding,
    Source,
    ready_line_key,
    sources_of,
)
from rostereditor.core.validation.finding import Finding
from rostereditor.core.validation.finding_batch import FindingBatch
from rostereditor.core.validation.validation_result import ValidationResult

# A position key: file rank, then the entry key (line key << 16 | column + 1).
_RANK_SHIFT = 53
_LINE_SHIFT = 16
# Findings kept made for the rows the list shows (a screenful or two, scrolled back and forth).
_MADE_KEPT = 4096
Progress = Callable[[float], bool]


class FindingsListing:
    """Findings in list order: files in the window's tab order (the bundle's own first), then
    by line and column. Immutable, so a worker may build or read it."""

    def __init__(self, parts: Mapping[str | None, FileFindings | None],
                 file_order: Sequence[str] = ()) -> None:
        names: list[str | None] = [None] if None in parts else []
        names += [n for n in file_order if n in parts]
        names += sorted(n for n in parts if n is not None and n not in names)
        found = [(name, part) for name in names if (part := parts[name]) is not None]
        self.files = [name for name, _ in found]
        self._rank = {name: rank for rank, name in enumerate(self.files)}
        self._parts: list[FileFindings] = [part for _, part in found]
        self._entries: list[Entries] = [part.ordered() for part in self._parts]
        self.offsets = np.cumsum([0, *(len(e) for e in self._entries)])
        rules = sorted({s.rule for part in self._parts for s in part.sources})
        self.rules = rules
        code = {rule: i for i, rule in enumerate(rules)}
        severity, rule, file, key = [], [], [], []
        for rank, (part, entries) in enumerate(zip(self._parts, self._entries, strict=True)):
            slot_rule = np.asarray([code[s.rule] if s is not None else -1 for s in part.slots],
                                   dtype=np.int16)
            severity.append(part.slot_severity[entries.slot])
            rule.append(slot_rule[entries.slot])
            file.append(np.full(len(entries), rank, dtype=np.int16))
            key.append((np.int64(rank) << _RANK_SHIFT) + entries.key)
        self.severity = _joined(severity, np.int8)
        self.rule = _joined(rule, np.int16)
        self.file = _joined(file, np.int16)
        self.key = _joined(key, np.int64)
        self._made: dict[int, Finding] = {}

    @classmethod
    def of_result(cls, result: ValidationResult | None,
                  file_order: Sequence[str] = ()) -> FindingsListing:
        if result is None:
            return cls({}, file_order)
        return cls({name: result.file_findings(name) for name in result.file_order()}, file_order)

    @classmethod
    def of_findings(cls, findings: Sequence[Finding],
                    file_order: Sequence[str] = ()) -> FindingsListing:
        """A listing of ready-made findings (no result behind them)."""
        by_file: dict[str | None, list[Finding]] = {}
        for finding in findings:
            by_file.setdefault(finding.file, []).append(finding)
        return cls({name: FileFindings(name, None, sources_of(found, []))
                    for name, found in by_file.items()}, file_order)

    def __len__(self) -> int:
        return int(self.offsets[-1])

    @property
    def total(self) -> int:
        return len(self)

    def iter_findings(self, indices: Sequence[int] | np.ndarray | None = None) -> Iterator[Finding]:
        """These findings (default: all) in list order, made as they are asked for."""
        if indices is None:
            for part in self._parts:
                yield from part  # each file's findings made a chunk at a time
            return
        for index in indices:
            yield self.finding(int(index))

    # -- one finding ---------------------------------------------------------------------------

    def finding(self, index: int) -> Finding:
        """The finding at this place in the list, made now (and kept a while)."""
        made = self._made.get(index)
        if made is None:
            rank = int(np.searchsorted(self.offsets, index, side="right")) - 1
            made = self._parts[rank].finding(index - int(self.offsets[rank]))
            if len(self._made) >= _MADE_KEPT:
                self._made.clear()
            self._made[index] = made
        return made

    def file_of(self, index: int) -> str | None:
        return self.files[int(self.file[index])]

    def index_of(self, finding: Finding) -> int | None:
        """Where a finding (from this listing or an equal one) is in the list."""
        key = self.key_of(finding)
        start = int(np.searchsorted(self.key, key, side="left"))
        stop = int(np.searchsorted(self.key, key, side="right"))
        for index in range(start, stop):
            if self.finding(index) == finding:
                return index
        return None

    # -- position keys (file rank, line, column), for F8 ---------------------------------------

    def position_key(self, file: str | None, line: int | None, col: int,
                     row_id: int | None = None) -> int:
        """The key of a place in a file: before any finding further on, after any before."""
        rank = self._rank.get(file, len(self.files))
        if line is None:
            line = ADDED_ROWS + (row_id if row_id is not None else 0)
        return (rank << _RANK_SHIFT) + (line << _LINE_SHIFT) + col + 1

    def key_of(self, finding: Finding) -> int:
        rank = self._rank.get(finding.file, len(self.files))
        part = self._parts[rank] if rank < len(self._parts) else None
        if finding.row_id is not None and part is not None and part.table is not None:
            line = part.line_key(finding.row_id)
        else:
            line = ready_line_key(finding)
        col = -1 if finding.column_index is None else finding.column_index
        return (rank << _RANK_SHIFT) + (line << _LINE_SHIFT) + col + 1

    # -- choosing what to show -----------------------------------------------------------------

    def select(self, *, file: str | None = None, severity: str | None = None,
               rule: str | None = None, matching: np.ndarray | None = None) -> np.ndarray:
        """Indices of the findings passing every given filter, in list order."""
        keep = np.ones(len(self), dtype=bool)
        if file is not None:
            keep &= self.file == self._rank.get(file, -1)
        if severity is not None:
            keep &= self.severity == SEVERITY_CODE.get(severity, -1)
        if rule is not None:
            keep &= self.rule == (self.rules.index(rule) if rule in self.rules else -1)
        if matching is not None:
            keep &= matching
        return np.flatnonzero(keep) if not keep.all() else np.arange(len(self), dtype=np.int64)

    def counts(self) -> dict[str, int]:
        return {name: int(np.count_nonzero(self.severity == code))
                for name, code in SEVERITY_CODE.items()}

    def search(self, needle: str, progress: Progress | None = None) -> np.ndarray:
        """Which findings mention `needle` (any case) in their message, value or rule.

        A check's message depends on the value (and an extra detail for a few rules), so each
        distinct value's message is made once; the rest is vectorized. Raises Cancelled when
        progress says stop.
        """
        needle = needle.lower()
        found = np.zeros(len(self), dtype=bool)
        done, total = 0, max(len(self), 1)
        for rank, (part, entries) in enumerate(zip(self._parts, self._entries, strict=True)):
            start = int(self.offsets[rank])
            order = np.argsort(entries.slot, kind="stable")
            bounds = np.searchsorted(entries.slot[order], np.arange(len(part.slots) + 1))
            for slot, source in enumerate(part.slots):
                picked = order[bounds[slot]:bounds[slot + 1]]
                if source is None or not len(picked):
                    continue
                if progress is not None and not progress(done / total):
                    raise Cancelled
                items = entries.item[picked]
                found[start + picked] = _mentions(source, items, needle)
                done += len(picked)
        return found


def _mentions(source: Source, items: np.ndarray, needle: str) -> np.ndarray:
    """For these items of one source: does the message, value or rule mention the needle?"""
    if needle in source.rule.lower():
        return np.ones(len(items), dtype=bool)
    if isinstance(source, ReadyFinding):
        made = source.made
        return np.full(len(items), needle in made.message.lower()
                       or needle in str(made.value or "").lower())
    if not isinstance(source, FindingBatch):
        return np.zeros(len(items), dtype=bool)
    values = source.values_at(items)
    if values is None:
        values = pa.nulls(len(items), pa.string())
    hit = np.asarray(pc.match_substring(values.fill_null(""), needle, ignore_case=True)
                     .to_numpy(zero_copy_only=False), dtype=bool)
    if source.extras is None:
        # The message is a function of the value: ask each distinct value once.
        distinct = pc.unique(values).to_pylist()
        said = [v for v in distinct if needle in source.describe(v, None)[0].lower()]
        if said:
            hit |= np.asarray(pc.is_in(values, value_set=pa.array(said, pa.string()))
                              .fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
        if None in said:
            hit |= np.asarray(pc.is_null(values).to_numpy(zero_copy_only=False), dtype=bool)
        return hit
    texts = values.to_pylist()
    for n, item in enumerate(items.tolist()):
        if not hit[n]:
            hit[n] = needle in source.describe(texts[n], source.extra(item))[0].lower()
    return hit


def _joined(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)
