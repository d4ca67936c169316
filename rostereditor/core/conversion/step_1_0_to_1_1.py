"""OneRoster 1.0 → 1.1: renamed columns, the new required ones, and status `inactive`.

Renames (oneroster-spec.md §8 and §13.7): courses schoolYearId → schoolYearSourcedId and
grade → grades; classes grade → grades and termSourcedId → termSourcedIds; demographics
userSourcedId → sourcedId and birthdate → birthDate; users agents → agentSourcedIds. 1.0's
metadata.* columns move after the defined columns. New 1.1 columns are empty except two the
1.1 text requires: users.enabledUser (true: 1.0 has no way to curtail access) and
academicSessions.schoolYear (see school_years). users.userId becomes userIds when every value
is already written {Type:Id}; otherwise it is kept as the extension column metadata.userId,
since the reference gives no Type to add. 1.0's `inactive` status becomes `tobedeleted`, which
is how 1.1 maps the value it deprecates.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.conversion.column_values import column, filled_rows, rows_where
from rostereditor.core.conversion.file_steps import StepState, reshape_files
from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.conversion.reshape import FilePlan
from rostereditor.core.conversion.school_years import school_year_column
from rostereditor.core.table import Table
from rostereditor.core.validation.value_patterns import USER_IDS
from rostereditor.core.wording import plural

RENAMES: dict[str, dict[str, str]] = {
    "courses.csv": {"schoolYearId": "schoolYearSourcedId", "grade": "grades"},
    "classes.csv": {"grade": "grades", "termSourcedId": "termSourcedIds"},
    "demographics.csv": {"userSourcedId": "sourcedId", "birthdate": "birthDate"},
    "users.csv": {"agents": "agentSourcedIds"},
}
USER_ID_EXTENSION = "metadata.userId"


def convert_1_0_to_1_1(state: StepState) -> None:
    report = state.report
    plans = {name: FilePlan(renames=dict(renames)) for name, renames in RENAMES.items()}
    users = state.tables.get("users.csv")
    if users is not None:
        _plan_users(users, plans["users.csv"], report)
    sessions = state.tables.get("academicSessions.csv")
    if sessions is not None:
        years = school_year_column(sessions, report)
        plans["academicSessions.csv"] = FilePlan(computed={"schoolYear": years})
    for name, table in state.tables.items():
        status = _status_without_inactive(name, table, report)
        if status is not None:
            plans.setdefault(name, FilePlan()).computed["status"] = status
    reshape_files(state, "1.0", "1.1", plans)


def _plan_users(users: Table, plan: FilePlan, report: ConversionReport) -> None:
    plan.computed["enabledUser"] = pa.repeat(pa.scalar("true", pa.string()), len(users))
    if len(users):
        report.add("check", "users.csv", "enabledUser (required from 1.1) is true for every user: "
                   "1.0 has no such column, and true means the user may sign in", len(users))
    user_id = column(users, "userId")
    if user_id is None or not len(filled_rows(user_id)):
        return
    values = pc.utf8_trim_whitespace(user_id)
    written_as_ids = pc.or_(pc.equal(values, ""), pc.match_substring_regex(values, USER_IDS))
    if pc.all(written_as_ids).as_py():
        plan.computed["userIds"] = user_id
        plan.moved_out = ("userId",)
        report.add("changed", "users.csv", "moved userId into userIds (its values are already "
                   "written {Type:Id})")
    else:
        plan.renames = {**plan.renames, "userId": USER_ID_EXTENSION}
        report.add("check", "users.csv", f"userId kept as the extension column {USER_ID_EXTENSION}: "
                   "1.1's userIds are written {Type:Id} (e.g. {LDAP:jsmith}) and the reference "
                   "does not say which Type 1.0's values are; move them into userIds yourself")


def _status_without_inactive(name: str, table: Table, report: ConversionReport) -> pa.Array | None:
    status = column(table, "status")
    if status is None:
        return None
    rows = rows_where(pc.equal(status, "inactive"))
    if not len(rows):
        return None
    report.add("changed", name, f"{plural(len(rows), 'status value')} inactive became tobedeleted (1.1 "
               "deprecates inactive and maps it to tobedeleted)", len(rows))
    replaced = pc.replace_substring_regex(status, pattern="^inactive$", replacement="tobedeleted")
    return replaced if isinstance(replaced, pa.Array) else replaced.combine_chunks()

