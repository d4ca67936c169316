"""enrollments.csv: every student in each of their sections, and each section's teachers."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from rostereditor.core.sample_district.class_placement import ClassPlacement
from rostereditor.core.sample_district.draft_table import DraftTable
from rostereditor.core.sample_district.oneroster11_headers import HEADERS
from rostereditor.core.sample_district.school_calendar import TERM_ENDS, TERM_STARTS
from rostereditor.core.sample_district.text_columns import (
    choose,
    concat_text,
    concatenate,
    constant,
    padded_numbers,
    pick,
)


def build_enrollments(
    placement: ClassPlacement,
    *,
    class_ids: pa.Array,
    class_school_ids: pa.Array,
    class_term: np.ndarray,
    student_ids: pa.Array,
    teacher_ids: pa.Array,
) -> DraftTable:
    students = len(student_ids)
    co_taught = np.flatnonzero(placement.class_co_teacher >= 0)
    # Rows before sorting; users are numbered students first, then teachers.
    row_class = np.concatenate([
        placement.enrolled_class, np.arange(len(placement.class_teacher)), co_taught
    ])
    row_user = np.concatenate([
        placement.enrolled_student,
        students + placement.class_teacher,
        students + placement.class_co_teacher[co_taught],
    ])
    row_is_teacher = row_user >= students
    first_teacher_row = len(placement.enrolled_class)
    row_primary = np.zeros(len(row_class), dtype=bool)
    row_primary[first_teacher_row : first_teacher_row + len(placement.class_teacher)] = True
    # Ordered by class, teachers first (primary before co-teacher), then students by ID.
    order = np.lexsort((row_user, ~row_primary, ~row_is_teacher, row_class))
    row_class, row_user = row_class[order], row_user[order]
    row_is_teacher, row_primary = row_is_teacher[order], row_primary[order]

    count = len(row_class)
    user_ids = concatenate([student_ids, teacher_ids])
    term = class_term[row_class]
    columns = {
        "sourcedId": concat_text("enr-", padded_numbers(np.arange(1, count + 1), 8)),
        "classSourcedId": pick(class_ids, row_class),
        "schoolSourcedId": pick(class_school_ids, row_class),
        "userSourcedId": pick(user_ids, row_user),
        "role": choose(row_is_teacher, "teacher", "student"),
        "primary": choose(row_primary, "true", "false"),
        "beginDate": pick(TERM_STARTS, term),
        "endDate": pick(TERM_ENDS, term),
    }
    blank = constant("", count)
    header = HEADERS["enrollments.csv"]
    return DraftTable(header, {name: columns.get(name, blank) for name in header})
