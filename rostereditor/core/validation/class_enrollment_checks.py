"""Classes and their enrollments agree: every class has a teacher, and an enrollment's school
is its class's school. Vendors skip or reject classes and enrollments that break these.

Both are computed for a million enrollments through the distinct values of the class and
school columns (integers, not strings, per row), and re-checked for a few rows after an edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.validation.distinct_values import DistinctValues
from rostereditor.core.validation.finding import Severity
from rostereditor.core.validation.finding_batch import FindingBatch, Place, batch_from_mask

NO_TEACHER = "class.no-teacher"
SCHOOL_MISMATCH = "enrollment.school-mismatch"


def _flags(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(array.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _whole(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


@dataclass(frozen=True)
class ClassSchools:
    """classes.csv's sourcedIds and, for each, its schoolSourcedId."""

    keys: pa.Array
    schools: pa.Array


class _PerRow(Sequence[str]):
    """The expected school of each row, looked up only for the rows that get a finding."""

    def __init__(self, by_value: pa.Array, positions: np.ndarray) -> None:
        self._by_value, self._positions = by_value, positions

    def __len__(self) -> int:
        return len(self._positions)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._by_value[int(self._positions[i])].as_py()


def school_mismatch_batches(place: Place, classes: pa.Array, schools: pa.Array,
                            row_ids: np.ndarray, *, target: ClassSchools, severity: Severity,
                            class_distinct: DistinctValues | None = None,
                            school_distinct: DistinctValues | None = None) -> list[FindingBatch]:
    """Enrollments whose schoolSourcedId differs from their class's schoolSourcedId."""
    if len(classes) == 0:
        return []
    if class_distinct is not None and school_distinct is not None:
        # Join the distinct classes to their schools' positions among the distinct schools,
        # then compare integers per row: one gather over a million rows, no strings.
        found = pc.index_in(class_distinct.values, value_set=target.keys)
        expected = target.schools.take(found)
        slot = np.asarray(pc.index_in(expected, value_set=school_distinct.values)
                          .fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
        usable = _flags(pc.and_(pc.is_valid(found), pc.not_equal(expected, text(""))))
        slot[~usable] = -2  # unknown class, or a class without a school: nothing to compare
        per_row = class_distinct.positions
        wanted = slot[per_row]
        actual = school_distinct.positions
        blank = np.flatnonzero(_flags(pc.equal(school_distinct.values, text(""))))
        mask = (wanted != -2) & (wanted != actual)
        if len(blank):
            mask &= actual != blank[0]
        extras: Sequence[str] = _PerRow(expected, per_row)
    else:
        keys, schools_of = target.keys, target.schools
        if len(classes) < 64 <= len(keys):
            # A few edited rows: scan the classes for theirs instead of hashing every class.
            near = pc.is_in(keys, value_set=classes)
            keys, schools_of = keys.filter(near), schools_of.filter(near)
        found = pc.index_in(classes, value_set=keys)
        expected = _whole(schools_of.take(found))
        mask = _flags(pc.and_(pc.and_(pc.is_valid(found), pc.not_equal(expected, text(""))),
                              pc.and_(pc.not_equal(schools, text("")),
                                      pc.not_equal(expected, schools))))
        extras = _PerRow(expected, np.arange(len(classes)))
    if not mask.any():
        return []
    picked_classes = classes.filter(pa.array(mask)).to_pylist()
    picked_extras = [(c, extras[int(i)]) for c, i in zip(picked_classes,
                                                          np.flatnonzero(mask), strict=True)]
    batch = FindingBatch(place.file, SCHOOL_MISMATCH, severity, place.column, place.column_index,
                         row_ids[mask], schools.filter(pa.array(mask)), _describe_school,
                         picked_extras)
    return [batch]


def _describe_school(value: str | None, extra: tuple[str, str]) -> tuple[str, str | None]:
    # No certain fix: quick fixes map a value to one replacement per column, and here the
    # right school depends on the row's class.
    class_id, school = extra
    return (f"schoolSourcedId \"{value}\" is not the school of class {class_id}, which "
            f"classes.csv says is taught at {school}. An enrollment belongs to its class's "
            f"school; write \"{school}\" (or fix the class).", None)


def teacher_classes(classes: pa.Array | pa.ChunkedArray, roles: pa.Array | pa.ChunkedArray,
                    class_distinct: DistinctValues | None = None,
                    role_distinct: DistinctValues | None = None) -> pa.Array:
    """The distinct class sourcedIds that have at least one teacher enrollment."""
    if class_distinct is not None and role_distinct is not None:
        teacher = _flags(pc.equal(role_distinct.values, text("teacher")))[role_distinct.positions]
        taught = np.zeros(len(class_distinct.values), dtype=bool)
        taught[class_distinct.positions[teacher]] = True
        return class_distinct.values.filter(pa.array(taught))
    is_teacher = pa.array(_flags(pc.equal(roles, text("teacher"))))
    return _whole(pc.unique(classes.filter(is_teacher)))


def no_teacher_batches(place: Place, keys: pa.Array, row_ids: np.ndarray, taught: pa.Array,
                       severity: Severity) -> list[FindingBatch]:
    """Classes (these rows of classes.csv) that no enrollment gives a teacher."""
    mask = _flags(pc.not_equal(keys, text(""))) & ~_flags(pc.is_in(keys, value_set=taught))
    batch = batch_from_mask(place, NO_TEACHER, severity, row_ids=row_ids, values=keys,
                            mask=mask, describe=lambda v, _: (
                                f"Class {v} has no teacher: no enrollment gives it a user with "
                                "role teacher. Vendors skip or reject classes without one; "
                                "enroll its teacher, or leave the class out.", None))
    return [batch] if batch is not None else []
