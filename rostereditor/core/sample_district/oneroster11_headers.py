"""The OneRoster 1.1 headers, in the spec's order, of the files the sample district contains."""

from __future__ import annotations

from rostereditor.core.spec import FileSpec, spec_for


def _spec_file(name: str) -> FileSpec:
    spec = spec_for("1.1").file(name)
    if spec is None:
        raise LookupError(f"OneRoster 1.1 has no {name}")
    return spec


_SAMPLE_FILES = (
    "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv",
    "enrollments.csv", "demographics.csv",
)

# Taken from the spec tables so the generator and the validator can never disagree.
HEADERS: dict[str, tuple[str, ...]] = {
    name: tuple(column.name for column in _spec_file(name).columns) for name in _SAMPLE_FILES
}

# Bulk files leave these blank on every row (delta mode would fill them).
DELTA_COLUMNS = ("status", "dateLastModified")
