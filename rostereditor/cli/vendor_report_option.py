"""`rostereditor validate PATH --vendor-report FILE`: a vendor's error report beside our findings."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rostereditor.core.bundle import Bundle
from rostereditor.core.validation import ValidationResult
from rostereditor.core.validation.finding import Finding
from rostereditor.core.vendor_report import (
    ROLES,
    LineNumbering,
    VendorReport,
    VendorReportError,
    pin_report,
    read_report,
    recognise_columns,
    report_header,
)
from rostereditor.core.wording import agree, plural


def register(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("a vendor's error report")
    group.add_argument("--vendor-report", metavar="FILE",
                       help="the error report a vendor sent back (CSV or xlsx): each line is "
                            "shown on the record it names, beside our findings")
    group.add_argument("--report-line-offset", type=int, default=0, metavar="N",
                       help="add N to the report's line numbers: 0 when they count the header "
                            "as line 1 (default), 1 when they count records from 1 "
                            "(FastBridge: \"add 1 to the row number\"), 2 from 0")
    group.add_argument("--report-file", metavar="NAME",
                       help="the file the report is about when its lines do not say "
                            "(e.g. users.csv)")
    group.add_argument("--report-column", action="append", default=[], metavar="ROLE=HEADER",
                       help="say which report column holds what when it is not recognised; "
                            "ROLE is one of " + ", ".join(ROLES))


def load(args: argparse.Namespace, bundle: Bundle) -> VendorReport | None:
    """The report placed on the bundle, or None after explaining on stderr what is wrong."""
    try:
        table = read_report(args.vendor_report)
        mapping = recognise_columns(report_header(table))
        for choice in args.report_column:
            role, _, header = choice.partition("=")
            if role not in ROLES or header not in mapping.header:
                print(f"rostereditor validate: --report-column {choice}: give ROLE=HEADER with "
                      f"ROLE one of {', '.join(ROLES)} and HEADER a column of the report.",
                      file=sys.stderr)
                return None
            mapping = mapping.with_choice(role, header)
        report = pin_report(table, bundle, mapping=mapping if args.report_column else None,
                            numbering=LineNumbering(args.report_line_offset),
                            default_file=args.report_file)
    except VendorReportError as exc:
        print(f"rostereditor: cannot read the vendor report {args.vendor_report}: {exc}",
              file=sys.stderr)
        return None
    for doubt in report.doubts:
        print(f"Vendor report: {doubt} (see --report-column, --report-file)", file=sys.stderr)
    return report


def add_to_report(text: str, report: VendorReport, fmt: str) -> str:
    """Our text or JSON report with the vendor's lines added."""
    if fmt == "json":
        data = json.loads(text)
        data["vendor_report"] = _json(report)
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return text + _text(report)


def with_vendor_findings(result: ValidationResult, report: VendorReport | None) -> ValidationResult:
    """The result with the vendor's placed problems among its own (each in its file's order)."""
    if report is None:
        return result
    by_file: dict[str | None, list[Finding]] = {}
    for finding in report.findings:
        by_file.setdefault(finding.file, []).append(finding)
    return result.with_findings(by_file)


def _text(report: VendorReport) -> str:
    unmatched = len(report.unmatched)
    lines = ["", f"Vendor report {report.name}: {plural(len(report.findings), 'problem')} placed, "
             f"{plural(unmatched, 'line')} that {agree(unmatched, 'matches', 'match')} nothing in "
             "this bundle."]
    if report.numbering.offset:
        lines.append(f"  ({report.numbering.describe()})")
    current: object = object()
    for finding, source in zip(report.findings, report.report_lines, strict=True):
        if finding.file != current:
            current = finding.file
            lines.append(f"{finding.file or 'Bundle'}:")
        where = f"line {finding.line}" if finding.line is not None else "file"
        if finding.column:
            where += f", {finding.column}"
        lines.append(f"  {where}: {finding.severity}: {finding.message} [report line {source}]")
    if report.unmatched:
        lines.append("Report lines that match nothing:")
        lines.extend(f"  report line {u.report_line}: {u.reason}" for u in report.unmatched)
    return "\n".join(lines) + "\n"


def _json(report: VendorReport) -> dict[str, Any]:
    return {
        "name": report.name,
        "line_offset": report.numbering.offset,
        "doubts": list(report.doubts),
        "findings": [{"file": f.file, "line": f.line, "column": f.column, "rule": f.rule,
                      "severity": f.severity, "message": f.message, "value": f.value,
                      "report_line": line}
                     for f, line in zip(report.findings, report.report_lines, strict=True)],
        "unmatched": [{"report_line": u.report_line, "reason": u.reason,
                       "values": dict(u.values)} for u in report.unmatched],
    }
