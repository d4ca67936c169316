"""OneRoster delta bundles: build one from two bundles, and apply one to a bundle."""

from rostereditor.core.delta.delta_apply import apply_delta
from rostereditor.core.delta.delta_builder import (
    DeltaBundle,
    DeltaCounts,
    DeltaError,
    build_delta,
    delta_timestamp,
)

__all__ = ["DeltaBundle", "DeltaCounts", "DeltaError", "apply_delta", "build_delta", "delta_timestamp"]
