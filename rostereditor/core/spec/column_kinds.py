"""Short constructors for ColumnSpec, so each version's file list reads like the spec's tables."""

from __future__ import annotations

from rostereditor.core.spec.model import ColumnSpec, TargetType
from rostereditor.core.spec.vocabularies import BOOLEAN, CEDS_GRADES


def sourced_id(name: str = "sourcedId", description: str = "") -> ColumnSpec:
    return ColumnSpec(name, True, "guid", text_role="id", description=description or (
        "The record's unique identifier (sourcedId). Letters, digits and . - _ / @ only; "
        "other files point at it, so keep it exactly as it is everywhere."))


def status(values: tuple[str, ...], *, mode_dependent: bool = True) -> ColumnSpec:
    if not mode_dependent:  # OneRoster 1.0 has no bulk/delta files
        return ColumnSpec("status", False, "enum", values, description=(
            "Optional; one of " + ", ".join(values) + "."))
    return ColumnSpec("status", False, "enum", values, mode_dependent=True, description=(
        "Blank in a bulk file; in a delta file one of " + ", ".join(values) + "."))


def date_last_modified(*, mode_dependent: bool = True) -> ColumnSpec:
    if not mode_dependent:
        return ColumnSpec("dateLastModified", False, "datetime", description=(
            "Optional; when the record last changed, e.g. 2024-08-15T10:00:00.000Z."))
    return ColumnSpec("dateLastModified", False, "datetime", mode_dependent=True, description=(
        "Blank in a bulk file; in a delta file when the record last changed, "
        "e.g. 2024-08-15T10:00:00.000Z."))


def ref(name: str, target: str, required: bool = True, description: str = "",
        target_type: TargetType | None = None) -> ColumnSpec:
    text = description or f"The sourcedId of a record in {target}."
    if target_type:
        text += f" That record must have {target_type.column} " + " or ".join(target_type.values) + "."
    return ColumnSpec(name, required, "ref", target=target, description=text,
                      target_type=target_type, text_role="id")


def ref_list(name: str, target: str, required: bool = True, description: str = "") -> ColumnSpec:
    return ColumnSpec(name, required, "ref_list", target=target, text_role="id", description=(
        description or f"One or more sourcedIds of records in {target}, separated by commas."))


def enum(name: str, values: tuple[str, ...], required: bool = True, description: str = "",
         extensible: bool = False) -> ColumnSpec:
    text = (description + " " if description else "") + "One of: " + ", ".join(values) + "."
    if extensible:
        text += " Your own values must start with ext:."
    return ColumnSpec(name, required, "enum", values, description=text, extensible=extensible)


def enum_list(name: str, values: tuple[str, ...], required: bool = False,
              description: str = "") -> ColumnSpec:
    return ColumnSpec(name, required, "enum_list", values, description=(
        (description + " " if description else "")
        + "Comma-separated values from: " + ", ".join(values) + "."))


def boolean(name: str, required: bool = False, description: str = "") -> ColumnSpec:
    return ColumnSpec(name, required, "boolean", BOOLEAN, description=(
        (description + " " if description else "") + "true or false, in lowercase."))


def date(name: str, required: bool = False, description: str = "") -> ColumnSpec:
    return ColumnSpec(name, required, "date", description=(
        (description + " " if description else "") + "A date written YYYY-MM-DD, e.g. 2024-08-15."))


def year(name: str, required: bool = True, description: str = "") -> ColumnSpec:
    return ColumnSpec(name, required, "year", description=description or "A four-digit year.")


def number(name: str, kind: str, required: bool = False, description: str = "") -> ColumnSpec:
    return ColumnSpec(name, required, kind, description=description or (
        "A whole number." if kind == "integer" else "A number, e.g. 12.5."))


def grades(name: str = "grades", description: str = "") -> ColumnSpec:
    return ColumnSpec(name, False, "grades", CEDS_GRADES, description=(
        description or "Grade codes separated by commas, e.g. 09 or \"KG,01\" "
        "(with the leading zero: 09, not 9)."))


def text(name: str, required: bool = False, description: str = "",
         role: str | None = None) -> ColumnSpec:
    return ColumnSpec(name, required, "string", description=description or "Free text.",
                      text_role=role)


def user_ids(name: str = "userIds") -> ColumnSpec:
    return ColumnSpec(name, False, "userids", description=(
        "Other identifiers of the user, each written {Type:Id}, e.g. {LDAP:jsmith}; "
        "several are separated by commas."))


def string_list(name: str, description: str = "") -> ColumnSpec:
    return ColumnSpec(name, False, "string_list", description=(
        description or "Values separated by commas (no commas inside a value)."))


def score_scale(name: str = "scoreScaleValue") -> ColumnSpec:
    return ColumnSpec(name, True, "score_scale", description=(
        "Scale entries written {label:value}, e.g. {Pass:50} or \"{A+:100},{A:94}\"."))
