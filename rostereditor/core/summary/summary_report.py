"""A roster summary as text for people, JSON for programs, CSV rows for spreadsheets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rostereditor.core.summary.roster_summary import RosterSummary, SizeStats

CSV_HEADER = ("section", "org", "org_name", "role", "grade", "term", "term_title", "sourcedId",
              "count")


def text_report(summary: RosterSummary, *, limit: int = 10) -> str:
    out = ["Records: " + ", ".join(f"{name} {count:,}" for name, count in summary.records.items()),
           "", "People per school, role and grade:"]
    for org in dict.fromkeys((p.org_id, p.org_name) for p in summary.people):
        rows = [p for p in summary.people if (p.org_id, p.org_name) == org]
        out.append(f"  {_org(*org)}: {sum(p.count for p in rows):,}")
        for role in dict.fromkeys(p.role for p in rows):
            of_role = [p for p in rows if p.role == role]
            grades = ", ".join(f"grade {p.grade}: {p.count:,}" for p in of_role if p.grade)
            total = sum(p.count for p in of_role)
            out.append(f"    {role or '(no role)'} {total:,}" + (f" ({grades})" if grades else ""))
    out += ["", "Classes per school and term:"]
    for c in summary.classes:
        term = c.term_title or c.term_id or "(no term)"
        out.append(f"  {_org(c.school_id, c.school_name)}, {term}: {c.count:,}")
    out += ["", _stats("Enrollments per class", summary.enrollments_per_class),
            _stats("Students per class", summary.students_per_class), ""]
    unenrolled = summary.unenrolled_by_role()
    out.append("Users without enrollments: " + (", ".join(
        f"{role or '(no role)'} {count:,}" for role, count in unenrolled.items()) or "none")
        + (" (guardians and administrators usually have none)" if unenrolled else ""))
    out.extend(_listed_students(summary, limit))
    classes = summary.classes_without_students.to_pylist()
    out.append(f"Classes without students: {len(classes):,}"
               + (": " + ", ".join(classes[:limit] if limit else classes) if classes else ""))
    if limit and len(classes) > limit:
        out[-1] += f" ... and {len(classes) - limit:,} more"
    return "\n".join(out) + "\n"


def json_report(summary: RosterSummary) -> dict[str, Any]:
    return {
        "records": summary.records,
        "people": [{"org": p.org_id, "org_name": p.org_name, "role": p.role, "grade": p.grade,
                    "count": p.count} for p in summary.people],
        "classes": [{"school": c.school_id, "school_name": c.school_name, "term": c.term_id,
                     "term_title": c.term_title, "count": c.count} for c in summary.classes],
        "enrollments_per_class": _stats_json(summary.enrollments_per_class),
        "students_per_class": _stats_json(summary.students_per_class),
        "users_without_enrollments": [
            {"sourcedId": i, "role": r} for i, r in zip(
                summary.users_without_enrollments.to_pylist(),
                summary.roles_without_enrollments.to_pylist(), strict=True)],
        "classes_without_students": summary.classes_without_students.to_pylist(),
    }


def csv_rows(summary: RosterSummary) -> Iterator[tuple[str, ...]]:
    """One row per count or listed record, under the columns of CSV_HEADER."""
    for name, count in summary.records.items():
        yield ("records", "", "", "", "", "", "", name, str(count))
    for p in summary.people:
        yield ("people", p.org_id, p.org_name, p.role, p.grade, "", "", "", str(p.count))
    for c in summary.classes:
        yield ("classes", c.school_id, c.school_name, "", "", c.term_id, c.term_title, "",
               str(c.count))
    for label, stats in (("enrollments per class", summary.enrollments_per_class),
                         ("students per class", summary.students_per_class)):
        for part, value in (("min", stats.minimum), ("median", stats.median), ("max", stats.maximum)):
            yield (f"{label} {part}", "", "", "", "", "", "", "", f"{value:g}")
    for user, role in zip(summary.users_without_enrollments.to_pylist(),
                          summary.roles_without_enrollments.to_pylist(), strict=True):
        yield ("user without enrollments", "", "", role, "", "", "", user, "")
    for class_id in summary.classes_without_students.to_pylist():
        yield ("class without students", "", "", "", "", "", "", class_id, "")


def _listed_students(summary: RosterSummary, limit: int) -> list[str]:
    """Students and teachers with no class are worth a look; list the first few."""
    pairs = [(i, r) for i, r in zip(summary.users_without_enrollments.to_pylist(),
                                    summary.roles_without_enrollments.to_pylist(), strict=True)
             if r in ("student", "teacher")]
    if not pairs:
        return []
    shown = pairs[:limit] if limit else pairs
    line = "  students and teachers among them: " + ", ".join(f"{i} ({r})" for i, r in shown)
    if len(pairs) > len(shown):
        line += f" ... and {len(pairs) - len(shown):,} more"
    return [line]


def _org(org_id: str, name: str) -> str:
    if not org_id:
        return "(no school)"
    return f"{name} ({org_id})" if name else org_id


def _stats(title: str, stats: SizeStats) -> str:
    if not stats.classes:
        return f"{title}: no classes"
    return (f"{title}: min {stats.minimum:,}, median {stats.median:g}, max {stats.maximum:,} "
            f"over {stats.classes:,} classes")


def _stats_json(stats: SizeStats) -> dict[str, float]:
    return {"classes": stats.classes, "min": stats.minimum, "median": stats.median,
            "max": stats.maximum}
