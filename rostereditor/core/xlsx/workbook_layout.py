"""Names shared by the workbook writer and reader: helper sheets and sheet <-> file naming."""

from __future__ import annotations

from rostereditor.core.oneroster_files import canonical_name

# Sheets the exporter adds that hold no roster data; the importer skips them.
GUIDE_SHEET = "How to edit"
LISTS_SHEET = "Allowed values"
HELPER_SHEETS = frozenset({GUIDE_SHEET, LISTS_SHEET})

# Excel's hard limits.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_SHEET_NAME = 31


def file_name_for(sheet_name: str) -> str | None:
    """The OneRoster file a sheet is named after ('users', 'Users.csv' -> users.csv), else None."""
    name = sheet_name.strip()
    return canonical_name(name) or canonical_name(name + ".csv")
