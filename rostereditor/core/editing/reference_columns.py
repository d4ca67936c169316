"""Which columns point at records of which file, read from the OneRoster spec tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rostereditor.core.oneroster_files import SUPPORTED_VERSIONS
from rostereditor.core.spec import spec_for
from rostereditor.core.table import Table

ID_COLUMN = "sourcedId"

# Key columns that are also references: a demographics row's sourcedId *is* its user's sourcedId
# (spec 6.7; 1.0 has a userSourcedId column instead), so renaming a user renames that row too.
_SAME_RECORD_IDS = {("demographics.csv", "sourcedId"): "users.csv"}


@dataclass(frozen=True)
class ReferenceColumn:
    """`file`.`column` holds sourcedIds of `target` (several, comma-separated, when is_list)."""

    file: str
    column: str
    target: str
    is_list: bool = False


def reference_columns_from_spec(version: str, file_names: Iterable[str]) -> list[ReferenceColumn]:
    """Reference columns of the given files as the spec of `version` declares them."""
    spec = spec_for(version if version in SUPPORTED_VERSIONS else "1.1")
    found = []
    for name in file_names:
        file_spec = spec.file(name)
        if file_spec is None:
            continue
        for column in file_spec.columns:
            if column.kind in ("ref", "ref_list") and column.target:
                found.append(
                    ReferenceColumn(name, column.name, column.target, column.kind == "ref_list")
                )
            elif version != "1.0" and (name, column.name) in _SAME_RECORD_IDS:
                found.append(ReferenceColumn(name, column.name, _SAME_RECORD_IDS[name, column.name]))
    return found


def split_list(cell: str) -> list[str]:
    """Items of a comma-separated reference list, spaces around items ignored as readers do."""
    return [item.strip() for item in cell.split(",")] if cell else []


def replace_in_list(cell: str, old: str, new: str) -> str:
    """The cell with every item equal to `old` replaced by `new`, all other text kept as is."""
    parts = cell.split(",")
    for i, part in enumerate(parts):
        if part.strip() == old:
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            parts[i] = lead + new + trail
    return ",".join(parts)


def id_column(table: Table) -> int | None:
    return table.column_index(ID_COLUMN)
