"""OneRoster 1.2 → 1.1: the 1.1 → 1.2 changes undone, with every loss reported.

users.csv takes orgSourcedIds and role back from roles.csv; lineItems.csv renames
academicSessionSourcedId back to gradingPeriodSourcedId. Columns and files 1.1 does not have
are left out, and each one that held data is reported as lost.
"""

from __future__ import annotations

from rostereditor.core.conversion.file_steps import StepState, reshape_files
from rostereditor.core.conversion.reshape import FilePlan
from rostereditor.core.conversion.users_from_roles import ROLES, users_role_columns


def convert_1_2_to_1_1(state: StepState) -> None:
    plans: dict[str, FilePlan] = {}
    users = state.tables.get("users.csv")
    if users is not None:
        plans["users.csv"] = FilePlan(
            computed=users_role_columns(users, state.tables.get(ROLES), state.report))
    plans["lineItems.csv"] = FilePlan(renames={"academicSessionSourcedId": "gradingPeriodSourcedId"})
    reshape_files(state, "1.2", "1.1", plans, consumed=(ROLES,) if users is not None else ())
