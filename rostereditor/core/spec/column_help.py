"""The spec in words for people: what a column holds, whether it is required, what it points at."""

from __future__ import annotations

from rostereditor.core.oneroster_files import SUPPORTED_VERSIONS
from rostereditor.core.spec import spec_for
from rostereditor.core.spec.model import ColumnSpec

# Each column kind (spec/model.py KINDS) as a data coordinator would describe it.
KIND_WORDS = {
    "guid": "identifier (sourcedId)",
    "ref": "reference to another record",
    "ref_list": "list of references, comma separated",
    "enum": "one of a fixed list of values",
    "enum_list": "list of values from a fixed list, comma separated",
    "date": "date, YYYY-MM-DD",
    "datetime": "date and time, YYYY-MM-DDThh:mm:ss.sssZ",
    "year": "year, YYYY",
    "boolean": "true or false (lower case)",
    "integer": "whole number",
    "float": "number",
    "string": "text",
    "userids": "list of {type:id} identifiers",
    "grades": "list of grade codes (e.g. 09, KG)",
}
# Allowed values listed in a tooltip before "…".
SHOWN_VALUES = 20


def column_spec(version: str, file_name: str, column: str) -> ColumnSpec | None:
    """The ColumnSpec of a column in a version of the spec; None if the spec has no such column."""
    if version not in SUPPORTED_VERSIONS:
        return None
    file_spec = spec_for(version).file(file_name)
    return file_spec.column(column) if file_spec is not None else None


def describe_kind(spec: ColumnSpec) -> str:
    return KIND_WORDS.get(spec.kind, spec.kind)


def column_tooltip(version: str, file_name: str, column: str) -> str:
    """Plain-language help for a column header: type, required, allowed values, target."""
    spec = column_spec(version, file_name, column)
    if spec is None:
        if column.startswith("metadata."):
            return f"{column}\nExtension column (not defined by OneRoster); any text."
        return f"{column}\nNot a column of OneRoster {version} {file_name}."
    lines = [f"{column} — {describe_kind(spec)}", "Required" if spec.required else "Optional"]
    if spec.values:
        shown = ", ".join(spec.values[:SHOWN_VALUES])
        lines.append(f"Allowed: {shown}" + (" …" if len(spec.values) > SHOWN_VALUES else ""))
    if spec.target:
        lines.append(f"Points at: {spec.target}")
    if spec.description:
        lines.append(spec.description)
    return "\n".join(lines)


def column_summary(version: str, file_name: str, column: str) -> str:
    """One short phrase for the status bar, e.g. 'role: one of a fixed list of values, required'."""
    spec = column_spec(version, file_name, column)
    if spec is None:
        return f"{column}: extension column" if column.startswith("metadata.") else column
    need = "required" if spec.required else "optional"
    return f"{column}: {describe_kind(spec)}, {need}"
