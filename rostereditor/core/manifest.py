"""manifest.csv: reading its properties and generating it from a bundle in the spec's order."""

from __future__ import annotations

from collections.abc import Mapping

from rostereditor.core.oneroster_files import DATA_FILES, manifest_key
from rostereditor.core.table import Table

MANIFEST_HEADER = ("propertyName", "value")
FILE_MODES = ("bulk", "delta")
SOURCE_KEYS = ("source.systemName", "source.systemCode")


def manifest_properties(table: Table) -> dict[str, str]:
    """propertyName -> value from a manifest table (first occurrence wins; values exact)."""
    properties: dict[str, str] = {}
    for row in range(len(table)):
        values = table.row_values(row)
        if not values:
            continue
        name = values[0]
        value = values[1] if len(values) > 1 else ""
        properties.setdefault(name, value)
    return properties


def generate_manifest(
    version: str,
    present: Mapping[str, str],
    original: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """The manifest rows for a bundle.

    present: canonical data file name -> mode ("bulk" or "delta") for every file in the zip.
    original: the properties of the manifest that came with the bundle, for source.* values.
    """
    rows = [("manifest.version", "1.0"), ("oneroster.version", version)]
    for name in DATA_FILES[version]:
        rows.append((manifest_key(name), present.get(name, "absent")))
    for key in SOURCE_KEYS:
        if original and original.get(key, "") != "":
            rows.append((key, original[key]))
    return rows
