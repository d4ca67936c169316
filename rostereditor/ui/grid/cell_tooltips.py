"""What hovering a cell or a row header says: its problems and fixes, spaces, a likely id."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rostereditor.core.validation import Finding
from rostereditor.ui.grid.cell_text import whitespace_note

EXTRA_FIELD_TIP = (
    "A value past the last column of the header: this record has more values than the header "
    "has columns (often a stray comma). It is kept exactly and saved; fix the record so each "
    "value sits under the right column."
)
# (table row, column) -> "did you mean" suggestions for a broken reference, by the item.
ReferenceHints = Callable[[int, int], dict[str, list[str]]]


def finding_tooltip(findings: Iterable[Finding]) -> str:
    parts = []
    for f in findings:
        text = f"{f.severity.capitalize()}: {f.message}"
        if f.fix is not None:
            text += f"\nFix: change to \u201c{f.fix}\u201d"
        parts.append(text)
    return "\n\n".join(parts)


def reference_hint(suggestions: dict[str, list[str]]) -> str | None:
    lines = [f"\u201c{item}\u201d: did you mean {', '.join(close)}?"
             for item, close in suggestions.items() if close]
    return "\n".join(lines) if lines else None


class CellTooltips:
    """Builds a cell's tooltip; reference hints come from the session when one is attached."""

    def __init__(self, hints: ReferenceHints | None = None) -> None:
        self.hints = hints

    def cell(self, row: int, col: int, value: str, findings: list[Finding] | None) -> str | None:
        parts = []
        if findings:
            parts.append(finding_tooltip(findings))
            if self.hints is not None and any(f.rule == "ref.unresolved" for f in findings):
                hint = reference_hint(self.hints(row, col))
                if hint:
                    parts.append(hint)
        note = whitespace_note(value)
        if note:
            parts.append(note)
        return "\n\n".join(parts) if parts else None

    @staticmethod
    def row_header(line: int | None, file_name: str, findings: list[Finding] | None) -> str:
        where = f"Line {line} of {file_name}" if line else "Row added in the editor"
        return where + ("\n\n" + finding_tooltip(findings) if findings else "")
