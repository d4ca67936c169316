"""A file being generated: header plus whole Arrow columns, patched cell by cell before it becomes a Table."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.table import Table


class DraftTable:
    """Columns by name, kept as Arrow arrays so a million-row file is never a Python list."""

    def __init__(self, header: Sequence[str], columns: dict[str, pa.Array]) -> None:
        lengths = {len(columns[name]) for name in header}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        self.header = list(header)
        self.columns = [columns[name].cast(pa.string()) for name in header]

    @classmethod
    def from_rows(cls, header: Sequence[str], rows: Sequence[Sequence[str]]) -> DraftTable:
        columns = {name: pa.array([r[i] for r in rows], pa.string()) for i, name in enumerate(header)}
        return cls(header, columns)

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def column(self, name: str) -> pa.Array:
        return self.columns[self.header.index(name)]

    def cell(self, row: int, name: str) -> str:
        text: str = self.column(name)[row].as_py()
        return text

    def set_cell(self, row: int, name: str, value: str) -> None:
        col = self.header.index(name)
        mask = np.zeros(len(self), dtype=bool)
        mask[row] = True
        self.columns[col] = pc.replace_with_mask(
            self.columns[col], pa.array(mask), pa.array([value], pa.string())
        )

    def append_column(self, name: str, values: pa.Array) -> None:
        self.header.append(name)
        self.columns.append(values.cast(pa.string()))

    def to_table(self) -> Table:
        # Nothing generated spans lines, so record r starts on physical line r + 2.
        return Table(self.header, self.columns, np.arange(2, len(self) + 2, dtype=np.int64))
