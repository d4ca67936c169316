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

from rostereditor.core.read_notice import BundleReadError

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


class _RawCellParser(WorkSheetParser):
    """openpyxl's streaming sheet parser, yielding RawCells: cached values plus a formula flag."""

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
        else:
            raw = element.findtext(_V)
            if raw:
                if data_type == "n":
                    value = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                elif data_type == "s":
                    value = self.shared_strings[int(raw)]
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

    def read_strings(self) -> None:
        content_type = self.package.find(SHARED_STRINGS)
        if content_type is not None:
            with self.archive.open(content_type.PartName[1:]) as source:
                self.shared_strings = read_raw_shared_strings(source)

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


def read_raw_shared_strings(source: Any) -> list[str]:
    """Plain text of each shared string: its own text or its runs' text, phonetic hints left out."""
    strings: list[str] = []
    for _, node in iterparse(source):
        if node.tag == _SI:
            strings.append(_string_item_text(node))
            node.clear()
    return strings


class WorkbookCells:
    """An open workbook: its sheet names and a row-by-row stream of each sheet's cells."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []
        self._formats: dict[int, str] = {}
        try:
            self._handle = open(path, "rb")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise BundleReadError(f"Cannot read {path}: {exc.strerror or exc}") from exc
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                self._reader = _RawStringsReader(
                    self._handle, read_only=True, data_only=True, keep_links=False
                )
                self._reader.read()
            self.warnings.extend(str(w.message) for w in caught)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, ParseError,
                OSError) as exc:
            self.close()
            raise BundleReadError(_unreadable_message(path)) from exc
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
        """(Excel row number, cells present in that row) for every row the sheet stores."""
        sheet = self._book[name]
        with self._book._archive.open(sheet._worksheet_path) as source:
            # No date formats are passed: numbers stay numbers with their style, and the caller
            # decides what a date-formatted number means (without openpyxl's warnings).
            parser = _RawCellParser(source, self._reader.shared_strings, data_only=True)
            try:
                yield from parser.parse()
            except (ParseError, ValueError, KeyError, IndexError) as exc:
                raise BundleReadError(
                    f"The sheet {name!r} in {self.path.name} is damaged and cannot be read "
                    f"({exc}). Open it in Excel, save it again, and retry."
                ) from exc


def _unreadable_message(path: Path) -> str:
    if path.suffix.lower() == ".xls":
        return (
            f"{path.name} is an old-style Excel file (.xls). Open it in Excel, choose "
            "File > Save As > Excel Workbook (.xlsx), and import that file."
        )
    return (
        f"{path.name} is not an Excel workbook (.xlsx) or it is damaged. If it opens in Excel, "
        "save it there as Excel Workbook (.xlsx) and import it again."
    )
