"""validate's text and JSON reports, written as the findings are made: a million findings go
out one at a time, never all in memory as objects and text at once."""

from __future__ import annotations

from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import TextIO

from rostereditor.core.validation import ValidationResult


def _json(value: str | int | None) -> str:
    """What json.dumps(value, ensure_ascii=False) writes, through json's C string encoder."""
    if value is None:
        return "null"
    return encode_basestring(value) if isinstance(value, str) else str(value)


def write_json(result: ValidationResult, out: TextIO) -> None:
    """What json.dumps(report, ensure_ascii=False, indent=1) writes, one finding at a time."""
    out.write(f'{{\n "oneroster": {_json(result.version)},\n "vendor": {_json(result.profile)},'
              '\n "findings": [')
    separator = "\n"
    for f in result.iter_findings():
        out.write(f'{separator}  {{\n   "file": {_json(f.file)},\n   "line": {_json(f.line)},\n'
                  f'   "column": {_json(f.column)},\n   "rule": {_json(f.rule)},\n'
                  f'   "severity": {_json(f.severity)},\n   "message": {_json(f.message)},\n'
                  f'   "value": {_json(f.value)}\n  }}')
        separator = ",\n"
    counts = ",\n".join(f"  {_json(name)}: {n}" for name, n in result.counts.items())
    out.write(("],\n" if separator == "\n" else "\n ],\n") + f' "counts": {{\n{counts}\n }}\n}}\n')


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
