"""Where a bundle was read from, kept so that crash recovery can read it again the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OriginKind = Literal["bundle", "xlsx"]


@dataclass(frozen=True)
class BundleOrigin:
    """What was read: `bundle` is read_bundle(paths) (a zip, a folder or CSV files), `xlsx` is
    read_workbook(paths[0], sheet_map). Set on a bundle that has no source of its own (an
    imported workbook, the sample opened as an untitled copy); a saved bundle's own source wins.
    """

    kind: OriginKind
    paths: tuple[str, ...]
    sheet_map: tuple[tuple[str, str], ...] = ()
