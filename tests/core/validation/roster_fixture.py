"""A small, fully valid OneRoster 1.1 bundle built in memory, for rule tests to break one cell."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.oneroster_files import DATA_FILES
from rostereditor.core.table import Table

ROWS: dict[str, tuple[list[str], list[list[str]]]] = {
    "orgs.csv": (["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                  "parentSourcedId"],
                 [["d1", "", "", "District", "district", "0601234", ""],
                  ["s1", "", "", "High", "school", "060123400001", "d1"],
                  ["s2", "", "", "Middle", "school", "060123400002", "d1"]]),
    "academicSessions.csv": (["sourcedId", "status", "dateLastModified", "title", "type",
                              "startDate", "endDate", "parentSourcedId", "schoolYear"],
                             [["y1", "", "", "2024-25", "schoolYear", "2024-08-01", "2025-07-01",
                               "", "2025"],
                              ["t1", "", "", "Fall", "term", "2024-08-01", "2025-01-01", "y1",
                               "2025"]]),
    "courses.csv": (["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title",
                     "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"],
                    [["c1", "", "", "y1", "Algebra", "ALG", "09,10", "s1", "Math", "02052"]]),
    "classes.csv": (["sourcedId", "status", "dateLastModified", "title", "grades",
                     "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId",
                     "termSourcedIds", "subjects", "subjectCodes", "periods"],
                    [["k1", "", "", "Algebra 1", "09", "c1", "A1", "scheduled", "R1", "s1",
                      "t1", "Math", "02052", "1"],
                     ["k2", "", "", "Algebra 2", "09", "c1", "A2", "scheduled", "R2", "s1",
                      "t1,y1", "", "", ""]]),
    "users.csv": (["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds",
                   "role", "username", "userIds", "givenName", "familyName", "middleName",
                   "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                   "password"],
                  [["u1", "", "", "true", "s1", "student", "ana", "{LDAP:ana}", "Ana", "Ruiz",
                    "", "000101", "ana@example.org", "", "", "", "09", ""],
                   ["u2", "", "", "true", "s1", "student", "ben", "", "Ben", "Lee", "",
                    "000102", "ben@example.org", "", "", "", "09", ""],
                   ["u3", "", "", "true", "s1,s2", "teacher", "cat", "", "Cat", "Ng", "",
                    "000103", "cat@example.org", "", "", "", "", ""]]),
    "enrollments.csv": (["sourcedId", "status", "dateLastModified", "classSourcedId",
                         "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate",
                         "endDate"],
                        [["e1", "", "", "k1", "s1", "u1", "student", "false", "2024-08-01",
                          "2025-01-01"],
                         ["e2", "", "", "k1", "s1", "u2", "student", "false", "", ""],
                         ["e3", "", "", "k1", "s1", "u3", "teacher", "true", "", ""],
                         ["e4", "", "", "k2", "s1", "u3", "teacher", "true", "", ""]]),
    "demographics.csv": (["sourcedId", "status", "dateLastModified", "birthDate", "sex",
                          "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
                          "nativeHawaiianOrOtherPacificIslander", "white",
                          "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity",
                          "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth",
                          "publicSchoolResidenceStatus"],
                         [["u1", "", "", "2010-03-04", "female", "false", "false", "false",
                           "false", "true", "false", "true", "US", "CA", "Fresno", ""]]),
}


def valid_bundle(mode: str = "bulk") -> Bundle:
    bundle = Bundle()
    manifest = [["manifest.version", "1.0"], ["oneroster.version", "1.1"]]
    for name in DATA_FILES["1.1"]:
        manifest.append(["file." + name.removesuffix(".csv"), mode if name in ROWS else "absent"])
    bundle.files["manifest.csv"] = BundleFile(
        "manifest.csv", "manifest.csv", Table.from_rows(["propertyName", "value"], manifest))
    for name, (header, rows) in ROWS.items():
        filled = rows if mode == "bulk" else [
            [r[0], "active", "2024-08-15T10:00:00Z", *r[3:]] for r in rows]
        bundle.files[name] = BundleFile(name, name, Table.from_rows(header, filled))
    return bundle


def set_value(bundle: Bundle, file: str, row: int, column: str, value: str) -> int:
    """Change one cell; returns its physical line (header = 1)."""
    table = bundle.table(file)
    table.set_cell(row, table.column_index(column), value)
    return table.source_line(row)
