"""How user roles are named in OneRoster 1.1 (users.role) and 1.2 (roles.role).

The reference lists both vocabularies but gives no mapping between them. Where the names are
the same the role is kept. 1.1's single `administrator` is split by 1.2 into
districtAdministrator, siteAdministrator and systemAdministrator: going up, the org the role is
held at tells which (an org of type district, local, state or national holds district
administrators; a school or department holds site administrators), and the conversion report
lists each such choice for review. Going down, every 1.2 administrator role and `principal`
become `administrator`; `counselor` and `ext:` roles have no 1.1 name and are kept as they are,
for a person to choose (they would grant different access in a vendor's system).
"""

from __future__ import annotations

SAME_NAME_ROLES = ("aide", "guardian", "parent", "proctor", "relative", "student", "teacher")

ADMINISTRATOR_1_1 = "administrator"
DISTRICT_ADMINISTRATOR = "districtAdministrator"
SITE_ADMINISTRATOR = "siteAdministrator"
DISTRICT_LEVEL_ORG_TYPES = ("district", "local", "state", "national")
SITE_LEVEL_ORG_TYPES = ("school", "department")

# 1.2 roles that are administrators by name, so 1.1's administrator fits them.
ADMINISTRATORS_1_2 = (DISTRICT_ADMINISTRATOR, SITE_ADMINISTRATOR, "systemAdministrator", "principal")


def role_1_2_for(role_1_1: str, org_type: str | None) -> str | None:
    """The 1.2 role for a 1.1 user role held at an org of `org_type`.

    None when it cannot be told: an administrator at an org this bundle does not describe.
    Unknown roles are returned as they are (they were not valid in 1.1 either).
    """
    if role_1_1 != ADMINISTRATOR_1_1:
        return role_1_1
    if org_type in DISTRICT_LEVEL_ORG_TYPES:
        return DISTRICT_ADMINISTRATOR
    if org_type in SITE_LEVEL_ORG_TYPES:
        return SITE_ADMINISTRATOR
    return None


def role_1_1_for(role_1_2: str) -> str | None:
    """The 1.1 user role for a 1.2 role, or None where 1.1 has no such role."""
    if role_1_2 in SAME_NAME_ROLES:
        return role_1_2
    if role_1_2 in ADMINISTRATORS_1_2:
        return ADMINISTRATOR_1_1
    return None
