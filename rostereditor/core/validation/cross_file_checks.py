"""Rules that join records across files (or across rows of one file), re-run whole on edits.

Each check names the (file, column) pairs it reads, so an edit re-runs only the checks that
can depend on it. They cover files that stay small next to enrollments.csv (users, roles,
results), so re-running one costs milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.bundle import Bundle
from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.table import Table
from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.byte_scan import ByteClass, all_ascii, first_byte, last_byte
from rostereditor.core.validation.finding import Severity
from rostereditor.core.validation.finding_batch import FindingBatch, Place, batch_from_mask

Run = Callable[[Bundle, Profile], list[FindingBatch]]
_SPACE = ByteClass(" \t\r\n\x0b\x0c")  # what ascii_trim_whitespace removes


@dataclass(frozen=True)
class CrossFileCheck:
    family: str
    subject: str  # the file whose records get the findings
    reads: tuple[tuple[str, str], ...]  # (file, column) it depends on
    versions: tuple[str, ...]
    run: Run


def _flags(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(array.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _whole(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _columns(table: Table | None, *names: str) -> list[pa.Array] | None:
    if table is None:
        return None
    indices = [table.column_index(n) for n in names]
    if None in indices:
        return None
    return [_whole(table.column_array(i)) for i in indices]  # type: ignore[arg-type]


def _place(table: Table, file: str, column: str) -> Place:
    return Place(file, column, table.column_index(column))


def _others(keys: list[str], own: str) -> str:
    """The other records' sourcedIds, for saying which records collide."""
    rest = [k or "(no sourcedId)" for k in keys if k != own] or ["another record"]
    shown = ", ".join(rest[:5])
    return shown + (f" and {len(rest) - 5} more" if len(rest) > 5 else "")


# -- the same username or email on two users ---------------------------------------------------

def _duplicate_values(column: str, rule: str, what: str) -> Run:
    def run(bundle: Bundle, profile: Profile) -> list[FindingBatch]:
        table = bundle.table("users.csv")
        arrays = _columns(table, "sourcedId", column)
        if table is None or arrays is None or len(table) < 2:
            return []
        keys, values = arrays
        folded = _folded(values)
        status = _columns(table, "status")
        if status is not None:
            # A record being deleted may hand its username to the record replacing it.
            folded = pc.if_else(pc.equal(status[0], text("tobedeleted")), text(""), folded)
        if len(pc.unique(folded)) == len(folded):
            return []  # the usual case, found with the cheapest hash pass
        counts = pc.value_counts(folded)
        repeated = counts.field("values").filter(pc.and_(
            pc.greater(counts.field("counts"), 1), pc.not_equal(counts.field("values"), text(""))))
        if len(repeated) == 0:
            return []
        mask = _flags(pc.is_in(folded, value_set=repeated))
        picked = np.flatnonzero(mask)
        groups: dict[str, list[str]] = {}
        for value, key in zip(folded.take(pa.array(picked)).to_pylist(),
                              keys.take(pa.array(picked)).to_pylist(), strict=True):
            groups.setdefault(value, []).append(key)
        extras: list[str | None] = [None] * len(values)
        for position, value, key in zip(picked.tolist(), folded.take(pa.array(picked))
                                        .to_pylist(), keys.take(pa.array(picked)).to_pylist(),
                                        strict=True):
            extras[position] = _others(groups[value], key)
        severity: Severity = profile.severity(rule, "warning")  # type: ignore[assignment]
        batch = batch_from_mask(
            _place(table, "users.csv", column), rule, severity, row_ids=table.row_ids(),
            values=values, mask=mask, extras=extras, describe=lambda v, others: (
                f"{column} \"{v}\" is also used by {others}. {what} Give each person their own "
                f"{column} (capitals and spaces do not make two the same).", None))
        return [batch] if batch is not None else []

    return run


def _folded(values: pa.Array) -> pa.Array:
    """Values as people compare them: capitals and surrounding spaces do not count."""
    if not all_ascii(values):
        return pc.utf8_lower(pc.utf8_trim_whitespace(values))
    if (first_byte(values, _SPACE) | last_byte(values, _SPACE)).any():
        values = pc.ascii_trim_whitespace(values)
    return pc.ascii_lower(values)


# -- OneRoster 1.2: only one primary role per user per org -----------------------------------

