"""What the reader noticed about a file: encoding, BOM, line endings, damaged records."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rostereditor.core.errors import RosterEditorError


class NoticeLevel(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class ReadNotice:
    """One observation made while reading, in words a data coordinator can act on.

    code is a stable identifier (e.g. ``read.encoding-converted``) that validation reuses as
    its rule id; file is the name inside the bundle; line is the physical line (header = 1).
    """

    code: str
    level: NoticeLevel
    message: str
    file: str | None = None
    line: int | None = None
    column: str | None = None  # header name, when the notice is about one cell

    def __str__(self) -> str:
        where = self.file or "bundle"
        if self.line is not None:
            where += f" line {self.line}"
        return f"{where}: {self.message}"


class BundleReadError(RosterEditorError):
    """The input cannot be read as a bundle at all; the message says what and where."""
