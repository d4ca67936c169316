"""Tab-separated text as Excel and Google Sheets put on (and read from) the clipboard.

Cells are never converted: what is between the tabs is the value, character for character.
A cell holding a tab, a line break or starting with a double quote is quoted, quotes doubled,
the way Excel writes multi-line cells, so pasting back into Excel or into us keeps it whole.
"""

from __future__ import annotations

from collections.abc import Sequence

_NEEDS_QUOTES = ("\t", "\n", "\r")


def format_tsv(rows: Sequence[Sequence[str]]) -> str:
    """A rectangular range as clipboard text, rows ended by CRLF like Excel on every platform."""
    return "".join("\t".join(_quote(cell) for cell in row) + "\r\n" for row in rows)


def parse_tsv(text: str) -> list[list[str]]:
    """Clipboard text as rows of cells, padded to a rectangle; one final line break is ignored."""
    rows: list[list[str]] = []
    row: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] == '"':
            value, i = _read_quoted(text, i)
        else:
            value, i = _read_plain(text, i)
        row.append(value)
        if i >= n:
            break
        if text[i] == "\t":
            i += 1
            if i == n:
                row.append("")
            continue
        # A line break: \r\n, \n or a lone \r all end the row.
        i += 2 if text.startswith("\r\n", i) else 1
        rows.append(row)
        row = []
    if row:
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        r.extend([""] * (width - len(r)))
    return rows


def _quote(cell: str) -> str:
    if cell.startswith('"') or any(ch in cell for ch in _NEEDS_QUOTES):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _read_plain(text: str, i: int) -> tuple[str, int]:
    start = i
    while i < len(text) and text[i] not in "\t\r\n":
        i += 1
    return text[start:i], i


def _read_quoted(text: str, i: int) -> tuple[str, int]:
    """A quoted cell; if it is not properly closed, Excel keeps the text as typed, and so do we."""
    parts = []
    j = i + 1
    while True:
        close = text.find('"', j)
        if close < 0:
            return _read_plain(text, i)
        parts.append(text[j:close])
        if text.startswith('""', close):
            parts.append('"')
            j = close + 2
            continue
        end = close + 1
        if end < len(text) and text[end] not in "\t\r\n":
            # Text after the closing quote means it was not a quoted cell, e.g. `"Bob" Smith`.
            return _read_plain(text, i)
        return "".join(parts), end
