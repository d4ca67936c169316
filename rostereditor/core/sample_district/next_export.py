"""The same district at its next export: some students left or joined, got new IDs or corrections.

For trying and measuring bundle comparison and delta bundles: compare_bundles(old, new) should
find exactly what next_export changed. Works on any bundle shaped like the sample district
(users with role/agentSourcedIds, enrollments, demographics keyed by the user's sourcedId).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.table import Table

# New sourcedIds: the old one with this prefix (as when a SIS renumbers its students).
NEW_ID_PREFIX = "9"


@dataclass(frozen=True)
class ExportChanges:
    """What next_export did, by sourcedId, so a test can check a comparison finds exactly it."""

    left: tuple[str, ...]
    joined: tuple[str, ...]
    renumbered: dict[str, str]
    corrected_users: tuple[str, ...]
    corrected_classes: tuple[str, ...]


def next_export(bundle: Bundle, seed: int = 2, share: float = 0.02) -> tuple[Bundle, ExportChanges]:
    """A changed copy of `bundle` (which is left untouched).

    About `share` of the students leave (with their enrollments, demographics and any guardian
    left without a student), as many join (copies of other students' schedules under new IDs),
    a quarter of that share are renumbered (new sourcedId, same username), and `share` of the
    users and classes get a corrected middleName or location.
    """
    rng = np.random.default_rng(seed)
    users = _Columns(bundle.files["users.csv"].table)
    ids = users["sourcedId"]
    students = np.flatnonzero(_np(pc.equal(users["role"], "student")))
    picked = rng.permutation(students)
    count = max(1, round(len(students) * share)) if len(students) > 3 else 0
    leave, renumber = picked[:count], picked[count: count + max(1, count // 4)]
    sources = picked[count + len(renumber): count + len(renumber) + count]
    left = ids.take(pa.array(leave))
    renumbered_old = ids.take(pa.array(renumber))
    renumbered_new = pc.binary_join_element_wise(NEW_ID_PREFIX, renumbered_old, "")
    joined = _joiner_ids(ids, students, len(sources))

    corrected = rng.choice(np.setdiff1d(np.arange(len(ids)), leave), size=count, replace=False) \
        if count else np.zeros(0, dtype=np.int64)
    middle = users["middleName"]
    fixed = pc.if_else(pc.equal(middle.take(pa.array(corrected)), "Marie"), "Lee", "Marie")
    users.set_at(corrected, "middleName", fixed)

    new = Bundle(source_kind="new", modes=dict(bundle.modes))
    new.files = {name: BundleFile(name, name, f.table) for name, f in bundle.files.items()}
    guardian_drop = _drop_leavers_from_guardians(users, left)
    users.keep(~_np(pc.is_in(ids, value_set=left)) & ~guardian_drop)
    _join_users(users, sources_ids=ids.take(pa.array(sources)), new_ids=joined, rng=rng)
    users.translate("sourcedId", renumbered_old, renumbered_new)
    users.translate_lists("agentSourcedIds", renumbered_old, renumbered_new)
    renumbered_rows = _np(pc.is_in(users["sourcedId"], value_set=renumbered_new))
    users.set_at(np.flatnonzero(renumbered_rows), "userIds", pc.binary_join_element_wise(
        "{SIS:", users["sourcedId"].filter(pa.array(renumbered_rows)), "}", ""))
    new.files["users.csv"] = BundleFile("users.csv", "users.csv", users.table())

    sources_ids = ids.take(pa.array(sources))
    for name, column in (("enrollments.csv", "userSourcedId"), ("demographics.csv", "sourcedId")):
        if name not in bundle.files:
            continue
        rows = _Columns(bundle.files[name].table)
        rows.keep(~_np(pc.is_in(rows[column], value_set=left)))
        rows.append_copies(column, sources_ids, joined, renumber_key=name == "enrollments.csv")
        rows.translate(column, renumbered_old, renumbered_new)
        new.files[name] = BundleFile(name, name, rows.table())

    corrected_classes: pa.Array = pa.array([], pa.string())
    if "classes.csv" in bundle.files:
        classes = _Columns(bundle.files["classes.csv"].table)
        size = min(count, len(classes["sourcedId"]))
        chosen = rng.choice(len(classes["sourcedId"]), size=size, replace=False)
        classes.set_at(chosen, "location", pa.array([f"Room {900 + i}" for i in range(size)]))
        corrected_classes = classes["sourcedId"].take(pa.array(chosen))
        new.files["classes.csv"] = BundleFile("classes.csv", "classes.csv", classes.table())

    corrected_ids = [i for i in ids.take(pa.array(corrected)).to_pylist()
                     if i not in set(left.to_pylist())]
    changes = ExportChanges(
        tuple(left.to_pylist()), tuple(joined.to_pylist()),
        dict(zip(renumbered_old.to_pylist(), renumbered_new.to_pylist(), strict=True)),
        tuple(corrected_ids), tuple(corrected_classes.to_pylist()))
    return new, changes


def _np(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(array.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _joiner_ids(ids: pa.Array, students: np.ndarray, count: int) -> pa.Array:
    width = max((len(s) for s in ids.take(pa.array(students[:1])).to_pylist()), default=7)
    start = len(students) + 1
    numbers = pa.array(np.arange(start, start + count, dtype=np.int64)).cast(pa.string())
    return pc.utf8_lpad(numbers, width=width, padding="0")


class _Columns:
    """A table's columns as whole Arrow arrays, edited in bulk, then made a Table again."""

    def __init__(self, table: Table) -> None:
        self.header = list(table.header)
        self.columns: dict[str, pa.Array] = {}
        for i, name in enumerate(self.header):
            array = table.column_array(i)
            self.columns[name] = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array

    def __getitem__(self, name: str) -> pa.Array:
        return self.columns[name]

    def keep(self, mask: np.ndarray) -> None:
        where = pa.array(mask)
        self.columns = {n: a.filter(where) for n, a in self.columns.items()}

    def set_at(self, rows: np.ndarray, name: str, values: pa.Array) -> None:
        if name not in self.columns or not len(rows):
            return
        mask = np.zeros(len(self.columns[name]), dtype=bool)
        mask[rows] = True
        order = np.argsort(rows, kind="stable")
        self.columns[name] = pc.replace_with_mask(self.columns[name], pa.array(mask),
                                                  values.take(pa.array(order)))

    def translate(self, name: str, old: pa.Array, new: pa.Array) -> None:
        values = self.columns[name]
        where = pc.index_in(values, value_set=old)
        self.columns[name] = pc.if_else(pc.is_valid(where), new.take(where), values)

    def translate_lists(self, name: str, old: pa.Array, new: pa.Array) -> None:
        if name not in self.columns:
            return
        items = pc.split_pattern(self.columns[name], ",")
        flat = pc.list_flatten(items)
        where = pc.index_in(flat, value_set=old)
        flat = pc.if_else(pc.is_valid(where), new.take(where), flat)
        lists = pa.ListArray.from_arrays(items.offsets, flat)
        self.columns[name] = pc.binary_join(lists, ",")

    def append_copies(self, column: str, sources: pa.Array, new_ids: pa.Array, *,
                      renumber_key: bool) -> None:
        """Copy the rows whose `column` is one of `sources`, pointing them at `new_ids`."""
        where = pc.index_in(self.columns[column], value_set=sources)
        rows = np.flatnonzero(_np(pc.is_valid(where)))
        picked = pa.array(rows)
        copies = {n: a.take(picked) for n, a in self.columns.items()}
        copies[column] = new_ids.take(where.take(picked))
        if renumber_key:
            numbers = pa.array(np.arange(1, len(rows) + 1, dtype=np.int64)).cast(pa.string())
            copies["sourcedId"] = pc.binary_join_element_wise(
                "enr-j", pc.utf8_lpad(numbers, width=7, padding="0"), "")
        self.columns = {n: pa.concat_arrays([a, copies[n]]) for n, a in self.columns.items()}

    def table(self) -> Table:
        count = len(next(iter(self.columns.values()))) if self.columns else 0
        return Table(self.header, [self.columns[n] for n in self.header],
                     np.arange(2, count + 2, dtype=np.int64))


def _drop_leavers_from_guardians(users: _Columns, left: pa.Array) -> np.ndarray:
    """Take leavers out of agentSourcedIds lists; returns the guardians left with no student."""
    if "agentSourcedIds" not in users.columns:
        return np.zeros(len(users["sourcedId"]), dtype=bool)
    agents = users["agentSourcedIds"]
    items = pc.split_pattern(agents, ",")
    flat = pc.list_flatten(items)
    parents = np.asarray(pc.list_parent_indices(items).to_numpy(), dtype=np.int64)
    keep = ~_np(pc.is_in(flat, value_set=left))
    counts = np.bincount(parents[keep], minlength=len(agents))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    kept = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), flat.filter(pa.array(keep))),
                          ",")
    had_any = _np(pc.not_equal(agents, ""))
    guardian = _np(pc.equal(users["role"], "guardian"))
    users.columns["agentSourcedIds"] = kept
    orphaned: np.ndarray = guardian & had_any & (counts == 0)
    return orphaned


def _join_users(users: _Columns, *, sources_ids: pa.Array, new_ids: pa.Array,
                rng: np.random.Generator) -> None:
    """Append new students copied from `sources_ids`, with their own IDs, names and sign-ins."""
    where = pc.index_in(sources_ids, value_set=users["sourcedId"])
    copies = {n: a.take(where) for n, a in users.columns.items()}
    count = len(new_ids)
    copies["sourcedId"] = new_ids
    givens = users["givenName"].take(pa.array(rng.integers(0, len(users["givenName"]), count)))
    copies["givenName"] = givens
    names = pc.binary_join_element_wise("joiner", new_ids, "")
    copies["username"] = names
    if "email" in copies:
        copies["email"] = pc.binary_join_element_wise(names, "@students.example.org", "")
    for column in ("agentSourcedIds", "identifier"):
        if column in copies:
            copies[column] = pa.repeat(pa.scalar("", pa.string()), count)
    if "userIds" in copies:
        copies["userIds"] = pc.binary_join_element_wise("{SIS:", new_ids, "}", "")
    users.columns = {n: pa.concat_arrays([a, copies[n]]) for n, a in users.columns.items()}
