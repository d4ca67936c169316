"""Parse one CSV file's UTF-8 bytes into a Table, keeping every value as the exact text.

Well-formed files take a fast path through Arrow's multithreaded parser. Anything unusual
(ragged records, blank lines, stray quotes, NUL bytes) takes the standard library's csv
module, which keeps ragged records whole and reports where each problem is.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from rostereditor.core import byte_scans as scans
from rostereditor.core.read_notice import BundleReadError, NoticeLevel, ReadNotice
from rostereditor.core.stray_quotes import stray_quote_notices
from rostereditor.core.table import Table
from rostereditor.core.text_decoding import line_of_offset

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

_DELIMITERS = np.array([ord(","), ord("\n"), ord("\r"), ord('"')], dtype=np.uint8)
_NEWLINES = r"\r\n|\r|\n"
# Large parse blocks: fewer chunks per column, still one block per core for mid-size files.
_BLOCK_BYTES = 8 << 20
# Short records are padded to the header's width; this many padded cells (plus a few per byte
# of the file) are always fine, far more is a damaged file that would cost gigabytes.
_PADDED_CELLS_ALWAYS_ALLOWED = 4_000_000
_PADDED_CELLS_PER_BYTE = 4


@dataclass
class ParsedCsv:
    table: Table
    line_endings: str
    notices: list[ReadNotice] = field(default_factory=list)


@dataclass(frozen=True)
class LineBreaks:
    """How many line breaks of each kind a file has (CRLF, lone LF, lone CR)."""

    crlf: int
    lf: int
    cr: int

    @property
    def total(self) -> int:
        return self.crlf + self.lf + self.cr


def count_line_breaks(raw: bytes | bytearray) -> LineBreaks:
    """Counted once per file with byte-speed scans; both the description and the parser use it."""
    lf_total = scans.count(raw, b"\n")
    if not scans.contains(raw, b"\r"):
        return LineBreaks(0, lf_total, 0)
    cr_total = scans.count(raw, b"\r")
    # A byte scan for the pair, not an array of every CR's position (2 s of a 1 GB district).
    crlf = scans.count(raw, b"\r\n")
    return LineBreaks(crlf, lf_total - crlf, cr_total - crlf)


def describe_line_endings(data: bytes | memoryview | LineBreaks) -> str:
    breaks = data if isinstance(data, LineBreaks) else count_line_breaks(bytes(data))
    kinds = [name for name, n in (("CRLF", breaks.crlf), ("LF", breaks.lf), ("CR", breaks.cr)) if n]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed (" + ", ".join(kinds) + ")"


def parse_csv(data: bytes | bytearray | memoryview, file_name: str) -> ParsedCsv:
    """Parse UTF-8 CSV bytes (no BOM) into a Table and the notices about its shape."""
    raw = bytes(data) if isinstance(data, memoryview) else data
    breaks = count_line_breaks(raw)
    endings = describe_line_endings(breaks)
    notices: list[ReadNotice] = []
    if not raw:
        notices.append(
            ReadNotice("read.empty-file", NoticeLevel.ERROR,
                       "The file is empty: it has no header row.", file_name)
        )
        return ParsedCsv(Table([], [], np.zeros(0, dtype=np.int64)), endings, notices)
    nul = scans.find(raw, b"\x00")
    if nul >= 0:
        notices.append(
            ReadNotice(
                "read.nul-byte",
                NoticeLevel.ERROR,
                "The file contains a NUL byte (a sign of a damaged or non-text file). "
                "It was kept; find and delete it.",
                file_name,
                line_of_offset(raw, nul),
            )
        )
    table = None
    if nul < 0 and _fast_path_safe(raw) and _arrow_cannot_balloon(raw, breaks):
        table = _parse_with_arrow(raw, breaks)
    if table is None:
        table, shape_notices = _parse_with_stdlib(raw, file_name)
        notices.extend(shape_notices)
    notices.extend(_header_notices(table.header, file_name))
    if not any(n.code == "read.malformed-quotes" for n in notices):
        notices.extend(stray_quote_notices(raw, table, file_name))
    return ParsedCsv(table, endings, notices)


def _fast_path_safe(raw: bytes | bytearray) -> bool:
    """Whether Arrow will read exactly what the csv module would: no blank lines, clean quotes."""
    if raw[:1] in (b"\n", b"\r"):
        return False
    if not scans.contains(raw, b'"'):
        return True
    buf = np.frombuffer(raw, dtype=np.uint8)
    quotes = np.flatnonzero(buf == ord('"'))
    if len(quotes) % 2:
        return False  # an unclosed quote: the careful path says where
    # Every quote must touch a delimiter, a line end, another quote or the file's edge;
    # anything else is a stray quote whose reading differs between parsers.
    prev_ok = np.ones(len(quotes), dtype=bool)
    inner = quotes > 0
    prev_ok[inner] = np.isin(buf[quotes[inner] - 1], _DELIMITERS)
    next_ok = np.ones(len(quotes), dtype=bool)
    inner = quotes < len(buf) - 1
    next_ok[inner] = np.isin(buf[quotes[inner] + 1], _DELIMITERS)
    return bool(np.all(prev_ok | next_ok))


def _arrow_cannot_balloon(raw: bytes | bytearray, breaks: LineBreaks) -> bool:
    """Whether Arrow's table of this file stays about as big as the file.

    Arrow reads a blank line as a row of as many empty values as the header has columns: 600
    million of them for a wide header over 200,000 blank lines. Real files have about as many
    cells as bytes, so only a file whose lines times columns exceed that is scanned for blank
    lines (two line ends in a row); with any, the careful path reads (or refuses) it instead.
    """
    width = _first_record_width(raw) or 1
    if (breaks.total + 1) * width <= _PADDED_CELLS_ALWAYS_ALLOWED + _PADDED_CELLS_PER_BYTE * len(raw):
        return True
    return not any(scans.contains(raw, pair) for pair in (b"\n\n", b"\r\r", b"\n\r"))


def _parse_with_arrow(raw: bytes | bytearray, breaks: LineBreaks) -> Table | None:
    has_quotes = scans.contains(raw, b'"')
    width = _first_record_width(raw)
    if width is None:
        return None

    ragged: list[object] = []

    def on_invalid_row(row: object) -> str:
        ragged.append(row)
        return "skip"

    try:
        arrow_table = pa_csv.read_csv(
            pa.py_buffer(raw),
            read_options=pa_csv.ReadOptions(
                autogenerate_column_names=True, use_threads=True, block_size=_BLOCK_BYTES
            ),
            parse_options=pa_csv.ParseOptions(
                newlines_in_values=has_quotes,
                ignore_empty_lines=False,
                invalid_row_handler=on_invalid_row,
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(width)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
            ),
        )
    except pa.ArrowInvalid:
        return None
    if ragged:
        return None  # the stdlib path keeps ragged records whole and reports their lines
    # Hand the parser's scratch memory back now, before the next (possibly large) file.
    pa.default_memory_pool().release_unused()
    columns = list(arrow_table.columns)  # chunked, kept as parsed: combining would copy it all
    header = [col[0].as_py() for col in columns]
    body = [col.slice(1) for col in columns]
    if _has_all_empty_row(body):
        return None  # Arrow reads a blank line as a row of empty values; the careful path keeps it
    # Only when the file has more line breaks than records can one sit inside a quoted value.
    may_span = has_quotes and breaks.total > len(body[0]) + 1
    lines = _record_start_lines(header, body, may_span)
    return Table(header, body, lines)


def _has_all_empty_row(body: list[pa.ChunkedArray]) -> bool:
    if not body or len(body[0]) == 0:
        return False
    # sourcedId is almost never empty, so the first column usually settles it at once.
    all_empty = pc.equal(pc.binary_length(body[0]), 0)
    for col in body[1:]:
        if not pc.any(all_empty).as_py():
            return False
        all_empty = pc.and_(all_empty, pc.equal(pc.binary_length(col), 0))
    return bool(pc.any(all_empty).as_py())


def _first_record_width(raw: bytes | bytearray) -> int | None:
    """Field count of the header record, or None if it is not complete in the first 1 MiB."""
    prefix = raw[: 1 << 20].decode("utf-8", errors="ignore")
    reader = csv.reader(io.StringIO(prefix, newline=""))
    first = next(reader, None)
    if first is None or (len(raw) > len(prefix) and reader.line_num >= prefix.count("\n") + 1):
        return None
    return len(first)


def _record_start_lines(header: list[str], body: list[pa.Array], has_quotes: bool) -> np.ndarray:
    rows = len(body[0]) if body else 0
    lines = np.arange(2, rows + 2, dtype=np.int64)
    if not has_quotes or rows == 0:
        return lines
    # Line breaks inside quoted values push every later record further down the file.
    extra = np.zeros(rows, dtype=np.int64)
    for col in body:
        counts = pc.count_substring_regex(col, _NEWLINES).to_numpy(zero_copy_only=False)
        extra += counts
    header_breaks = sum(len(re.findall(_NEWLINES, name)) for name in header)
    shift = np.concatenate(([0], np.cumsum(extra)[:-1])) + header_breaks
    shifted: np.ndarray = lines + shift
    return shifted


def _parse_with_stdlib(raw: bytes | bytearray, file_name: str) -> tuple[Table, list[ReadNotice]]:
    text = raw.decode("utf-8")
    notices: list[ReadNotice] = []
    try:
        records, lines = _read_records(text, strict=True)
    except csv.Error as exc:
        records, lines = _read_records(text, strict=False)
        line = int(getattr(exc, "line", 0)) or None
        notices.append(
            ReadNotice(
                "read.malformed-quotes",
                NoticeLevel.ERROR,
                "A value has a stray or unclosed double quote, so where the value ends is a "
                f"guess ({exc}). Check this line and the value after it.",
                file_name,
                line,
            )
        )
    header = records[0] if records else []
    body = records[1:]
    width = len(header)
    _refuse_padding_blowup(len(body), width, len(raw), file_name)
    for record, line in zip(body, lines[1:], strict=True):
        if len(record) == 0:
            notices.append(
                ReadNotice("read.blank-line", NoticeLevel.WARNING,
                           "This line is blank. It is kept; delete the row if it is not meant to be "
                           "there.", file_name, line)
            )
        elif len(record) != width:
            more_or_fewer = "more" if len(record) > width else "fewer"
            notices.append(
                ReadNotice(
                    "read.ragged-record",
                    NoticeLevel.ERROR,
                    f"This record has {len(record)} values but the header has {width} columns "
                    f"({more_or_fewer} than expected, often a stray or missing comma). "
                    "All its values are kept.",
                    file_name,
                    line,
                )
            )
    return Table.from_rows(header, body, lines[1:]), notices


def _refuse_padding_blowup(rows: int, width: int, size: int, file_name: str) -> None:
    """Refuse a file whose short records would each be padded out to a very wide header.

    Every real cell costs at least its comma, so a table holds about as many cells as the file
    has bytes; a wide header over thousands of blank or cut-off lines would need far more
    (hundreds of millions of empty cells from a few hundred KB), so it is refused as damaged.
    """
    cells = rows * width
    if cells <= _PADDED_CELLS_ALWAYS_ALLOWED + _PADDED_CELLS_PER_BYTE * size:
        return
    raise BundleReadError(
        f"{file_name} is damaged: its header has {width:,} columns but most of its {rows:,} "
        f"records are blank or much shorter, so reading it as a table would take {cells:,} "
        f"cells, far more than a file of {size:,} bytes holds. Nothing was read. Open it in a "
        "text editor and check the header row and the line breaks."
    )


def _read_records(text: str, *, strict: bool) -> tuple[list[list[str]], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=strict)
    records: list[list[str]] = []
    lines: list[int] = []
    start = 1
    try:
        for record in reader:
            records.append(record)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        exc.line = reader.line_num  # type: ignore[attr-defined]
        raise
    return records, lines


def _header_notices(header: list[str], file_name: str) -> list[ReadNotice]:
    notices = []
    seen: dict[str, int] = {}
    blank_from: int | None = None
    for i, name in enumerate([*header, "end"]):
        if name.strip() == "" and i < len(header):
            blank_from = i if blank_from is None else blank_from
            continue
        if blank_from is not None:
            # A run of unnamed columns (Excel's out to column XFD) is one notice, not thousands.
            notices.append(_blank_header_notice(blank_from, i - 1, file_name))
            blank_from = None
        if i == len(header):
            break
        if name in seen:
            notices.append(
                ReadNotice("read.duplicate-header", NoticeLevel.ERROR,
                           f"The column name \"{name}\" appears twice (columns {seen[name] + 1} and "
                           f"{i + 1}). Both columns are kept.", file_name, 1)
            )
        else:
            seen[name] = i
    return notices


def _blank_header_notice(first: int, last: int, file_name: str) -> ReadNotice:
    if first == last:
        what = f"Column {first + 1} has no name"
    else:
        what = f"Columns {first + 1} to {last + 1} ({last - first + 1:,} columns) have no name"
    return ReadNotice("read.blank-header", NoticeLevel.ERROR,
                      f"{what} in the header row (often trailing commas left by Excel). Their "
                      "values are kept.", file_name, 1)
