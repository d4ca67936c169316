"""validate's text and JSON reports, written as the findings are made: a million findings go
out one at a time, never all in memory as objects and text at once."""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import TextIO

from rostereditor.core.report_privacy import without_values
from rostereditor.core.report_text import escape_for_json, escape_for_terminal
from rostereditor.core.validation import Finding, ValidationResult
from rostereditor.core.wording import plural


def _shown(result: ValidationResult, include_values: bool) -> Iterator[Finding]:
    """The findings as the report shows them: without any cell value when asked (--no-values)."""
    for finding in result.iter_findings():
        yield finding if include_values else without_values([finding])[0]


def _json(value: str | int | None) -> str:
    """What json.dumps(value, ensure_ascii=False) writes, through json's C string encoder."""
    if value is None:
        return "null"
    return encode_basestring(value) if isinstance(value, str) else str(value)


def write_json(result: ValidationResult, out: TextIO, *, include_values: bool = True) -> None:
    """What json.dumps(report, ensure_ascii=False, indent=1) writes, one finding at a time;
    without values the "value" key is left out. C1 controls and bidi overrides are escaped
    (JSON escapes C0 controls itself)."""
    out.write(f'{{\n "oneroster": {_json(result.version)},\n "vendor": {_json(result.profile)},'
              '\n "findings": [')
    separator = "\n"
    for f in _shown(result, include_values):
        value = f',\n   "value": {_json(f.value)}' if include_values else ""
        out.write(escape_for_json(
            f'{separator}  {{\n   "file": {_json(f.file)},\n   "line": {_json(f.line)},\n'
            f'   "column": {_json(f.column)},\n   "rule": {_json(f.rule)},\n'
            f'   "severity": {_json(f.severity)},\n   "message": {_json(f.message)}{value}\n  }}'))
        separator = ",\n"
    counts = ",\n".join(f"  {_json(name)}: {n}" for name, n in result.counts.items())
    out.write(("],\n" if separator == "\n" else "\n ],\n") + f' "counts": {{\n{counts}\n }}\n}}\n')


def write_text(result: ValidationResult, out: TextIO, *, include_values: bool = True) -> None:
    """The findings for a terminal; control characters in them are shown, never acted on."""
    out.write(f"OneRoster {result.version}, vendor rules: {result.profile}\n\n")
    current: object = object()
    for finding in _shown(result, include_values):
        if finding.file != current:
            current = finding.file
            out.write(escape_for_terminal(f"{finding.file or 'Bundle'}:") + "\n")
        where = f"line {finding.line}" if finding.line is not None else "file"
        if finding.column:
            where += f", {finding.column}"
        out.write("  " + escape_for_terminal(
            f"{where}: {finding.severity}: {finding.message} [{finding.rule}]") + "\n")
    counts = result.counts
    if result.total:
        out.write("\n")
    out.write(f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
              f"{plural(counts['info'], 'note')}."
              + ("" if counts["error"] else " No errors: the bundle can be sent.") + "\n")
