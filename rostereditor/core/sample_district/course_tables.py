"""courses.csv (one course per school, grade and subject) and classes.csv (their sections)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa

from rostereditor.core.sample_district.class_placement import ClassPlacement
from rostereditor.core.sample_district.district_layout import DistrictLayout
from rostereditor.core.sample_district.draft_table import DraftTable
from rostereditor.core.sample_district.oneroster11_headers import HEADERS
from rostereditor.core.sample_district.school_calendar import (
    FALL_ONLY,
    FULL_YEAR,
    TERM_SOURCED_IDS,
    YEAR,
)
from rostereditor.core.sample_district.school_levels import (
    GRADE_CODES,
    LEVELS,
    Subject,
    grade_label,
)
from rostereditor.core.sample_district.text_columns import (
    concat_text,
    constant,
    padded_numbers,
    pick,
    plain_numbers,
)


def class_ids(count: int) -> pa.Array:
    return concat_text("cls-", padded_numbers(np.arange(1, count + 1), 6))


def build_courses(layout: DistrictLayout, school_ids: pa.Array) -> DraftTable:
    columns: dict[str, list[str]] = {name: [] for name in HEADERS["courses.csv"]}
    schools = school_ids.to_pylist()
    for index, (school, grade, subject_index) in enumerate(
        zip(layout.course_school, layout.course_grade, layout.course_subject, strict=True)
    ):
        subject = LEVELS[layout.school_level[school]].subjects[subject_index]
        values = {
            "sourcedId": f"crs-{index + 1:05d}",
            "schoolYearSourcedId": YEAR.sourced_id,
            "title": f"{subject.title} {grade_label(int(grade))}",
            "courseCode": f"{subject.key}-{GRADE_CODES[grade]}",
            "grades": GRADE_CODES[grade],
            "orgSourcedId": schools[school],
            "subjects": ",".join(subject.subjects),
            "subjectCodes": ",".join(subject.codes),
        }
        for name, column in columns.items():
            column.append(values.get(name, ""))
    return DraftTable(HEADERS["courses.csv"], {k: pa.array(v, pa.string()) for k, v in columns.items()})


def class_terms(layout: DistrictLayout, placement: ClassPlacement) -> np.ndarray:
    """Term kind of each class: core subjects run all year, electives one semester each."""
    elective = _per_course(layout, lambda s: s.elective).astype(bool)
    half = FALL_ONLY + placement.class_section % 2
    return np.where(elective[placement.class_course], half, FULL_YEAR)


def build_classes(
    layout: DistrictLayout, placement: ClassPlacement, courses: DraftTable, school_ids: pa.Array,
    rng: np.random.Generator,
) -> DraftTable:
    course = placement.class_course
    count = len(course)

    def of_course(name: str) -> pa.Array:
        return pick(courses.column(name), course)

    section_number = plain_numbers(placement.class_section + 1)
    columns = {
        "sourcedId": class_ids(count),
        "title": concat_text(of_course("title"), " - Section ", section_number),
        "grades": of_course("grades"),
        "courseSourcedId": of_course("sourcedId"),
        "classCode": concat_text(
            of_course("courseCode"), ".", padded_numbers(placement.class_section + 1, 2)
        ),
        "classType": pick(_course_texts(layout, lambda s: s.class_type), course),
        "location": concat_text("Room ", plain_numbers(rng.integers(101, 330, count))),
        "schoolSourcedId": pick(school_ids, layout.course_school[course]),
        "termSourcedIds": pick(TERM_SOURCED_IDS, class_terms(layout, placement)),
        "subjects": of_course("subjects"),
        "subjectCodes": of_course("subjectCodes"),
        "periods": pick(_course_texts(layout, lambda s: s.periods), course),
    }
    blank = constant("", count)
    return DraftTable(HEADERS["classes.csv"], {n: columns.get(n, blank) for n in HEADERS["classes.csv"]})


def _per_course(layout: DistrictLayout, attribute: Callable[[Subject], object]) -> np.ndarray:
    values = [
        attribute(LEVELS[layout.school_level[school]].subjects[subject])
        for school, subject in zip(layout.course_school, layout.course_subject, strict=True)
    ]
    return np.asarray(values)


def _course_texts(layout: DistrictLayout, attribute: Callable[[Subject], object]) -> pa.Array:
    return pa.array([str(v) for v in _per_course(layout, attribute)], pa.string())
