"""Stream a workbook's cells with openpyxl's read-only machinery, raw: value, type, format, formula.

This is the one module that reaches into openpyxl's reader classes. It does so for what the
public API cannot give in one streaming pass: the cached value of a formula cell *and* the
fact that it is a formula, the raw shared strings (openpyxl mangles `x005F_` in them),
numbers with their format before openpyxl turns some of them into dates, and speed (no
per-cell objects, no extra pass over sheets that lack a size record, as write-only files do).
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_ISO8601
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from rostereditor.core.read_limits import DEFAULT_LIMITS, ReadLimits, limit_flag
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.xlsx.sheet_names import files_from_properties
from rostereditor.core.xlsx.workbook_guard import check_workbook_archive, not_a_workbook
from rostereditor.core.xlsx.workbook_layout import MAX_COLUMNS, MAX_ROWS

_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_SI = f"{{{SHEET_MAIN_NS}}}si"
_T = f"{{{SHEET_MAIN_NS}}}t"
_R = f"{{{SHEET_MAIN_NS}}}r"
_V = f"{{{SHEET_MAIN_NS}}}v"
_IS = f"{{{SHEET_MAIN_NS}}}is"


@dataclass(frozen=True, slots=True)
class RawCell:
    column: int  # 1-based, as in Excel
    value: Any
    data_type: str  # s string, n number, b boolean, d date, e error
    style_id: int
    formula: bool


# However dense a workbook is, this many cells may always be read (a small file can hold them).
CELLS_ALWAYS_ALLOWED = 500_000


class ReadBudget:
    """How many cells and how much text one workbook may make the import produce.

    Cells are counted as the import materialises them (a row's cells out to its last one, so a
    single cell at column XFD costs 16,384) and are bounded absolutely and per kilobyte of the
    file; text beyond the budget for highly compressed data must be backed by the file's size.
    """

    def __init__(self, path: Path, limits: ReadLimits) -> None:
        self.path = path
        size = path.stat().st_size
        by_size = max(CELLS_ALWAYS_ALLOWED, limits.xlsx_cells_per_kb * (size // 1024 + 1))
        self.max_cells = min(limits.xlsx_cells, by_size)
        self._cells_limit = "xlsx_cells" if limits.xlsx_cells <= by_size else "xlsx_cells_per_kb"
        self.max_strings = min(limits.xlsx_strings, self.max_cells)
        self.max_text = min(limits.total_size,
                            max(limits.highly_compressed, limits.compression_ratio * size))
        self.cells = 0
        self.text = 0

    def charge_row(self, sheet: str, line: int, cells: list[RawCell]) -> None:
        last = cells[-1].column if cells else 0
        if line > MAX_ROWS or last > MAX_COLUMNS:
            raise BundleReadError(
                f"The sheet {sheet!r} in {self.path.name} has a cell beyond Excel's last row or "
                f"column (row {line:,}, column {last:,}); Excel never writes that, so the "
                "workbook is damaged or crafted. Nothing was imported."
            )
        self.cells += max(1, last, len(cells))
        if self.cells > self.max_cells:
            raise BundleReadError(self._too_many(f"more than {self.max_cells:,} cells",
                                                 self._cells_limit))

    def charge_text(self, length: int) -> None:
        self.text += length
        if self.text > self.max_text:
            raise BundleReadError(self._too_many(
                f"more than {self.max_text:,} characters of text in its cells", "highly_compressed"))

    def check_strings(self, count: int) -> None:
        if count > self.max_strings:
            raise BundleReadError(self._too_many(f"more than {self.max_strings:,} different texts",
                                                 "xlsx_strings"))

    def _too_many(self, what: str, limit: str) -> str:
        return (f"{self.path.name} holds {what} for its size, which only a crafted workbook does "
                "(a real one of this size holds far fewer), so nothing was imported. If you "
                f"trust it, raise the limit: --limit {limit_flag(limit)}=N on the command line, "
                "or save the sheets as CSV files in Excel and open those.")


class _RawCellParser(WorkSheetParser):
    """openpyxl's streaming sheet parser, yielding RawCells: cached values plus a formula flag."""

    def __init__(self, src: Any, shared_strings: list[str], **kwargs: Any) -> None:
        super().__init__(src, shared_strings, **kwargs)
        self.text_chars = 0  # text of the string cells parsed so far; the budget checks it per row

    def parse_cell(self, element: Any) -> RawCell:
        data_type = element.get("t", "n")
        coordinate = element.get("r")
        style = element.get("s")
        if coordinate:
            self.col_counter = coordinate_to_tuple(coordinate)[1]
        else:
            self.col_counter += 1
        formula = element.find(_FORMULA) is not None
        value: Any = None
        if data_type == "inlineStr":
            data_type = "s"
            inline = element.find(_IS)
            value = None if inline is None else _string_item_text(inline)
            if value:
                self.text_chars += len(value)
        else:
            raw = element.findtext(_V)
            if raw:
                if data_type == "n":
                    value = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                elif data_type == "s":
                    value = self.shared_strings[int(raw)]
                    self.text_chars += len(value)
                elif data_type == "b":
                    value = bool(int(raw))
                elif data_type == "d":
                    value = from_ISO8601(raw)
                else:  # "str" (a formula's text result) and "e" (an error such as #N/A)
                    value = raw
            if data_type == "str":
                data_type = "s"
        return RawCell(self.col_counter, value, data_type, int(style) if style else 0, formula)


