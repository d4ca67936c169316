"""OOXML's `_xHHHH_` escapes: how text that XML cannot carry is stored in a workbook cell.

XML 1.0 cannot hold most control characters, turns a carriage return into a line feed when
read, and may drop a cell that is only spaces. Excel stores such characters as `_xHHHH_`
and a literal `_xHHHH_` in the text as `_x005F_xHHHH_`; doing the same keeps every value exact
in Excel and in our own reader.
"""

from __future__ import annotations

import re

# Characters XML 1.0 forbids, plus CR (which XML parsers normalise to LF).
_NEEDS_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\r\x0e-\x1f\ufffe\uffff]")
_LOOKS_ESCAPED = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

# Excel's limit on the text of one cell.
MAX_CELL_CHARS = 32767


def _hex(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(0)):04X}_"


def escape_cell_text(text: str) -> str:
    """The text to store in a workbook cell so that Excel and read_cell_text give it back exactly."""
    if "_x" in text:
        text = _LOOKS_ESCAPED.sub("_x005F_", text)
    text = _NEEDS_ESCAPE.sub(_hex, text)
    if text and not text.strip():
        # A cell of only whitespace is written without xml:space="preserve" and may come back
        # empty; escaping its first character keeps it.
        text = f"_x{ord(text[0]):04X}_" + text[1:]
    return text


def unescape_cell_text(text: str) -> str:
    """Decode `_xHHHH_` escapes in text read from a workbook cell."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def stored_length(text: str) -> int:
    """Length as Excel counts it (UTF-16 code units), for the 32,767 limit."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
