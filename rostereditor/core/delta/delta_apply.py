"""Apply a delta bundle to a bundle, as a vendor would: the inverse of build_delta.

Each delta file upserts its `active` rows (by sourcedId, in place, new ones appended in delta
order) and drops its `tobedeleted` rows; a bulk file in the delta replaces the base's file. The
result is a bulk bundle: status and dateLastModified are left blank, as bulk files must be.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.comparison.record_keys import column_or_blank, key_column
from rostereditor.core.delta.delta_builder import ACTIVE, DELETED, MODIFIED, STATUS
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.table import Table


def apply_delta(base: Bundle, delta: Bundle) -> Bundle:
    """A new bundle: `base` with `delta` applied (neither is changed)."""
    result = Bundle(source_kind="new", modes=dict.fromkeys(base.data_file_names, "bulk"))
    for name in base.data_file_names:
        result.files[name] = BundleFile(name, name, base.files[name].table)
    version = delta.detected_version if MANIFEST in delta.files else base.detected_version
    for name in delta.data_file_names:
        changes = delta.files[name].table
        current = result.table(name)
        if delta.mode(name) == "bulk" or current is None:
            table = _bulk(changes) if delta.mode(name) == "bulk" else _upsert(None, changes, version, name)
        else:
            table = _upsert(current, changes, version, name)
        result.files[name] = BundleFile(name, name, table)
        result.modes[name] = "bulk"
    manifest = generate_manifest(version, dict(result.modes), base.manifest)
    result.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, Table.from_rows(MANIFEST_HEADER, manifest))
    return result


def _upsert(current: Table | None, changes: Table, version: str, name: str) -> Table:
    header = list(changes.header)
    key = key_column(name, changes, version) or "sourcedId"
    keys = column_or_blank(changes, key)
    last = _last_occurrence(keys)
    status = column_or_blank(changes, STATUS).take(pa.array(last))
    latest = keys.take(pa.array(last))
    active = np.asarray(pc.not_equal(status, DELETED).to_numpy(zero_copy_only=False), dtype=bool)
    upserts = pa.array(last[active])
    deleted = latest.filter(pa.array(~active))
    upsert_keys = keys.take(upserts)
    if current is None:
        base_keys = pa.array([], pa.string())
        base_columns = {n: pa.array([], pa.string()) for n in header}
    else:
        base_keys = column_or_blank(current, key)
        base_columns = {n: column_or_blank(current, n) for n in header}
    position = pc.index_in(base_keys, value_set=upsert_keys)
    updated = pc.is_valid(position)
    keep = pc.invert(pc.is_in(base_keys, value_set=deleted))
    appended = pc.invert(pc.is_in(upsert_keys, value_set=base_keys))
    columns = []
    for name_ in header:
        fresh = column_or_blank(changes, name_).take(upserts)
        if name_ in (STATUS, MODIFIED):
            fresh = pa.repeat(pa.scalar("", pa.string()), len(fresh))
            old = pa.repeat(pa.scalar("", pa.string()), len(base_keys))
        else:
            old = base_columns[name_]
        merged = pc.if_else(updated, fresh.take(position), old)
        columns.append(pa.concat_arrays([merged.filter(keep), fresh.filter(appended)]))
    count = len(columns[0]) if columns else 0
    return Table(header, columns, np.arange(2, count + 2, dtype=np.int64))


def _bulk(changes: Table) -> Table:
    header = list(changes.header)
    columns = [column_or_blank(changes, n) for n in header]
    return Table(header, columns, np.arange(2, len(changes) + 2, dtype=np.int64))


def _last_occurrence(keys: pa.Array) -> np.ndarray:
    """Positions of each key's last row, in order of those rows (a later row wins)."""
    reversed_keys = keys.take(pa.array(np.arange(len(keys) - 1, -1, -1, dtype=np.int64)))
    first_in_reversed = pc.index_in(keys.unique(), value_set=reversed_keys)
    last = len(keys) - 1 - np.asarray(first_in_reversed.to_numpy(zero_copy_only=False), dtype=np.int64)
    return np.sort(last)


__all__ = ["ACTIVE", "DELETED", "apply_delta"]
