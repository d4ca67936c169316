"""The complete findings of one validation, made into Finding objects only when looked at."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np

from rostereditor.core.bundle import Bundle
from rostereditor.core.errors import Cancelled
from rostereditor.core.table import Table
from rostereditor.core.validation.finding import SEVERITIES, Finding
from rostereditor.core.validation.finding_batch import FindingBatch


class ValidationCancelled(Cancelled):  # not ...Error: the name the UI codes against
    """The progress callback asked to stop."""


def _positions_by_row_id(table: Table) -> np.ndarray:
    order = table.row_ids()
    size = int(order.max()) + 1 if len(order) else 0
    inverse = np.full(max(size, 1), -1, dtype=np.int64)
    inverse[order] = np.arange(len(order), dtype=np.int64)
    return inverse


class _FileFindings:
    """One file's findings: a few ready Finding objects plus compact batches."""

    def __init__(self, table: Table | None, findings: list[Finding],
                 batches: list[FindingBatch]) -> None:
        self.table = table
        self.findings = findings
        self.batches = batches
        self._sorted: list[Finding] | None = None
        self._cells: CellIndex | None = None

    def count(self, severity: str) -> int:
        return (sum(1 for f in self.findings if f.severity == severity)
                + sum(len(b) for b in self.batches if b.severity == severity))

    def line_of(self, row_id: int) -> int | None:
        """The record's line in the file as read (None for rows added in the editor)."""
        return self.table.line_of_id(row_id) if self.table is not None else None

    def row_findings(self) -> dict[int, list[Finding]]:
        """Findings about whole records (no column), by row id, without materializing the rest."""
        found: dict[int, list[Finding]] = {}
        for finding in self.findings:
            if finding.column_index is None and finding.row_id is not None:
                found.setdefault(finding.row_id, []).append(finding)
        for batch in self.batches:
            if batch.column_index is None:
                for i, row_id in enumerate(batch.row_ids.tolist()):
                    found.setdefault(row_id, []).append(batch.finding(i, self.line_of(row_id)))
        return found

    def sorted_findings(self) -> list[Finding]:
        if self._sorted is None:
            self._sorted = self._materialize()
        return self._sorted

    def _materialize(self) -> list[Finding]:
        head = sorted(self.findings, key=lambda f: (f.line or 0, f.column_index or -1, f.rule))
        if not self.batches or self.table is None:
            return head
        positions = _positions_by_row_id(self.table)
        keys = []
        for number, batch in enumerate(self.batches):
            rows = positions[np.minimum(batch.row_ids, len(positions) - 1)]
            column = -1 if batch.column_index is None else batch.column_index
            keys.append(np.stack([rows, np.full(len(batch), column), np.full(len(batch), number),
                                  np.arange(len(batch))], axis=1))
        table = np.concatenate(keys)
        order = np.lexsort((table[:, 3], table[:, 2], table[:, 1], table[:, 0]))
        body = [self.batches[int(b)].finding(int(i), self.line_of(
            int(self.batches[int(b)].row_ids[int(i)])))
            for b, i in table[order][:, 2:].tolist()]
        return head + body

    def cell_index(self) -> CellIndex:
        if self._cells is None:
            self._cells = CellIndex(self)
        return self._cells


class CellIndex(Mapping[tuple[int, int], list[Finding]]):
    """(row_id, column index) -> findings on that cell, built lazily from compact batches."""

    def __init__(self, owner: _FileFindings) -> None:
        self._owner = owner
        parts = [(b.row_ids, np.full(len(b), b.column_index), np.full(len(b), n),
                  np.arange(len(b))) for n, b in enumerate(owner.batches)
                 if b.column_index is not None and len(b)]
        if parts:
            rows, cols, batch_numbers, items = (np.concatenate(x) for x in zip(*parts,
                                                                                strict=True))
        else:
            rows = cols = batch_numbers = items = np.zeros(0, dtype=np.int64)
        self._width = int(cols.max()) + 1 if len(cols) else 1
        keys = rows.astype(np.int64) * self._width + cols
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._batch_numbers = batch_numbers[order]
        self._items = items[order]
        # The keys are sorted already: their distinct values need one comparison, not a hash.
        first = np.ones(len(self._keys), dtype=bool)
        first[1:] = self._keys[1:] != self._keys[:-1]
        self._unique = self._keys[first]
        # The few ready-made findings that name a cell (e.g. a value Excel destroyed).
        self._ready: dict[tuple[int, int], list[Finding]] = {}
        for finding in owner.findings:
            if finding.row_id is not None and finding.column_index is not None:
                self._ready.setdefault((finding.row_id, finding.column_index), []).append(finding)

    def __getitem__(self, key: tuple[int, int]) -> list[Finding]:
        found = list(self._ready.get(key, ()))
        found.extend(self._from_batches(key))
        if not found:
            raise KeyError(key)
        return found

    def _from_batches(self, key: tuple[int, int]) -> list[Finding]:
        row_id, column = key
        if not 0 <= column < self._width:
            return []
        flat = row_id * self._width + column
        start = int(np.searchsorted(self._keys, flat, side="left"))
        stop = int(np.searchsorted(self._keys, flat, side="right"))
        owner = self._owner
        line = owner.line_of(row_id)
        return [owner.batches[int(self._batch_numbers[i])].finding(int(self._items[i]), line)
                for i in range(start, stop)]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for flat in self._unique.tolist():
            key = divmod(flat, self._width)
            if key not in self._ready:
                yield key
        yield from self._ready

    def __len__(self) -> int:
        in_batches = {divmod(flat, self._width) for flat in self._unique.tolist()} \
            if self._ready else None
        if in_batches is None:
            return len(self._unique)
        return len(in_batches | set(self._ready))


class ValidationResult:
    """Complete findings (no cap), sorted by file then line; exact counts without materializing."""

    def __init__(self, bundle: Bundle, parts: dict[str | None, _FileFindings],
                 version: str, profile: str) -> None:
        self.bundle = bundle
        self.version = version
        self.profile = profile
        self._parts = parts
        self._findings: list[Finding] | None = None

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            everything: list[Finding] = []
            for name in self._file_order():
                everything.extend(self._parts[name].sorted_findings())
            self._findings = everything
        return self._findings

    def _file_order(self) -> list[str | None]:
        names = [n for n in self._parts if n is not None]
        return ([None] if None in self._parts else []) + sorted(names)

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(p.count(s) for p in self._parts.values()) for s in SEVERITIES}

    def counts_for(self, name: str) -> dict[str, int]:
        """One file's exact counts per severity, without making Finding objects."""
        part = self._parts.get(name)
        return {s: part.count(s) if part else 0 for s in SEVERITIES}

    def for_file(self, name: str) -> list[Finding]:
        part = self._parts.get(name)
        return part.sorted_findings() if part else []

    def header_findings(self, name: str) -> list[Finding]:
        """One file's findings about its header row and the file itself (no record), cheaply."""
        part = self._parts.get(name)
        return [f for f in part.findings if f.row_id is None] if part else []

    def row_findings(self, name: str) -> dict[int, list[Finding]]:
        """Findings about whole records of one file (ragged, blank), by row id."""
        part = self._parts.get(name)
        return part.row_findings() if part else {}

    def cell_index(self, name: str) -> Mapping[tuple[int, int], list[Finding]]:
        part = self._parts.get(name)
        return part.cell_index() if part else {}

    @property
    def has_errors(self) -> bool:
        return self.counts["error"] > 0
