"""Which columns get a dropdown in an exported workbook: the spec's enumerations and booleans."""

from __future__ import annotations

from rostereditor.core.spec import spec_for

_BOOLEAN = ("true", "false")


def allowed_values(version: str, file_name: str, header: list[str]) -> dict[int, tuple[str, ...]]:
    """Column index -> allowed values, for single-valued enumeration and boolean columns."""
    try:
        file_spec = spec_for(version).file(file_name)
    except KeyError:
        return {}
    if file_spec is None:
        return {}
    out: dict[int, tuple[str, ...]] = {}
    for index, name in enumerate(header):
        column = file_spec.column(name)
        if column is None:
            continue
        if column.kind == "enum" and column.values:
            out[index] = tuple(column.values)
        elif column.kind == "boolean":
            out[index] = _BOOLEAN
    return out
