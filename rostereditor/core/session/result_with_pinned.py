"""A check's result with findings pinned from outside the checker (a vendor's report) added in.

The session publishes this as its result, so the problems list, the tab counts, the grid's
highlights and F8 treat a vendor's problems exactly like ours, while the checker's own result
stays untouched (a re-check replaces it; the pinned findings are added again on top).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence

from rostereditor.core.validation import Finding, ValidationResult
from rostereditor.core.validation.finding import SEVERITIES

CellKey = tuple[int, int]  # (row id, column index)


class CellsWithPinned(Mapping[CellKey, list[Finding]]):
    """A file's (row id, column) -> findings, the checker's mapping plus pinned findings."""

    def __init__(self, base: Mapping[CellKey, list[Finding]], pinned: Sequence[Finding]) -> None:
        self._base = base
        self._extra: dict[CellKey, list[Finding]] = {}
        for finding in pinned:
            if finding.row_id is not None and finding.column_index is not None:
                self._extra.setdefault((finding.row_id, finding.column_index), []).append(finding)

    def __getitem__(self, key: CellKey) -> list[Finding]:
        extra = self._extra.get(key)
        if extra is None:
            return self._base[key]
        return [*self._base.get(key, ()), *extra]

    def __iter__(self) -> Iterator[CellKey]:
        yield from self._base
        yield from (key for key in self._extra if key not in self._base)

    def __len__(self) -> int:
        return len(self._base) + sum(1 for key in self._extra if key not in self._base)


class ResultWithPinned(ValidationResult):
    """`base` plus `pinned` findings (grouped by file; None = about the whole bundle).

    Every public method of ValidationResult is answered here from both; a test checks that
    none is left to the (empty) parent, so a method added there cannot silently miss them.
    """

    def __init__(self, base: ValidationResult, pinned: Mapping[str | None, Sequence[Finding]]) -> None:
        super().__init__(base.bundle, {}, base.version, base.profile)
        self.base = base
        self._pinned = {name: _in_line_order(found) for name, found in pinned.items() if found}
        self._merged: list[Finding] | None = None
        self._cells: dict[str, CellsWithPinned] = {}

    @property
    def pinned(self) -> Mapping[str | None, Sequence[Finding]]:
        return self._pinned

    @property
    def findings(self) -> list[Finding]:
        """Everything in ValidationResult's order: the bundle's own findings, then file by file
        in name order; pinned findings follow the checker's findings of their file."""
        if self._merged is None:
            base = self.base.findings
            # Where each pinned group goes: after its file's group (base is grouped by file).
            places = sorted((bisect_right(base, _group(name), key=lambda f: _group(f.file)),
                             _group(name), name) for name in self._pinned)
            merged: list[Finding] = []
            start = 0
            for place, _, name in places:
                merged.extend(base[start:place])
                merged.extend(self._pinned[name])
                start = place
            merged.extend(base[start:])
            self._merged = merged if places else base
        return self._merged

    @property
    def counts(self) -> dict[str, int]:
        counts = dict(self.base.counts)
        for found in self._pinned.values():
            for finding in found:
                counts[finding.severity] = counts.get(finding.severity, 0) + 1
        return counts

    def counts_for(self, name: str) -> dict[str, int]:
        counts = dict(self.base.counts_for(name))
        for finding in self._pinned.get(name, ()):
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        return {s: counts.get(s, 0) for s in SEVERITIES}

    def for_file(self, name: str) -> list[Finding]:
        pinned = self._pinned.get(name)
        base = self.base.for_file(name)
        return [*base, *pinned] if pinned else base

    def header_findings(self, name: str) -> list[Finding]:
        pinned = [f for f in self._pinned.get(name, ()) if f.row_id is None]
        base = self.base.header_findings(name)
        return [*base, *pinned] if pinned else base

    def row_findings(self, name: str) -> dict[int, list[Finding]]:
        rows = self.base.row_findings(name)
        whole_records = [f for f in self._pinned.get(name, ())
                         if f.row_id is not None and f.column_index is None]
        if not whole_records:
            return rows
        merged = {row_id: list(found) for row_id, found in rows.items()}
        for finding in whole_records:
            assert finding.row_id is not None
            merged.setdefault(finding.row_id, []).append(finding)
        return merged

    def cell_index(self, name: str) -> Mapping[CellKey, list[Finding]]:
        base = self.base.cell_index(name)
        pinned = self._pinned.get(name)
        if not pinned or all(f.row_id is None or f.column_index is None for f in pinned):
            return base  # the same object as before: a grid sees nothing to repaint
        if name not in self._cells:
            self._cells[name] = CellsWithPinned(base, pinned)
        return self._cells[name]

    @property
    def has_errors(self) -> bool:
        return self.counts.get("error", 0) > 0


def _group(file: str | None) -> tuple[int, str]:
    """The order ValidationResult lists files in: the bundle's own findings first, then names."""
    return (0, "") if file is None else (1, file)


def _in_line_order(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.line if f.line is not None else 1 << 62,
                                           -1 if f.column_index is None else f.column_index))
