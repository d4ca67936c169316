"""People per school and role, one column per grade: the summary's people counts laid out as a
person reads them (grades in CEDS order, then any the vendor would not recognise)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rostereditor.core.spec.vocabularies import CEDS_GRADES
from rostereditor.core.summary.roster_summary import RosterSummary

NO_GRADE = ""


@dataclass(frozen=True)
class PivotRow:
    """One school (or district) and role. total adds up the grades, so a user listed with two
    grades counts in each, as the text report does."""

    org_id: str
    org_name: str
    role: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class PeoplePivot:
    grades: tuple[str, ...]  # columns, "" (no grade) last
    rows: tuple[PivotRow, ...]

    def column_totals(self) -> dict[str, int]:
        return {g: sum(r.counts.get(g, 0) for r in self.rows) for g in self.grades}


def grade_order(grade: str) -> tuple[int, str]:
    if grade in CEDS_GRADES:
        return (0, f"{CEDS_GRADES.index(grade):02}")
    return (2, "") if grade == NO_GRADE else (1, grade)


def people_pivot(summary: RosterSummary) -> PeoplePivot:
    rows: dict[tuple[str, str, str], dict[str, int]] = {}
    for p in summary.people:
        counts = rows.setdefault((p.org_id, p.org_name, p.role), {})
        counts[p.grade] = counts.get(p.grade, 0) + p.count
    grades = sorted({p.grade for p in summary.people}, key=grade_order)
    return PeoplePivot(tuple(grades), tuple(PivotRow(org, name, role, counts)
                                            for (org, name, role), counts in rows.items()))
