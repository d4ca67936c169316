"""Who is where: each student's grade and school, the schools of each level, and their courses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rostereditor.core.sample_district.school_levels import GRADE_CODES, LEVELS


@dataclass(frozen=True)
class DistrictLayout:
    student_grade: np.ndarray  # index into GRADE_CODES
    student_level: np.ndarray  # index into LEVELS
    student_school: np.ndarray  # index into school_level
    school_level: np.ndarray
    course_school: np.ndarray
    course_grade: np.ndarray
    course_subject: np.ndarray  # index into the school level's subjects
    course_lookup: np.ndarray  # [school, grade, subject] -> course index, -1 where none

    @property
    def school_count(self) -> int:
        return len(self.school_level)


def plan_district(students: int, rng: np.random.Generator) -> DistrictLayout:
    grade = rng.integers(0, len(GRADE_CODES), students)
    level_of_grade = np.zeros(len(GRADE_CODES), dtype=np.int64)
    for index, level in enumerate(LEVELS):
        level_of_grade[list(level.grades)] = index
    student_level = level_of_grade[grade]

    school = np.empty(students, dtype=np.int64)
    school_level: list[int] = []
    for index, level in enumerate(LEVELS):
        members = np.flatnonzero(student_level == index)
        # Every level has at least one school, so the district looks whole even when tiny.
        count = max(1, round(len(members) / level.students_per_school))
        school[members] = len(school_level) + rng.integers(0, count, len(members))
        school_level.extend([index] * count)

    most_subjects = max(len(level.subjects) for level in LEVELS)
    lookup = np.full((len(school_level), len(GRADE_CODES), most_subjects), -1, dtype=np.int64)
    course_school: list[int] = []
    course_grade: list[int] = []
    course_subject: list[int] = []
    # A few thousand courses at most, so a plain loop is clearer than array tricks here.
    for school_index, level_index in enumerate(school_level):
        level = LEVELS[level_index]
        for grade_index in level.grades:
            for subject_index in range(len(level.subjects)):
                lookup[school_index, grade_index, subject_index] = len(course_school)
                course_school.append(school_index)
                course_grade.append(grade_index)
                course_subject.append(subject_index)

    return DistrictLayout(
        student_grade=grade,
        student_level=student_level,
        student_school=school,
        school_level=np.asarray(school_level, dtype=np.int64),
        course_school=np.asarray(course_school, dtype=np.int64),
        course_grade=np.asarray(course_grade, dtype=np.int64),
        course_subject=np.asarray(course_subject, dtype=np.int64),
        course_lookup=lookup,
    )
