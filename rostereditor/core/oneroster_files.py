"""The OneRoster CSV file names of each version, in the spec's order, and name matching."""

from __future__ import annotations

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")

MANIFEST = "manifest.csv"

_V10 = (
    "academicSessions", "classes", "courses", "demographics", "enrollments", "orgs", "users",
)
_V11 = (
    "academicSessions", "categories", "classes", "classResources", "courses", "courseResources",
    "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users",
)
_V12_NEW = (
    "lineItemLearningObjectiveIds", "lineItemScoreScales", "resultLearningObjectiveIds",
    "resultScoreScales", "roles", "scoreScales", "userProfiles", "userResources",
)

# Data files of each version, in the order the spec's manifest table lists them.
DATA_FILES: dict[str, tuple[str, ...]] = {
    "1.0": tuple(f"{n}.csv" for n in _V10),
    "1.1": tuple(f"{n}.csv" for n in _V11),
    "1.2": tuple(f"{n}.csv" for n in _V11 + _V12_NEW),
}

ALL_DATA_FILES: tuple[str, ...] = DATA_FILES["1.2"]

# Order for showing files to people: the records others point at come first.
_DISPLAY_FIRST = (
    "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv",
    "roles.csv", "enrollments.csv", "demographics.csv",
)


def display_order(names: list[str]) -> list[str]:
    """Sort file names for tabs: core rostering files first, then the rest in spec order."""

    def key(name: str) -> tuple[int, int, str]:
        if name in _DISPLAY_FIRST:
            return (0, _DISPLAY_FIRST.index(name), name)
        if name in ALL_DATA_FILES:
            return (1, ALL_DATA_FILES.index(name), name)
        if name == MANIFEST:
            return (3, 0, name)
        return (2, 0, name.lower())

    return sorted(names, key=key)


def canonical_name(name: str) -> str | None:
    """The spec's spelling of a OneRoster file name matched case-insensitively, else None."""
    lowered = name.lower()
    for known in (*ALL_DATA_FILES, MANIFEST):
        if known.lower() == lowered:
            return known
    return None


def manifest_key(file_name: str) -> str:
    """'users.csv' -> 'file.users'."""
    return "file." + file_name.removesuffix(".csv")
