"""A tiny hand-made bundle whose records point at each other, for editing tests."""

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.table import Table

ORGS = [["org-1", "Lincoln High", "school"], ["org-2", "Adams Middle", "school"]]
USERS = [
    ["usr-00123", "org-1", "student", "García", "José", "09", ""],
    ["usr-00124", "org-1,org-2", "teacher", "Smith", "Ann", "", ""],
    ["usr-00125", "org-2", "parent", "Núñez", "Zoë", "", ""],
    ["usr-00126", "org-1", "student", "Lee", "Bo", "10", "usr-00125"],
]
CLASSES = [["cls-1", "Algebra I", "ALG1", "org-1"], ["cls-2", "Biology", "BIO", "org-1"]]
ENROLLMENTS = [
    ["enr-1", "cls-1", "org-1", "usr-00123", "student"],
    ["enr-2", "cls-1", "org-1", "usr-00124", "teacher"],
    ["enr-3", "cls-2", "org-1", "usr-00123", "student"],
]


def small_bundle() -> Bundle:
    tables = {
        "orgs.csv": Table.from_rows(["sourcedId", "name", "type"], ORGS),
        "users.csv": Table.from_rows(
            ["sourcedId", "orgSourcedIds", "role", "familyName", "givenName", "grades",
             "agentSourcedIds"],
            USERS,
        ),
        "classes.csv": Table.from_rows(
            ["sourcedId", "title", "classCode", "schoolSourcedId"], CLASSES
        ),
        "enrollments.csv": Table.from_rows(
            ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"],
            ENROLLMENTS,
        ),
        "demographics.csv": Table.from_rows(["sourcedId", "sex"], [["usr-00123", "male"]]),
    }
    return Bundle(files={n: BundleFile(n, n, t) for n, t in tables.items()})
