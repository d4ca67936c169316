"""validate's text and JSON reports, written as the findings are made: a million findings go
out one at a time, never all in memory as objects and text at once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from rostereditor.core.validation import Finding, ValidationResult


class _Streamed(list[Any]):
    """A list the JSON encoder walks without holding it: items are made as it asks.

    With indent set, json uses its pure-Python encoder, which only iterates a list (and asks
    whether it is empty), so the findings become text one by one.
    """

    def __init__(self, items: Iterator[Any], empty: bool) -> None:
        super().__init__()
        self._items = items
        self._empty = empty

    def __iter__(self) -> Iterator[Any]:
        return self._items

    def __len__(self) -> int:
        return 0 if self._empty else 1

    def __bool__(self) -> bool:
        return not self._empty


def _as_json(finding: Finding) -> dict[str, Any]:
    return {"file": finding.file, "line": finding.line, "column": finding.column,
            "rule": finding.rule, "severity": finding.severity, "message": finding.message,
            "value": finding.value}


def write_json(result: ValidationResult, out: TextIO) -> None:
    findings = _Streamed((_as_json(f) for f in result.iter_findings()), empty=result.total == 0)
    report = {"oneroster": result.version, "vendor": result.profile, "findings": findings,
              "counts": result.counts}
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(report):
        out.write(chunk)
    out.write("\n")


def write_text(result: ValidationResult, out: TextIO) -> None:
    out.write(f"OneRoster {result.version}, vendor rules: {result.profile}\n\n")
    current: object = object()
    for finding in result.iter_findings():
        if finding.file != current:
            current = finding.file
            out.write(f"{finding.file or 'Bundle'}:\n")
        where = f"line {finding.line}" if finding.line is not None else "file"
        if finding.column:
            where += f", {finding.column}"
        out.write(f"  {where}: {finding.severity}: {finding.message} [{finding.rule}]\n")
    counts = result.counts
    if result.total:
        out.write("\n")
    out.write(f"{counts['error']} error(s), {counts['warning']} warning(s), "
              f"{counts['info']} note(s)."
              + ("" if counts["error"] else " No errors: the bundle can be sent.") + "\n")
