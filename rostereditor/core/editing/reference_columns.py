"""Which columns point at records of which file, read from the OneRoster spec tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rostereditor.core.table import Table

ID_COLUMN = "sourcedId"


@dataclass(frozen=True)
class ReferenceColumn:
    """`file`.`column` holds sourcedIds of `target` (several, comma-separated, when is_list)."""

    file: str
    column: str
    target: str
    is_list: bool = False


def reference_columns_from_spec(version: str, file_names: Iterable[str]) -> list[ReferenceColumn]:
    """Reference columns of the given files as the spec of `version` declares them."""
    # Imported here so the editing core stays usable (and testable) apart from the spec tables.
    from rostereditor.core.spec import spec_for  # noqa: PLC0415

    spec = spec_for(version)
    found = []
    for name in file_names:
        try:
            file_spec = spec.file(name)
        except (KeyError, LookupError):
            continue
        if file_spec is None:
            continue
        for column in file_spec.columns:
            if column.kind in ("ref", "ref_list") and column.target:
                found.append(
                    ReferenceColumn(name, column.name, column.target, column.kind == "ref_list")
                )
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
