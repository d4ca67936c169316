"""Sections of every course, which students sit in them, and which teachers teach them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rostereditor.core.sample_district.district_layout import DistrictLayout
from rostereditor.core.sample_district.school_levels import CLASS_SIZE, LEVELS

_SECTION_SLOTS = 100_000  # class key = course * slots + section; far above any section count
CLASSES_PER_TEACHER = 5
CO_TEACHER_SHARE = 0.1


@dataclass(frozen=True)
class ClassPlacement:
    class_course: np.ndarray
    class_section: np.ndarray
    enrolled_student: np.ndarray  # one entry per student enrollment
    enrolled_class: np.ndarray
    class_teacher: np.ndarray  # the primary teacher of each class
    class_co_teacher: np.ndarray  # a second, non-primary teacher, or -1
    teacher_school: np.ndarray


def place_students(layout: DistrictLayout, rng: np.random.Generator) -> ClassPlacement:
    students: list[np.ndarray] = []
    keys: list[np.ndarray] = []
    # Loops run over levels and subjects (about thirty passes), never over students.
    for level_index, level in enumerate(LEVELS):
        members = np.flatnonzero(layout.student_level == level_index)
        for subject_index, subject in enumerate(level.subjects):
            takers = members
            if subject.elective:
                takers = members[rng.random(len(members)) < subject.elective_share]
            if len(takers) == 0:
                continue
            course = layout.course_lookup[
                layout.student_school[takers], layout.student_grade[takers], subject_index
            ]
            section = _balanced_sections(course, rng)
            students.append(takers)
            keys.append(course * _SECTION_SLOTS + section)
    all_keys = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    class_keys, enrolled_class = np.unique(all_keys, return_inverse=True)
    class_course = class_keys // _SECTION_SLOTS
    class_section = class_keys % _SECTION_SLOTS
    teacher, co_teacher, teacher_school = _assign_teachers(layout, class_course, class_section, rng)
    return ClassPlacement(
        class_course=class_course,
        class_section=class_section,
        enrolled_student=np.concatenate(students) if students else np.zeros(0, dtype=np.int64),
        enrolled_class=enrolled_class.reshape(-1),
        class_teacher=teacher,
        class_co_teacher=co_teacher,
        teacher_school=teacher_school,
    )


def _balanced_sections(course: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Shuffle each course's students into as few sections of at most CLASS_SIZE as fit, evenly."""
    count = len(course)
    order = np.lexsort((rng.random(count), course))
    grouped = course[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    sizes = np.diff(np.r_[starts, count])
    group = np.repeat(np.arange(len(starts)), sizes)
    rank = np.arange(count) - starts[group]
    sections = -(-sizes // CLASS_SIZE)
    result = np.empty(count, dtype=np.int64)
    result[order] = rank * sections[group] // sizes[group]
    return result


def _assign_teachers(
    layout: DistrictLayout, class_course: np.ndarray, class_section: np.ndarray,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each school's classes, grouped by subject, dealt out CLASSES_PER_TEACHER at a time."""
    class_school = layout.course_school[class_course]
    order = np.lexsort((
        class_section, layout.course_grade[class_course], layout.course_subject[class_course],
        class_school,
    ))
    per_school = np.bincount(class_school, minlength=layout.school_count)
    class_start = np.cumsum(per_school) - per_school
    teachers_per_school = -(-per_school // CLASSES_PER_TEACHER)
    teacher_start = np.cumsum(teachers_per_school) - teachers_per_school
    sorted_school = class_school[order]
    rank = np.arange(len(order)) - class_start[sorted_school]
    teacher = np.empty(len(order), dtype=np.int64)
    teacher[order] = teacher_start[sorted_school] + rank // CLASSES_PER_TEACHER

    local = teacher - teacher_start[class_school]
    staff = teachers_per_school[class_school]
    shared = (rng.random(len(teacher)) < CO_TEACHER_SHARE) & (staff > 1)
    co_teacher = np.where(shared, teacher_start[class_school] + (local + 1) % np.maximum(staff, 1), -1)
    teacher_school = np.repeat(np.arange(layout.school_count), teachers_per_school)
    return teacher, co_teacher, teacher_school
