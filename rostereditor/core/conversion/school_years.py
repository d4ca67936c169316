"""OneRoster 1.0 → 1.1: academicSessions.schoolYear, which 1.0 does not have.

schoolYear is "the year in which the school year ends". A session's school year is the nearest
session of type schoolYear among itself and its parents (parentSourcedId); its year is that of
the day before the schoolYear session's endDate, since endDate is exclusive (and a school year
ending on 31 December, written 1 January, still ends in the earlier year). A session with no
schoolYear above it is left blank for a person to fill: guessing from its own dates would put
an autumn term in the wrong year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pyarrow as pa

from rostereditor.core.conversion.column_values import column, examples
from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural

SESSIONS = "academicSessions.csv"
SCHOOL_YEAR_TYPE = "schoolYear"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def school_year_column(sessions: Table, report: ConversionReport) -> pa.Array:
    """The schoolYear of every session, in row order ('' where it cannot be told)."""
    names = ("sourcedId", "type", "endDate", "parentSourcedId")
    cols = {n: column(sessions, n) for n in names}
    values = {n: (c.to_pylist() if c is not None else [""] * len(sessions)) for n, c in cols.items()}
    by_id = {sid: row for row, sid in reversed(list(enumerate(values["sourcedId"])))}
    years: list[str] = []
    unknown: list[int] = []
    for row in range(len(sessions)):
        year = _year_of(row, values, by_id)
        if year is None:
            unknown.append(row)
        years.append(year or "")
    if len(sessions):
        report.add("changed", SESSIONS, "filled schoolYear (new in 1.1) with the year each "
                   "session's school year ends: from the endDate of the schoolYear session it is "
                   "part of (the day before it, as endDate is exclusive)", len(sessions) - len(unknown))
    if unknown:
        are = agree(len(unknown), "is", "are")
        report.add("check", SESSIONS, f"{plural(len(unknown), 'session')} {are} not part of a "
                   "schoolYear session (by parentSourcedId), so their schoolYear is left empty: "
                   "fill it in "
                   "(the year the school year ends)", len(unknown),
                   examples(sessions, unknown, [repr(values["sourcedId"][r]) for r in unknown]))
    return pa.array(years, pa.string())


def _year_of(row: int, values: dict[str, list[str]], by_id: dict[str, int]) -> str | None:
    seen: set[int] = set()
    current: int | None = row
    while current is not None and current not in seen:
        seen.add(current)
        if values["type"][current] == SCHOOL_YEAR_TYPE:
            return _year_before(values["endDate"][current])
        current = by_id.get(values["parentSourcedId"][current])
    return None


def _year_before(end_date: str) -> str | None:
    if not _ISO_DATE.fullmatch(end_date):
        return None
    try:
        last_day = date.fromisoformat(end_date) - timedelta(days=1)
    except ValueError:
        return None
    return f"{last_day.year:04d}"
