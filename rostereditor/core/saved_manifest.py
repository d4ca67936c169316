"""The manifest.csv a save writes: generated fresh from the bundle's files and the version."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import ALL_DATA_FILES, MANIFEST
from rostereditor.core.table import Table


def saved_manifest_rows(bundle: Bundle, version: str | None = None) -> list[tuple[str, str]] | None:
    """The rows a save writes into manifest.csv; None for OneRoster 1.0, which has none."""
    version = version or bundle.detected_version
    if version == "1.0":  # OneRoster 1.0 bundles have no manifest; adding one changes the version
        return None
    present = {n: bundle.mode(n) for n in bundle.data_file_names if n in ALL_DATA_FILES}
    return generate_manifest(version, present, bundle.manifest)


def take_in_manifest(bundle: Bundle, rows: list[tuple[str, str]]) -> None:
    """After a save: the manifest in memory becomes the one written, so what the old one got
    wrong (and the save fixed) is no longer reported."""
    old = bundle.files.get(MANIFEST)
    table = Table.from_rows(MANIFEST_HEADER, [list(r) for r in rows])
    bundle.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, table)
    if old is not None:
        bundle.files[MANIFEST].original_name = old.original_name
