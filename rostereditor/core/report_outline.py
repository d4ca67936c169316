"""A report for people, as data: a summary, sections of points with details, a closing line.

The core says what a long operation did (a recipe replayed, a bundle converted) in this shape;
the window shows it (ui.window.report_dialog) and plain_text() is what Copy puts on the clipboard.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ReportPoint:
    """One line of a section, with the lines under it (examples, notes)."""

    text: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportSection:
    heading: str
    points: tuple[ReportPoint, ...]
    note: str = ""  # a sentence under the heading, e.g. why these are not errors


@dataclass(frozen=True)
class ReportOutline:
    title: str
    summary: str
    sections: tuple[ReportSection, ...] = ()
    closing: str = ""

    def with_text(self, *, summary: str | None = None, closing: str | None = None) -> ReportOutline:
        """The same report with another summary or closing line (the window adds its own words)."""
        return replace(self, summary=self.summary if summary is None else summary,
                       closing=self.closing if closing is None else closing)

    def plain_text(self) -> str:
        lines = [self.title, "", self.summary]
        for section in self.sections:
            lines += ["", section.heading + ":"]
            if section.note:
                lines.append(f"  ({section.note})")
            for point in section.points:
                lines.append(f"  - {point.text}")
                lines += [f"      {detail}" for detail in point.details]
        if self.closing:
            lines += ["", self.closing]
        return "\n".join(lines) + "\n"
