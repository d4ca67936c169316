"""OneRoster 1.2 → 1.1: users.csv orgSourcedIds and role taken back from roles.csv.

A 1.1 user lists its orgs and has one role. The orgs are those of the user's role records in
file order (the user's primaryOrgSourcedId first when it is one of them). The role is that of
the user's first `primary` role record, else of its first record; a user with several
different roles keeps one, and the report names the others as lost.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.conversion.column_values import column, examples, filled_rows, rows_where
from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.conversion.role_names import ADMINISTRATOR_1_1, role_1_1_for
from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural

ROLES = "roles.csv"
USERS = "users.csv"
_GONE = "tobedeleted"


@dataclass
class _UserRoles:
    orgs: list[str] = field(default_factory=list)
    primary: list[str] = field(default_factory=list)  # 1.2 role names, in file order
    secondary: list[str] = field(default_factory=list)

    @property
    def roles(self) -> list[str]:
        return self.primary + self.secondary


def users_role_columns(users: Table, roles: Table | None,
                       report: ConversionReport) -> dict[str, pa.Array]:
    """orgSourcedIds and role for every users.csv row, in row order."""
    by_user = _roles_by_user(roles, report)
    ids = column(users, "sourcedId")
    user_ids: list[str] = ids.to_pylist() if ids is not None else [""] * len(users)
    primary_org = column(users, "primaryOrgSourcedId")
    primaries = primary_org.to_pylist() if primary_org is not None else [""] * len(users)
    org_cells, role_cells = [], []
    tally = _Tally()
    for row, user in enumerate(user_ids):
        held = by_user.pop(user, _UserRoles())
        if not held.roles:
            tally.without_roles.append(row)
        orgs = held.orgs
        if primaries[row] in orgs:
            orgs = [primaries[row], *(o for o in orgs if o != primaries[row])]
        org_cells.append(",".join(orgs))
        roles_held = held.roles
        role = roles_held[0] if roles_held else ""
        new = role_1_1_for(role) if role else ""
        if new is None:
            tally.no_name.append((row, role))
            new = role
        elif new != role:
            tally.mapped[role] += 1
        others = sorted({r for r in roles_held if (role_1_1_for(r) or r) != new})
        if others:
            tally.several.append((row, others))
        role_cells.append(new)
    tally.left_over = by_user
    _report(users, report, tally)
    return {"orgSourcedIds": pa.array(org_cells, pa.string()), "role": pa.array(role_cells, pa.string())}


@dataclass
class _Tally:
    """What the report needs to say about the users, gathered in one pass."""

    mapped: Counter[str] = field(default_factory=Counter)  # 1.2 role -> users given administrator
    no_name: list[tuple[int, str]] = field(default_factory=list)  # (row, role 1.1 lacks)
    several: list[tuple[int, list[str]]] = field(default_factory=list)  # (row, other roles)
    without_roles: list[int] = field(default_factory=list)
    left_over: dict[str, _UserRoles] = field(default_factory=dict)  # roles of unknown users


def _roles_by_user(roles: Table | None, report: ConversionReport) -> dict[str, _UserRoles]:
    if roles is None:
        report.add("check", USERS, "the bundle has no roles.csv, so users get no orgSourcedIds or role")
        return {}
    names = ("userSourcedId", "orgSourcedId", "role", "roleType", "status")
    cols = {n: column(roles, n) for n in names}
    values = {n: (c.to_pylist() if c is not None else [""] * len(roles)) for n, c in cols.items()}
    by_user: dict[str, _UserRoles] = {}
    skipped = 0
    for row, user in enumerate(values["userSourcedId"]):
        if values["status"][row] == _GONE:
            skipped += 1  # a delta marking the role for deletion: the user no longer holds it
            continue
        held = by_user.setdefault(user, _UserRoles())
        org, role = values["orgSourcedId"][row], values["role"][row]
        if org and org not in held.orgs:
            held.orgs.append(org)
        if role:
            (held.primary if values["roleType"][row] == "primary" else held.secondary).append(role)
    if skipped:
        report.add("changed", ROLES, f"{plural(skipped, 'role record')} marked tobedeleted "
                   f"{agree(skipped, 'was', 'were')} not "
                   "given to their users", skipped)
    _report_role_details(roles, report)
    report.add("changed", USERS, "filled orgSourcedIds and role from roles.csv; roles.csv is "
               "not part of OneRoster 1.1")
    return by_user


def _report_role_details(roles: Table, report: ConversionReport) -> None:
    for name in ("beginDate", "endDate", "userProfileSourcedId"):
        values = column(roles, name)
        if values is None:
            continue
        rows = filled_rows(values)
        if len(rows):
            picked = values.take(pa.array(rows[:3])).to_pylist()
            report.add("lost", ROLES, f"{name} of {plural(len(rows), 'role record')}: 1.1 has no place "
                       "for it", len(rows), examples(roles, rows, [repr(v) for v in picked]))
    types = column(roles, "roleType")
    if types is not None:
        rows = rows_where(pc.equal(types, "secondary"))
        if len(rows):
            report.add("lost", ROLES, f"{plural(len(rows), 'secondary role record')}: 1.1 users have one "
                       "role, so only primary roles count", len(rows),
                       examples(roles, rows, ["roleType secondary"] * len(rows)))


def _report(users: Table, report: ConversionReport, tally: _Tally) -> None:
    for role, n in sorted(tally.mapped.items()):
        report.add("changed", USERS, f"{plural(n, 'user')} with role {role} became {ADMINISTRATOR_1_1}, "
                   "1.1's only administrator role", n)
    no_name, several, left_over = tally.no_name, tally.several, tally.left_over
    if tally.without_roles:
        rows = tally.without_roles
        report.add("check", USERS, f"{plural(len(rows), 'user')} "
                   f"{agree(len(rows), 'has', 'have')} no role record in roles.csv, so "
                   "their orgSourcedIds and role, which 1.1 requires, are empty: fill them in",
                   len(rows), examples(users, rows, ["no role"] * len(rows)))
    if no_name:
        kinds = sorted({r for _, r in no_name})
        report.add("check", USERS, f"{plural(len(no_name), 'user')} "
                   f"{agree(len(no_name), 'has', 'have')} a role 1.1 does not have ("
                   + ", ".join(kinds) + "): kept as it was; choose a 1.1 role, as it decides "
                   "what the user may do in a vendor's system", len(no_name),
                   examples(users, [r for r, _ in no_name], [repr(r) for _, r in no_name]))
    if several:
        report.add("lost", USERS, f"{plural(len(several), 'user')} "
                   f"{agree(len(several), 'holds', 'hold')} more than one role; 1.1 keeps one "
                   "(the first primary role) and the others are lost", len(several),
                   examples(users, [r for r, _ in several],
                            ["also " + ", ".join(o) for _, o in several]))
    if left_over:
        count = sum(max(1, len(h.orgs)) for h in left_over.values())
        report.add("lost", ROLES, f"role records of {plural(len(left_over), 'user')} not in users.csv",
                   count, [repr(u) for u in list(left_over)[:3]])
