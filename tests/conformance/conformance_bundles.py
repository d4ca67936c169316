"""Small valid OneRoster 1.1 and 1.2 bundles, written to disk by our own code, for one rule to
break at a time. Every case reads the zip back, so the reader's notices count too."""

from __future__ import annotations

import copy
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.csv_format import format_rows
from rostereditor.core.oneroster_files import DATA_FILES
from rostereditor.core.validation import BundleValidator, Finding, ValidationResult

Rows = tuple[list[str], list[list[str]]]

_ORGS: Rows = (["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                "parentSourcedId"],
               [["d1", "", "", "District", "district", "0601234", ""],
                ["s1", "", "", "High", "school", "060123400001", "d1"],
                ["s2", "", "", "Middle", "school", "060123400002", "d1"]])
_SESSIONS: Rows = (["sourcedId", "status", "dateLastModified", "title", "type", "startDate",
                    "endDate", "parentSourcedId", "schoolYear"],
                   [["y1", "", "", "2024-25", "schoolYear", "2024-08-01", "2025-07-01", "", "2025"],
                    ["t1", "", "", "Fall", "term", "2024-08-01", "2025-01-01", "y1", "2025"]])
_COURSES: Rows = (["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title",
                   "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"],
                  [["c1", "", "", "y1", "Algebra", "ALG", "09,10", "s1", "Math", "02052"]])
_CLASSES: Rows = (["sourcedId", "status", "dateLastModified", "title", "grades",
                   "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId",
                   "termSourcedIds", "subjects", "subjectCodes", "periods"],
                  [["k1", "", "", "Algebra 1", "09", "c1", "A1", "scheduled", "R1", "s1", "t1",
                    "Math", "02052", "1"],
                   ["k2", "", "", "Algebra 2", "09,10", "c1", "A2", "scheduled", "R2", "s1",
                    "t1,y1", "", "", ""]])
_ENROLLMENTS: Rows = (["sourcedId", "status", "dateLastModified", "classSourcedId",
                       "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate",
                       "endDate"],
                      [["e1", "", "", "k1", "s1", "u1", "student", "false", "2024-08-01",
                        "2025-01-01"],
                       ["e2", "", "", "k1", "s1", "u2", "student", "false", "", ""],
                       ["e3", "", "", "k1", "s1", "u3", "teacher", "true", "", ""],
                       ["e4", "", "", "k2", "s1", "u3", "teacher", "true", "", ""]])
_USERS_1_1: Rows = (["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds",
                     "role", "username", "userIds", "givenName", "familyName", "middleName",
                     "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                     "password"],
                    [["u1", "", "", "true", "s1", "student", "ana", "{LDAP:ana}", "Ana", "Ruiz",
                      "", "000101", "ana@example.org", "", "", "", "09", ""],
                     ["u2", "", "", "true", "s1", "student", "ben", "", "Ben", "Lee", "",
                      "000102", "ben@example.org", "", "", "", "09", ""],
                     ["u3", "", "", "true", "s1,s2", "teacher", "cat", "", "Cat", "Ng", "",
                      "000103", "cat@example.org", "", "", "", "", ""]])
_DEMOGRAPHICS: Rows = (["sourcedId", "status", "dateLastModified", "birthDate", "sex",
                        "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
                        "nativeHawaiianOrOtherPacificIslander", "white",
                        "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity",
                        "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth",
                        "publicSchoolResidenceStatus"],
                       [["u1", "", "", "2010-03-04", "female", "false", "false", "false",
                         "false", "true", "false", "true", "US", "CA", "Fresno", "resident"]])
_USERS_1_2: Rows = (["sourcedId", "status", "dateLastModified", "enabledUser", "username",
                     "userIds", "givenName", "familyName", "middleName", "identifier", "email",
                     "sms", "phone", "agentSourcedIds", "grades", "password",
                     "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
                     "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId",
                     "pronouns"],
                    [["u1", "", "", "true", "ana", "", "Ana", "Ruiz", "", "", "ana@example.org",
                      "", "", "", "09", "", "", "", "", "", "", "s1", ""],
                     ["u2", "", "", "true", "ben", "", "Ben", "Lee", "", "", "ben@example.org",
                      "", "", "", "09", "", "", "", "", "", "", "s1", ""],
                     ["u3", "", "", "true", "cat", "", "Cat", "Ng", "", "", "cat@example.org",
                      "", "", "", "", "", "", "", "", "", "", "s1", ""]])
_ROLES: Rows = (["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role",
                 "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId"],
                [["r1", "", "", "u1", "primary", "student", "", "", "s1", ""],
                 ["r2", "", "", "u2", "primary", "student", "", "", "s1", ""],
                 ["r3", "", "", "u3", "primary", "teacher", "", "", "s1", "p3"],
                 ["r4", "", "", "u3", "secondary", "teacher", "", "", "s2", ""]])
_PROFILES: Rows = (["sourcedId", "status", "dateLastModified", "userSourcedId", "profileType",
                    "vendorId", "applicationId", "description", "credentialType", "username",
                    "password"],
                   [["p3", "", "", "u3", "gradebook", "v1", "", "", "password", "cat", ""]])
_CATEGORIES: Rows = (["sourcedId", "status", "dateLastModified", "title", "weight"],
                     [["g1", "", "", "Homework", "20"]])
_LINE_ITEMS: Rows = (["sourcedId", "status", "dateLastModified", "title", "description",
                      "assignDate", "dueDate", "classSourcedId", "categorySourcedId",
                      "academicSessionSourcedId", "resultValueMin", "resultValueMax",
                      "schoolSourcedId"],
                     [["li1", "", "", "Quiz", "", "2024-09-01", "2024-09-08", "k1", "g1", "t1",
                       "0", "100", "s1"]])
_RESULTS: Rows = (["sourcedId", "status", "dateLastModified", "lineItemSourcedId",
                   "studentSourcedId", "scoreStatus", "score", "scoreDate", "comment",
                   "textScore", "classSourcedId", "inProgress", "incomplete", "late", "missing"],
                  [["rs1", "", "", "li1", "u1", "fully graded", "90", "2024-09-09", "", "",
                    "k1", "false", "false", "false", "false"]])
_SCALES: Rows = (["sourcedId", "status", "dateLastModified", "title", "type", "orgSourcedId",
                  "courseSourcedId", "classSourcedId", "scoreScaleValue"],
                 [["sc1", "", "", "Letters", "letter", "s1", "c1", "k1", "{A:90},{B:80}"]])
_OBJECTIVES: Rows = (["sourcedId", "status", "dateLastModified", "lineItemSourcedId", "source",
                      "learningObjectiveId"],
                     [["lo1", "", "", "li1", "case",
                       "urn:uuid:4f9e2c1a-9d0b-4c55-8a11-2b7d6c9e0f31"]])

BASE: dict[str, dict[str, Rows]] = {
    "1.1": {"orgs.csv": _ORGS, "academicSessions.csv": _SESSIONS, "courses.csv": _COURSES,
            "classes.csv": _CLASSES, "users.csv": _USERS_1_1, "enrollments.csv": _ENROLLMENTS,
            "demographics.csv": _DEMOGRAPHICS},
    "1.2": {"orgs.csv": _ORGS, "academicSessions.csv": _SESSIONS, "courses.csv": _COURSES,
            "classes.csv": _CLASSES, "users.csv": _USERS_1_2, "roles.csv": _ROLES,
            "userProfiles.csv": _PROFILES, "enrollments.csv": _ENROLLMENTS,
            "categories.csv": _CATEGORIES, "lineItems.csv": _LINE_ITEMS,
            "results.csv": _RESULTS, "scoreScales.csv": _SCALES,
            "lineItemLearningObjectiveIds.csv": _OBJECTIVES},
}


@dataclass
class Draft:
    """A bundle being prepared: its files as rows, plus how to write them."""

    version: str = "1.1"
    files: dict[str, Rows] = field(default_factory=dict)
    manifest: list[list[str]] | None = None  # None: generated from the files
    raw: dict[str, bytes] = field(default_factory=dict)  # file -> bytes written instead
    folder: str | None = None  # put the files in this folder inside the zip
    zip_name: str = "bundle.zip"

    def __post_init__(self) -> None:
        if not self.files:
            self.files = copy.deepcopy(BASE[self.version])

    def set(self, file: str, row: int, column: str, value: str) -> int:
        """Change one cell; returns its line in the file (header = 1)."""
        header, rows = self.files[file]
        rows[row][header.index(column)] = value
        return row + 2

    def add(self, file: str, **values: str) -> int:
        header, rows = self.files[file]
        rows.append([values.get(name, "") for name in header])
        return len(rows) + 1

    def manifest_rows(self) -> list[list[str]]:
        if self.manifest is not None:
            return self.manifest
        rows = [["manifest.version", "1.0"], ["oneroster.version", self.version]]
        for name in DATA_FILES[self.version]:
            mode = "absent"
            if name in self.files:
                mode = "delta" if any(r[1] for r in self.files[name][1]) else "bulk"
            rows.append(["file." + name.removesuffix(".csv"), mode])
        return rows

    def write(self, folder: Path, *, with_manifest: bool = True) -> Path:
        path = folder / self.zip_name
        prefix = f"{self.folder}/" if self.folder else ""
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            if with_manifest and self.version != "1.0":
                archive.writestr(prefix + "manifest.csv",
                                 format_rows(["propertyName", "value"], self.manifest_rows()))
            for name, (header, rows) in self.files.items():
                data = self.raw.get(name) or format_rows(header, rows)
                archive.writestr(prefix + name, data)
        return path


def check(path: Path, vendor: str = "1edtech", version: str | None = None) -> ValidationResult:
    return BundleValidator(read_bundle(path), vendor, version).run()


def where(result: ValidationResult, rule: str) -> list[tuple[str | None, int | None, str]]:
    """(file, line, severity) of every finding of one rule."""
    return [(f.file, f.line, f.severity) for f in result.findings if f.rule == rule]


def findings(result: ValidationResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


def errors(result: ValidationResult) -> list[tuple[str, str | None, int | None]]:
    return [(f.rule, f.file, f.line) for f in result.findings if f.severity == "error"]


def in_memory(draft: Draft):  # type: ignore[no-untyped-def]
    """The draft as a Bundle in memory (for edit-by-edit tests), manifest included."""
    from rostereditor.core.bundle import Bundle, BundleFile
    from rostereditor.core.table import Table

    bundle = Bundle()
    bundle.files["manifest.csv"] = BundleFile("manifest.csv", "manifest.csv", Table.from_rows(
        ["propertyName", "value"], draft.manifest_rows()))
    for name, (header, rows) in draft.files.items():
        bundle.files[name] = BundleFile(name, name, Table.from_rows(header, copy.deepcopy(rows)))
    return bundle
