"""How to recognise the same record under a new sourcedId: the fields each file's records share.

Rules are tried in order; a rule pairs a removed and an added record only when their values
agree (ignoring case and surrounding spaces), none is blank, and each value is unique on both
sides, so an ambiguous match is never claimed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdentityField:
    """One field of a rule.

    target: the column references records of that file, so OLD values are read through that
    file's sourcedId changes first (an enrollment keeps its identity when its user is re-IDed).
    source_file: the value lives in that file's record with the same sourcedId (a user's
    birthDate is in demographics.csv).
    """

    column: str
    target: str | None = None
    source_file: str | None = None
    label: str | None = None  # how evidence names it, when the column name would mislead

    @property
    def shown(self) -> str:
        return self.label or self.column


@dataclass(frozen=True)
class IdentityRule:
    fields: tuple[IdentityField, ...]

    @property
    def label(self) -> str:
        return " + ".join(f.shown for f in self.fields)


def _rule(*fields: str | IdentityField) -> IdentityRule:
    return IdentityRule(tuple(f if isinstance(f, IdentityField) else IdentityField(f) for f in fields))


def _ref(column: str, target: str, label: str | None = None) -> IdentityField:
    return IdentityField(column, target=target, label=label)


_ORG = _ref("orgSourcedId", "orgs.csv")
_SCHOOL = _ref("schoolSourcedId", "orgs.csv")
_USER = _ref("userSourcedId", "users.csv")
_YEAR = _ref("schoolYearSourcedId", "academicSessions.csv")
_BIRTH = IdentityField("birthDate", source_file="demographics.csv")

IDENTITY_RULES: dict[str, tuple[IdentityRule, ...]] = {
    "orgs.csv": (_rule("identifier"), _rule("name", "type")),
    "academicSessions.csv": (_rule("title", "type", "schoolYear"),
                             _rule("title", "startDate", "endDate")),
    "courses.csv": (_rule("courseCode", _ORG, _YEAR), _rule("title", _ORG, _YEAR)),
    "classes.csv": (_rule("classCode", _SCHOOL), _rule("title", _SCHOOL, "periods")),
    "users.csv": (_rule("username"), _rule("email"), _rule("identifier"),
                  _rule("userMasterIdentifier"), _rule("givenName", "familyName", _BIRTH)),
    # A demographics row's sourcedId is its user's: it follows the user's new ID.
    "demographics.csv": (_rule(_ref("sourcedId", "users.csv", "user")),
                         _rule(_ref("userSourcedId", "users.csv"))),
    "roles.csv": (_rule(_USER, _ORG, "role", "roleType"),),
    "userProfiles.csv": (_rule(_USER, "profileType", "vendorId", "username"),),
    "enrollments.csv": (_rule(_USER, _ref("classSourcedId", "classes.csv"), "role"),),
    "categories.csv": (_rule("title"),),
    "resources.csv": (_rule("vendorResourceId"),),
}

# Files whose IDs others' rules read through come first.
MATCHING_ORDER = (
    "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv",
    "demographics.csv", "roles.csv", "userProfiles.csv", "enrollments.csv",
)


def rules_for(file: str) -> tuple[IdentityRule, ...]:
    return IDENTITY_RULES.get(file, ())


def evidence_fields(file: str) -> tuple[IdentityField, ...]:
    """Every field any rule of the file uses, each once, in rule order."""
    seen: dict[str, IdentityField] = {}
    for rule in rules_for(file):
        for item in rule.fields:
            seen.setdefault(item.shown, item)
    return tuple(seen.values())
