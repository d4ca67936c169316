"""academicSessions.csv: the school year, its semesters and grading periods."""

from __future__ import annotations

from rostereditor.core.sample_district.draft_table import DraftTable
from rostereditor.core.sample_district.oneroster11_headers import HEADERS
from rostereditor.core.sample_district.school_calendar import SCHOOL_YEAR, SESSIONS


def build_sessions() -> DraftTable:
    rows = [
        [s.sourced_id, "", "", s.title, s.type, s.start, s.end, s.parent, SCHOOL_YEAR]
        for s in SESSIONS
    ]
    return DraftTable.from_rows(HEADERS["academicSessions.csv"], rows)
