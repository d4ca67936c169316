"""What a version conversion did: every transformation, every loss, and what needs a person."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rostereditor.core.report_outline import ReportOutline, ReportPoint, ReportSection
from rostereditor.core.wording import plural

NoteKind = Literal["changed", "lost", "check"]
NOTE_KINDS: tuple[NoteKind, ...] = ("changed", "lost", "check")

# How many example values a note keeps: enough to recognise the data, not a listing.
EXAMPLES_KEPT = 3

_HEADINGS = {
    "changed": "Changed",
    "lost": "Lost (the target version has no place for it)",
    "check": "Check (the reference does not settle it, or the value is not valid in the target)",
}


@dataclass(frozen=True)
class ConversionNote:
    """One kind of change to one file (or the bundle), counted, with a few examples.

    kind: "changed" a mechanical transformation; "lost" information the target version cannot
    hold; "check" a choice made where the reference is silent, or a value left as it was that
    the target version may not accept.
    """

    kind: NoteKind
    file: str | None
    message: str
    count: int = 0
    examples: tuple[str, ...] = ()

    def text(self) -> str:
        where = f"{self.file}: " if self.file else ""
        examples = f" (e.g. {'; '.join(self.examples)})" if self.examples else ""
        return f"{where}{self.message}{examples}"


@dataclass
class ConversionReport:
    """Notes in the order the conversion made them, from one version to another."""

    source_version: str
    target_version: str
    notes: list[ConversionNote] = field(default_factory=list)

    def add(self, kind: NoteKind, file: str | None, message: str, count: int = 0,
            examples: list[str] | tuple[str, ...] = ()) -> None:
        self.notes.append(ConversionNote(kind, file, message, count, tuple(examples[:EXAMPLES_KEPT])))

    def of_kind(self, kind: NoteKind) -> list[ConversionNote]:
        return [n for n in self.notes if n.kind == kind]

    @property
    def lost_anything(self) -> bool:
        return any(n.kind == "lost" for n in self.notes)

    def text(self) -> str:
        """The report as a person reads it: one section per kind of note."""
        lines = [f"Converted OneRoster {self.source_version} to {self.target_version}."]
        for kind in NOTE_KINDS:
            notes = self.of_kind(kind)
            if notes:
                lines += ["", _HEADINGS[kind] + ":"]
                lines += [f"  - {n.text()}" for n in notes]
        if not self.of_kind("lost"):
            lines += ["", "Nothing was lost."]
        return "\n".join(lines) + "\n"

    def outline(self) -> ReportOutline:
        """The report for the window: counts first, then every note by kind with its examples."""
        counts = [plural(len(self.of_kind("changed")), "change"),
                  plural(len(self.of_kind("lost")), "loss", "losses") if self.lost_anything
                  else "nothing lost",
                  plural(len(self.of_kind("check")), "point") + " to check"]
        summary = (f"Converted from OneRoster {self.source_version} to {self.target_version}: "
                   f"{', '.join(counts)}.")
        sections = tuple(
            ReportSection(_HEADINGS[kind], tuple(
                ReportPoint((f"{n.file}: " if n.file else "") + n.message,
                            tuple(f"e.g. {example}" for example in n.examples))
                for n in self.of_kind(kind)))
            for kind in NOTE_KINDS if self.of_kind(kind))
        closing = "" if self.lost_anything else "Nothing was lost."
        return ReportOutline(f"Converted to OneRoster {self.target_version}", summary, sections,
                             closing)

    def as_json(self) -> dict[str, object]:
        return {
            "from": self.source_version,
            "to": self.target_version,
            "notes": [{"kind": n.kind, "file": n.file, "message": n.message, "count": n.count,
                       "examples": list(n.examples)} for n in self.notes],
        }
