"""Which bundle file a report means: "users.csv", "Users", "Student", "Org", "enrollment"..."""

from __future__ import annotations

from rostereditor.core.oneroster_files import ALL_DATA_FILES, MANIFEST, canonical_name
from rostereditor.core.vendor_report.column_roles import normalize

# Entity words vendors use for records (HMH: "Org errors ... teacher errors ... students").
_ENTITIES = {
    "org": "orgs.csv", "school": "orgs.csv", "district": "orgs.csv",
    "user": "users.csv", "student": "users.csv", "teacher": "users.csv", "staff": "users.csv",
    "administrator": "users.csv", "admin": "users.csv", "guardian": "users.csv",
    "parent": "users.csv", "aide": "users.csv",
    "class": "classes.csv", "section": "classes.csv", "course": "courses.csv",
    "enrollment": "enrollments.csv", "roster": "enrollments.csv",
    "academicsession": "academicSessions.csv", "session": "academicSessions.csv",
    "term": "academicSessions.csv", "demographic": "demographics.csv",
    "manifest": MANIFEST, "role": "roles.csv",
}


def file_meant(text: str) -> str | None:
    """The OneRoster file a report's file or entity text names, else None."""
    stripped = text.strip()
    if not stripped:
        return None
    exact = canonical_name(stripped) or canonical_name(stripped + ".csv")
    if exact:
        return exact
    word = normalize(stripped.removesuffix(".csv"))
    for known in (*ALL_DATA_FILES, MANIFEST):
        if normalize(known.removesuffix(".csv")) == word:
            return known
    for singular in (word, word.removesuffix("s"), word.removesuffix("es")):
        if singular in _ENTITIES:
            return _ENTITIES[singular]
    return None


def file_in_report_name(report_name: str) -> str | None:
    """A per-file report names its file ("users-errors.csv" -> users.csv), else None."""
    stem = report_name.lower().rsplit(".", 1)[0]
    found = [known for known in ALL_DATA_FILES if known.removesuffix(".csv").lower() in stem]
    return max(found, key=len) if found else None
