"""Tiny OLD/NEW bundles built from rows, for comparison tests that change one thing at a time."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.table import Table

USERS_HEADER = ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role",
                "username", "givenName", "familyName", "email", "grades"]


def user(sourced_id: str, username: str, *, given: str = "Ana", family: str = "Ruiz",
         email: str = "", grade: str = "05", role: str = "student", org: str = "sch-1") -> list[str]:
    return [sourced_id, "", "", "true", org, role, username, given, family, email, grade]


def bundle(**files: tuple[list[str], list[list[str]]]) -> Bundle:
    """bundle(users=(header, rows), ...): file names without .csv, as keyword arguments."""
    made = Bundle()
    for stem, (header, rows) in files.items():
        name = f"{stem}.csv"
        made.files[name] = BundleFile(name, name, Table.from_rows(header, rows))
    return made
