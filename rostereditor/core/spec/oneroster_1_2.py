"""OneRoster 1.2 CSV files as data: 1.1 with its changes plus the eight new files."""

from __future__ import annotations

from dataclasses import replace

from rostereditor.core.spec import vocabularies as v
from rostereditor.core.spec.column_kinds import (
    boolean,
    date,
    enum,
    grades,
    number,
    ref,
    ref_list,
    score_scale,
    text,
    user_ids,
)
from rostereditor.core.spec.model import ColumnSpec, FileSpec, OneRosterSpec
from rostereditor.core.spec.oneroster_1_1 import ENROLLMENTS_IN_TERMS, SCHOOL, files_1_1, head

_CASE_IDS = (("source", "learningObjectiveId"),)
# Vocabularies 1.2 opens to proprietary "ext:" values, by (file, column).
_EXTENSIBLE = {
    ("classes.csv", "classType"), ("enrollments.csv", "role"), ("roles.csv", "role"),
    ("resources.csv", "roles"), ("results.csv", "scoreStatus"),
    ("academicSessions.csv", "type"), ("orgs.csv", "type"), ("demographics.csv", "sex"),
    ("lineItemLearningObjectiveIds.csv", "source"), ("resultLearningObjectiveIds.csv", "source"),
}


def _users() -> FileSpec:
    return FileSpec("users.csv", [
        *head(), boolean("enabledUser", True, "Whether the user may sign in."),
        text("username", True, "The user's sign-in name.", role="username"), user_ids(),
        text("givenName", True, role="name"), text("familyName", True, role="name"),
        text("middleName", role="name"), text("identifier", role="id"),
        text("email", description="An email address, e.g. jsmith@example.org.", role="email"),
        text("sms"), text("phone"), ref_list("agentSourcedIds", "users.csv", False),
        _profile_grades(grades()),
        text("password"), text("userMasterIdentifier", role="id"),
        ref_list("resourceSourcedIds", "resources.csv", False),
        text("preferredGivenName", role="name"), text("preferredMiddleName", role="name"),
        text("preferredFamilyName", role="name"),
        ref("primaryOrgSourcedId", "orgs.csv", False), text("pronouns"),
    ], omittable=("resourceSourcedIds",))


def _new_files() -> list[FileSpec]:
    return [
        FileSpec("lineItemLearningObjectiveIds.csv", [
            *head(), ref("lineItemSourcedId", "lineItems.csv"),
            enum("source", v.LEARNING_OBJECTIVE_SOURCES), text("learningObjectiveId", True),
        ], case_ids=_CASE_IDS),
        FileSpec("lineItemScoreScales.csv", [
            *head(), text("title"), ref("lineItemSourcedId", "lineItems.csv"),
            ref("scoreScaleSourcedId", "scoreScales.csv"),
        ]),
        FileSpec("resultLearningObjectiveIds.csv", [
            *head(), ref("resultSourcedId", "results.csv"),
            enum("source", v.LEARNING_OBJECTIVE_SOURCES), text("learningObjectiveId", True),
            number("score", "float"), text("textScore"),
        ], case_ids=_CASE_IDS),
        FileSpec("resultScoreScales.csv", [
            *head(), text("title"), ref("resultSourcedId", "results.csv"),
            ref("scoreScaleSourcedId", "scoreScales.csv"),
        ]),
        FileSpec("roles.csv", [
            *head(), ref("userSourcedId", "users.csv"), enum("roleType", v.ROLE_TYPES),
            enum("role", v.ROLES_1_2), date("beginDate"), date("endDate"),
            ref("orgSourcedId", "orgs.csv"),
            ref("userProfileSourcedId", "userProfiles.csv", False),
        ]),
        FileSpec("scoreScales.csv", [
            *head(), text("title", True), text("type", True), ref("orgSourcedId", "orgs.csv"),
            ref("courseSourcedId", "courses.csv"), ref("classSourcedId", "classes.csv"),
            score_scale(),
        ]),
        FileSpec("userProfiles.csv", [
            *head(), ref("userSourcedId", "users.csv"), text("profileType", True),
            text("vendorId", True), text("applicationId"), text("description"),
            text("credentialType", True), text("username", True, role="username"),
            text("password"),
        ]),
        FileSpec("userResources.csv", [
            *head(), ref("userSourcedId", "users.csv"), ref("orgSourcedId", "orgs.csv", False),
            ref("classSourcedId", "classes.csv", False), ref("resourceSourcedId", "resources.csv"),
        ]),
    ]


def _changed(spec: FileSpec) -> FileSpec:
    name = spec.name
    columns = list(spec.columns)
    if name == "categories.csv":
        columns.append(number("weight", "integer", description="A percentage, e.g. 20."))
    elif name == "demographics.csv":
        columns = [replace(c, values=v.SEX_1_2) if c.name == "sex" else c for c in columns]
    elif name == "lineItems.csv":
        columns = [_line_item_column(c) for c in columns]
        # "SourcedId of the School."
        columns.append(ref("schoolSourcedId", "orgs.csv", target_type=SCHOOL))
    elif name == "results.csv":
        columns = [replace(c, required=False) if c.name == "score" else c for c in columns]
        columns += [text("textScore"), ref("classSourcedId", "classes.csv", False),
                    boolean("inProgress"), boolean("incomplete"), boolean("late"),
                    boolean("missing")]
    elif name == "users.csv":
        return _users()
    columns = [_profile_grades(_extensible(name, c)) for c in columns]
    return replace(spec, columns=columns)


def _profile_grades(column: ColumnSpec) -> ColumnSpec:
    """1.2 drops CEDS: "The permitted vocabulary should be agreed" by the profile."""
    if column.kind != "grades":
        return column
    return replace(column, values=(), description=(
        "Grades separated by commas; 1.2 leaves the codes to the vendor's profile "
        "(most use CEDS: KG, 01 ... 12)."))


def _line_item_column(column: ColumnSpec) -> ColumnSpec:
    if column.name == "gradingPeriodSourcedId":
        return ref("academicSessionSourcedId", "academicSessions.csv")
    if column.name in ("resultValueMin", "resultValueMax"):
        return replace(column, required=False)
    return column


def _extensible(file_name: str, column: ColumnSpec) -> ColumnSpec:
    if (file_name, column.name) in _EXTENSIBLE:
        return replace(column, extensible=True,
                       description=column.description + " Your own values must start with ext:.")
    return column


def files_1_2() -> list[FileSpec]:
    changed = [_changed(f) for f in files_1_1()]
    new = [replace(f, columns=[_extensible(f.name, c) for c in f.columns]) for f in _new_files()]
    return changed + new


SPEC = OneRosterSpec("1.2", {f.name: f for f in files_1_2()}, required_files=("manifest.csv",),
                     dates_within_sessions=ENROLLMENTS_IN_TERMS)
