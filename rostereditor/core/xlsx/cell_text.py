"""Turn one workbook cell into the exact text a CSV field would hold, saying what had to be inferred.

A cell that Excel stores as text needs nothing. Numbers, dates, booleans, errors and formulas
are not text, so their text is reconstructed (from the number format, as an ISO date, as
true/false) and the reader reports it. Values Excel had already destroyed before the workbook
was saved (digits past the 15th, scientific notation, codes turned into dates) cannot be
reconstructed; they are reported as errors with the cell address so the user can retype them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from openpyxl.styles.numbers import is_date_format
from openpyxl.utils.datetime import from_excel

from rostereditor.core.read_notice import NoticeLevel
from rostereditor.core.xlsx.number_text import general_text, has_lost_digits, render_number
from rostereditor.core.xlsx.ooxml_text import unescape_cell_text

# Excel's own display of a long number: 1.00005E+10, -1.2E-07.
_SCIENTIFIC_DISPLAY = re.compile(r"^-?\d(\.\d+)?E[+-]\d{2,3}$")
_ZERO_PADDED = re.compile(r"^0{2,}$")


@dataclass(frozen=True, slots=True)
class CellText:
    """The text for a field and, when it was not plain text in the workbook, why."""

    text: str
    code: str | None = None
    level: NoticeLevel | None = None
    message: str | None = None


def is_identifier_column(name: str) -> bool:
    """Columns whose values are codes: numbers or dates in them mean Excel converted something."""
    lowered = name.lower()
    return lowered.endswith(("sourcedid", "sourcedids", "identifier", "id", "ids", "code")) or any(
        word in lowered for word in ("phone", "sms", "grades", "username", "email", "postcode")
    )


def is_date_column(name: str) -> bool:
    return "date" in name.lower()


def cell_text(
    value: Any,
    data_type: str,
    number_format: str,
    *,
    formula: bool,
    column: str,
    address: str,
    epoch: Any,
) -> CellText:
    """The exact text for a cell, and a notice when it had to be inferred or was damaged."""
    if formula:
        return _formula(value, data_type, number_format, column=column, address=address,
                        epoch=epoch)
    if value is None:
        return CellText("")
    if data_type == "s" or (isinstance(value, str) and data_type not in ("e", "n")):
        return _text(value, column, address)
    if data_type == "b" or isinstance(value, bool):
        return _boolean(bool(value), address)
    if data_type == "e":
        return CellText(
            str(value), "xlsx.error-value", NoticeLevel.WARNING,
            f"Cell {address} shows the Excel error {value}, kept as that text. "
            "Type the value the cell should hold.",
        )
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return _date(value, column, address)
    if is_date_format(number_format):
        try:
            # [h]:mm formats are durations, not times of day.
            duration = "[" in number_format and "h" in number_format.lower()
            converted = from_excel(value, epoch, timedelta=duration)
        except (OverflowError, ValueError):
            converted = None
        if converted is not None:
            return _date(converted, column, address)
    return _number(value, number_format, column, address)


def _text(value: str, column: str, address: str) -> CellText:
    text = unescape_cell_text(value)
    if is_identifier_column(column) and _SCIENTIFIC_DISPLAY.match(text):
        return CellText(
            text, "xlsx.scientific-notation", NoticeLevel.ERROR,
            f"Cell {address} ({column}) holds {text}, which is how Excel displays a long number "
            "in scientific notation. The digits it hid were lost when the file was saved from "
            "Excel and cannot be recovered. Type the full value from the source system.",
        )
    return CellText(text)


def _boolean(value: bool, address: str) -> CellText:
    text = "true" if value else "false"
    return CellText(
        text, "xlsx.inferred-boolean", NoticeLevel.INFO,
        f"Cell {address} held Excel's logical value {str(value).upper()}; written as {text}, "
        "the spelling OneRoster requires.",
    )


def _date(value: dt.date | dt.time | dt.timedelta, column: str, address: str) -> CellText:
    text = _iso(value)
    if not is_date_column(column):
        return CellText(
            text, "xlsx.date-conversion", NoticeLevel.ERROR,
            f"Cell {address} ({column}) was turned into a date by Excel (written as {text}). "
            "The text that was there before (perhaps a code like 3-4 or MAR1) is lost and "
            "cannot be recovered. Type the correct value.",
        )
    return CellText(
        text, "xlsx.inferred-date", NoticeLevel.INFO,
        f"Cell {address} held an Excel date; written in ISO form as {text}.",
    )


def _iso(value: dt.date | dt.time | dt.timedelta) -> str:
    if isinstance(value, dt.timedelta):
        seconds = int(value.total_seconds())
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        spec = "milliseconds" if value.microsecond else "seconds"
        return value.isoformat(timespec=spec)
    if isinstance(value, dt.time):
        return value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")
    return value.isoformat()


def _number(value: float, number_format: str, column: str, address: str) -> CellText:
    rendered = render_number(value, number_format)
    text = rendered.text
    if has_lost_digits(value) and value == int(value):
        return CellText(
            general_text(value), "xlsx.digits-lost", NoticeLevel.ERROR,
            f"Cell {address} ({column}) holds a number with more than 15 digits "
            f"({general_text(value)}). Excel keeps only 15, so the last digits were replaced by "
            "zeros and cannot be recovered. Type the full value from the source system.",
        )
    if is_identifier_column(column) and "E" in text and _SCIENTIFIC_DISPLAY.match(text):
        return CellText(
            text, "xlsx.scientific-notation", NoticeLevel.ERROR,
            f"Cell {address} ({column}) is formatted to show scientific notation ({text}); "
            "those hidden digits are not in the text. Check the value against the source system.",
        )
    shown = f"shown with the format {number_format} as {text}" if number_format not in (
        "General", "@") else f"written as {text}"
    if not rendered.format_understood:
        return CellText(
            text, "xlsx.number-format-unknown", NoticeLevel.WARNING,
            f"Cell {address} holds the number {general_text(value)} with a number format the "
            f"editor does not understand ({number_format}); it was written as {text}. "
            "Check that this is the intended value.",
        )
    if is_identifier_column(column) and not _ZERO_PADDED.match(number_format):
        return CellText(
            text, "xlsx.number-in-id-column", NoticeLevel.WARNING,
            f"Cell {address} ({column}) was stored as a number, {shown}. If the value had "
            "leading zeros (like 00123), Excel removed them; check it against the source system.",
        )
    return CellText(
        text, "xlsx.inferred-number", NoticeLevel.INFO,
        f"Cell {address} held a number, {shown}.",
    )


def _formula(value: Any, data_type: str, number_format: str, *, column: str, address: str,
             epoch: Any) -> CellText:
    if value is None:
        return CellText(
            "", "xlsx.formula-without-value", NoticeLevel.WARNING,
            f"Cell {address} holds a formula that was never calculated, so it has no value; the "
            "field was left empty. Open the workbook in Excel, save it, and import again, or "
            "type the value.",
        )
    inner = cell_text(value, data_type, number_format, formula=False, column=column,
                      address=address, epoch=epoch)
    level = NoticeLevel.ERROR if inner.level == NoticeLevel.ERROR else NoticeLevel.WARNING
    detail = f" {inner.message}" if inner.message and inner.level != NoticeLevel.INFO else ""
    return CellText(
        inner.text, "xlsx.formula-value" if level != NoticeLevel.ERROR else inner.code, level,
        f"Cell {address} holds a formula; its last calculated value {inner.text!r} was used. "
        f"The CSV will hold that value, not the formula.{detail}",
    )
