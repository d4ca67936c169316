"""The window's one door to validation and the spec, so it still opens bundles without them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rostereditor.core.bundle import Bundle
from rostereditor.core.oneroster_files import SUPPORTED_VERSIONS

try:  # Validation may be absent in a stripped-down build; the grid must still work.
    from rostereditor.core.validation import BundleValidator, list_profiles
except ImportError:  # pragma: no cover - depends on the checkout
    BundleValidator = None
    list_profiles = None

try:
    from rostereditor.core.spec import spec_for
except ImportError:  # pragma: no cover
    spec_for = None

DEFAULT_PROFILE = "1edtech"


@dataclass(frozen=True)
class ProfileChoice:
    """A vendor profile as the toolbar lists it."""

    name: str
    title: str
    description: str = ""
    zip_name: str | None = None


def validation_available() -> bool:
    return BundleValidator is not None


def available_profiles() -> list[ProfileChoice]:
    if list_profiles is None:
        return [ProfileChoice(DEFAULT_PROFILE, "1EdTech OneRoster (no vendor rules)")]
    return [
        ProfileChoice(p.name, p.title, getattr(p, "description", ""), getattr(p, "zip_name", None))
        for p in list_profiles()
    ]


def make_validator(bundle: Bundle, profile: str, version: str | None) -> Any | None:
    """A BundleValidator for the bundle, or None when validation is not installed."""
    if BundleValidator is None:
        return None
    return BundleValidator(bundle, profile=profile, version=version)


def column_spec(version: str, file_name: str, column: str) -> Any | None:
    """The ColumnSpec of a column in a version of the spec, or None if undefined/unknown."""
    if spec_for is None or version not in SUPPORTED_VERSIONS:
        return None
    try:
        file_spec = spec_for(version).file(file_name)
    except (KeyError, ValueError):
        return None
    if file_spec is None:
        return None
    for spec in file_spec.columns:
        if spec.name == column:
            return spec
    return None


_KIND_WORDS = {
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


def describe_kind(spec: Any) -> str:
    return _KIND_WORDS.get(spec.kind, spec.kind)


def column_tooltip(version: str, file_name: str, column: str) -> str:
    """Plain-language help for a column header: type, required, allowed values, target."""
    spec = column_spec(version, file_name, column)
    if spec is None:
        if column.startswith("metadata."):
            return f"{column}\nExtension column (not defined by OneRoster); any text."
        return f"{column}\nNot a column of OneRoster {version} {file_name}."
    lines = [f"{column} — {describe_kind(spec)}", "Required" if spec.required else "Optional"]
    if spec.values:
        shown = ", ".join(spec.values[:20]) + (" …" if len(spec.values) > 20 else "")
        lines.append(f"Allowed: {shown}")
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
