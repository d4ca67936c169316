"""How much a zip or workbook may make the reader do, so a small crafted file cannot cost gigabytes.

Every limit is far above what a real roster needs; each refusal names the limit it hit and how
to get round it (open the extracted folder, or raise the limit with `--limit NAME=VALUE` on the
command line). README.md lists them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

_UNITS = {"": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3, "GB": 1024**3}


@dataclass(frozen=True)
class ReadLimits:
    """Ceilings on what reading one zip or workbook may cost. Field names map to --limit names."""

    # OneRoster has at most about 22 files; thousands of members is a crafted zip.
    zip_files: int = 100
    zip_entries: int = 1000
    file_size: int = 2 * 1024**3 - 1
    total_size: int = 4 * 1024**3
    # CSV compresses about 5-15-fold. Files that compress more (Excel's trailing empty columns
    # do, and so do zip bombs) are read, but only up to this much expanded data in all.
    highly_compressed: int = 256 * 1024**2
    compression_ratio: int = 200
    # A full Excel sheet of a 25-column file; real workbooks have far fewer cells per kilobyte.
    xlsx_cells: int = 30_000_000
    xlsx_cells_per_kb: int = 2000
    xlsx_strings: int = 30_000_000

    def with_overrides(self, settings: list[str]) -> ReadLimits:
        """These limits with `name=value` settings applied (value: a number, optionally 10MB, 2GB).

        Raises ValueError naming the limits there are when a setting cannot be understood.
        """
        changes: dict[str, int] = {}
        names = {f.name.replace("_", "-"): f.name for f in dataclasses.fields(self)}
        for setting in settings:
            name, _, value = setting.partition("=")
            field = names.get(name.strip().lower())
            if field is None or not value:
                raise ValueError(
                    f"{setting!r} is not a limit setting. Write NAME=VALUE, where NAME is one of: "
                    + ", ".join(names) + "."
                )
            changes[field] = parse_amount(value)
        return dataclasses.replace(self, **changes)


def parse_amount(text: str) -> int:
    """'500', '1,000,000', '300MB', '4 GB' -> a whole number (units are powers of 1024)."""
    match = re.fullmatch(r"\s*([\d,_]+)\s*([KMG]B?)?\s*", text.upper())
    if match is None:
        raise ValueError(f"{text!r} is not an amount such as 500, 300MB or 4GB.")
    return int(match[1].replace(",", "").replace("_", "")) * _UNITS[match[2] or ""]


def limit_flag(name: str) -> str:
    """The command-line spelling of a limit: highly_compressed -> highly-compressed."""
    return name.replace("_", "-")


def describe_size(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:,.1f} {unit}".replace(".0 ", " ")
    return f"{size:,} bytes"


DEFAULT_LIMITS = ReadLimits()
