"""A log formatter that keeps roster values out of the per-user log, and what support needs in it.

Support needs what went wrong and where in the code: the message, the exception type, the
traceback's files, lines and source, file names and paths. Roster values reach a log only
inside quotes (KeyError('Zoë'), "invalid literal ...: 'S-0123'", a message that quotes a cell),
so quoted text is replaced by its length, unless it is a path or a file name.
"""

from __future__ import annotations

import logging
import re
import traceback
from types import TracebackType

# An opening quote not inside a word (so "Excel's" is not a quote), up to its closing quote.
_QUOTED = re.compile(r"""(?<![\w])(?:"([^"\r\n]*)"|'([^'\r\n]*)')(?![\w])""")
_FILE_LIKE = re.compile(r"[/\\]|\.(csv|zip|xlsx|xls|json|txt|log|py)$", re.IGNORECASE)
_TRACEBACK_LINE = ("Traceback (", "  ", "During handling", "The above exception")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def redact(text: str) -> str:
    """text with every quoted value replaced by <N characters>, paths and file names kept."""
    def replace(match: re.Match[str]) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        if not inner or _FILE_LIKE.search(inner):
            return match.group(0)
        quote = match.group(0)[0]
        return f"{quote}<{len(inner)} characters>{quote}"

    return _QUOTED.sub(replace, text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then redacts the message and exception texts (not the code locations)."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the exception text unredacted on the record.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return redact(super().formatMessage(record))

    def formatException(self, ei: ExcInfo) -> str:  # noqa: N802 - logging's name
        lines = traceback.format_exception(*ei)
        kept = [line if line.startswith(_TRACEBACK_LINE) or line == "\n" else redact(line)
                for line in "".join(lines).splitlines(keepends=True)]
        return "".join(kept).rstrip("\n")
