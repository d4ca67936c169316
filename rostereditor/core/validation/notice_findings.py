"""What the reader noticed, as findings (rule id = notice code) so the findings list shows it."""

from __future__ import annotations

from typing import cast

from rostereditor.core.bundle import Bundle
from rostereditor.core.oneroster_files import canonical_name
from rostereditor.core.validation.finding import Finding, Severity

# Re-checked live from the table, so they disappear when the user fixes them.
LIVE_CODES = frozenset({"read.ragged-record", "read.blank-line", "read.blank-header",
                        "read.duplicate-header"})
# What the reader repaired on the way in but vendors reject in the file as it is: errors for
# "can this be sent as it is", with the way out.
_SENT_AS_IS = {
    "read.encoding-converted": "Vendors require UTF-8 and reject or garble this file as it is; "
                               "saving from RosterEditor writes it as UTF-8.",
    "read.zip-folder": "Vendors reject a zip whose files sit in a folder; saving from "
                       "RosterEditor writes them at the top of the zip.",
}


def notice_findings(bundle: Bundle) -> list[Finding]:
    found = []
    for notice in bundle.notices:
        if notice.code in LIVE_CODES:
            continue
        # The file-name-case notice names the file as found; findings use the bundle's name.
        file = canonical_name(notice.file) if notice.file else None
        file = file if file in bundle.files else notice.file
        row_id, column_index = _cell_of(bundle, file, notice.line, notice.column)
        severity = cast(Severity, str(notice.level))
        message = notice.message
        if notice.code in _SENT_AS_IS:
            severity, message = "error", f"{message} {_SENT_AS_IS[notice.code]}"
        found.append(Finding(file, notice.line, notice.column, notice.code, severity, message,
                             row_id=row_id, column_index=column_index))
    return found


def _cell_of(bundle: Bundle, file: str | None, line: int | None,
             column: str | None) -> tuple[int | None, int | None]:
    """The row id and column index a cell-level notice points at, so the cell is highlighted."""
    table = bundle.table(file) if file else None
    if table is None or line is None or column is None:
        return None, None
    row = table.row_for_line(line)
    column_index = table.column_index(column)
    if row is None or column_index is None:
        return None, None
    return table.row_id(row), column_index