def _two_primary_roles(bundle: Bundle, profile: Profile) -> list[FindingBatch]:
    table = bundle.table("roles.csv")
    arrays = _columns(table, "sourcedId", "userSourcedId", "orgSourcedId", "roleType")
    if table is None or arrays is None:
        return []
    keys, users, orgs, types = arrays
    primary = _flags(pc.and_(pc.equal(types, text("primary")), pc.and_(
        pc.not_equal(users, text("")), pc.not_equal(orgs, text("")))))
    if primary.sum() < 2:
        return []
    pairs = pc.binary_join_element_wise(users, orgs, "\x1f")
    chosen = pairs.filter(pa.array(primary))
    counts = pc.value_counts(chosen)
    crowded = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
    if len(crowded) == 0:
        return []
    mask = primary & _flags(pc.is_in(pairs, value_set=crowded))
    groups: dict[str, list[str]] = {}
    picked = np.flatnonzero(mask)
    picked_pairs = pairs.take(pa.array(picked)).to_pylist()
    picked_keys = keys.take(pa.array(picked)).to_pylist()
    for pair, key in zip(picked_pairs, picked_keys, strict=True):
        groups.setdefault(pair, []).append(key)
    extras: list[tuple[str, str] | None] = [None] * len(keys)
    for position, pair, key in zip(picked.tolist(), picked_pairs, picked_keys, strict=True):
        user, org = pair.split("\x1f")
        extras[position] = (f"user {user} in org {org}", _others(groups[pair], key))
    batch = batch_from_mask(
        _place(table, "roles.csv", "roleType"), "role.two-primary", "error",
        row_ids=table.row_ids(), values=types, mask=mask, extras=extras,
        describe=lambda v, who: (
            f"This is a primary role for {who[0]}, and so is role {who[1]}; OneRoster allows "
            "only one primary role per user in an org. Make the others secondary.", None))
    return [batch] if batch is not None else []


# -- OneRoster 1.2: results.studentSourcedId must be a student (roles live in roles.csv) -----

def _result_students(bundle: Bundle, profile: Profile) -> list[FindingBatch]:
    results, roles = bundle.table("results.csv"), bundle.table("roles.csv")
    arrays = _columns(results, "studentSourcedId")
    role_arrays = _columns(roles, "userSourcedId", "role")
    users = _columns(bundle.table("users.csv"), "sourcedId")
    if results is None or arrays is None or role_arrays is None or users is None:
        return []
    (students,) = arrays
    role_users, role_names = role_arrays
    with_student_role = role_users.filter(pc.equal(role_names, text("student")))
    # Unknown users are ref.unresolved's to report; only known non-students are wrong here.
    known = _flags(pc.is_in(students, value_set=users[0]))
    mask = known & ~_flags(pc.is_in(students, value_set=with_student_role))
    batch = batch_from_mask(
        _place(results, "results.csv", "studentSourcedId"), "ref.wrong-type", "error",
        row_ids=results.row_ids(), values=students, mask=mask, describe=lambda v, _: (
            f"studentSourcedId \"{v}\" is a user with no student role in roles.csv; a result "
            "must belong to a student. Point at the student, or give the user a student role.",
            None))
    return [batch] if batch is not None else []


# -- OneRoster 1.2: roles.userProfileSourcedId is a profile of that same user ---------------

def _profile_of_same_user(bundle: Bundle, profile: Profile) -> list[FindingBatch]:
    roles, profiles = bundle.table("roles.csv"), bundle.table("userProfiles.csv")
    arrays = _columns(roles, "userSourcedId", "userProfileSourcedId")
    target = _columns(profiles, "sourcedId", "userSourcedId")
    if roles is None or arrays is None or target is None:
        return []
    users, chosen = arrays
    positions = pc.index_in(chosen, value_set=target[0])
    owners = target[1].take(positions)
    mask = _flags(pc.and_(pc.is_valid(positions), pc.not_equal(owners, users)))
    batch = batch_from_mask(
        _place(roles, "roles.csv", "userProfileSourcedId"), "role.profile-of-other-user",
        "error", row_ids=roles.row_ids(), values=chosen, mask=mask,
        extras=owners.to_pylist(), describe=lambda v, owner: (
            f"userProfileSourcedId \"{v}\" is a profile of user {owner}, not of this role's "
            "user; a role names the user's own profile. Point at the right profile.", None))
    return [batch] if batch is not None else []


# -- OneRoster 1.2: a user's primary org should be one where the user has a role ------------

