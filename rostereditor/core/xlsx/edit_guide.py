"""The text of the exported workbook's first sheet: how to edit it without Excel damaging data."""

from __future__ import annotations

from collections.abc import Sequence

TITLE = "How to edit this workbook safely"

_GUIDE = (
    "Every cell holds text (the cell format is Text), so Excel keeps values exactly as they are: "
    "00123 stays 00123, 09 stays 09, true stays true, 2024-08-15 stays 2024-08-15.",
    "Type or paste into the existing cells. To paste from elsewhere, use Paste Special > Values "
    "(or Ctrl+Shift+V) so the Text format of the cells is kept.",
    "Do not change the cell format to General or Number, and do not use Text to Columns: "
    "Excel would turn IDs into numbers and drop leading zeros.",
    "Do not rename the sheets or the column headings in row 1; they are the OneRoster file "
    "and column names.",
    "Columns with a fixed list of allowed values have a dropdown. Excel warns when a value "
    "is not in the list; choose Cancel and pick one from the dropdown.",
    "Leave a cell empty for no value. Spaces at the start or end of a value are kept, "
    "even though Excel does not show them.",
    "A small green triangle ('Number stored as text') is expected. Do not choose "
    "'Convert to Number'.",
    "Save as Excel Workbook (.xlsx), never as CSV. Then import the workbook into RosterEditor "
    "(File > Import from Excel) and save the bundle from there.",
)


def guide_lines(file_rows: Sequence[tuple[str, int]], version: str) -> list[str]:
    """The guide's rows: title, advice, and what the workbook contains."""
    lines = [TITLE, ""]
    lines.extend(f"{n}. {text}" for n, text in enumerate(_GUIDE, start=1))
    lines.extend(["", f"This workbook holds a OneRoster {version} bundle:"])
    lines.extend(
        f"  sheet {sheet}: {rows} record{'s' if rows != 1 else ''}" for sheet, rows in file_rows
    )
    return lines
