"""What the checks of one file need to know besides its values: spec, vendor, mode, statistics."""

from __future__ import annotations

from dataclasses import dataclass, field

from rostereditor.core.spec.model import ColumnSpec, FileSpec
from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.table import Table
from rostereditor.core.validation.zero_pad_width import GradePadding, ZeroPadWidth


@dataclass
class FileContext:
    file: str
    table: Table
    spec: FileSpec
    profile: Profile
    version: str
    mode: str  # "bulk" or "delta"
    # Column index -> the width most zero-padded numeric IDs in it have (Excel damage check).
    zero_pad_widths: dict[int, int] = field(default_factory=dict)
    # ... and the counts behind it, kept exact as cells are edited.
    zero_pad_stats: dict[int, ZeroPadWidth] = field(default_factory=dict)
    # Column index -> how its grades are written (1.2: is a lone 9 Excel's doing?).
    grade_padding: dict[int, GradePadding] = field(default_factory=dict)

    def mapped_columns(self) -> list[tuple[int, ColumnSpec]]:
        """(column index, spec) for every header name the spec defines (first occurrence)."""
        seen: set[str] = set()
        result = []
        for index, name in enumerate(self.table.header):
            column = self.spec.column(name)
            if column is not None and name not in seen:
                seen.add(name)
                result.append((index, column))
        return result

    def index_of(self, name: str) -> int | None:
        return self.table.column_index(name)
