"""A roster bundle in memory: its CSV files as Tables, where it came from, what was noticed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle_origin import BundleOrigin
from rostereditor.core.manifest import FILE_MODES, manifest_properties
from rostereditor.core.oneroster_files import MANIFEST, display_order
from rostereditor.core.read_notice import ReadNotice
from rostereditor.core.spec.version_detection import declared_version, unlabelled_version
from rostereditor.core.table import Table

SourceKind = Literal["zip", "folder", "files", "new"]


@dataclass
class BundleFile:
    """One CSV file of the bundle.

    name is the spec's spelling when the file is a OneRoster file (matched ignoring case),
    otherwise the name as found; original_name is always the name as found.
    """

    name: str
    original_name: str
    table: Table
    encoding: str = "utf-8"
    had_bom: bool = False
    line_endings: str = "CRLF"


@dataclass
class Bundle:
    files: dict[str, BundleFile] = field(default_factory=dict)
    source: Path | None = None
    source_kind: SourceKind = "new"
    zip_folder: str | None = None
    notices: list[ReadNotice] = field(default_factory=list)
    # Per-file bulk/delta mode chosen for the manifest written on save.
    modes: dict[str, str] = field(default_factory=dict)
    # How to read it again, kept when it loses its source (the sample opened as an untitled
    # copy): crash recovery reads it again to put unsaved edits back. See bundle_origin.
    origin: BundleOrigin | None = None

    def __post_init__(self) -> None:
        if self.origin is None and self.source is not None and self.source_kind in ("zip", "folder"):
            self.origin = BundleOrigin("bundle", (str(self.source),))

    def table(self, name: str) -> Table | None:
        file = self.files.get(name)
        return file.table if file else None

    @property
    def data_file_names(self) -> list[str]:
        """Names of the files that carry records (everything except the manifest), tab order."""
        return display_order([n for n in self.files if n != MANIFEST])

    @property
    def manifest(self) -> dict[str, str] | None:
        """Properties of the manifest that came with the bundle, or None if it had none."""
        table = self.table(MANIFEST)
        return manifest_properties(table) if table is not None else None

    @property
    def detected_version(self) -> str:
        """OneRoster version: the manifest's value (v1.2 read as 1.2), else what the files
        look like (1.0 unless they have 1.1/1.2 files or columns)."""
        manifest = self.manifest
        if manifest is None:
            headers = {name: file.table.header for name, file in self.files.items()}
            return unlabelled_version(headers)[0]
        return declared_version(manifest.get("oneroster.version", "")) or "1.1"

    def mode(self, name: str) -> str:
        """bulk or delta for a data file: the user's choice, the manifest's, else from its data."""
        if name in self.modes:
            return self.modes[name]
        manifest = self.manifest or {}
        declared = manifest.get("file." + name.removesuffix(".csv"), "").strip()
        if declared in FILE_MODES:
            return declared
        return "delta" if _has_delta_columns_filled(self.files[name].table) else "bulk"


def _has_delta_columns_filled(table: Table) -> bool:
    col = table.column_index("status")
    if col is None or len(table) == 0:
        return False
    return bool(pc.any(pc.not_equal(table.column_array(col), pa.scalar("", pa.string()))).as_py())
