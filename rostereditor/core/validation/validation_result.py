"""The complete findings of one validation, kept as sorted arrays per file (file_findings);
Finding objects are made only for what is looked at, and streamed when written out."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.errors import Cancelled
from rostereditor.core.validation.file_findings import FileFindings, ReadyFinding, sources_of
from rostereditor.core.validation.finding import SEVERITIES, Finding
from rostereditor.core.validation.finding_batch import FindingBatch


class ValidationCancelled(Cancelled):  # not ...Error: the name the UI codes against
    """The progress callback asked to stop."""


class ValidationResult:
    """Complete findings (no cap), in file then line order; exact counts without making them."""

    def __init__(self, bundle: Bundle, parts: Mapping[str | None, FileFindings],
                 version: str, profile: str) -> None:
        self.bundle = bundle
        self.version = version
        self.profile = profile
        self._parts = dict(parts)
        self._findings: list[Finding] | None = None

    # -- the columnar view ---------------------------------------------------------------------

    def file_findings(self, name: str | None) -> FileFindings | None:
        """One file's findings as arrays (None: about the whole bundle)."""
        return self._parts.get(name)

    def file_order(self) -> list[str | None]:
        """The bundle's own findings first, then the files by name (how reports list them)."""
        names = sorted(n for n in self._parts if n is not None)
        return ([None] if None in self._parts else []) + list(names)

    def iter_findings(self) -> Iterator[Finding]:
        """Every finding in report order, made one at a time (a writer streams these)."""
        for name in self.file_order():
            yield from self._parts[name]

    @property
    def total(self) -> int:
        return sum(len(part) for part in self._parts.values())

    # -- as objects (for the few) --------------------------------------------------------------

    @property
    def findings(self) -> list[Finding]:
        """Every finding as an object: fine for a small result; writers use iter_findings."""
        if self._findings is None:
            self._findings = list(self.iter_findings())
        return self._findings

    def for_file(self, name: str) -> list[Finding]:
        part = self._parts.get(name)
        return part.findings() if part else []

    def header_findings(self, name: str) -> list[Finding]:
        """One file's findings about its header row and the file itself (no record), cheaply."""
        part = self._parts.get(name)
        if part is None:
            return []
        return [s.made for s in part.sources
                if isinstance(s, ReadyFinding) and s.made.row_id is None]

    def row_findings(self, name: str) -> dict[int, list[Finding]]:
        """Findings about whole records of one file (ragged, blank), by row id."""
        part = self._parts.get(name)
        return part.record_findings() if part else {}

    def cell_index(self, name: str) -> Mapping[tuple[int, int], list[Finding]]:
        """(row id, column) -> findings on that cell, made when asked for."""
        part = self._parts.get(name)
        return part.cells() if part else {}

    # -- counts --------------------------------------------------------------------------------

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(p.counts[s] for p in self._parts.values()) for s in SEVERITIES}

    def counts_for(self, name: str) -> dict[str, int]:
        """One file's exact counts per severity, without making Finding objects."""
        part = self._parts.get(name)
        return {s: part.counts[s] if part else 0 for s in SEVERITIES}

    @property
    def has_errors(self) -> bool:
        return self.counts["error"] > 0

    # -- derived -------------------------------------------------------------------------------

    def value_fixes(self, name: str, rule: str, col: int) -> dict[str, str]:
        """value -> certain fix for one rule in one column, asking each distinct value once."""
        part = self._parts.get(name)
        fixes: dict[str, str] = {}
        if part is None:
            return fixes
        for source in part.sources:
            if source.rule != rule or source.column_index != col:
                continue
            if isinstance(source, FindingBatch) and source.extras is None and len(source):
                values = source.values_at(source.live_items())
                for value in pc.unique(values).to_pylist() if values is not None else []:
                    fix = source.describe(value, None)[1]
                    if value is not None and fix is not None:
                        fixes.setdefault(value, fix)
                continue
            for item in source.live_items().tolist():
                finding = source.finding(item, None)
                if finding.value is not None and finding.fix is not None:
                    fixes.setdefault(finding.value, finding.fix)
        return fixes

    def with_findings(self, extra: Mapping[str | None, Sequence[Finding]]) -> ValidationResult:
        """This result plus findings made elsewhere (a vendor's report), indexed like ours."""
        parts = dict(self._parts)
        for name, found in extra.items():
            if not found:
                continue
            base = parts.get(name)
            table = base.table if base is not None else (self.bundle.table(name) if name else None)
            sources = [*(base.sources if base is not None else ()), *sources_of(found, [])]
            parts[name] = FileFindings(name, table, sources, previous=base)
        return ValidationResult(self.bundle, parts, self.version, self.profile)

