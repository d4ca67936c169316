"""After a file is converted: values the source version accepted that the target does not.

These are left as they were (the reference gives no equivalent), and reported for a person:
an enumeration value the target lacks (1.0 enrollments role parent, 1.2 sex unspecified,
1.2 ext: values), or an empty value in a column the target requires and the source did not.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.conversion.column_values import column, rows_where, value_examples
from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.editing.reference_columns import split_list
from rostereditor.core.spec.model import ColumnSpec, FileSpec
from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural

EXTENSION_VALUE = "ext:"


def allowed(spec: ColumnSpec, value: str) -> bool:
    if spec.kind == "enum_list":
        return all(allowed_item(spec, item) for item in split_list(value))
    return allowed_item(spec, value)


def allowed_item(spec: ColumnSpec, value: str) -> bool:
    return value in spec.values or (spec.extensible and value.startswith(EXTENSION_VALUE))


def report_target_problems(
    file: str, table: Table, *, source: FileSpec | None, target: FileSpec, target_version: str,
    renames: Mapping[str, str], skip: set[str], report: ConversionReport,
) -> None:
    """Report values the conversion carried over that the target version does not accept."""
    before = {renames.get(c.name, c.name): c for c in source.columns} if source else {}
    for spec in target.columns:
        values = column(table, spec.name)
        if values is None or spec.name in skip or len(table) == 0:
            continue
        was = before.get(spec.name)
        if spec.kind in ("enum", "enum_list") and was is not None:
            _report_values(file, table, (spec, was), target_version, report)
        if spec.required and (was is None or not was.required):
            rows = rows_where(pc.equal(values, ""))
            if len(rows):
                report.add("check", file, f"{plural(len(rows), 'record')} "
                           f"{agree(len(rows), 'has', 'have')} no {spec.name}, which "
                           f"OneRoster {target_version} requires: fill it in", len(rows),
                           value_examples(table, values, rows))


def _report_values(file: str, table: Table, specs: tuple[ColumnSpec, ColumnSpec],
                   target_version: str, report: ConversionReport) -> None:
    spec, was = specs  # the column in the target version, and in the source version
    values = column(table, spec.name)
    assert values is not None
    distinct = [v for v in pc.unique(values).to_pylist() if v]
    unwanted = [v for v in distinct if not allowed(spec, v) and allowed(was, v)]
    if not unwanted:
        return
    rows = rows_where(pc.is_in(values, value_set=pa.array(unwanted, pa.string())))
    report.add("check", file, f"{plural(len(rows), spec.name + ' value')} that OneRoster "
               f"{target_version} does not allow ({', '.join(unwanted[:5])}) "
               f"{agree(len(rows), 'was kept as it was', 'were kept as they were')}: the reference "
               f"gives no equivalent; choose one of {', '.join(spec.values)}", len(rows),
               value_examples(table, values, rows))
