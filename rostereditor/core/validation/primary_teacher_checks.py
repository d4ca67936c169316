"""A class should have one primary teacher (enrollments with role teacher and primary true)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.validation.finding import Severity
from rostereditor.core.validation.finding_batch import FindingBatch, Place, batch_from_mask


def primary_teacher_batches(place: Place, classes: pa.Array, roles: pa.Array,
                            primary: pa.Array, row_ids: np.ndarray, *,
                            severity: Severity = "warning") -> list[FindingBatch]:
    """Flag every primary-teacher enrollment of a class that has more than one."""
    is_primary = pc.and_(pc.equal(roles, text("teacher")), pc.equal(primary, text("true")))
    flags = np.asarray(is_primary.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    if flags.sum() < 2:
        return []
    chosen = classes.filter(pa.array(flags))
    counts = pc.value_counts(chosen)
    crowded = [c["values"] for c in counts.to_pylist() if c["counts"] > 1 and c["values"] != ""]
    if not crowded:
        return []
    totals = {c["values"]: c["counts"] for c in counts.to_pylist()}
    mask = flags & np.asarray(pc.is_in(classes, value_set=pa.array(crowded, pa.string()))
                              .to_numpy(zero_copy_only=False), dtype=bool)
    batch = batch_from_mask(place, "class.primary-teachers", severity, row_ids=row_ids,
                            values=classes, mask=mask, describe=lambda v, _: (
                                f"Class \"{v}\" has {totals.get(v or '', 2)} primary teachers; it "
                                "should have one. Set primary to false for all but one.", None))
    return [batch] if batch is not None else []
