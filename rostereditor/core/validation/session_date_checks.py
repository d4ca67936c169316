"""Enrollment dates should lie inside their class's terms: a vectorized join, no loop per row."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.spec.model import DatesWithinSessions
from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.finding_batch import FindingBatch, Place

RULE = "enrollment.outside-term"


@dataclass(frozen=True)
class SessionSpans:
    """Per owning record (class) whose sessions all resolve to valid dates: the earliest
    start and the latest end (exclusive) of those sessions."""

    keys: pa.Array
    starts: pa.Array
    ends: pa.Array


def _flags(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(array.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _dates_or_null(values: pa.Array) -> pa.Array:
    return pc.if_else(pc.match_substring_regex(values, p.DATE), values,
                      pa.scalar(None, pa.string()))


def session_spans(owner_keys: pa.Array, owner_sessions: pa.Array, session_keys: pa.Array,
                  session_starts: pa.Array, session_ends: pa.Array) -> SessionSpans:
    """Join each owner's session list to the sessions' dates and reduce it to one span.

    An owner with an unknown session or a session without valid dates gets no span: its
    enrollments are not judged, because other rules already report the broken reference or date.
    """
    lists = pc.split_pattern(owner_sessions, ",")
    items = pc.list_flatten(lists)
    where = pc.index_in(items, value_set=session_keys)
    starts = _dates_or_null(session_starts).take(where)
    ends = _dates_or_null(session_ends).take(where)
    unusable = pc.or_kleene(pc.is_null(starts), pc.is_null(ends))
    joined = pa.table({"owner": pc.list_parent_indices(lists), "start": starts, "end": ends,
                       "unusable": unusable})
    spans = joined.group_by("owner").aggregate(
        [("start", "min"), ("end", "max"), ("unusable", "any")])
    spans = spans.filter(pc.invert(spans["unusable_any"]))
    owners = spans["owner"].combine_chunks()
    return SessionSpans(owner_keys.take(owners), spans["start_min"].combine_chunks(),
                        spans["end_max"].combine_chunks())


def owners_with_changed_spans(before: SessionSpans | None, after: SessionSpans) -> pa.Array:
    """Owner keys whose span appeared, disappeared or moved between two states of the files.

    After any edit to classes or terms, only these owners' enrollments can have changed
    findings, whatever was edited (a date, a term list, a sourcedId, or just a title).
    """
    if before is None:
        return after.keys
    old = pa.table({"key": before.keys, "start": before.starts, "end": before.ends})
    new = pa.table({"key": after.keys, "start": after.starts, "end": after.ends})
    joined = old.join(new, "key", join_type="full outer", left_suffix="_old", right_suffix="_new")
    moved = pc.or_kleene(pc.not_equal(joined["start_old"], joined["start_new"]),
                         pc.not_equal(joined["end_old"], joined["end_new"]))
    # A null comparison means the owner has a span on one side only.
    return joined["key"].filter(moved.fill_null(True)).combine_chunks()


def outside_session_batches(rule: DatesWithinSessions, places: tuple[Place, Place],
                            columns: tuple[pa.Array, pa.Array, pa.Array], row_ids: np.ndarray,
                            spans: SessionSpans) -> list[FindingBatch]:
    """Warnings for begin/end dates outside the span of the owning record's sessions.

    columns are the owner references, begin dates and end dates of the rows in row_ids.
    """
    owners, begins, ends = columns
    if len(owners) == 0 or len(spans.keys) == 0:
        return []
    where = pc.index_in(owners, value_set=spans.keys)
    first = spans.starts.take(where)
    last = spans.ends.take(where)
    # Both end dates are exclusive: a begin date must be before the last end, an end date after
    # the first start. ISO dates compare correctly as text.
    begin_out = _flags(pc.or_(pc.less(begins, first), pc.greater_equal(begins, last)))
    end_out = _flags(pc.or_(pc.less_equal(ends, first), pc.greater(ends, last)))
    batches = []
    for place, values, out in ((places[0], begins, begin_out), (places[1], ends, end_out)):
        batch = _batch(rule, place, values, out, row_ids=row_ids, owners=owners, first=first,
                       last=last)
        if batch is not None:
            batches.append(batch)
    return batches


def _batch(rule: DatesWithinSessions, place: Place, values: pa.Array, out: np.ndarray, *,
           row_ids: np.ndarray, owners: pa.Array, first: pa.Array,
           last: pa.Array) -> FindingBatch | None:
    picked = np.flatnonzero(out)
    if len(picked) == 0:
        return None
    # Only well-formed dates: blank or malformed ones compare as text but mean nothing here.
    chosen = values.take(pa.array(picked))
    picked = picked[_flags(pc.match_substring_regex(chosen, p.DATE))]
    if len(picked) == 0:
        return None
    take = pa.array(picked)
    extras = list(zip(owners.take(take).to_pylist(), first.take(take).to_pylist(),
                      last.take(take).to_pylist(), strict=True))
    owner, sessions, column = rule.owner_noun, rule.sessions_noun, place.column

    def describe(value: str | None, extra: tuple[str, str, str]) -> tuple[str, str | None]:
        key, start, end = extra
        return (f"{column} {value} is outside the {sessions} of {owner} \"{key}\", which run from "
                f"{start} to {end} (the day after the last day); dates in {rule.file} should fall "
                f"inside them. Change the date, or check the {owner}'s {rule.sessions_column} "
                f"and the {sessions}' dates.", None)

    failing = values.take(take)
    if isinstance(failing, pa.ChunkedArray):
        failing = failing.combine_chunks()
    return FindingBatch(place.file, RULE, "warning", place.column, place.column_index,
                        row_ids[picked], failing, describe, extras)
