"""Export a bundle, or some of its files, to an .xlsx where every cell is Text Excel cannot mangle."""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import xlsxwriter
from xlsxwriter.exceptions import (
    DuplicateWorksheetName,
    FileCreateError,
    InvalidWorksheetName,
    XlsxWriterException,
)
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from rostereditor.core.atomic_save import SaveError, atomic_write
from rostereditor.core.bundle import Bundle
from rostereditor.core.errors import Cancelled
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.read_notice import NoticeLevel, ReadNotice
from rostereditor.core.table import Table
from rostereditor.core.xlsx.allowed_values import allowed_values
from rostereditor.core.xlsx.column_cells import cell_texts
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
_MAX_VALIDATION_MESSAGE = 255  # Excel's limit for a data validation's error message
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
            pc.greater(pc.utf8_length(array), pa.scalar(MAX_CELL_CHARS // 2, pa.int64())),
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
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    book.worksheet_class = _EscapedTextSheet
    sheet_names = export_sheet_names(names)
    # Sheets not named after a OneRoster file say in the workbook which file they hold.
    for key, value in sheet_file_properties(sheet_names).items():
        book.set_custom_property(key, value)
    try:
        styles = _Styles(book)
        _write_guide(book, styles, [(sheet_names[n], len(bundle.files[n].table)) for n in names],
                     version)
        lists = _AllowedValuesSheet()
        for name in names:
            _write_sheet(book, name, sheet_names[name], bundle.files[name].table, version=version,
                         lists=lists, styles=styles, tracker=tracker)
        lists.write(book)
    except BaseException:
        _discard(book)
        raise
    _close(book)
    tracker.advance(0)  # the last chance to cancel before the file replaces the target


class _EscapedTextSheet(Worksheet):
    """A worksheet that stores text exactly as given: ours is escaped already (ooxml_text).

    xlsxwriter would escape `_xHHHH_` and control characters a second time, and its escaping
    does not give back every text (`_x0041_x0042_`); escape_cell_text does.
    """

    @staticmethod
    def _escape_control_characters(data: str) -> str:
        return data


class _Styles:
    """The few cell formats the workbook uses, all Text (@) so Excel never converts a value."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.text = book.add_format({"num_format": TEXT_FORMAT})
        self.heading = book.add_format({"num_format": TEXT_FORMAT, "bold": True})
        self.guide = book.add_format({"num_format": TEXT_FORMAT, "text_wrap": True, "valign": "top"})
        self.guide_title = book.add_format(
            {"num_format": TEXT_FORMAT, "text_wrap": True, "valign": "top", "bold": True, "font_size": 14})


def _add_sheet(book: xlsxwriter.Workbook, name: str) -> Worksheet:
    try:
        return book.add_worksheet(name)
    except (InvalidWorksheetName, DuplicateWorksheetName) as exc:
        raise SaveError(f"Excel cannot use {name!r} as a sheet name ({exc}). Nothing was written; "
                        "export the other files without this one.") from exc


def _write_guide(book: xlsxwriter.Workbook, styles: _Styles, file_rows: list[tuple[str, int]],
                 version: str) -> None:
    guide = _add_sheet(book, GUIDE_SHEET)
    guide.set_column(0, 0, 110)
    for row, line in enumerate(guide_lines(file_rows, version)):
        if line:
            style = styles.guide_title if row == 0 else styles.guide
            guide.write_string(row, 0, escape_cell_text(line), style)


def _discard(book: xlsxwriter.Workbook) -> None:
    """Finish a workbook that will not be kept, so xlsxwriter removes its temporary files.

    The caller's temporary target is deleted afterwards; a failure here must not hide the
    error that stopped the export.
    """
    with contextlib.suppress(Exception):
        book.close()


def _close(book: xlsxwriter.Workbook) -> None:
    try:
        book.close()
    except FileCreateError as exc:
        # atomic_write explains disk full, permissions and a file open in Excel.
        cause = exc.__context__
        if isinstance(cause, OSError):
            raise cause from exc
        raise SaveError(f"The workbook could not be written ({exc}); nothing was changed.") from exc
    except XlsxWriterException as exc:
        raise SaveError(f"The workbook could not be written ({exc}); nothing was changed.") from exc


class _AllowedValuesSheet:
    """A hidden sheet with one column per dropdown list, which data validations point at.

    Lists go on a sheet rather than inline because inline lists are limited to 255 characters
    and cannot hold values containing commas.
    """

    def __init__(self) -> None:
        self.columns: list[tuple[str, ...]] = []
        self.index: dict[tuple[str, ...], int] = {}

    def reference(self, values: tuple[str, ...]) -> str:
        if values not in self.index:
            self.index[values] = len(self.columns)
            self.columns.append(values)
        letter = xl_col_to_name(self.index[values])
        return f"='{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"

    def write(self, book: xlsxwriter.Workbook) -> None:
        if not self.columns:
            return
        sheet = _add_sheet(book, LISTS_SHEET)
        sheet.hide()
        depth = max(len(c) for c in self.columns)
        for row in range(depth):  # row by row: the sheet streams its rows to disk in order
            for col, values in enumerate(self.columns):
                if row < len(values) and values[row]:
                    sheet.write_string(row, col, escape_cell_text(values[row]))


def _write_sheet(book: xlsxwriter.Workbook, name: str, sheet_name: str, table: Table, *,
                 version: str, lists: _AllowedValuesSheet, styles: _Styles,
                 tracker: _RowProgress) -> None:
    sheet = _add_sheet(book, sheet_name)
    sheet.freeze_panes(1, 0)
    width = max([table.column_count] + [table.field_count(r) for r in table.ragged_rows()])
    for col in range(width):
        # The column's format is every cell's format: written cells take it, and cells the
        # user adds below the data are Text too. Empty cells are not written at all.
        sheet.set_column(col, col, _column_width(table, col), styles.text)
    for col, values in allowed_values(version, name, table.header).items():
        sheet.data_validation(1, col, MAX_ROWS - 1, col, {
            "validate": "list", "source": lists.reference(values), "ignore_blank": True,
            "error_type": "warning", "error_title": "Not an allowed value",
            "error_message": _not_allowed_message(table.header[col], values),
        })
    for col, heading in enumerate(table.header):
        if heading:
            sheet.write_string(0, col, escape_cell_text(heading), styles.heading)
    ragged = set(table.ragged_rows())
    columns = [table.column_array(c) for c in range(table.column_count)]
    write = sheet.write_string
    for start in range(0, len(table), PROGRESS_EVERY_ROWS):
        count = min(PROGRESS_EVERY_ROWS, len(table) - start)
        texts = [cell_texts(c.slice(start, count)) for c in columns]
        rows = zip(*texts, strict=True) if texts else iter([()] * count)
        for row, values in enumerate(rows, start=start):
            line = row + 1  # below the headings
            record = _ragged_texts(table, row) if row in ragged else values
            for col, text in enumerate(record):
                if text:  # an empty field is no cell: its column makes it Text when typed in
                    write(line, col, text)
        tracker.advance(count)


def _ragged_texts(table: Table, row: int) -> list[str]:
    return [escape_cell_text(v) for v in table.row_values(row)]


def _not_allowed_message(column: str, values: tuple[str, ...]) -> str:
    message = (f"{column} must be one of: {', '.join(values)}. "
               "Choose Cancel and pick a value from the dropdown.")
    if stored_length(message) <= _MAX_VALIDATION_MESSAGE:
        return message
    return (f"{column} must be one of the values in its dropdown. "
            "Choose Cancel and pick a value from the dropdown.")[:_MAX_VALIDATION_MESSAGE]


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
