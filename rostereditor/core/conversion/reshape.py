"""Lay one file's columns out as the target version defines them, reporting what moved or went.

Values are never rewritten here: a column is renamed, moved, added empty or dropped, and the
Arrow arrays are reused as they are (no copy of the text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from rostereditor.core.conversion.column_values import (
    TextArray,
    blank,
    examples,
    filled_rows,
    value_examples,
)
from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural

EXTENSION_PREFIX = "metadata."


@dataclass
class FilePlan:
    """What a conversion step decided for one file beyond the spec's column list.

    renames: source column -> target column. computed: target column -> its values (row order),
    reported by whoever computed them. moved_out: source columns another file now holds
    (1.1 users.role goes to roles.csv), so dropping them here is no loss.
    """

    renames: Mapping[str, str] = field(default_factory=dict)
    computed: dict[str, TextArray] = field(default_factory=dict)
    moved_out: tuple[str, ...] = ()


def reshape_table(
    file: str,
    source: Table,
    *,
    target_columns: Sequence[str],
    source_columns: Sequence[str],
    plan: FilePlan,
    report: ConversionReport,
) -> Table:
    """The file with the target version's columns in order, then its extension columns.

    source_columns are the columns the source version defines for this file: one of them
    missing from the target is dropped (a loss when it held values); a column neither version
    defines is kept at the end, as extension columns are, and reported.
    """
    count = len(source)
    by_name: dict[str, TextArray] = {}
    for index, name in enumerate(source.header):
        by_name.setdefault(plan.renames.get(name, name), source.column_array(index))
    for old, new in plan.renames.items():
        if old in source.header and new in target_columns:
            report.add("changed", file, f"renamed column {old} to {new}")
    header: list[str] = []
    arrays: list[TextArray] = []
    added = []
    for name in target_columns:
        header.append(name)
        if name in plan.computed:
            arrays.append(plan.computed[name])
        elif name in by_name:
            arrays.append(by_name[name])
        else:
            arrays.append(blank(count))
            added.append(name)
    if added:
        report.add("changed", file, "added column" + ("s " if len(added) > 1 else " ")
                   + ", ".join(added) + " (empty)")
    kept_at_end = _carry_other_columns(file, source, by_name, target_columns=target_columns,
                                       source_columns=source_columns, plan=plan, report=report)
    for name in kept_at_end:
        header.append(name)
        arrays.append(by_name[name])
    _report_ragged(file, source, report)
    lines = np.arange(2, count + 2, dtype=np.int64)
    return Table(header, arrays, lines)


def _carry_other_columns(
    file: str, source: Table, by_name: Mapping[str, TextArray], *, target_columns: Sequence[str],
    source_columns: Sequence[str], plan: FilePlan, report: ConversionReport,
) -> list[str]:
    """Source columns the target does not define: extensions kept, the version's own dropped."""
    kept = []
    emptied = []
    renamed_source = {plan.renames.get(n, n) for n in source_columns}
    for name in by_name:
        if name in target_columns or name in plan.moved_out:
            continue
        values = by_name[name]
        if name.startswith(EXTENSION_PREFIX):
            kept.append(name)
        elif name in renamed_source:
            rows = filled_rows(values)
            if len(rows):
                report.add("lost", file, f"column {name} is not in the target version; "
                           f"dropped {plural(len(rows), 'value')}", len(rows),
                           value_examples(source, values, rows))
            else:
                emptied.append(name)
        else:
            kept.append(name)
            report.add("check", file, f"{_column_named(name, source.header)} is not a OneRoster "
                       "column: kept at the end, after the defined columns")
    if emptied:
        report.add("changed", file, "removed column" + ("s " if len(emptied) > 1 else " ")
                   + ", ".join(emptied) + " (empty; the target version does not have them)")
    extensions = [n for n in kept if n.startswith(EXTENSION_PREFIX)]
    if extensions and not _already_last(source.header, extensions, plan):
        report.add("changed", file, "moved " + ", ".join(extensions) + " after the defined "
                   "columns (extension columns go at the end from OneRoster 1.1 on)")
    return kept


def _column_named(name: str, header: Sequence[str]) -> str:
    """How a report names a column; one without a name (Excel's trailing commas) by number."""
    if name.strip() or name not in header:
        return name
    return f"Column {list(header).index(name) + 1} (it has no name in the header row)"


def _already_last(header: Sequence[str], extensions: Sequence[str], plan: FilePlan) -> bool:
    names = [plan.renames.get(n, n) for n in header]
    return names[len(names) - len(extensions):] == list(extensions)


def _report_ragged(file: str, source: Table, report: ConversionReport) -> None:
    if not source.has_ragged_rows():
        return
    long_rows = [r for r in source.ragged_rows() if source.field_count(r) > len(source.header)]
    short_rows = [r for r in source.ragged_rows() if source.field_count(r) < len(source.header)]
    if long_rows:
        report.add("lost", file, f"{plural(len(long_rows), 'record')} had values past the last column; "
                   "those values are not in the converted file", len(long_rows),
                   examples(source, long_rows, [repr(source.extra_fields(r)) for r in long_rows]))
    if short_rows:
        report.add("changed", file, f"{plural(len(short_rows), 'short record')} now "
                   f"{agree(len(short_rows), 'has', 'have')} every column "
                   "(the missing values are empty)", len(short_rows),
                   examples(source, short_rows, ["short record"] * len(short_rows)))

