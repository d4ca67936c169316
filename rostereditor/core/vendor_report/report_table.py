"""Read a vendor's error report (CSV or xlsx) as rows of text, remembering each row's line."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rostereditor.core.csv_parse import parse_csv
from rostereditor.core.errors import RosterEditorError
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.text_decoding import decode_csv_bytes

# Reports are small; anything bigger is not an error report.
_MAX_BYTES = 200 << 20


class VendorReportError(RosterEditorError):
    """The report cannot be read; the message says why in the user's words."""


@dataclass(frozen=True)
class ReportTable:
    """The report's rows as text, the first being its header.

    lines: where each row sits in the report (the CSV line, or the sheet's row number), so a
    line the app cannot place can be shown to the user as "line 7 of errors.csv".
    """

    name: str
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    sheet: str | None = None


def read_report(path: Path | str) -> ReportTable:
    """Read a CSV (comma, semicolon or tab separated) or .xlsx error report."""
    path = Path(path)
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise VendorReportError(f"{path.name} is too large to be an error report.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise VendorReportError(f"{path} does not exist.") from None
    except OSError as exc:
        raise VendorReportError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if raw.startswith(b"PK\x03\x04"):
        return _read_xlsx(path)
    return _read_csv(path.name, raw)


def _read_csv(name: str, raw: bytes) -> ReportTable:
    try:
        decoded = decode_csv_bytes(bytearray(raw), name)
    except BundleReadError as exc:
        raise VendorReportError(str(exc)) from None
    data = bytes(decoded.data)
    first_line = data.split(b"\n", 1)[0]
    delimiter = next((d for d in (b"\t", b";") if d in first_line and b"," not in first_line), None)
    if delimiter is not None:
        return _read_delimited(name, data.decode("utf-8", errors="replace"), delimiter.decode())
    table = parse_csv(data, name).table
    rows = [tuple(table.header)]
    lines = [1]
    for row in range(len(table)):
        rows.append(tuple(table.row_values(row)))
        lines.append(table.source_line(row) or 0)
    return ReportTable(name, tuple(rows), tuple(lines))


def _read_delimited(name: str, text: str, delimiter: str) -> ReportTable:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines = [], []
    for values in reader:
        rows.append(tuple(values))
        lines.append(reader.line_num)
    return ReportTable(name, tuple(rows), tuple(lines))


def _read_xlsx(path: Path) -> ReportTable:
    from openpyxl import load_workbook  # noqa: PLC0415 - a third of a second: only when needed

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise VendorReportError(
            f"{path.name} is not a readable .xlsx workbook: it may be damaged, or another kind of "
            "file given an .xlsx name. Open it in Excel and save it again as .xlsx, or ask the "
            "vendor for the report as CSV.") from None
    try:
        for sheet in book.worksheets:
            rows, lines = [], []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                texts = tuple(_cell_text(v) for v in values)
                if any(texts):
                    rows.append(texts)
                    lines.append(number)
            if rows:
                return ReportTable(path.name, tuple(rows), tuple(lines), sheet.title)
    finally:
        book.close()
    raise VendorReportError(f"{path.name} has no rows in any sheet.")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # row numbers come back from Excel as 7.0
    return str(value).strip()
