"""Text that is safe to put in a report: inert in spreadsheets, harmless on a terminal."""

from __future__ import annotations

import re

# OWASP's list: a cell starting with one of these may run as a formula in Excel or LibreOffice.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and the bidirectional
# overrides and isolates that can make text read differently from what it is.
_UNSAFE_ON_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def neutralise_formula(text: str) -> str:
    """text, with a leading apostrophe if a spreadsheet could read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def escape_for_terminal(text: str) -> str:
    """text with control characters shown as escapes (\\x1b, \\u202e) instead of acted on.

    Line breaks inside a value are shown as \\n and \\r too, so one finding stays one line.
    """
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    return _UNSAFE_ON_TERMINAL.sub(_escape, text)


def escape_lines_for_terminal(text: str) -> str:
    """Several lines of text, each escaped as escape_for_terminal does; the line breaks kept."""
    return "\n".join(escape_for_terminal(line) for line in text.split("\n"))


def escape_for_json(text: str) -> str:
    """JSON text with C1 controls and bidi overrides written as \\u escapes (still valid JSON)."""
    return _UNSAFE_ON_TERMINAL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
