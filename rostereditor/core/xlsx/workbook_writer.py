"""Export a bundle, or some of its files, to an .xlsx where every cell is Text Excel cannot mangle."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pyarrow.compute as pc
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from rostereditor.core.atomic_save import SaveError, atomic_write
from rostereditor.core.bundle import Bundle
from rostereditor.core.errors import Cancelled
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.read_notice import NoticeLevel, ReadNotice
from rostereditor.core.table import Table
from rostereditor.core.xlsx.allowed_values import allowed_values
from rostereditor.core.xlsx.edit_guide import guide_lines
from rostereditor.core.xlsx.ooxml_text import (
    CONTROL_CHARACTERS,
    MAX_CELL_CHARS,
    escape_cell_text,
    stored_length,
)
from rostereditor.core.xlsx.sheet_names import export_sheet_names, sheet_file_properties
from rostereditor.core.xlsx.workbook_layout import (
    GUIDE_SHEET,
    LISTS_SHEET,
    MAX_COLUMNS,
    MAX_ROWS,
)

TEXT_FORMAT = "@"
_WIDTH_SAMPLE = 1000
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_MAX_REPORTED = 20
# How often a long sheet reports progress (and can be cancelled), in rows.
PROGRESS_EVERY_ROWS = 5000

# Called with the fraction of rows written so far; returning False cancels the export.
Progress = Callable[[float], bool]


class ExportCancelled(Cancelled):
    """The caller's progress callback asked to stop; the target file was left untouched."""


def write_bundle_xlsx(
    bundle: Bundle,
    target: Path | str,
    files: Sequence[str] | None = None,
    version: str | None = None,
    progress: Progress | None = None,
) -> list[ReadNotice]:
    """Write the bundle's files (or just `files`) as sheets of one workbook.

    Returns notices about values that are kept but deserve a look (control characters).
    Raises SaveError, before anything is written, when a value cannot fit in Excel at all.
    progress (optional) hears every few thousand rows how far the export is and can cancel
    it (ExportCancelled); the write goes through a temporary file, so nothing is left behind.
    """
    names = _file_names(bundle, files)
    version = version or bundle.detected_version
    notices = _check_fits(bundle, names)
    tracker = _RowProgress(progress, sum(len(bundle.files[n].table) for n in names))

    def write(temp: Path) -> None:
        _write_workbook(bundle, names, version, temp, tracker)

    atomic_write(Path(target), write, verify_zip)
    return notices


def _file_names(bundle: Bundle, files: Sequence[str] | None) -> list[str]:
    if files is None:
        names = list(bundle.data_file_names)
        if MANIFEST in bundle.files:
            names.append(MANIFEST)
        return names
    missing = [name for name in files if name not in bundle.files]
    if missing:
        raise SaveError(
            f"The bundle has no {', '.join(missing)}; it has " + ", ".join(bundle.files) + "."
        )
    return list(files)


def _check_fits(bundle: Bundle, names: list[str]) -> list[ReadNotice]:
    """Refuse what Excel cannot hold; report control characters, which are kept but invisible."""
    too_long: list[str] = []
    notices: list[ReadNotice] = []
    for name in names:
        table = bundle.files[name].table
        if len(table) + 1 > MAX_ROWS:
            raise SaveError(
                f"{name} has {len(table):,} records; an Excel sheet holds at most "
                f"{MAX_ROWS - 1:,} below its headings. Export another file, or work on this one "
                "in the editor."
            )
        width = max([table.column_count] + [table.field_count(r) for r in table.ragged_rows()])
        if width > MAX_COLUMNS:
            raise SaveError(f"{name} has {width:,} columns; Excel allows {MAX_COLUMNS:,}.")
        for line, column, value in _cells(table):
            if len(value) > MAX_CELL_CHARS // 2 and stored_length(value) > MAX_CELL_CHARS:
                too_long.append(f"{name} line {line}, column {column}")
            if CONTROL_CHARACTERS.search(value):
                code = ord(CONTROL_CHARACTERS.search(value).group(0))  # type: ignore[union-attr]
                notices.append(ReadNotice(
                    "xlsx.control-character", NoticeLevel.WARNING,
                    f"Column {column} holds an invisible control character (U+{code:04X}). It is "
                    "kept in the workbook, but vendors usually reject it; delete it in the "
                    "editor with Find & Replace.", name, line))
    if too_long:
        listed = "; ".join(too_long[:_MAX_REPORTED])
        more = f" and {len(too_long) - _MAX_REPORTED} more" if len(too_long) > _MAX_REPORTED else ""
        raise SaveError(
            f"Excel cannot hold more than {MAX_CELL_CHARS:,} characters in one cell, and these "
            f"values are longer: {listed}{more}. Nothing was written. Shorten them in the editor, "
            "or send the bundle as a zip instead."
        )
    return notices


