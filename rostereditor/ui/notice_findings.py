"""Reader notices (encoding converted, BOM, ragged rows) presented as findings for the list."""

from __future__ import annotations

from dataclasses import dataclass

from rostereditor.core.bundle import Bundle


@dataclass(frozen=True)
class NoticeFinding:
    """Same fields as validation's Finding, so the findings list treats both alike."""

    file: str | None
    line: int | None
    column: str | None
    rule: str
    severity: str
    message: str
    value: str | None = None
    row_id: int | None = None
    column_index: int | None = None
    fix: str | None = None


def notice_findings(bundle: Bundle, already_reported: set[tuple[str, str | None, int | None]]
                    ) -> list[NoticeFinding]:
    """Notices not already reported by validation (matched on rule, file and line)."""
    out = []
    for notice in bundle.notices:
        if (notice.code, notice.file, notice.line) in already_reported:
            continue
        row_id = None
        table = bundle.table(notice.file) if notice.file else None
        if table is not None and notice.line is not None:
            row = table.row_for_line(notice.line)
            row_id = table.row_id(row) if row is not None else None
        out.append(NoticeFinding(notice.file, notice.line, None, notice.code, str(notice.level),
                                 notice.message, row_id=row_id))
    return out
