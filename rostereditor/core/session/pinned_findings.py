"""A vendor's reported problems pinned to the open bundle, and whether each is still to do.

A pinned finding stays on its record by row id (the report's sourcedId or line, resolved when
it was placed), so sorting, inserting or deleting other rows never moves it. It is done once
its cell no longer holds the text it had (the user fixed it; undo brings it back) or once
the user dismisses it (the vendor was wrong, or it was fixed at the source).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rostereditor.core.bundle import Bundle
from rostereditor.core.validation import Finding
from rostereditor.core.vendor_report import VendorReport, still_open

PinState = Literal["open", "fixed", "dismissed"]


@dataclass(frozen=True)
class PinnedItem:
    """One placed report line: its finding (cell kept current), report line and state."""

    finding: Finding
    report_line: int
    state: PinState


class PinnedFindings:
    """The findings of the latest vendor report placed on the session's bundle."""

    def __init__(self) -> None:
        self.report: VendorReport | None = None
        self._findings: list[Finding] = []
        self._fixed: list[bool] = []
        self._dismissed: set[int] = set()

    def __len__(self) -> int:
        return len(self._findings)

    def replace(self, report: VendorReport | None, bundle: Bundle | None) -> None:
        """Pin a newly placed report (None: forget the one pinned)."""
        self.report = report
        self._findings = list(report.findings) if report is not None else []
        self._fixed = [False] * len(self._findings)
        self._dismissed = set()
        if bundle is not None:
            self.refresh(bundle)

    def items(self) -> list[PinnedItem]:
        lines = self.report.report_lines if self.report is not None else ()
        return [PinnedItem(f, line, self.state(i))
                for i, (f, line) in enumerate(zip(self._findings, lines, strict=True))]

    def state(self, index: int) -> PinState:
        if index in self._dismissed:
            return "dismissed"
        return "fixed" if self._fixed[index] else "open"

    def open_by_file(self) -> dict[str | None, list[Finding]]:
        """The findings still to do, grouped by file (None: about the whole bundle)."""
        grouped: dict[str | None, list[Finding]] = {}
        for i, finding in enumerate(self._findings):
            if self.state(i) == "open":
                grouped.setdefault(finding.file, []).append(finding)
        return grouped

    def index_of(self, finding: Finding) -> int | None:
        """Which pinned finding this is (the window hands back the objects it was given)."""
        return next((i for i, f in enumerate(self._findings) if f is finding), None)

    def set_dismissed(self, index: int, dismissed: bool) -> bool:
        """Dismiss (or restore) one; True if its state changed."""
        if not 0 <= index < len(self._findings) or (index in self._dismissed) == dismissed:
            return False
        if dismissed:
            self._dismissed.add(index)
        else:
            self._dismissed.discard(index)
        return True

    def refresh(self, bundle: Bundle, file: str | None = None,
                row_ids: Iterable[int] | None = None) -> bool:
        """Re-decide which findings are fixed after a change to `file` (every file when None),
        only for `row_ids` when given; True if any finding's state changed."""
        wanted = set(row_ids) if row_ids is not None else None
        changed = False
        for i, finding in enumerate(self._findings):
            if file is not None and finding.file != file:
                continue
            if wanted is not None and finding.row_id not in wanted:
                continue
            followed = self._follow_column(i, finding, bundle)
            fixed = followed is None or not still_open(followed, bundle)
            if fixed != self._fixed[i]:
                self._fixed[i] = fixed
                changed = True
        return changed

    def _follow_column(self, index: int, finding: Finding, bundle: Bundle) -> Finding | None:
        """Keep the finding on its column by name when columns are inserted, moved or renamed
        back; None while its column is gone (deleting the column dealt with it)."""
        table = bundle.table(finding.file) if finding.file else None
        col, name = finding.column_index, finding.column
        if table is None or col is None or name is None:
            return finding
        if col < table.column_count and table.header[col] == name:
            return finding
        moved = table.column_index(name)
        if moved is None:
            return None
        finding = dataclasses.replace(finding, column_index=moved)
        self._findings[index] = finding
        return finding
