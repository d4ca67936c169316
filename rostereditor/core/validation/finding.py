"""One problem found in a bundle, in words a data coordinator can act on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """What is wrong, where (file, physical line, column) and, when certain, the fix.

    line is where the record starts in the file as read (header = 1); None for file-level
    findings and for rows added in the editor. row_id and column_index locate the cell in the
    Table while rows move. fix is replacement text only when it is certain.
    """

    file: str | None
    line: int | None
    column: str | None
    rule: str
    severity: Severity
    message: str
    value: str | None = None
    row_id: int | None = None
    column_index: int | None = None
    fix: str | None = None
