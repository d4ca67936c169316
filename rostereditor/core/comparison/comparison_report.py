"""A comparison as a report: text for people, JSON and CSV rows for programs and spreadsheets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from rostereditor.core.bundle import Bundle
from rostereditor.core.comparison.bundle_comparison import BundleComparison
from rostereditor.core.comparison.file_comparison import FileComparison
from rostereditor.core.comparison.id_changes import IdChange
from rostereditor.core.comparison.record_keys import positions_of
from rostereditor.core.editing.record_labels import label_array
from rostereditor.core.table import Table

CSV_HEADER = ("file", "change", "sourcedId", "old_line", "new_line", "column", "old_value",
              "new_value", "new_sourcedId", "evidence")


@dataclass(frozen=True)
class ComparedBundles:
    """A comparison together with the two bundles it was made from (for lines and labels)."""

    comparison: BundleComparison
    old: Bundle
    new: Bundle
    old_name: str = "OLD"
    new_name: str = "NEW"


def text_report(compared: ComparedBundles, *, limit: int = 10,
                threshold: float | None = None) -> str:
    """A summary table, then per changed file the first `limit` items of each kind (0: all)."""
    comparison = compared.comparison
    lines = [f"OLD: {compared.old_name} (OneRoster {comparison.old_version})",
             f"NEW: {compared.new_name} (OneRoster {comparison.new_version})", ""]
    lines.append(f"{'file':24} {'OLD':>9} {'NEW':>9} {'added':>8} {'removed':>8} "
                 f"{'changed':>8} {'new IDs':>8}")
    for f in comparison.files.values():
        lines.append(f"{f.file:24} {f.old_count:>9,} {f.new_count:>9,} {f.added:>8,} "
                     f"{f.removed:>8,} {f.changed.record_count:>8,} {len(f.id_changes):>8,}")
    for change in comparison.manifest_changes:
        lines.append(f"manifest.csv: {change.name} was {_shown(change.old)}, now "
                     f"{_shown(change.new)}")
    for f in comparison.files.values():
        if f.has_changes:
            lines.extend(["", *_file_section(compared, f, limit)])
    lines.append("")
    if not comparison.has_changes:
        lines.append("The bundles hold the same records with the same values.")
    if threshold is not None:
        over = comparison.over_threshold(threshold)
        if over:
            lines.append(f"Removals over {threshold:g}%: " + ", ".join(
                f"{f.file} ({f.removed:,} of {f.old_count:,}, {f.removed_percent:.1f}%)"
                for f in over) + ". A bulk upload would delete these records at the vendor.")
        else:
            lines.append(f"No file loses more than {threshold:g}% of its records.")
    return "\n".join(lines) + "\n"


def json_report(compared: ComparedBundles, *, threshold: float | None = None) -> dict[str, Any]:
    """Everything, for programs: every added, removed and changed record and every ID change."""
    comparison = compared.comparison
    files = []
    for f in comparison.files.values():
        old_t, new_t = compared.old.table(f.file), compared.new.table(f.file)
        changed: dict[int, dict[str, Any]] = {}
        for cell in f.changed:
            entry = changed.setdefault(cell.new_row_id, {
                "sourcedId": cell.key, "old_line": _line(old_t, cell.old_row_id),
                "new_line": _line(new_t, cell.new_row_id), "cells": []})
            entry["cells"].append({"column": cell.column, "old": cell.old, "new": cell.new})
        files.append({
            "file": f.file, "state": f.state, "key": f.key, "old_records": f.old_count,
            "new_records": f.new_count, "removed_percent": round(f.removed_percent, 3),
            "duplicate_keys": f.duplicate_keys, "columns_added": list(f.columns_added),
            "columns_removed": list(f.columns_removed),
            "added": _records(f.added_keys, f.added_row_ids, new_t),
            "removed": _records(f.removed_keys, f.removed_row_ids, old_t),
            "changed": list(changed.values()),
            "id_changes": [{"old_sourcedId": c.old_id, "new_sourcedId": c.new_id,
                            "old_line": _line(old_t, c.old_row_id),
                            "new_line": _line(new_t, c.new_row_id), "matched_on": c.matched_on,
                            "evidence": [{"field": k, "value": v} for k, v in c.evidence]}
                           for c in f.id_changes],
        })
    report: dict[str, Any] = {
        "old": {"name": compared.old_name, "oneroster": comparison.old_version},
        "new": {"name": compared.new_name, "oneroster": comparison.new_version},
        "files": files,
        "manifest_changes": [{"property": c.name, "old": c.old, "new": c.new}
                             for c in comparison.manifest_changes],
    }
    if threshold is not None:
        report["threshold_percent"] = threshold
        report["over_threshold"] = [f.file for f in comparison.over_threshold(threshold)]
    return report


def csv_rows(compared: ComparedBundles) -> Iterator[tuple[str, ...]]:
    """One row per change (see CSV_HEADER): records added and removed, cells changed, IDs."""
    for f in compared.comparison.files.values():
        old_t, new_t = compared.old.table(f.file), compared.new.table(f.file)
        if f.state in ("only-old", "only-new"):
            yield (f.file, "file-" + ("removed" if f.state == "only-old" else "added"),
                   "", "", "", "", "", "", "", "")
        for name in f.columns_added:
            yield (f.file, "column-added", "", "", "", name, "", "", "", "")
        for name in f.columns_removed:
            yield (f.file, "column-removed", "", "", "", name, "", "", "", "")
        for key, row_id in zip(f.removed_keys.to_pylist(), f.removed_row_ids.tolist(), strict=True):
            yield (f.file, "removed", key, _text(_line(old_t, row_id)), "", "", "", "", "", "")
        for key, row_id in zip(f.added_keys.to_pylist(), f.added_row_ids.tolist(), strict=True):
            yield (f.file, "added", key, "", _text(_line(new_t, row_id)), "", "", "", "", "")
        for cell in f.changed:
            yield (f.file, "changed", cell.key, _text(_line(old_t, cell.old_row_id)),
                   _text(_line(new_t, cell.new_row_id)), cell.column, cell.old, cell.new, "", "")
        for change in f.id_changes:
            yield (f.file, "sourcedId-changed", change.old_id, _text(_line(old_t, change.old_row_id)),
                   _text(_line(new_t, change.new_row_id)), "", "", "", change.new_id,
                   _evidence(change))


def _file_section(compared: ComparedBundles, f: FileComparison, limit: int) -> list[str]:
    old_t, new_t = compared.old.table(f.file), compared.new.table(f.file)
    if f.state == "only-old":
        return [f"{f.file}: only in OLD. A bulk upload without it may delete all {f.old_count:,} "
                "of its records at the vendor."]
    if f.state == "only-new":
        return [f"{f.file}: only in NEW ({f.new_count:,} records, all new)."]
    if f.state == "no-key":
        return [f"{f.file}: has no sourcedId column, so its records could not be compared."]
    out = [f"{f.file}:"]
    if f.columns_added or f.columns_removed:
        out.append("  columns added: " + (", ".join(f.columns_added) or "none")
                   + "; removed: " + (", ".join(f.columns_removed) or "none"))
    if f.duplicate_keys:
        out.append(f"  {f.duplicate_keys:,} records repeat a sourcedId; they were paired in order.")
    if len(f.id_changes):
        out.append(f"  Likely the same records under new sourcedIds ({len(f.id_changes):,}); a "
                   "vendor would delete each and create a duplicate:")
        shown = _first(list(f.id_changes), limit)
        out.extend(f"    {c.old_id} -> {c.new_id}: {_evidence(c)}" for c in shown)
        out.extend(_more(len(f.id_changes), len(shown)))
    renumbered = (f"; {len(f.id_changes):,} of them under a new sourcedId, above"
                  if len(f.id_changes) else "")
    out.extend(_listed("Removed", f.removed_row_ids, old_t, f.file, limit=limit,
                       note=f", {f.removed_percent:.1f}% of OLD{renumbered}"))
    out.extend(_listed("Added", f.added_row_ids, new_t, f.file, limit=limit, note=renumbered))
    if len(f.changed):
        records = f.changed.record_count
        out.append(f"  Changed ({records:,} record{'s' if records != 1 else ''}):")
        by_row: dict[int, list[str]] = {}
        first_rows: list[int] = []
        for cell in f.changed:
            if cell.new_row_id not in by_row:
                if limit and len(first_rows) >= limit:
                    break
                first_rows.append(cell.new_row_id)
                by_row[cell.new_row_id] = []
            by_row[cell.new_row_id].append(f"{cell.column} {_shown(cell.old)} -> {_shown(cell.new)}")
        labels = _labels(new_t, f.file, np.asarray(first_rows, dtype=np.int64))
        for row_id, label in zip(first_rows, labels, strict=True):
            out.append(f"    {_where(new_t, row_id)}{label}: " + "; ".join(by_row[row_id]))
        out.extend(_more(records, len(first_rows)))
    return out


def _listed(title: str, row_ids: np.ndarray, table: Table | None, file: str, *,
            limit: int, note: str) -> list[str]:
    if not len(row_ids):
        return []
    count = len(row_ids)
    shown = row_ids[:limit] if limit else row_ids
    out = [f"  {title} ({count:,}{note}):"]
    labels = _labels(table, file, shown)
    out.extend(f"    {_where(table, int(r))}{label}" for r, label in zip(shown.tolist(), labels,
                                                                          strict=True))
    return out + _more(count, len(shown))


def _labels(table: Table | None, file: str, row_ids: np.ndarray) -> list[str]:
    """What a person recognises each record by: "0000301 — Thomas, Lucas (student, grade 06)"."""
    if table is None or not len(row_ids):
        return []
    positions = positions_of(table, row_ids)
    labels: list[str] = label_array(file, table).take(pa.array(positions)).to_pylist()
    return labels


def _where(table: Table | None, row_id: int) -> str:
    line = _line(table, row_id)
    return f"line {line}: " if line is not None else ""


def _line(table: Table | None, row_id: int) -> int | None:
    return table.line_of_id(row_id) if table is not None else None


def _records(keys: pa.Array, row_ids: np.ndarray, table: Table | None) -> list[dict[str, Any]]:
    return [{"sourcedId": k, "line": _line(table, r)}
            for k, r in zip(keys.to_pylist(), row_ids.tolist(), strict=True)]


def _evidence(change: IdChange) -> str:
    return "same " + ", ".join(f"{field} {_shown(value)}" for field, value in change.evidence)


def _first(items: list[IdChange], limit: int) -> list[IdChange]:
    return items[:limit] if limit else items


def _more(total: int, shown: int) -> list[str]:
    return [f"    ... and {total - shown:,} more"] if total > shown else []


def _shown(value: str | None) -> str:
    return "(none)" if value is None else f'"{value}"'


def _text(line: int | None) -> str:
    return "" if line is None else str(line)
