"""References between files: every ID must name a record of the target file, of the right type."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.spec.model import ColumnSpec
from rostereditor.core.validation.finding import Severity
from rostereditor.core.validation.finding_batch import FindingBatch, Place, batch_from_mask


@dataclass(frozen=True)
class TargetKeys:
    """The sourcedIds of a target file and, for type constraints, the constrained column."""

    file: str
    keys: pa.Array
    types: pa.Array | None = None


def _flags(array: pa.Array) -> np.ndarray:
    return np.asarray(array.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def reference_batches(place: Place, spec: ColumnSpec, values: pa.Array, row_ids: np.ndarray,
                      target: TargetKeys | None, *, delta: bool) -> list[FindingBatch]:
    """Findings for values of one reference column that do not resolve or have the wrong type."""
    if len(values) == 0:
        return []
    severity: Severity = "warning" if delta else "error"
    name, target_name = spec.name, spec.target
    where = "" if not delta else (" In a delta file it may have been sent before; check it.")
    nonblank = _flags(pc.not_equal(values, text("")))
    if spec.kind == "ref_list":
        return _list_batches(place, spec, values, row_ids=row_ids, target=target,
                             nonblank=nonblank, severity=severity, where=where)
    missing = nonblank if target is None else nonblank & ~_known(values, target.keys)
    batches = []
    batch = batch_from_mask(place, "ref.unresolved", severity, row_ids=row_ids, values=values,
                            mask=missing, describe=lambda v, _: (
                                f"{name} \"{v}\" is not the sourcedId of any record in "
                                f"{target_name}. Fix the ID or add that record.{where}", None))
    if batch is not None:
        batches.append(batch)
    constraint = spec.target_type
    if constraint is not None and target is not None and target.types is not None:
        resolved = nonblank & ~missing
        positions = pc.index_in(values, value_set=target.keys)
        types = target.types.take(positions)
        wrong = resolved & ~_flags(pc.is_in(types, value_set=pa.array(constraint.values, pa.string())))
        types_list = types.to_pylist() if wrong.any() else []
        wanted = " or ".join(constraint.values)
        batch = batch_from_mask(
            place, "ref.wrong-type", "error", row_ids=row_ids, values=values, mask=wrong,
            extras=types_list, describe=lambda v, actual: (
                f"{name} \"{v}\" points at a record in {target_name} whose {constraint.column} "
                f"is \"{actual}\", but it must be {wanted}. Point at a {wanted} instead.", None))
        if batch is not None:
            batches.append(batch)
    return batches


def _known(values: pa.Array, keys: pa.Array) -> np.ndarray:
    if len(values) < 64 <= len(keys):
        # A few edited cells: scan the keys for them instead of hashing every key.
        present = keys.filter(pc.is_in(keys, value_set=values))
        return _flags(pc.is_in(values, value_set=present))
    return _flags(pc.is_in(values, value_set=keys))


def _list_batches(place: Place, spec: ColumnSpec, values: pa.Array, *, row_ids: np.ndarray,
                  target: TargetKeys | None, nonblank: np.ndarray, severity: Severity,
                  where: str) -> list[FindingBatch]:
    items = pc.split_pattern(values, ",")
    flat = pc.list_flatten(items)
    parents = np.asarray(pc.list_parent_indices(items).to_numpy(zero_copy_only=False))
    item_missing = _flags(pc.not_equal(flat, text("")))
    if target is not None:
        item_missing &= ~_known(flat, target.keys)
    failing = np.zeros(len(values), dtype=bool)
    failing[parents[item_missing]] = True
    failing &= nonblank
    if not failing.any():
        return []
    missing_by_row: dict[int, list[str]] = {}
    for row, item in zip(parents[item_missing].tolist(), flat.filter(pa.array(item_missing))
                         .to_pylist(), strict=True):
        missing_by_row.setdefault(row, []).append(item)
    extras = [missing_by_row.get(i, []) for i in range(len(values))]
    name, target_name = spec.name, spec.target
    batch = batch_from_mask(place, "ref.unresolved", severity, row_ids=row_ids, values=values,
                            mask=failing, extras=extras, describe=lambda v, missing: (
                                f"{name} lists {', '.join(missing)}, which "
                                f"{'is' if len(missing) == 1 else 'are'} not the sourcedId of "
                                f"any record in {target_name}. Fix the IDs or add the records."
                                + where, None))
    return [batch] if batch is not None else []
