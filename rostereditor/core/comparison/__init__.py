"""Compare two bundles: records added, removed, changed, likely sourcedId changes, mass removals."""

from rostereditor.core.comparison.bundle_comparison import (
    BundleComparison,
    ManifestChange,
    compare_bundles,
)
from rostereditor.core.comparison.changed_cells import CellChange, ChangedCells
from rostereditor.core.comparison.file_comparison import FileComparison, compare_tables
from rostereditor.core.comparison.id_changes import IdChange, IdChanges
from rostereditor.core.comparison.removal_guard import FileRemovals, removal_shares, removals_over

__all__ = [
    "BundleComparison", "CellChange", "ChangedCells", "FileComparison", "FileRemovals",
    "IdChange", "IdChanges", "ManifestChange", "compare_bundles", "compare_tables",
    "removal_shares", "removals_over",
]
