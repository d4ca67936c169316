"""OneRoster 1.0 CSV files as data: seven files, no manifest, different column names."""

from __future__ import annotations

from rostereditor.core.spec import vocabularies as v
from rostereditor.core.spec.column_kinds import (
    boolean,
    date,
    date_last_modified,
    enum,
    grades,
    ref,
    ref_list,
    sourced_id,
    status,
    string_list,
    text,
)
from rostereditor.core.spec.model import ColumnSpec, FileSpec, OneRosterSpec
from rostereditor.core.spec.oneroster_1_1 import SCHOOL, race_flags


def head() -> list[ColumnSpec]:
    # 1.0 has no bulk/delta files: status and dateLastModified are plain optional columns.
    return [sourced_id(), status(v.STATUS_1_0, mode_dependent=False),
            date_last_modified(mode_dependent=False)]


def files_1_0() -> list[FileSpec]:
    return [
        FileSpec("academicSessions.csv", [
            *head(), text("title", True), enum("type", v.SESSION_TYPES),
            date("startDate", True), date("endDate", True),
            ref("parentSourcedId", "academicSessions.csv", False),
        ]),
        FileSpec("classes.csv", [
            *head(), text("title", True), grades("grade"),
            ref("courseSourcedId", "courses.csv"), text("classCode"),
            enum("classType", v.CLASS_TYPES), text("location"),
            ref("schoolSourcedId", "orgs.csv", target_type=SCHOOL),
            ref_list("termSourcedId", "academicSessions.csv"), string_list("subjects"),
        ], extensions_anywhere=True),
        FileSpec("courses.csv", [
            *head(), ref("schoolYearId", "academicSessions.csv", False),
            text("metadata.duration"), text("title", True), text("courseCode"), grades("grade"),
            ref("orgSourcedId", "orgs.csv"), string_list("subjects"),
        ], extensions_anywhere=True),
        FileSpec("demographics.csv", [
            ref("userSourcedId", "users.csv", description="The sourcedId of the user "
                "(one row per user)."),
            status(v.STATUS_1_0, mode_dependent=False), date_last_modified(mode_dependent=False),
            date("birthdate"), enum("sex", v.SEX, False), *race_flags(),
            text("countryOfBirthCode"), text("stateOfBirthAbbreviation"), text("cityOfBirth"),
            text("publicSchoolResidenceStatus"),
        ], key="userSourcedId"),
        FileSpec("enrollments.csv", [
            sourced_id(), ref("classSourcedId", "classes.csv"),
            ref("schoolSourcedId", "orgs.csv", target_type=SCHOOL),
            ref("userSourcedId", "users.csv"), enum("role", v.USER_ROLES_1_0),
            status(v.STATUS_1_0, mode_dependent=False), date_last_modified(mode_dependent=False),
            boolean("primary"),
        ]),
        FileSpec("orgs.csv", [
            *head(), text("name", True), enum("type", v.ORG_TYPES_1_0),
            text("identifier", role="id"),
            enum("metadata.classification", v.CLASSIFICATION_1_0, False),
            enum("metadata.gender", v.GENDER_1_0, False), boolean("metadata.boarding"),
            ref("parentSourcedId", "orgs.csv", False),
        ], extensions_anywhere=True),
        FileSpec("users.csv", [
            *head(), ref_list("orgSourcedIds", "orgs.csv"), enum("role", v.USER_ROLES_1_0),
            text("username", True, role="username"), text("userId", role="id"),
            text("givenName", True, role="name"), text("familyName", True, role="name"),
            text("identifier", role="id"), text("email", role="email"), text("sms"),
            text("phone"), ref_list("agents", "users.csv", False),
        ]),
    ]


_FILES = {f.name: f for f in files_1_0()}
SPEC = OneRosterSpec("1.0", _FILES, required_files=tuple(_FILES), has_manifest=False)