class _UnsizedSheet(ReadOnlyWorksheet):
    def _get_size(self) -> None:
        # Rows are streamed without knowing the size; finding it can mean parsing the sheet twice.
        return None


class _RawStringsReader(ExcelReader):
    """An ExcelReader whose shared strings are the text as stored, escapes and all."""

    budget: ReadBudget

    def read_strings(self) -> None:
        content_type = self.package.find(SHARED_STRINGS)
        if content_type is not None:
            with self.archive.open(content_type.PartName[1:]) as source:
                self.shared_strings = read_raw_shared_strings(source, self.budget)

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            worksheet = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
            worksheet.sheet_state = sheet.state
            self.wb._sheets.append(worksheet)


def _string_item_text(node: Any) -> str:
    """Plain text of a string item (<si> or <is>): its own text or its runs', phonetics left out."""
    plain = node.find(_T)
    if plain is not None:
        return plain.text or ""
    return "".join(t.text or "" for r in node.findall(_R) for t in r.findall(_T))


def read_raw_shared_strings(source: Any, budget: ReadBudget | None = None) -> list[str]:
    """Plain text of each shared string: its own text or its runs' text, phonetic hints left out."""
    strings: list[str] = []
    for _, node in iterparse(source):
        if node.tag == _SI:
            strings.append(_string_item_text(node))
            node.clear()
            if budget is not None and len(strings) % 4096 == 0:
                budget.check_strings(len(strings))
    if budget is not None:
        budget.check_strings(len(strings))
    return strings


class WorkbookCells:
    """An open workbook: its sheet names and a row-by-row stream of each sheet's cells."""

    def __init__(self, path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.warnings: list[str] = []
        self._formats: dict[int, str] = {}
        try:
            self._handle = open(path, "rb")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise BundleReadError(f"Cannot read {path}: {exc.strerror or exc}") from exc
        try:
            check_workbook_archive(path, limits)
            self.budget = ReadBudget(path, limits)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                self._reader = _RawStringsReader(
                    self._handle, read_only=True, data_only=True, keep_links=False
                )
                self._reader.budget = self.budget
                self._reader.read()
            self.warnings.extend(str(w.message) for w in caught)
        except BundleReadError:
            self.close()
            raise
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, ParseError,
                OSError, TypeError, AttributeError, IndexError, NotImplementedError, RuntimeError,
                EOFError, UnicodeDecodeError) as exc:
            # openpyxl raises all of these on damaged parts it does not expect to be damaged.
            self.close()
            raise BundleReadError(not_a_workbook(path)) from exc
        self._book = self._reader.wb

    def close(self) -> None:
        reader = getattr(self, "_reader", None)
        if reader is not None:
            reader.archive.close()
        self._handle.close()

    def __enter__(self) -> WorkbookCells:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def recorded_files(self) -> dict[str, str]:
        """sheet -> file name, as our export records it for sheets not named after a OneRoster file."""
        properties = {p.name: getattr(p, "value", None) for p in self._book.custom_doc_props}
        return files_from_properties(properties)

    @property
    def sheet_names(self) -> list[str]:
        """Worksheet names in tab order (chart sheets have no cells and are left out)."""
        return [ws.title for ws in self._book.worksheets]

    def is_hidden(self, name: str) -> bool:
        return bool(self._book[name].sheet_state != "visible")

    @property
    def epoch(self) -> Any:
        return self._book.epoch

    def number_format(self, name: str, style_id: int) -> str:
        if style_id not in self._formats:
            probe = ReadOnlyCell(self._book[name], 1, 1, None, "n", style_id)
            self._formats[style_id] = probe.number_format
        return self._formats[style_id]

    def rows(self, name: str) -> Iterator[tuple[int, list[RawCell]]]:
        """(Excel row number, cells present in that row) for every row the sheet stores.

        Raises BundleReadError when the sheet is damaged or holds more than the budget allows.
        """
        sheet = self._book[name]
        try:
            source = self._book._archive.open(sheet._worksheet_path)
        except (KeyError, zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError,
                ValueError) as exc:
            raise BundleReadError(self._damaged(name, exc)) from exc
        with source:
            # No date formats are passed: numbers stay numbers with their style, and the caller
            # decides what a date-formatted number means (without openpyxl's warnings).
            parser = _RawCellParser(source, self._reader.shared_strings, data_only=True)
            charged = 0
            try:
                for line, cells in parser.parse():
                    self.budget.charge_row(name, line, cells)
                    self.budget.charge_text(parser.text_chars - charged)
                    charged = parser.text_chars
                    yield line, cells
            except (ParseError, ValueError, KeyError, IndexError, TypeError, AttributeError,
                    OverflowError, zipfile.BadZipFile, EOFError, OSError) as exc:
                raise BundleReadError(self._damaged(name, exc)) from exc

    def _damaged(self, name: str, exc: BaseException) -> str:
        return (f"The sheet {name!r} in {self.path.name} is damaged and cannot be read ({exc}). "
                "Open it in Excel, save it again, and retry.")
