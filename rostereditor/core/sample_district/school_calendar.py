"""The sample district's school year: one schoolYear session, two semesters, four quarters."""

from __future__ import annotations

from dataclasses import dataclass

SCHOOL_YEAR = "2025"  # OneRoster's schoolYear is the year in which the school year ends


@dataclass(frozen=True)
class Session:
    sourced_id: str
    title: str
    type: str
    start: str  # inclusive
    end: str  # exclusive, as OneRoster defines endDate
    parent: str = ""


YEAR = Session("ay2025", "2024-2025 School Year", "schoolYear", "2024-08-26", "2025-06-14")
FALL = Session("ay2025-s1", "Fall Semester 2024", "semester", "2024-08-26", "2025-01-18", YEAR.sourced_id)
SPRING = Session(
    "ay2025-s2", "Spring Semester 2025", "semester", "2025-01-21", "2025-06-14", YEAR.sourced_id
)
QUARTERS = (
    Session("ay2025-q1", "Quarter 1", "gradingPeriod", "2024-08-26", "2024-10-26", FALL.sourced_id),
    Session("ay2025-q2", "Quarter 2", "gradingPeriod", "2024-10-28", "2025-01-18", FALL.sourced_id),
    Session("ay2025-q3", "Quarter 3", "gradingPeriod", "2025-01-21", "2025-03-29", SPRING.sourced_id),
    Session("ay2025-q4", "Quarter 4", "gradingPeriod", "2025-03-31", "2025-06-14", SPRING.sourced_id),
)
SESSIONS = (YEAR, FALL, *QUARTERS[:2], SPRING, *QUARTERS[2:])

# What a class meets in, by term kind: full-year classes list both semesters.
FULL_YEAR, FALL_ONLY, SPRING_ONLY = 0, 1, 2
TERM_SOURCED_IDS = (f"{FALL.sourced_id},{SPRING.sourced_id}", FALL.sourced_id, SPRING.sourced_id)
TERM_STARTS = (FALL.start, FALL.start, SPRING.start)
TERM_ENDS = (SPRING.end, FALL.end, SPRING.end)

# First day of the school year that each grade's students were old enough for: a KG student
# was born between 2018-09-01 and 2019-08-31; each grade above is one year older.
KINDERGARTEN_BIRTH_START_YEAR = 2018
