"""A vendor's error report (CSV or xlsx) read, mapped by header names and placed on a bundle."""

from __future__ import annotations

from pathlib import Path

from rostereditor.core.bundle import Bundle
from rostereditor.core.vendor_report.column_roles import ROLES, ColumnMapping, Role, recognise_columns
from rostereditor.core.vendor_report.line_numbering import LineNumbering
from rostereditor.core.vendor_report.report_table import ReportTable, VendorReportError, read_report
from rostereditor.core.vendor_report.vendor_findings import (
    MESSAGE_PREFIX,
    VENDOR_RULE,
    UnmatchedLine,
    VendorReport,
    pin_report,
    report_header,
    still_open,
)


def load_vendor_report(path: Path | str, bundle: Bundle, *, numbering: LineNumbering | None = None,
                       default_file: str | None = None) -> VendorReport:
    """Read the report at `path` and place it on `bundle` (raises VendorReportError)."""
    return pin_report(read_report(path), bundle, numbering=numbering, default_file=default_file)


__all__ = [
    "MESSAGE_PREFIX", "ROLES", "VENDOR_RULE", "ColumnMapping", "LineNumbering", "ReportTable",
    "Role", "UnmatchedLine", "VendorReport", "VendorReportError", "load_vendor_report",
    "pin_report", "read_report", "recognise_columns", "report_header", "still_open",
]
