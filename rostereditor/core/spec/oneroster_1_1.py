"""OneRoster 1.1 CSV files as data (column order, requirement, type, references)."""

from __future__ import annotations

from rostereditor.core.spec import vocabularies as v
from rostereditor.core.spec.column_kinds import (
    boolean,
    date,
    date_last_modified,
    enum,
    enum_list,
    grades,
    number,
    ref,
    ref_list,
    sourced_id,
    status,
    string_list,
    text,
    user_ids,
    year,
)
from rostereditor.core.spec.model import (
    ColumnSpec,
    DatesWithinSessions,
    FileSpec,
    OneRosterSpec,
    TargetType,
)

SCHOOL = TargetType("type", ("school",))
SCHOOL_YEAR = TargetType("type", ("schoolYear",))
STUDENT = TargetType("role", ("student",))
SUBJECT_PAIRS = (("subjects", "subjectCodes"),)
# The spec says enrollment dates "should" fall within the class's terms.
ENROLLMENTS_IN_TERMS = DatesWithinSessions(
    "enrollments.csv", "beginDate", "endDate", "classSourcedId", "classes.csv",
    "termSourcedIds", "academicSessions.csv", "startDate", "endDate")


def head(status_values: tuple[str, ...] = v.STATUS) -> list[ColumnSpec]:
    return [sourced_id(), status(status_values), date_last_modified()]


def subjects_and_codes() -> list[ColumnSpec]:
    return [
        string_list("subjects", "Subject names separated by commas (no commas inside a name)."),
        string_list("subjectCodes", "Subject codes separated by commas, one per subject, "
                    "in the same order as subjects."),
    ]


def race_flags() -> list[ColumnSpec]:
    names = ("americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
             "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces",
             "hispanicOrLatinoEthnicity")
    return [boolean(n) for n in names]


def files_1_1() -> list[FileSpec]:
    return [
        FileSpec("academicSessions.csv", [
            *head(), text("title", True),
            enum("type", v.SESSION_TYPES),
            date("startDate", True, "First day of the session."),
            date("endDate", True, "Day after the session ends."),
            ref("parentSourcedId", "academicSessions.csv", False),
            year("schoolYear", True, "The year in which the school year ends, e.g. 2025."),
        ]),
        FileSpec("categories.csv", [*head(), text("title", True)]),
        FileSpec("classes.csv", [
            *head(), text("title", True), grades(),
            ref("courseSourcedId", "courses.csv"), text("classCode"),
            enum("classType", v.CLASS_TYPES), text("location"),
            ref("schoolSourcedId", "orgs.csv", target_type=SCHOOL),
            ref_list("termSourcedIds", "academicSessions.csv"),
            *subjects_and_codes(),
            string_list("periods", "Class periods separated by commas, e.g. \"1,3,5\"."),
        ], parallel_lists=SUBJECT_PAIRS),
        FileSpec("classResources.csv", [
            *head(), text("title"), ref("classSourcedId", "classes.csv"),
            ref("resourceSourcedId", "resources.csv"),
        ]),
        FileSpec("courses.csv", [
            *head(), ref("schoolYearSourcedId", "academicSessions.csv", False,
                         target_type=SCHOOL_YEAR),
            text("title", True), text("courseCode"), grades(),
            ref("orgSourcedId", "orgs.csv"), *subjects_and_codes(),
        ], parallel_lists=SUBJECT_PAIRS),
        FileSpec("courseResources.csv", [
            *head(), text("title"), ref("courseSourcedId", "courses.csv"),
            ref("resourceSourcedId", "resources.csv"),
        ]),
        FileSpec("demographics.csv", [
            ref("sourcedId", "users.csv", description="The sourcedId of the user these "
                "demographics describe (one row per user)."),
            status(v.STATUS), date_last_modified(),
            date("birthDate"), enum("sex", v.SEX, False), *race_flags(),
            text("countryOfBirthCode"), text("stateOfBirthAbbreviation"), text("cityOfBirth"),
            text("publicSchoolResidenceStatus"),
        ]),
        FileSpec("enrollments.csv", [
            *head(), ref("classSourcedId", "classes.csv"),
            ref("schoolSourcedId", "orgs.csv", target_type=SCHOOL),
            ref("userSourcedId", "users.csv"), enum("role", v.ENROLLMENT_ROLES),
            boolean("primary", description="Whether this is the class's main teacher."),
            date("beginDate", description="First day of the enrollment."),
            date("endDate", description="Day after the enrollment ends."),
        ]),
        FileSpec("lineItems.csv", [
            *head(), text("title", True), text("description"),
            date("assignDate", True), date("dueDate", True),
            ref("classSourcedId", "classes.csv"), ref("categorySourcedId", "categories.csv"),
            ref("gradingPeriodSourcedId", "academicSessions.csv"),
            number("resultValueMin", "float", True), number("resultValueMax", "float", True),
        ], bounds=(("resultValueMin", "resultValueMax"),)),
        FileSpec("orgs.csv", [
            *head(), text("name", True), enum("type", v.ORG_TYPES),
            text("identifier", description="An outside identifier, e.g. the NCES ID.", role="id"),
            ref("parentSourcedId", "orgs.csv", False),
        ]),
        FileSpec("resources.csv", [
            *head(), text("vendorResourceId", True, "The vendor's identifier of the resource."),
            text("title"), enum_list("roles", v.USER_ROLES), enum("importance", v.IMPORTANCE, False),
            text("vendorId"), text("applicationId"),
        ]),
        FileSpec("results.csv", [
            *head(), ref("lineItemSourcedId", "lineItems.csv"),
            ref("studentSourcedId", "users.csv", target_type=STUDENT),
            enum("scoreStatus", v.SCORE_STATUS), number("score", "float", True),
            date("scoreDate", True), text("comment"),
        ]),
        FileSpec("users.csv", [
            *head(), boolean("enabledUser", True, "Whether the user may sign in."),
            ref_list("orgSourcedIds", "orgs.csv"), enum("role", v.USER_ROLES),
            text("username", True, "The user's sign-in name.", role="username"), user_ids(),
            text("givenName", True, role="name"), text("familyName", True, role="name"),
            text("middleName", role="name"), text("identifier", role="id"),
            text("email", description="An email address, e.g. jsmith@example.org.", role="email"),
            text("sms"), text("phone"),
            ref_list("agentSourcedIds", "users.csv", False,
                     "sourcedIds of related users (e.g. parents), separated by commas."),
            grades(), text("password"),
        ]),
    ]


SPEC = OneRosterSpec("1.1", {f.name: f for f in files_1_1()}, required_files=("manifest.csv",),
                     dates_within_sessions=ENROLLMENTS_IN_TERMS)
