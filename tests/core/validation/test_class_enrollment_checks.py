"""The million-row shortcut (distinct values, integer positions) finds what the plain join does."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from rostereditor.core.validation.class_enrollment_checks import (
    ClassSchools,
    school_mismatch_batches,
    teacher_classes,
)
from rostereditor.core.validation.distinct_values import DistinctValues
from rostereditor.core.validation.finding_batch import Place

IDS = st.sampled_from(["", "k1", "k2", "k3", "s1", "s2", "s3"])


def _distinct(values: list[str]) -> DistinctValues:
    encoded = pa.array(values, pa.string()).dictionary_encode()
    return DistinctValues(encoded.dictionary, encoded.indices.to_numpy(zero_copy_only=False))


def _rows(batches):
    return sorted((int(r), b.extras[i]) for b in batches for i, r in enumerate(b.row_ids))


@given(st.lists(st.tuples(IDS, IDS, st.sampled_from(["student", "teacher"])), min_size=1,
                max_size=30),
       st.lists(st.tuples(IDS, IDS), max_size=5))
def test_the_shortcut_agrees_with_the_plain_join(enrollments, classes):
    klass = [e[0] for e in enrollments]
    school = [e[1] for e in enrollments]
    roles = [e[2] for e in enrollments]
    keys = list(dict.fromkeys(c[0] for c in classes))
    target = ClassSchools(pa.array(keys, pa.string()),
                          pa.array([dict(classes)[k] for k in keys], pa.string()))
    ids = np.arange(len(enrollments), dtype=np.int64)
    place = Place("enrollments.csv", "schoolSourcedId", 4)
    plain = school_mismatch_batches(place, pa.array(klass), pa.array(school), ids,
                                    target=target, severity="warning")
    fast = school_mismatch_batches(place, pa.array(klass), pa.array(school), ids,
                                   target=target, severity="warning",
                                   class_distinct=_distinct(klass),
                                   school_distinct=_distinct(school))
    assert _rows(plain) == _rows(fast)
    assert sorted(teacher_classes(pa.array(klass), pa.array(roles)).to_pylist()) == sorted(
        teacher_classes(pa.array(klass), pa.array(roles), _distinct(klass),
                        _distinct(roles)).to_pylist())
