"""What generate_district returns: the bundle and an exact record of any damage put into it."""

from __future__ import annotations

from dataclasses import dataclass, field

from rostereditor.core.bundle import Bundle


@dataclass(frozen=True)
class InjectedDamage:
    """One deliberate spreadsheet-style fault, located as a vendor report would locate it.

    line is the physical line in the written CSV (header = 1); column is None for damage to
    the whole file (such as a trailing empty column), and then original is None too.
    """

    file: str
    line: int
    column: str | None
    kind: str
    original: str | None
    damaged: str

    def describe(self) -> str:
        where = f"{self.file} line {self.line}" + (f", {self.column}" if self.column else "")
        if self.original is None:
            return f"{where}: {self.kind}"
        return f"{where}: {self.kind} ({self.original!r} -> {self.damaged!r})"


@dataclass
class GeneratedDistrict:
    bundle: Bundle
    damage: list[InjectedDamage] = field(default_factory=list)
