"""A bundle without manifest.csv: checked as the version its files look like, and said so."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.spec.version_detection import unlabelled_version
from rostereditor.core.validation.finding import Finding

RULE = "bundle.newer-without-manifest"


def _evidence(bundle: Bundle) -> tuple[str, list[str]]:
    return unlabelled_version({n: f.table.header for n, f in bundle.files.items()})


def unlabelled_version_finding(bundle: Bundle, version: str) -> Finding | None:
    """One bundle-level error when a manifest-less bundle is checked as 1.0 (by choice) although
    it has 1.1/1.2 files or columns: most other findings are then about the wrong version."""
    if version != "1.0" or MANIFEST in bundle.files:
        return None
    newest, evidence = _evidence(bundle)
    if not evidence:
        return None
    return Finding(None, None, None, RULE, "error",
                   f"There is no manifest.csv, and this bundle is checked as OneRoster 1.0, but "
                   f"its files look like OneRoster {newest} ({'; '.join(evidence[:3])}). "
                   "Checked as 1.0, most other findings are probably wrong. Choose OneRoster "
                   f"{newest} in the toolbar (or run with --oneroster {newest}) to check it as "
                   f"{newest}; saving then writes the manifest.csv it needs.")


def missing_manifest_message(bundle: Bundle, version: str) -> str:
    """What to say when a 1.1/1.2 bundle has no manifest.csv."""
    newest, evidence = _evidence(bundle)
    if evidence and newest == version:
        return (f"There is no manifest.csv. These files look like OneRoster {version} "
                f"({'; '.join(evidence[:3])}), so they are checked as {version}, and a "
                f"OneRoster {version} bundle must have a manifest. Saving from RosterEditor "
                "writes it.")
    return (f"manifest.csv is missing; a OneRoster {version} bundle must have one. Saving from "
            "RosterEditor writes it.")
