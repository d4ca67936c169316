"""Validation findings as a DataFrame: one row per finding, in the order a report lists them."""

from __future__ import annotations

import pandas as pd

from rostereditor.core.validation import ValidationResult

FINDING_COLUMNS = ("file", "line", "row", "column", "rule", "severity", "message", "value", "fix")
_TEXT = pd.StringDtype("pyarrow")


def findings_frame(result: ValidationResult) -> pd.DataFrame:
    """file, line (as a vendor's report counts, header = 1), row (position in the file's
    DataFrame), column, rule, severity, message, value, fix; missing parts are <NA>."""
    records: dict[str, list[object]] = {name: [] for name in FINDING_COLUMNS}
    bundle = result.bundle
    for finding in result.findings:
        table = bundle.table(finding.file) if finding.file else None
        row = table.row_of_id(finding.row_id) if table is not None and finding.row_id is not None else None
        for name, value in (("file", finding.file), ("line", finding.line), ("row", row),
                            ("column", finding.column), ("rule", finding.rule),
                            ("severity", finding.severity), ("message", finding.message),
                            ("value", finding.value), ("fix", finding.fix)):
            records[name].append(value)
    return pd.DataFrame({
        name: pd.array(values, dtype="Int64" if name in ("line", "row") else _TEXT)
        for name, values in records.items()
    })
