"""What the vendor will see once it imports: people per school, role and grade; classes per
school and term; class sizes; users with no class and classes with no student."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.record_keys import column_or_blank
from rostereditor.core.summary.list_cells import explode
from rostereditor.core.table import Table

DELETED = "tobedeleted"


@dataclass(frozen=True)
class PeopleCount:
    """Users with `role` and `grade` ("" when none) at one org (a school, or the district)."""

    org_id: str
    org_name: str
    role: str
    grade: str
    count: int


@dataclass(frozen=True)
class ClassCount:
    school_id: str
    school_name: str
    term_id: str
    term_title: str
    count: int


@dataclass(frozen=True)
class SizeStats:
    """Smallest, median and largest count over `classes` classes (zeros included)."""

    classes: int
    minimum: int
    median: float
    maximum: int


@dataclass(frozen=True)
class RosterSummary:
    """Counts over the records a vendor would keep (rows marked tobedeleted are left out).

    users_without_enrollments / classes_without_students: sourcedIds in file order, with the
    user's role alongside (guardians and administrators normally have no enrollments).
    """

    records: dict[str, int]
    people: tuple[PeopleCount, ...]
    classes: tuple[ClassCount, ...]
    enrollments_per_class: SizeStats
    students_per_class: SizeStats
    users_without_enrollments: pa.Array
    roles_without_enrollments: pa.Array
    classes_without_students: pa.Array

    def unenrolled_by_role(self) -> dict[str, int]:
        """How many users of each role have no enrollment."""
        counts = pc.value_counts(self.roles_without_enrollments).to_pylist()
        return {item["values"]: item["counts"] for item in sorted(counts, key=lambda c: c["values"])}


def summarize_bundle(bundle: Bundle) -> RosterSummary:
    tables = {name: _active(bundle.files[name].table) for name in bundle.data_file_names}
    names = _names(tables.get("orgs.csv"), "name")
    titles = _names(tables.get("academicSessions.csv"), "title")
    users, enrollments, classes = (tables.get(n) for n in ("users.csv", "enrollments.csv", "classes.csv"))
    user_ids = _column(users, "sourcedId")
    user_roles = _user_roles(users, tables.get("roles.csv"))
    enrolled_users = _column(enrollments, "userSourcedId")
    unenrolled = _flags(pc.invert(pc.is_in(user_ids, value_set=enrolled_users)))
    class_ids = _column(classes, "sourcedId")
    student_rows = _flags(pc.equal(_column(enrollments, "role"), "student"))
    students_in = _column(enrollments, "classSourcedId").filter(pa.array(student_rows))
    no_students = _flags(pc.invert(pc.is_in(class_ids, value_set=students_in)))
    return RosterSummary(
        records={name: table.num_rows for name, table in tables.items()},
        people=_people(users, tables.get("roles.csv"), names),
        classes=_classes(classes, names, titles),
        enrollments_per_class=_sizes(class_ids, _column(enrollments, "classSourcedId")),
        students_per_class=_sizes(class_ids, students_in),
        users_without_enrollments=user_ids.filter(pa.array(unenrolled)),
        roles_without_enrollments=user_roles.filter(pa.array(unenrolled)),
        classes_without_students=class_ids.filter(pa.array(no_students)),
    )


class _Rows:
    """A file's records a vendor would keep (not tobedeleted); columns are read when asked."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.column_names = list(table.header)
        status = column_or_blank(table, "status")
        deleted = pc.equal(status, DELETED)
        self.keep: pa.Array | None = pc.invert(deleted) if pc.any(deleted).as_py() else None
        self.num_rows = len(table) if self.keep is None else int(pc.sum(self.keep).as_py() or 0)

    def column(self, name: str) -> pa.Array:
        values = column_or_blank(self.table, name)
        return values if self.keep is None else values.filter(self.keep)


def _active(table: Table) -> _Rows:
    return _Rows(table)


def _column(rows: _Rows | None, name: str) -> pa.Array:
    if rows is None:
        return pa.array([], pa.string())
    return rows.column(name)


def _flags(array: pa.Array) -> np.ndarray:
    return np.asarray(array.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _names(table: _Rows | None, column: str) -> dict[str, str]:
    if table is None:
        return {}
    return dict(zip(_column(table, "sourcedId").to_pylist(), _column(table, column).to_pylist(),
                    strict=True))


def _user_roles(users: _Rows | None, roles: _Rows | None) -> pa.Array:
    """Each user's role: users.csv's role (1.0/1.1), else their first role in roles.csv (1.2)."""
    if users is not None and "role" in users.column_names:
        return _column(users, "role")
    ids = _column(users, "sourcedId")
    where = pc.index_in(ids, value_set=_column(roles, "userSourcedId"))
    return pc.fill_null(_column(roles, "role").take(where), "")


def _people(users: _Rows | None, roles: _Rows | None,
            names: dict[str, str]) -> tuple[PeopleCount, ...]:
    if users is None:
        return ()
    user_ids = _column(users, "sourcedId")
    if "role" in users.column_names:  # 1.0 / 1.1: role and orgs on the user
        org_rows, orgs = explode(_column(users, "orgSourcedIds"), keep_blank=True)
        pairs = pa.table({"user": pa.array(org_rows), "org": orgs,
                          "role": _column(users, "role").take(pa.array(org_rows))})
    else:  # 1.2: one roles.csv row per user, role and org
        where = pc.index_in(_column(roles, "userSourcedId"), value_set=user_ids)
        keep = pc.is_valid(where)
        pairs = pa.table({"user": where.filter(keep).cast(pa.int64()),
                          "org": _column(roles, "orgSourcedId").filter(keep),
                          "role": _column(roles, "role").filter(keep)})
    grade_rows, grades = explode(_column(users, "grades"), keep_blank=True)
    graded = pa.table({"user": pa.array(grade_rows), "grade": grades})
    counted = (pairs.join(graded, "user").group_by(["org", "role", "grade"])
               .aggregate([("user", "count_distinct")]))
    rows = sorted(zip(counted["org"].to_pylist(), counted["role"].to_pylist(),
                      counted["grade"].fill_null("").to_pylist(),
                      counted["user_count_distinct"].to_pylist(), strict=True))
    return tuple(PeopleCount(org, names.get(org, ""), role, grade, count)
                 for org, role, grade, count in rows)


def _classes(classes: _Rows | None, names: dict[str, str],
             titles: dict[str, str]) -> tuple[ClassCount, ...]:
    if classes is None:
        return ()
    term_rows, terms = explode(_column(classes, "termSourcedIds"), keep_blank=True)
    pairs = pa.table({"school": _column(classes, "schoolSourcedId").take(pa.array(term_rows)),
                      "term": terms, "row": pa.array(term_rows)})
    counted = pairs.group_by(["school", "term"]).aggregate([("row", "count")])
    rows = sorted(zip(counted["school"].to_pylist(), counted["term"].to_pylist(),
                      counted["row_count"].to_pylist(), strict=True))
    return tuple(ClassCount(school, names.get(school, ""), term, titles.get(term, ""), count)
                 for school, term, count in rows)


def _sizes(class_ids: pa.Array, members: pa.Array) -> SizeStats:
    if not len(class_ids):
        return SizeStats(0, 0, 0.0, 0)
    where = pc.index_in(members, value_set=class_ids)
    positions = np.asarray(where.drop_null().to_numpy(), dtype=np.int64)
    counts = np.bincount(positions, minlength=len(class_ids))
    return SizeStats(len(class_ids), int(counts.min()), float(np.median(counts)), int(counts.max()))
