"""Build a OneRoster delta bundle: what a vendor must apply to OLD to arrive at NEW.

Added and changed records (NEW's values) are sent `active`, removed ones (OLD's values)
`tobedeleted`, every row with the same `dateLastModified`; files with no change are absent
from the manifest. Differences in status and dateLastModified alone do not count as changes:
a bulk file leaves them blank.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.comparison import compare_bundles
from rostereditor.core.comparison.record_keys import column_or_blank
from rostereditor.core.errors import RosterEditorError
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import DATA_FILES, MANIFEST
from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural

STATUS, MODIFIED = "status", "dateLastModified"
ACTIVE, DELETED = "active", "tobedeleted"


class DeltaError(RosterEditorError):
    """The two bundles cannot be expressed as a delta; the message says why and what to do."""


@dataclass(frozen=True)
class DeltaCounts:
    """Rows of one file of the delta: added and changed are sent active, removed tobedeleted."""

    file: str
    added: int
    changed: int
    removed: int


@dataclass(frozen=True)
class DeltaBundle:
    bundle: Bundle
    counts: tuple[DeltaCounts, ...]
    version: str
    timestamp: str
    # Files of OLD or NEW that are not OneRoster files of this version; a delta cannot carry them.
    skipped_files: tuple[str, ...] = ()


def delta_timestamp(moment: datetime | None = None) -> str:
    """A OneRoster DateTime in UTC with milliseconds, e.g. 2025-01-31T17:05:09.120Z."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def build_delta(old: Bundle, new: Bundle, *, timestamp: str | None = None,
                version: str | None = None) -> DeltaBundle:
    """The delta from OLD to NEW (OneRoster 1.1 or 1.2: 1.0 has no manifest to say "delta").

    Raises DeltaError when a file's records cannot be told apart (no sourcedId column, blank
    or repeated sourcedIds), since a delta names each record by its sourcedId.
    """
    version = version or new.detected_version
    if version not in ("1.1", "1.2"):
        raise DeltaError(f"The new bundle is OneRoster {version}; delta files exist only in "
                         "OneRoster 1.1 and 1.2 (they need a manifest). Save it as 1.1 first.")
    stamp = timestamp or delta_timestamp()
    comparison = compare_bundles(old, new, ignore=(STATUS, MODIFIED), find_new_ids=False)
    allowed = set(DATA_FILES[version])
    delta = Bundle(source_kind="new")
    counts: list[DeltaCounts] = []
    skipped: list[str] = []
    for name, result in comparison.files.items():
        if name not in allowed:
            skipped.append(name)
            continue
        if not result.has_changes or not (result.added or result.removed or len(result.changed)):
            continue
        if result.key is None:
            raise DeltaError(f"{name} has no sourcedId column, so its records cannot be sent "
                             "as changes. Fix its header first.")
        _check_keys(name, old.table(name), new.table(name), result.key, result.duplicate_keys)
        changed = result.changed.changed_row_ids()
        table = _delta_table(old.table(name), new.table(name), added=result.added_row_ids,
                             changed=changed, removed=result.removed_row_ids, stamp=stamp)
        delta.files[name] = BundleFile(name, name, table)
        delta.modes[name] = "delta"
        counts.append(DeltaCounts(name, result.added, len(changed), result.removed))
    manifest = generate_manifest(version, dict(delta.modes), new.manifest or old.manifest)
    delta.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, Table.from_rows(MANIFEST_HEADER, manifest))
    return DeltaBundle(delta, tuple(counts), version, stamp, tuple(skipped))


def _check_keys(name: str, old: Table | None, new: Table | None, key: str,
                duplicates: int) -> None:
    for label, table in (("old", old), ("new", new)):
        if table is None:
            continue
        keys = column_or_blank(table, key)
        blank = int(pc.sum(pc.equal(keys, "")).as_py() or 0)
        if blank:
            first = _rows_with(keys, "")[0]
            raise DeltaError(f"{name} in the {label} bundle has {plural(blank, 'record')} without "
                             f"a {key} ({_lines(table, [first])}). A delta names every record "
                             f"by its {key}; fill {agree(blank, 'it', 'them')} in.")
        if not duplicates:
            continue  # the comparison found none on either side
        counts = pc.value_counts(keys)
        repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
        if len(repeated):
            value = str(repeated[0].as_py())
            rows = _rows_with(keys, value)
            raise DeltaError(f"{name} in the {label} bundle has {plural(len(repeated), key)} "
                             f"used by more than one record, e.g. \"{value}\" "
                             f"({_lines(table, rows)}). A delta names every record by its "
                             f"{key}; make them unique first.")


def _rows_with(keys: pa.Array, value: str) -> list[int]:
    found = pc.indices_nonzero(pc.equal(keys, value)).to_pylist()
    return [int(row) for row in found]


def _lines(table: Table, rows: list[int]) -> str:
    """"line 7", "lines 4 and 7", "lines 4, 7 and 9" (a record added in the editor: "a new row")."""
    named = [f"{line}" if (line := table.source_line(r)) is not None else "a new row"
             for r in rows[:3]]
    if len(named) == 1:
        return f"line {named[0]}"
    more = " and more" if len(rows) > 3 else ""
    return f"lines {', '.join(named[:-1])} and {named[-1]}{more}"


def _delta_table(old: Table | None, new: Table | None, *, added: np.ndarray,
                 changed: np.ndarray, removed: np.ndarray, stamp: str) -> Table:
    """NEW's header; added and changed rows in NEW's order, then removed rows in OLD's order."""
    header = list((new if new is not None else old).header)  # type: ignore[union-attr]
    for column in (STATUS, MODIFIED):
        if column not in header:
            raise DeltaError(f"The file has no {column} column, which every delta row needs. "
                             "Fix its header first.")
    sent = _rows_by_id(new, np.sort(np.concatenate([added, changed]))) if new is not None else {}
    gone = _rows_by_id(old, np.sort(removed)) if old is not None else {}
    count_sent = len(next(iter(sent.values()))) if sent else 0
    count_gone = len(next(iter(gone.values()))) if gone else 0
    columns = []
    for name in header:
        if name == STATUS:
            parts = [_repeat(ACTIVE, count_sent), _repeat(DELETED, count_gone)]
        elif name == MODIFIED:
            parts = [_repeat(stamp, count_sent + count_gone)]
        else:
            parts = [sent.get(name, _repeat("", count_sent)), gone.get(name, _repeat("", count_gone))]
        columns.append(pa.concat_arrays(parts))
    total = count_sent + count_gone
    return Table(header, columns, np.arange(2, total + 2, dtype=np.int64))


def _rows_by_id(table: Table, row_ids: np.ndarray) -> Mapping[str, pa.Array]:
    """The given stored rows, as arrays per column name, in table order."""
    order = table.row_ids()
    positions = np.flatnonzero(np.isin(order, row_ids))
    where = pa.array(positions)
    rows: dict[str, pa.Array] = {}
    for name in table.header:
        if name not in rows:
            rows[name] = column_or_blank(table, name).take(where)
    if not rows:
        rows[""] = pa.array([""] * len(positions), pa.string())
    return rows


def _repeat(text: str, count: int) -> pa.Array:
    return pa.repeat(pa.scalar(text, pa.string()), count)
