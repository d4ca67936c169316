"""Re-checking a few edited rows of a file where every row is wrong gives exactly what a fresh
check of the edited bundle gives: the same findings in the same order, the same problem rows."""

from __future__ import annotations

import numpy as np
from roster_fixture import valid_bundle

from rostereditor.core.validation import BundleValidator


def _listed(result, name):
    part = result.file_findings(name)
    return [(f.line, f.column, f.rule, f.value, f.row_id) for f in part.findings()]


def _every_enrollment_wrong():
    bundle = valid_bundle()
    enrollments = bundle.table("enrollments.csv")
    role = enrollments.column_index("role")
    for row in range(len(enrollments)):
        enrollments.set_cell(row, role, "Student")  # wrong case: one finding a row
    return bundle, enrollments


def test_edits_among_many_findings_match_a_fresh_check():
    bundle, enrollments = _every_enrollment_wrong()
    validator = BundleValidator(bundle)
    validator.run()
    role = enrollments.column_index("role")
    ref = enrollments.column_index("classSourcedId")
    last = len(enrollments) - 1
    edits = [
        [(1, role, "student")],  # fixed: its finding goes
        [(1, role, "Student")],  # broken again: it comes back in its place
        [(0, role, "student"), (last, role, "teacher")],  # both ends at once
        [(2, ref, "no-such-class")],  # a second finding on a row that keeps its first
        [(2, role, "student"), (3, role, "student"), (2, ref, enrollments.cell(3, ref))],
    ]
    for step in edits:
        for row, column, value in step:
            enrollments.set_cell(row, column, value)
        rows = sorted({enrollments.row_id(row) for row, _, _ in step})
        result = validator.revalidate("enrollments.csv", rows, sorted({c for _, c, _ in step}))
        fresh = BundleValidator(bundle).run()
        assert _listed(result, "enrollments.csv") == _listed(fresh, "enrollments.csv"), step
        assert np.array_equal(result.file_findings("enrollments.csv").problem_rows(),
                              fresh.file_findings("enrollments.csv").problem_rows()), step
        assert result.total == fresh.total, step
