"""OneRoster 1.1 → 1.2, as the 1.2 text lists its changes (oneroster-spec.md §7).

users.csv loses orgSourcedIds and role to a new roles.csv and gains seven optional columns
(left empty: nothing in 1.1 holds them); lineItems.csv renames gradingPeriodSourcedId and gains
schoolSourcedId (required), taken from the line item's class; categories.csv gains weight and
results.csv six optional columns, all left empty.
"""

from __future__ import annotations

import pyarrow as pa

from rostereditor.core.conversion.column_values import column, examples
from rostereditor.core.conversion.file_steps import StepState, reshape_files
from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.conversion.reshape import FilePlan
from rostereditor.core.conversion.roles_from_users import ROLES, roles_from_users
from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural

LINE_ITEMS = "lineItems.csv"


def convert_1_1_to_1_2(state: StepState) -> None:
    report = state.report
    plans: dict[str, FilePlan] = {}
    users = state.tables.get("users.csv")
    roles = None
    if users is not None:
        if ROLES in state.tables:
            report.add("check", ROLES, "the 1.1 bundle had a roles.csv, which 1.1 does not define; "
                       "it was replaced by one made from users.csv")
            del state.tables[ROLES]
        roles = roles_from_users(users, state.tables.get("orgs.csv"), report)
        plans["users.csv"] = FilePlan(moved_out=("orgSourcedIds", "role"))
        if len(users):
            report.add("check", "users.csv", "primaryOrgSourcedId (new in 1.2) is left empty: the "
                       "reference does not say which of a user's orgs is the primary one")
    line_items = state.tables.get(LINE_ITEMS)
    if line_items is not None:
        plans[LINE_ITEMS] = FilePlan(
            renames={"gradingPeriodSourcedId": "academicSessionSourcedId"},
            computed={"schoolSourcedId": _schools_of_classes(
                line_items, state.tables.get("classes.csv"), report)})
    reshape_files(state, "1.1", "1.2", plans)
    if roles is not None:
        state.tables[ROLES] = roles
        state.modes[ROLES] = state.modes.get("users.csv", "bulk")


def _schools_of_classes(line_items: Table, classes: Table | None,
                        report: ConversionReport) -> pa.Array:
    """Each line item's class's schoolSourcedId ('' when the class is not in the bundle)."""
    schools: dict[str, str] = {}
    if classes is not None:
        ids, school_ids = column(classes, "sourcedId"), column(classes, "schoolSourcedId")
        if ids is not None and school_ids is not None:
            schools = dict(zip(ids.to_pylist(), school_ids.to_pylist(), strict=True))
    class_ids = column(line_items, "classSourcedId")
    wanted = class_ids.to_pylist() if class_ids is not None else [""] * len(line_items)
    found = [schools.get(c, "") for c in wanted]
    missing = [row for row, school in enumerate(found) if not school]
    report.add("changed", LINE_ITEMS, "filled schoolSourcedId (new and required in 1.2) with the "
               "school of each line item's class", len(found) - len(missing))
    if missing:
        report.add("check", LINE_ITEMS, f"{plural(len(missing), 'line item')} "
                   f"{agree(len(missing), 'has', 'have')} a class this bundle does "
                   "not describe (or one without a school), so schoolSourcedId is empty: fill it in",
                   len(missing), examples(line_items, missing, [repr(wanted[r]) for r in missing]))
    return pa.array(found, pa.string())
