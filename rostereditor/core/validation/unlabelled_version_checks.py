"""A bundle without manifest.csv is read as OneRoster 1.0; say so when its files look newer."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle
from rostereditor.core.oneroster_files import ALL_DATA_FILES, DATA_FILES, MANIFEST
from rostereditor.core.spec import spec_for
from rostereditor.core.validation.finding import Finding

RULE = "bundle.newer-without-manifest"


def unlabelled_version_finding(bundle: Bundle, version: str) -> Finding | None:
    """One bundle-level error when a manifest-less bundle checked as 1.0 has 1.1/1.2 files.

    The spec says to report this as an error; without the finding the user sees only a flood of
    header errors and no hint that the version, not the data, is the problem.
    """
    if version != "1.0" or MANIFEST in bundle.files:
        return None
    evidence: list[str] = []
    newest = "1.1"
    for name in bundle.data_file_names:
        if name in ALL_DATA_FILES and name not in DATA_FILES["1.0"]:
            file_version = "1.1" if name in DATA_FILES["1.1"] else "1.2"
            evidence.append(f"{name} exists only from OneRoster {file_version} on")
        elif name in DATA_FILES["1.0"]:
            file_version, names = _newer_columns(name, bundle.files[name].table.header)
            if not names:
                continue
            evidence.append(f"{name} has {file_version} columns: {', '.join(names[:3])}")
        else:
            continue
        newest = max(newest, file_version)
    if not evidence:
        return None
    return Finding(None, None, None, RULE, "error",
                   f"There is no manifest.csv, so this bundle is read as OneRoster 1.0, but its "
                   f"files look like OneRoster {newest} ({'; '.join(evidence[:3])}). Checked as "
                   "1.0, most other findings are probably wrong. Choose OneRoster "
                   f"{newest} in the toolbar (or run with --oneroster {newest}) to check it as "
                   f"{newest}; saving then writes the manifest.csv it needs.")


def _newer_columns(name: str, header: list[str]) -> tuple[str, list[str]]:
    """The header's column names that only 1.1/1.2 define, when they outnumber 1.0-only ones."""
    columns = [c.lstrip("\ufeff") for c in header if not c.startswith("metadata.")]
    old = set(spec_for("1.0").file(name).column_names)  # type: ignore[union-attr]
    by_version = {v: set(spec_for(v).file(name).column_names) for v in ("1.1", "1.2")}  # type: ignore[union-attr]
    newer = by_version["1.1"] | by_version["1.2"]
    only_new = [c for c in columns if c in newer and c not in old]
    only_old = [c for c in columns if c in old and c not in newer]
    if len(only_new) <= len(only_old):
        return "1.0", []
    version = "1.2" if any(c not in by_version["1.1"] for c in only_new) else "1.1"
    return version, only_new
