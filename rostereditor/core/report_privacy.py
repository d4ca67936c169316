"""Findings stripped of student data, for reports that go to vendors and colleagues (--no-values)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any, TypeVar

_QUOTED = re.compile(r'"[^"\r\n]*"')
# Values this short are left in running text: removing "2" would also remove it from "column 2".
_SHORTEST_REMOVED = 3
REMOVED = "…"

FindingT = TypeVar("FindingT")


def without_values(findings: Iterable[FindingT]) -> list[FindingT]:
    """Copies of the findings with no cell values: value and fix emptied, quoted text in messages
    replaced by "…" (column and file names stay, they are not student data).

    Messages quote the values they mention; the finding's own value is also removed wherever it
    appears unquoted.
    """
    return [_redacted(f) for f in findings]


def without_report_values(report: Any) -> Any:
    """A vendor report (vendor_report.VendorReport) with no values: its findings as above, and
    the lines it could not place reduced to their line numbers and reasons."""
    unmatched = [dataclasses.replace(u, values=(), reason=_QUOTED.sub(f'"{REMOVED}"', u.reason))
                 for u in report.unmatched]
    return dataclasses.replace(report, findings=tuple(without_values(report.findings)),
                               unmatched=tuple(unmatched))


def _redacted(finding: Any) -> Any:
    keep = {finding.column, finding.file} - {None}
    value = finding.value or ""

    def quoted(match: re.Match[str]) -> str:
        return match.group(0) if match.group(0)[1:-1] in keep else f'"{REMOVED}"'

    message = _QUOTED.sub(quoted, finding.message)
    for text in (value, finding.fix or ""):
        if len(text) >= _SHORTEST_REMOVED and text not in keep:
            message = message.replace(text, REMOVED)
    return dataclasses.replace(finding, value=None, fix=None, message=message)
