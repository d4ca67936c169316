"""The bundled sample districts (clean and Excel-damaged) that Help > Open sample opens."""

from __future__ import annotations

from pathlib import Path

from rostereditor.ui.resource_files import resource_path

SAMPLE = "sample-district.zip"
DAMAGED_SAMPLE = "sample-district-damaged.zip"


def sample_bundle_path(damaged: bool = False) -> Path | None:
    """A real file path to a sample bundle, or None if this build does not include it."""
    return resource_path(DAMAGED_SAMPLE if damaged else SAMPLE)