def _primary_org_roles(bundle: Bundle, profile: Profile) -> list[FindingBatch]:
    users, roles = bundle.table("users.csv"), bundle.table("roles.csv")
    arrays = _columns(users, "sourcedId", "primaryOrgSourcedId")
    role_arrays = _columns(roles, "userSourcedId", "orgSourcedId")
    if users is None or arrays is None or role_arrays is None:
        return []
    keys, orgs = arrays
    pairs = pc.binary_join_element_wise(keys, orgs, "\x1f")
    held = pc.binary_join_element_wise(role_arrays[0], role_arrays[1], "\x1f")
    mask = _flags(pc.not_equal(orgs, text(""))) & ~_flags(pc.is_in(pairs, value_set=held))
    batch = batch_from_mask(
        _place(users, "users.csv", "primaryOrgSourcedId"), "user.primary-org-without-role",
        "warning", row_ids=users.row_ids(), values=orgs, mask=mask, describe=lambda v, _: (
            f"primaryOrgSourcedId \"{v}\" is an org where roles.csv gives this user no role; "
            "the primary org is one of the orgs the user has roles in. Add the role or change "
            "the primary org.", None))
    return [batch] if batch is not None else []


# -- a result's score should lie within its line item's resultValueMin..resultValueMax -------

def _scores_in_range(bundle: Bundle, profile: Profile) -> list[FindingBatch]:
    results, items = bundle.table("results.csv"), bundle.table("lineItems.csv")
    arrays = _columns(results, "lineItemSourcedId", "score")
    target = _columns(items, "sourcedId", "resultValueMin", "resultValueMax")
    if results is None or arrays is None or target is None:
        return []
    line_items, scores = arrays
    positions = pc.index_in(line_items, value_set=target[0])

    def number(values: pa.Array) -> pa.Array:
        return pc.cast(pc.if_else(pc.match_substring_regex(values, p.FLOAT), values, None),
                       pa.float64(), safe=False)

    score = number(scores)
    low, high = (number(target[i]).take(positions) for i in (1, 2))
    mask = _flags(pc.or_kleene(pc.less(score, low), pc.greater(score, high)))
    extras = list(zip(low.to_pylist(), high.to_pylist(), strict=True)) if mask.any() else []
    batch = batch_from_mask(
        _place(results, "results.csv", "score"), "result.score-out-of-range", "warning",
        row_ids=results.row_ids(), values=scores, mask=mask, extras=extras,
        describe=lambda v, bounds: (
            f"score {v} is outside its line item's range ({_range(bounds)}); the spec says "
            "scores should fall within resultValueMin and resultValueMax. Check the score or "
            "the line item.", None))
    return [batch] if batch is not None else []


def _range(bounds: tuple[float | None, float | None]) -> str:
    low, high = bounds
    parts = [f"at least {low:g}" if low is not None else "", f"at most {high:g}"
             if high is not None else ""]
    return " and ".join(part for part in parts if part)


CHECKS: tuple[CrossFileCheck, ...] = (
    CrossFileCheck("rel:username", "users.csv", (("users.csv", "sourcedId"),
                                                 ("users.csv", "username"),
                                                 ("users.csv", "status")),
                   ("1.0", "1.1", "1.2"), _duplicate_values(
                       "username", "unique.username",
                       "People sign in with their username, so an importer cannot tell these "
                       "users apart (some merge them into one account).")),
    CrossFileCheck("rel:email", "users.csv", (("users.csv", "sourcedId"), ("users.csv", "email"),
                                              ("users.csv", "status")),
                   ("1.0", "1.1", "1.2"), _duplicate_values(
                       "email", "unique.email",
                       "Vendors that match or sign people in by email cannot tell these users "
                       "apart.")),
    CrossFileCheck("rel:primary-role", "roles.csv", tuple(("roles.csv", c) for c in (
        "sourcedId", "userSourcedId", "orgSourcedId", "roleType")), ("1.2",),
                   _two_primary_roles),
    CrossFileCheck("rel:student", "results.csv", (
        ("results.csv", "studentSourcedId"), ("roles.csv", "userSourcedId"),
        ("roles.csv", "role"), ("users.csv", "sourcedId")), ("1.2",), _result_students),
    CrossFileCheck("rel:profile-user", "roles.csv", (
        ("roles.csv", "userSourcedId"), ("roles.csv", "userProfileSourcedId"),
        ("userProfiles.csv", "sourcedId"), ("userProfiles.csv", "userSourcedId")), ("1.2",),
                   _profile_of_same_user),
    CrossFileCheck("rel:primary-org", "users.csv", (
        ("users.csv", "sourcedId"), ("users.csv", "primaryOrgSourcedId"),
        ("roles.csv", "userSourcedId"), ("roles.csv", "orgSourcedId")), ("1.2",),
                   _primary_org_roles),
    CrossFileCheck("rel:score", "results.csv", (
        ("results.csv", "lineItemSourcedId"), ("results.csv", "score"),
        ("lineItems.csv", "sourcedId"), ("lineItems.csv", "resultValueMin"),
        ("lineItems.csv", "resultValueMax")), ("1.1", "1.2"), _scores_in_range),
)
