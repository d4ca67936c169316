"""A tiny valid OneRoster 1.1 district that the vendor report fixtures in reports/ point at."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.table import Table

_H = ["sourcedId", "status", "dateLastModified"]
FILES: dict[str, tuple[list[str], list[list[str]]]] = {
    # line 2, 3, 4 ...
    "orgs.csv": ([*_H, "name", "type", "identifier", "parentSourcedId"], [
        ["dst-1", "", "", "Maplewood Unified", "district", "0601234", ""],
        ["sch-1", "", "", "Lakeview Elementary", "school", "060123400001", "dst-1"],
        ["sch-2", "", "", "Cedar Hollow Middle", "school", "060123400002", "dst-1"]]),
    "academicSessions.csv": ([*_H, "title", "type", "startDate", "endDate", "parentSourcedId",
                              "schoolYear"], [
        ["y-1", "", "", "2024-25", "schoolYear", "2024-08-26", "2025-06-14", "", "2025"]]),
    "courses.csv": ([*_H, "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId",
                     "subjects", "subjectCodes"], [
        ["k-1", "", "", "y-1", "Math 5", "M5", "05", "sch-1", "", ""],
        ["k-2", "", "", "y-1", "Science 7", "S7", "07", "sch-2", "", ""]]),
    "classes.csv": ([*_H, "title", "grades", "courseSourcedId", "classCode", "classType",
                     "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes",
                     "periods"], [
        ["c-1", "", "", "Math 5 - Period 1", "05", "k-1", "M5.1", "scheduled", "Room 1", "sch-1",
         "y-1", "", "", "1"],
        ["c-2", "", "", "Science 7 - Period 2", "07", "k-2", "S7.2", "scheduled", "Room 2",
         "sch-2", "y-1", "", "", "2"]]),
    "users.csv": ([*_H, "enabledUser", "orgSourcedIds", "role", "username", "userIds",
                   "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
                   "agentSourcedIds", "grades", "password"], [
        ["u-001", "", "", "true", "sch-1", "teacher", "mlee", "", "Mei", "Lee", "", "E1",
         "mlee@example.org", "", "", "", "", ""],
        ["u-002", "", "", "true", "sch-1", "student", "jgarcia", "", "José", "García", "", "S2",
         "jgarcia@example.org", "", "", "", "05", ""],
        ["u-003", "", "", "true", "sch-1", "student", "anguyen", "", "Anh", "Nguyen", "", "S3",
         "anguyen@example.org", "", "", "", "05", ""],
        ["u-004", "", "", "true", "sch-2", "student", "bokafor", "", "Bola", "Okafor", "", "S4",
         "bokafor@example.org", "", "", "", "07", ""],
        ["u-005", "", "", "true", "dst-1", "administrator", "pkim", "", "Paul", "Kim", "", "A5",
         "pkim@example.org", "", "", "", "", ""]]),
    "enrollments.csv": ([*_H, "classSourcedId", "schoolSourcedId", "userSourcedId", "role",
                         "primary", "beginDate", "endDate"], [
        ["e-1", "", "", "c-1", "sch-1", "u-001", "teacher", "true", "", ""],
        ["e-2", "", "", "c-1", "sch-1", "u-002", "student", "false", "", ""],
        ["e-3", "", "", "c-2", "sch-2", "u-004", "student", "false", "", ""]]),
}


def tiny_district() -> Bundle:
    bundle = Bundle()
    for name, (header, rows) in FILES.items():
        bundle.files[name] = BundleFile(name, name, Table.from_rows(header, rows))
        bundle.modes[name] = "bulk"
    manifest = generate_manifest("1.1", dict(bundle.modes))
    bundle.files["manifest.csv"] = BundleFile("manifest.csv", "manifest.csv",
                                              Table.from_rows(MANIFEST_HEADER, manifest))
    return bundle
