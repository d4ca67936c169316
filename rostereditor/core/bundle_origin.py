"""Where a bundle was read from, kept so that crash recovery can read it again the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OriginKind = Literal["bundle", "xlsx"]


@dataclass(frozen=True)
class BundleOrigin:
    """What was read: `bundle` is read_bundle(paths) (a zip, a folder or CSV files), `xlsx` is
    read_workbook(paths[0], sheet_map). A zip or folder bundle gets it when made; an imported
    workbook's is set by the import. A bundle's own source, when it has one, wins (after a save).
    """

    kind: OriginKind
    paths: tuple[str, ...]
    sheet_map: tuple[tuple[str, str], ...] = ()