def _cells(table: Table) -> Iterator[tuple[int, str, str]]:
    """(line, column, value) of cells that need a closer look: long ones, control characters."""
    for col, column in enumerate(table.header):
        array = table.column_array(col)
        suspicious = pc.or_(
            pc.greater(pc.utf8_length(array), MAX_CELL_CHARS // 2),
            pc.match_substring_regex(array, CONTROL_CHARACTERS.pattern),
        )
        for row in pc.indices_nonzero(suspicious).to_pylist():
            yield _line(table, row), column, table.cell(row, col)
    for row in table.ragged_rows():
        for value in table.extra_fields(row):
            yield _line(table, row), "(beyond the last heading)", value


def _line(table: Table, row: int) -> int:
    line = table.source_line(row)
    return line if line is not None else row + 2


class _RowProgress:
    def __init__(self, progress: Progress | None, total_rows: int) -> None:
        self._progress = progress
        self._total = total_rows
        self._done = 0

    def advance(self, rows: int) -> None:
        self._done += rows
        if self._progress is None:
            return
        fraction = min(1.0, self._done / self._total) if self._total else 1.0
        if self._progress(fraction) is False:
            raise ExportCancelled


def _write_workbook(bundle: Bundle, names: list[str], version: str, path: Path,
                    tracker: _RowProgress) -> None:
    book = Workbook(write_only=True)
    sheet_names = export_sheet_names(names)
    for key, value in sheet_file_properties(sheet_names).items():
        book.custom_doc_props.append(StringProperty(name=key, value=value))
    bold = Font(bold=True)
    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 110
    file_rows = [(sheet_names[n], len(bundle.files[n].table)) for n in names]
    for index, line in enumerate(guide_lines(file_rows, version)):
        cell = WriteOnlyCell(guide, value=line)
        cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if index == 0:
            cell.font = Font(bold=True, size=14)
        guide.append([cell])
    lists = _AllowedValuesSheet(book)
    try:
        for name in names:
            _write_sheet(book, name, sheet_names[name], bundle.files[name].table, version=version,
                         lists=lists, bold=bold, tracker=tracker)
    except ExportCancelled:
        _discard(book)
        raise
    lists.finish()
    book.save(path)
    tracker.advance(0)  # the last chance to cancel before the file replaces the target


def _discard(book: Workbook) -> None:
    """Close the streamed sheets of a workbook that will not be saved, and drop their temp files."""
    for sheet in book.worksheets:
        # Left open, a half-written sheet's stream fails noisily when garbage-collected.
        sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            writer.cleanup()


class _AllowedValuesSheet:
    """A hidden sheet with one column per dropdown list, which data validations point at.

    Lists go on a sheet rather than inline because inline lists are limited to 255 characters
    and cannot hold values containing commas.
    """

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.columns: list[tuple[str, ...]] = []
        self.index: dict[tuple[str, ...], int] = {}

    def reference(self, values: tuple[str, ...]) -> str:
        if values not in self.index:
            self.index[values] = len(self.columns)
            self.columns.append(values)
        letter = get_column_letter(self.index[values] + 1)
        return f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"

    def finish(self) -> None:
        if not self.columns:
            return
        sheet = self.book.create_sheet(LISTS_SHEET)
        sheet.sheet_state = "hidden"
        depth = max(len(c) for c in self.columns)
        for row in range(depth):
            cells = []
            for values in self.columns:
                cell = WriteOnlyCell(sheet, value=escape_cell_text(values[row]) if row < len(values)
                                     else None)
                cell.data_type = "s"
                cells.append(cell)
            sheet.append(cells)


def _write_sheet(book: Workbook, name: str, sheet_name: str, table: Table, *, version: str,
                 lists: _AllowedValuesSheet, bold: Font, tracker: _RowProgress) -> None:
    sheet = book.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    width = max([table.column_count] + [table.field_count(r) for r in table.ragged_rows()])
    for col in range(width):
        dimension = sheet.column_dimensions[get_column_letter(col + 1)]
        dimension.width = _column_width(table, col)
        # Cells the user adds below the data are Text too.
        dimension.number_format = TEXT_FORMAT
    for col, values in allowed_values(version, name, table.header).items():
        letter = get_column_letter(col + 1)
        validation = DataValidation(
            type="list", formula1=lists.reference(values), allow_blank=True,
            showErrorMessage=True, errorStyle="warning", errorTitle="Not an allowed value",
            error=f"{table.header[col]} must be one of: {', '.join(values)}. "
                  "Choose Cancel and pick a value from the dropdown.",
        )
        validation.add(f"{letter}2:{letter}{MAX_ROWS}")
        sheet.data_validations.append(validation)
    header = [_text_cell(sheet, h) for h in table.header]
    for cell in header:
        cell.font = bold
    sheet.append(header)
    # One cell object per column, refilled for each row: write-only sheets serialise a row as
    # soon as it is appended, and reusing styled cells avoids building millions of them.
    cells = [_text_cell(sheet, "") for _ in range(width)]
    columns = [table.column_values(c) for c in range(table.column_count)]
    ragged = set(table.ragged_rows())
    for row in range(len(table)):
        record = table.row_values(row) if row in ragged else [column[row] for column in columns]
        for cell, value in zip(cells, record, strict=False):
            _fill(cell, value)
        sheet.append(cells[: len(record)])
        if (row + 1) % PROGRESS_EVERY_ROWS == 0:
            tracker.advance(PROGRESS_EVERY_ROWS)
    tracker.advance(len(table) % PROGRESS_EVERY_ROWS)


def _text_cell(sheet: object, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    cell.number_format = TEXT_FORMAT
    _fill(cell, value)
    return cell


def _fill(cell: WriteOnlyCell, value: str) -> None:
    if value == "":
        cell.value = None
        return
    cell.value = escape_cell_text(value)
    # openpyxl would store "=1+1" as a formula and "#N/A" as an error; they are text here.
    cell.data_type = "s"


def _column_width(table: Table, col: int) -> float:
    heading = len(table.header[col]) if col < table.column_count else 0
    if col >= table.column_count or len(table) == 0:
        return max(_MIN_WIDTH, heading + 2)
    sample = table.column_array(col).slice(0, _WIDTH_SAMPLE).to_pylist()
    longest = max((len(v) for v in sample), default=0)
    return float(min(_MAX_WIDTH, max(_MIN_WIDTH, heading + 3, longest + 2)))


def verify_zip(temp: Path) -> None:
    try:
        with zipfile.ZipFile(temp) as archive:
            bad = archive.testzip()
    except zipfile.BadZipFile as exc:
        raise SaveError(f"The workbook could not be read back ({exc}); nothing was changed.") from exc
    if bad is not None:
        raise SaveError(f"{bad} in the workbook did not read back intact; nothing was changed.")
