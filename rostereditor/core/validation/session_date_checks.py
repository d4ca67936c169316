"""Enrollment dates should lie inside their class's terms: a vectorized join, no loop per row."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.spec.model import DatesWithinSessions
from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.finding_batch import FindingBatch, Place

RULE = "enrollment.outside-term"


Span = tuple[str, str]  # first start, last end (exclusive), ISO dates
# Up to this many owners, look each one up; more, join them all at once.
_LOOKUPS = 64
_DATE = re.compile(p.DATE.removesuffix("$") + r"\Z")  # RE2's $ is the very end, as \Z is


class SessionSpans:
    """Per owning record (class) whose sessions all resolve to valid dates: the earliest
    start and the latest end (exclusive) of those sessions.

    Computed for every owner at once by a full check; after edits, the owners whose span moved
    are kept in a small overlay, so an edit never recomputes (or rehashes) every class.
    """

    def __init__(self, keys: pa.Array, starts: pa.Array, ends: pa.Array,
                 overlay: dict[str, Span | None] | None = None,
                 order: np.ndarray | None = None) -> None:
        self._keys, self._starts, self._ends = keys, starts, ends
        self._overlay: dict[str, Span | None] = overlay or {}
        self._order = order  # the keys' sort order, for looking one up (made on first use)

    @property
    def keys(self) -> pa.Array:
        """Every owner with a span."""
        return self.arrays()[0]

    def arrays(self) -> tuple[pa.Array, pa.Array, pa.Array]:
        """(keys, starts, ends) of every owner with a span, the overlay applied."""
        if not self._overlay:
            return self._keys, self._starts, self._ends
        kept = pc.invert(pc.is_in(self._keys, value_set=pa.array(list(self._overlay), pa.string())))
        added = [(key, span) for key, span in self._overlay.items() if span is not None]

        def merged(column: pa.Array, extra: list[str]) -> pa.Array:
            return pa.concat_arrays([column.filter(kept), pa.array(extra, pa.string())])

        return (merged(self._keys, [k for k, _ in added]),
                merged(self._starts, [s[0] for _, s in added]),
                merged(self._ends, [s[1] for _, s in added]))

    def is_empty(self) -> bool:
        return len(self._keys) == 0 and not any(self._overlay.values())

    def prepare(self) -> SessionSpans:
        """Sort the keys now (in a worker) rather than at the first edit."""
        self._sorted_order()
        return self

    def span(self, key: str) -> Span | None:
        if key in self._overlay:
            return self._overlay[key]
        position = self._find(key)
        if position is None:
            return None
        return self._starts[position].as_py(), self._ends[position].as_py()

    def spans_of(self, owners: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, pa.Array]:
        """Each owner's first start and last end (null where it has no span)."""
        if len(owners) <= _LOOKUPS:
            found = [self.span(key) if key is not None else None for key in owners.to_pylist()]
            return (pa.array([f[0] if f else None for f in found], pa.string()),
                    pa.array([f[1] if f else None for f in found], pa.string()))
        where = pc.index_in(owners, value_set=self._keys)
        first, last = self._starts.take(where), self._ends.take(where)
        if self._overlay:
            hit = np.asarray(pc.is_in(owners, value_set=pa.array(list(self._overlay), pa.string()))
                             .to_numpy(zero_copy_only=False), dtype=bool)
            if hit.any():
                spans = [self._overlay[k] for k in owners.filter(pa.array(hit)).to_pylist()]
                mask = pa.array(hit)
                first = pc.replace_with_mask(first, mask, pa.array(
                    [s[0] if s else None for s in spans], pa.string()))
                last = pc.replace_with_mask(last, mask, pa.array(
                    [s[1] if s else None for s in spans], pa.string()))
        return _whole(first), _whole(last)

    def patched(self, changes: dict[str, Span | None]) -> SessionSpans:
        """These spans with some owners' spans replaced (None: the owner has none now)."""
        return SessionSpans(self._keys, self._starts, self._ends, {**self._overlay, **changes},
                            self._order)

    def _sorted_order(self) -> np.ndarray:
        if self._order is None:
            self._order = np.asarray(pc.sort_indices(self._keys).to_numpy(), dtype=np.int64)
        return self._order

    def _find(self, key: str) -> int | None:
        """The first owner with this key (as index_in finds it): a binary search, no hashing."""
        order, keys = self._sorted_order(), self._keys
        low, high = 0, len(order)
        while low < high:
            middle = (low + high) // 2
            if keys[int(order[middle])].as_py() < key:
                low = middle + 1
            else:
                high = middle
        if low < len(order) and keys[int(order[low])].as_py() == key:
            return int(order[low])
        return None


def session_dates(keys: pa.Array, starts: pa.Array, ends: pa.Array) -> dict[str, Span | None]:
    """Each session's start and end, None where either is not a valid date (the first of a
    repeated key counts, as index_in finds it)."""
    found: dict[str, Span | None] = {}
    for key, start, end in zip(keys.to_pylist(), starts.to_pylist(), ends.to_pylist(), strict=True):
        if key not in found:
            usable = start is not None and end is not None and _DATE.match(start) and _DATE.match(end)
            found[key] = (start, end) if usable else None
    return found


def span_of_sessions(sessions_list: str, sessions: dict[str, Span | None]) -> Span | None:
    """One owner's span from its list of session references, as session_spans computes it."""
    spans = [sessions.get(item) for item in sessions_list.split(",")]
    if any(span is None for span in spans):
        return None
    return (min(span[0] for span in spans if span is not None),
            max(span[1] for span in spans if span is not None))


def _whole(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


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
    # In row order, so a repeated key finds its first usable row, as an edit's lookup does.
    spans = spans.filter(pc.invert(spans["unusable_any"])).sort_by("owner")
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
    old = pa.table(dict(zip(("key", "start", "end"), before.arrays(), strict=True)))
    new = pa.table(dict(zip(("key", "start", "end"), after.arrays(), strict=True)))
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
    if len(owners) == 0 or spans.is_empty():
        return []
    first, last = spans.spans_of(owners)
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
