"""OneRoster 1.1 → 1.2: roles.csv made from each user's orgSourcedIds and role.

A 1.1 user has one role, held at every org it lists. 1.2 writes one roles.csv record per
(user, org, role), so each 1.1 user becomes one record per org, every one of roleType
`primary`: the user has exactly one role at each org, and 1.2 allows one primary role per org.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field

from rostereditor.core.conversion.column_values import column, examples
from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.conversion.role_names import role_1_2_for
from rostereditor.core.editing.reference_columns import split_list
from rostereditor.core.spec import spec_for
from rostereditor.core.table import Table
from rostereditor.core.validation.value_patterns import GUID_MAX_LENGTH
from rostereditor.core.wording import agree, plural

ROLES = "roles.csv"
PRIMARY = "primary"
# A stable namespace, so the same user and org get the same fallback id on every export.
_ID_NAMESPACE = uuid.UUID("6f1b3c2e-8a4d-4f0e-9d57-2b1f0c9e7a11")


def roles_from_users(users: Table, orgs: Table | None, report: ConversionReport) -> Table:
    """The roles.csv table for a 1.1 users table (orgs gives each org's type)."""
    org_types = _org_types(orgs)
    names = ("sourcedId", "status", "dateLastModified", "orgSourcedIds", "role")
    cols = {n: column(users, n) for n in names}
    values = {n: (c.to_pylist() if c is not None else [""] * len(users)) for n, c in cols.items()}
    rows: list[list[str]] = []
    tally = _Tally()
    for row, user in enumerate(values["sourcedId"]):
        role = values["role"][row]
        orgs_of_user = list(dict.fromkeys(o for o in split_list(values["orgSourcedIds"][row]) if o))
        if not orgs_of_user:
            tally.without_orgs.append((row, role))
        for org in orgs_of_user:
            found = role_1_2_for(role, org_types.get(org))
            if found is None:
                tally.undecided.append((row, org))
            elif found != role:
                tally.administrators[found] += 1
            new_role = role if found is None else found
            rows.append([user, values["status"][row], values["dateLastModified"][row], user,
                         PRIMARY, new_role, "", "", org, ""])
    _give_ids(rows, report)
    _report(users, report, len(rows), tally)
    header = spec_for("1.2").files[ROLES].column_names
    return Table.from_rows(header, rows)


@dataclass
class _Tally:
    """What the report needs to say about the users, gathered in one pass."""

    without_orgs: list[tuple[int, str]] = field(default_factory=list)  # (row, role)
    administrators: Counter[str] = field(default_factory=Counter)
    undecided: list[tuple[int, str]] = field(default_factory=list)  # (row, org)


def _org_types(orgs: Table | None) -> dict[str, str]:
    if orgs is None:
        return {}
    ids, types = column(orgs, "sourcedId"), column(orgs, "type")
    if ids is None or types is None:
        return {}
    return dict(zip(ids.to_pylist(), types.to_pylist(), strict=True))


def _give_ids(rows: list[list[str]], report: ConversionReport) -> None:
    """sourcedId user-org: readable and the same on every export of the same data."""
    seen: set[str] = set()
    renamed = []
    for row in rows:
        user, org = row[3], row[8]
        wanted = f"{user}-{org}"
        if len(wanted) > GUID_MAX_LENGTH or wanted in seen:
            # Too long for a sourcedId, or two pairs read alike (a-b + c and a + b-c).
            wanted = str(uuid.uuid5(_ID_NAMESPACE, f"{user}\x1f{org}"))
            renamed.append(f"{user} at {org}: {wanted}")
        seen.add(wanted)
        row[0] = wanted
    if rows:
        report.add("check", ROLES, "each record's sourcedId is the user's sourcedId, a hyphen and "
                   "the org's sourcedId (the reference does not say how to name role records)")
    if renamed:
        report.add("check", ROLES, f"{plural(len(renamed), 'role record')} got a generated sourcedId "
                   "instead, because user-org was too long or not unique", len(renamed), renamed)


def _report(users: Table, report: ConversionReport, count: int, tally: _Tally) -> None:
    report.add("changed", ROLES, f"created {plural(count, 'role record')}, one per user and org listed in "
               "users.csv orgSourcedIds, with the user's role, roleType primary (one role per org "
               "in 1.1) and the user's status and dateLastModified", count)
    report.add("changed", "users.csv", "moved orgSourcedIds and role to roles.csv")
    for new_role, n in sorted(tally.administrators.items()):
        level = "district" if new_role.startswith("district") else "site"
        report.add("check", ROLES, f"{plural(n, 'administrator role')} became {new_role}: 1.2 names "
                   f"administrators by level and the org is a {level}-level org (the reference "
                   "gives no mapping from 1.1's administrator)", n)
    undecided = tally.undecided
    if undecided:
        report.add("check", ROLES, f"{plural(len(undecided), 'administrator role')} at orgs this "
                   f"bundle does not describe {agree(len(undecided), 'was', 'were')} kept as "
                   "administrator, which 1.2 does not have: choose "
                   "districtAdministrator or siteAdministrator", len(undecided),
                   examples(users, [r for r, _ in undecided], [f"at {o}" for _, o in undecided]))
    if tally.without_orgs:
        lone = tally.without_orgs
        report.add("lost", "users.csv", f"{plural(len(lone), 'user')} "
                   f"{agree(len(lone), 'lists', 'list')} no orgSourcedIds, so their role has "
                   "no place in 1.2 (roles.csv records need an org)", len(lone),
                   examples(users, [r for r, _ in lone], [repr(role) for _, role in lone]))
