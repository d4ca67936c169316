"""Find every cell in a bundle that holds an id, alone or in a comma-separated list."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle

MAX_HITS = 1000


@dataclass(frozen=True)
class IdHit:
    file: str
    row: int
    column: int
    line: int | None
    value: str


def find_id(bundle: Bundle, wanted: str, limit: int = MAX_HITS) -> list[IdHit]:
    """Cells equal to `wanted` or listing it, across all data files (vectorized pre-filter)."""
    wanted = wanted.strip()
    hits: list[IdHit] = []
    if not wanted:
        return hits
    for name in bundle.data_file_names:
        table = bundle.files[name].table
        for col in range(table.column_count):
            array = table.column_array(col)
            candidates = np.flatnonzero(
                pc.match_substring(array, wanted).to_numpy(zero_copy_only=False).astype(bool))
            for row in candidates:
                value = table.cell(int(row), col)
                if value == wanted or wanted in (part.strip() for part in value.split(",")):
                    hits.append(IdHit(name, int(row), col, table.source_line(int(row)), value))
                    if len(hits) >= limit:
                        return hits
    return hits
