"""Which OneRoster version a bundle is: the manifest's oneroster.version, else its files' look.

The spec reads a bundle without manifest.csv as 1.0, but says to report an error when its
files are really 1.1/1.2. Checking such files against 1.0 buries that one fault under a flood
of header errors, so they are checked as the version they look like, and the missing manifest
is the finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rostereditor.core.oneroster_files import ALL_DATA_FILES, DATA_FILES
from rostereditor.core.spec import spec_for

_WRITTEN = re.compile(r"^\s*[vV]?\s*(1\.[12])(\.\d+)?\s*$")


def declared_version(value: str) -> str | None:
    """The version a manifest's oneroster.version means: "1.2", "v1.2", "1.2.1" -> "1.2"."""
    match = _WRITTEN.match(value)
    return match.group(1) if match else None


def unlabelled_version(headers: Mapping[str, Sequence[str]]) -> tuple[str, list[str]]:
    """("1.0", []) for a manifest-less bundle of 1.0 files; otherwise the version its files
    look like (1.1 or 1.2) and the evidence, e.g. "users.csv has 1.1 columns: enabledUser"."""
    evidence: list[str] = []
    newest = "1.0"
    for name, header in headers.items():
        if name in ALL_DATA_FILES and name not in DATA_FILES["1.0"]:
            file_version = "1.1" if name in DATA_FILES["1.1"] else "1.2"
            evidence.append(f"{name} exists only from OneRoster {file_version} on")
        elif name in DATA_FILES["1.0"]:
            file_version, names = _newer_columns(name, header)
            if not names:
                continue
            evidence.append(f"{name} has {file_version} columns: {', '.join(names[:3])}")
        else:
            continue
        newest = max(newest, file_version)
    return newest, evidence


def _newer_columns(name: str, header: Sequence[str]) -> tuple[str, list[str]]:
    """The header's column names that only 1.1/1.2 define, when they outnumber 1.0-only ones."""
    columns = [c.lstrip("\ufeff") for c in header if not c.startswith("metadata.")]
    old = set(spec_for("1.0").file(name).column_names)  # type: ignore[union-attr]
    by_version = {v: set(spec_for(v).file(name).column_names)  # type: ignore[union-attr]
                  for v in ("1.1", "1.2")}
    newer = by_version["1.1"] | by_version["1.2"]
    only_new = [c for c in columns if c in newer and c not in old]
    only_old = [c for c in columns if c in old and c not in newer]
    if len(only_new) <= len(only_old):
        return "1.0", []
    version = "1.2" if any(c not in by_version["1.1"] for c in only_new) else "1.1"
    return version, only_new
