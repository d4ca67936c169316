"""Import an .xlsx workbook as a Bundle of exact text, reporting every cell whose text was inferred."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np
import pyarrow as pa
from openpyxl.utils import get_column_letter

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.bundle_reader import ReadCancelled
from rostereditor.core.oneroster_files import canonical_name
from rostereditor.core.read_limits import DEFAULT_LIMITS, ReadLimits
from rostereditor.core.read_notice import BundleReadError, NoticeLevel, ReadNotice
from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural
from rostereditor.core.xlsx.cell_text import cell_text, is_identifier_column
from rostereditor.core.xlsx.ooxml_text import unescape_cell_text
from rostereditor.core.xlsx.sheet_cells import RawCell, WorkbookCells
from rostereditor.core.xlsx.workbook_layout import HELPER_SHEETS, file_name_for

# How often a long sheet gives the caller a chance to cancel, in rows.
PROGRESS_EVERY_ROWS = 5000

# Called with the fraction of sheets read so far; returning False cancels the import.
Progress = Callable[[float], bool]


def list_sheets(path: Path | str, limits: ReadLimits = DEFAULT_LIMITS) -> list[str]:
    """The worksheet names of a workbook, for asking the user which sheet is which file."""
    with WorkbookCells(Path(path), limits) as book:
        return book.sheet_names


def read_workbook(path: Path | str, sheet_map: Mapping[str, str] | None = None,
                  progress: Progress | None = None, limits: ReadLimits = DEFAULT_LIMITS) -> Bundle:
    """Read the sheets of an .xlsx that are OneRoster files into a Bundle.

    Without sheet_map, sheets named like OneRoster files (users, Users.csv) are imported.
    sheet_map {"Sheet1": "users.csv"} imports exactly the sheets named in it.
    Raises BundleReadError when the workbook cannot be read or no sheet can be placed.
    progress (optional) hears after each sheet how far the import is, and every few
    thousand rows whether to go on; returning False cancels it (ReadCancelled). limits bound
    what the workbook may make the import do (BundleReadError names the one it hit).
    """
    path = Path(path)
    if not path.exists():
        raise BundleReadError(f"{path} does not exist.")
    bundle = Bundle(source=None, source_kind="new")
    with WorkbookCells(path, limits) as book:
        bundle.notices.extend(
            ReadNotice("xlsx.ignored-feature", NoticeLevel.INFO,
                       f"Something in the workbook that rosters do not use was ignored: {w}")
            for w in dict.fromkeys(book.warnings)
        )
        chosen = _choose_sheets(book, path, sheet_map, bundle.notices)
        for done, (sheet, file_name) in enumerate(chosen):
            if file_name in bundle.files:
                raise BundleReadError(
                    f"Two sheets of {path.name} would both become {file_name} (the second is "
                    f"{sheet!r}). Rename or delete one of them and import again."
                )
            def keep_going(done: int = done) -> None:
                if progress is not None and progress(done / len(chosen)) is False:
                    raise ReadCancelled
            keep_going()
            table, notices = _read_sheet(book, sheet, file_name, keep_going)
            bundle.files[file_name] = BundleFile(file_name, file_name, table)
            bundle.notices.extend(notices)
        if progress is not None and progress(1.0) is False:
            raise ReadCancelled
    bundle.notices.insert(0, ReadNotice(
        "xlsx.imported", NoticeLevel.INFO,
        f"Imported from the workbook {path.name}. Save it as a bundle zip to send it on."))
    return bundle


def _choose_sheets(book: WorkbookCells, path: Path, sheet_map: Mapping[str, str] | None,
                   notices: list[ReadNotice]) -> list[tuple[str, str]]:
    names = book.sheet_names
    chosen: list[tuple[str, str]] = []
    if sheet_map:
        for sheet, file_name in sheet_map.items():
            if sheet not in names:
                raise BundleReadError(
                    f"{path.name} has no sheet named {sheet!r}. Its sheets are: "
                    + ", ".join(repr(n) for n in names) + "."
                )
            chosen.append((sheet, _file_name(file_name)))
        return chosen
    unplaced: list[str] = []
    recorded = book.recorded_files
    for sheet in names:
        if sheet in HELPER_SHEETS:
            continue
        found = recorded.get(sheet) or file_name_for(sheet)
        if found is None:
            unplaced.append(sheet)
        else:
            chosen.append((sheet, found))
    if not chosen:
        if len(unplaced) == 1:
            raise BundleReadError(
                f"The only sheet in {path.name}, {unplaced[0]!r}, is not named after a OneRoster "
                "file, so the editor cannot tell which file it is. Say which file it holds (on "
                f"the command line: --sheet {unplaced[0]!r} --as users.csv), or rename the sheet "
                "to users, classes, enrollments, and so on."
            )
        raise BundleReadError(
            f"No sheet in {path.name} is named after a OneRoster file (users, classes, "
            "enrollments, ...). Its sheets are: " + ", ".join(repr(n) for n in unplaced)
            + ". Rename the sheets, or say which sheet is which file."
        )
    notices.extend(
        ReadNotice(
            "xlsx.sheet-skipped", NoticeLevel.WARNING,
            f"The sheet {sheet!r} was not imported: its name is not a OneRoster file name. "
            "Rename it (for example to users) or import it on its own as a chosen file.",
        )
        for sheet in unplaced
    )
    return chosen


def _file_name(name: str) -> str:
    canonical = canonical_name(name) or canonical_name(name + ".csv")
    if canonical:
        return canonical
    if not name.lower().endswith(".csv"):
        raise BundleReadError(f"{name!r} is not a OneRoster file name like users.csv.")
    return name


def _read_sheet(book: WorkbookCells, sheet: str, file_name: str,
                keep_going: Callable[[], None]) -> tuple[Table, list[ReadNotice]]:
    reader = _SheetReader(book, sheet, file_name, keep_going)
    return reader.read(), reader.notices


class _SheetReader:
    """Reads one sheet into a Table, collecting a notice for every inferred or damaged cell."""

    def __init__(self, book: WorkbookCells, sheet: str, file_name: str,
                 keep_going: Callable[[], None]) -> None:
        self.book = book
        self.keep_going = keep_going  # raises ReadCancelled when the caller wants to stop
        self.sheet = sheet
        self.file_name = file_name
        self.notices: list[ReadNotice] = []
        self.header: list[str] = []
        self.id_like: list[bool] = []

    def read(self) -> Table:
        rows = self.book.rows(self.sheet)
        header_line, header_cells = _first_filled_row(rows)
        if header_line is None:
            self._notice("xlsx.empty-sheet", NoticeLevel.WARNING,
                         f"The sheet {self.sheet!r} is empty; {self.file_name} has no columns.")
            return Table([], [], np.zeros(0, dtype=np.int64))
        self.header = self._texts(header_line, header_cells)
        if header_line != 1:
            self._notice("xlsx.header-not-first-row", NoticeLevel.INFO,
                         f"The column headings were taken from row {header_line}, the first row "
                         "with content.", header_line)
        self.id_like = [is_identifier_column(name) for name in self.header]
        width = len(self.header)
        columns: list[list[str]] = [[] for _ in range(width)]
        lines: list[int] = []
        extras: dict[int, list[str]] = {}
        skipped = 0
        for line, cells in rows:
            if line % PROGRESS_EVERY_ROWS == 0:
                self.keep_going()
            values = self._texts(line, cells)
            if not values:
                skipped += 1
                continue
            if len(values) > width:
                extras[len(lines)] = values[width:]
                self._notice("xlsx.cells-beyond-header", NoticeLevel.WARNING,
                             f"Row {line} has values to the right of the last column heading; "
                             "they were kept as extra fields. Give the column a heading or "
                             "delete those cells.", line)
            lines.append(line)
            for c in range(width):
                columns[c].append(values[c] if c < len(values) else "")
        if skipped:
            self._notice("xlsx.empty-rows", NoticeLevel.INFO,
                         f"{plural(skipped, 'empty row')} in the sheet {self.sheet!r} "
                         f"{agree(skipped, 'was', 'were')} left out.")
        arrays = [pa.array(col, type=pa.string()) for col in columns]
        return Table(self.header, arrays, np.asarray(lines, dtype=np.int64), extras=extras)

    def _texts(self, line: int, cells: list[RawCell]) -> list[str]:
        """The row's fields, trailing empty ones dropped (styled empty cells are not fields)."""
        if not cells:
            return []
        values = [""] * cells[-1].column
        id_like = self.id_like
        for cell in cells:
            index = cell.column - 1
            value = cell.value
            # Fast path: a plain text cell (the usual case, and every cell of our own exports).
            if cell.data_type == "s" and not cell.formula and isinstance(value, str):
                text = unescape_cell_text(value) if "_x" in value else value
                if index < len(id_like) and id_like[index] and "E" in text:
                    text = self._inferred(line, cell)
                values[index] = text
            elif value is not None or cell.formula:
                values[index] = self._inferred(line, cell)
        while values and values[-1] == "":
            values.pop()
        return values

    def _inferred(self, line: int, cell: RawCell) -> str:
        index = cell.column - 1
        result = cell_text(
            cell.value, cell.data_type, self.book.number_format(self.sheet, cell.style_id),
            formula=cell.formula, column=self.header[index] if index < len(self.header) else "",
            address=f"{get_column_letter(cell.column)}{line}", epoch=self.book.epoch,
        )
        if result.code is not None and result.level is not None and result.message is not None:
            column = self.header[index] if index < len(self.header) else None
            self._notice(result.code, result.level, result.message, line, column)
        return result.text

    def _notice(self, code: str, level: NoticeLevel, message: str, line: int | None = None,
                column: str | None = None) -> None:
        self.notices.append(ReadNotice(code, level, message, self.file_name, line, column))


def _first_filled_row(rows: Iterable[tuple[int, list[RawCell]]]) -> tuple[int | None, list[RawCell]]:
    for line, cells in rows:
        if any(c.value not in (None, "") for c in cells):
            return line, cells
    return None, []
