"""generate_district: a deterministic, valid OneRoster 1.1 bulk district, optionally damaged."""

from __future__ import annotations

import numpy as np

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.sample_district.class_placement import place_students
from rostereditor.core.sample_district.course_tables import (
    build_classes,
    build_courses,
    class_terms,
)
from rostereditor.core.sample_district.district_layout import plan_district
from rostereditor.core.sample_district.draft_table import DraftTable
from rostereditor.core.sample_district.enrollment_table import build_enrollments
from rostereditor.core.sample_district.excel_damage_injection import inject_excel_damage
from rostereditor.core.sample_district.generated_district import GeneratedDistrict
from rostereditor.core.sample_district.org_table import DISTRICT_ID, build_orgs, school_ids
from rostereditor.core.sample_district.people import build_people, student_ids, teacher_ids
from rostereditor.core.sample_district.session_table import build_sessions
from rostereditor.core.table import Table

ONEROSTER_VERSION = "1.1"
SOURCE = {"source.systemName": "RosterEditor sample district", "source.systemCode": "rostereditor-sample"}
_DAMAGE_STREAM = 1  # damage draws from its own stream, so a damaged district = clean + damage


def generate_district(students: int = 600, seed: int = 1, damaged: bool = False) -> GeneratedDistrict:
    """A synthetic district of about `students` students; the same seed gives the same bytes."""
    if students < 1:
        raise ValueError("a district needs at least one student")
    rng = np.random.default_rng(seed)
    layout = plan_district(students, rng)
    placement = place_students(layout, rng)
    schools = school_ids(layout.school_count)
    courses = build_courses(layout, schools)
    classes = build_classes(layout, placement, courses, schools, rng)
    users, demographics = build_people(
        rng,
        district_id=DISTRICT_ID,
        school_ids=schools,
        student_grade=layout.student_grade,
        student_school=layout.student_school,
        teacher_school=placement.teacher_school,
    )
    enrollments = build_enrollments(
        placement,
        class_ids=classes.column("sourcedId"),
        class_school_ids=classes.column("schoolSourcedId"),
        class_term=class_terms(layout, placement),
        student_ids=student_ids(students),
        teacher_ids=teacher_ids(len(placement.teacher_school)),
    )
    drafts = {
        "orgs.csv": build_orgs(layout.school_level),
        "academicSessions.csv": build_sessions(),
        "courses.csv": courses,
        "classes.csv": classes,
        "users.csv": users,
        "enrollments.csv": enrollments,
        "demographics.csv": demographics,
    }
    damage = []
    if damaged:
        damage = inject_excel_damage(drafts, np.random.default_rng([seed, _DAMAGE_STREAM]))
    return GeneratedDistrict(bundle=_bundle(drafts), damage=damage)


def _bundle(drafts: dict[str, DraftTable]) -> Bundle:
    bundle = Bundle(source_kind="new")
    for name, draft in drafts.items():
        bundle.files[name] = BundleFile(name, name, draft.to_table())
        bundle.modes[name] = "bulk"
    # A manifest in memory makes the bundle report OneRoster 1.1 wherever it is passed.
    rows = generate_manifest(ONEROSTER_VERSION, dict(bundle.modes), SOURCE)
    bundle.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, Table.from_rows(MANIFEST_HEADER, rows))
    return bundle
