"""Rules that compare columns of the same record: paired lists, min/max, CASE ids, vendor needs."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.file_context import FileContext
from rostereditor.core.validation.finding_batch import FindingBatch, Place, batch_from_mask

# Column name -> that column's values for the rows being checked (None if not in the header).
ColumnValues = Callable[[str], pa.Array | None]


def _flags(array: pa.Array) -> np.ndarray:
    return np.asarray(array.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def record_batches(ctx: FileContext, values_of: ColumnValues,
                   row_ids: np.ndarray) -> list[FindingBatch]:
    """Every record rule of this file over the given rows."""
    if len(row_ids) == 0:
        return []
    batches = []
    for first, second in ctx.spec.parallel_lists:
        batches.extend(_parallel_list_batches(ctx, first, second, values_of, row_ids))
    for low, high in ctx.spec.bounds:
        batches.extend(_bounds_batches(ctx, low, high, values_of, row_ids))
    for source, identifier in ctx.spec.case_ids:
        batches.extend(_case_id_batches(ctx, source, identifier, values_of, row_ids))
    for file, role, column in ctx.profile.required_for_role:
        if file == ctx.file:
            batches.extend(_role_value_batches(ctx, role, column, values_of, row_ids))
    for rule in ctx.profile.required_when:
        if rule[0] == ctx.file:
            batches.extend(_required_when_batches(ctx, rule, values_of, row_ids))
    for file, column, allowed in ctx.profile.extra_values:
        if file == ctx.file and ctx.spec.column(column) is None:
            batches.extend(_vendor_value_batches(ctx, column, allowed, values_of, row_ids))
    return batches


def _vendor_value_batches(ctx: FileContext, column: str, allowed: tuple[str, ...],
                          values_of: ColumnValues, row_ids: np.ndarray) -> list[FindingBatch]:
    """A value of the vendor's own column that its documentation does not list."""
    values = values_of(column)
    if values is None:
        return []
    mask = _flags(pc.and_(pc.not_equal(values, text("")),
                          pc.invert(pc.is_in(values, value_set=pa.array(allowed, pa.string())))))
    who, listed = ctx.profile.who, ", ".join(allowed)
    batch = batch_from_mask(
        Place(ctx.file, column, ctx.index_of(column)), "vendor.value", "error",
        row_ids=row_ids, values=values, mask=mask, describe=lambda v, _: (
            f"{column} \"{v}\" is not a value {who} lists for this column. Use one of: "
            f"{listed}; or leave it empty.", None))
    return [batch] if batch is not None else []


def _bounds_batches(ctx: FileContext, low: str, high: str, values_of: ColumnValues,
                    row_ids: np.ndarray) -> list[FindingBatch]:
    """resultValueMin above resultValueMax: no score could then be permitted."""
    lows, highs = values_of(low), values_of(high)
    if lows is None or highs is None:
        return []
    numbers = [pc.if_else(pc.match_substring_regex(v, p.FLOAT), v, None) for v in (lows, highs)]
    low_values, high_values = (pc.cast(n, pa.float64(), safe=False) for n in numbers)
    mask = _flags(pc.greater(low_values, high_values))
    if not mask.any():
        return []
    batch = batch_from_mask(
        Place(ctx.file, low, ctx.index_of(low)), "value.min-above-max", "error",
        row_ids=row_ids, values=lows, mask=mask, extras=highs.to_pylist(),
        describe=lambda v, top: (
            f"{low} \"{v}\" is greater than {high} \"{top}\"; they are the lowest and highest "
            "scores allowed, so no score could fit. Swap or correct them.", None))
    return [batch] if batch is not None else []


def _case_id_batches(ctx: FileContext, source: str, identifier: str, values_of: ColumnValues,
                     row_ids: np.ndarray) -> list[FindingBatch]:
    """With source "case", the learning objective id MUST be a valid UUID URN (1.2)."""
    sources, ids = values_of(source), values_of(identifier)
    if sources is None or ids is None:
        return []
    mask = _flags(pc.and_(pc.and_(pc.equal(sources, text("case")), pc.not_equal(ids, text(""))),
                          pc.invert(pc.match_substring_regex(ids, p.UUID_URN))))
    batch = batch_from_mask(
        Place(ctx.file, identifier, ctx.index_of(identifier)), "value.case-id", "error",
        row_ids=row_ids, values=ids, mask=mask, describe=lambda v, _: (
            f"{identifier} \"{v}\" must be a UUID URN such as "
            "urn:uuid:4f9e2c1a-9d0b-4c55-8a11-2b7d6c9e0f31, because source is case (a 1EdTech "
            "CASE identifier). Copy the CASE id again, or set source to unknown.", None))
    return [batch] if batch is not None else []


def _required_when_batches(ctx: FileContext, rule: tuple[str, str, str, str],
                           values_of: ColumnValues, row_ids: np.ndarray) -> list[FindingBatch]:
    _, column, other, value = rule
    values, others = values_of(column), values_of(other)
    if values is None or others is None:
        return []
    mask = _flags(pc.and_(pc.equal(others, value), pc.equal(values, text(""))))
    who = ctx.profile.who
    batch = batch_from_mask(
        Place(ctx.file, column, ctx.index_of(column)), "vendor.required-value", "warning",
        row_ids=row_ids, values=values, mask=mask, describe=lambda v, _: (
            f"{who} asks for {column} whenever {other} is {value}, and this record has none. "
            "Fill it in.", None))
    return [batch] if batch is not None else []


def _parallel_list_batches(ctx: FileContext, first: str, second: str, values_of: ColumnValues,
                           row_ids: np.ndarray) -> list[FindingBatch]:
    firsts, seconds = values_of(first), values_of(second)
    if firsts is None or seconds is None:
        return []
    # Only when both are filled: either list may be left out on its own.
    both = pc.and_(pc.not_equal(firsts, text("")), pc.not_equal(seconds, text("")))
    first_counts = pc.list_value_length(pc.split_pattern(firsts, ","))
    second_counts = pc.list_value_length(pc.split_pattern(seconds, ","))
    mask = _flags(pc.and_(both, pc.not_equal(first_counts, second_counts)))
    if not mask.any():
        return []
    extras = first_counts.to_pylist()
    batch = batch_from_mask(
        Place(ctx.file, second, ctx.index_of(second)), "value.list-lengths-differ", "error",
        row_ids=row_ids, values=seconds, mask=mask, extras=extras,
        describe=lambda v, count: (
            f"{first} has {count} item{'s' if count != 1 else ''} but {second} has "
            f"{len((v or '').split(','))}; when both are filled they must have the same number, "
            f"and the items must line up by position (the 1st of {second} belongs to the 1st "
            f"of {first}, and so on). Add or remove items so they match.", None))
    return [batch] if batch is not None else []


def _role_value_batches(ctx: FileContext, role: str, column: str, values_of: ColumnValues,
                        row_ids: np.ndarray) -> list[FindingBatch]:
    roles, values = values_of("role"), values_of(column)
    if roles is None or values is None:
        return []
    mask = _flags(pc.and_(pc.equal(roles, role), pc.equal(values, text(""))))
    who = ctx.profile.who
    batch = batch_from_mask(
        Place(ctx.file, column, ctx.index_of(column)), "vendor.required-for-role", "error",
        row_ids=row_ids, values=values, mask=mask, describe=lambda v, _: (
            f"{who} requires {column} for every {role}, but this {role} has none. Fill it in.",
            None))
    return [batch] if batch is not None else []
