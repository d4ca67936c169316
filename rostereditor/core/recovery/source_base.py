"""What a journal's edits apply to: the source of the bundle, how to read it again, and a
fingerprint that tells whether it is still the file the edits were made on."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rostereditor.core.background_work import Progress
from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_origin import BundleOrigin, OriginKind
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.read_notice import BundleReadError

SourceState = Literal["unchanged", "changed", "missing"]
# "0" (the first path) or "0/users.csv" (a file in the first path, a folder) -> (size in bytes,
# modification time in nanoseconds); keys do not name folders, so a moved source still matches.
Fingerprint = dict[str, tuple[int, int]]


class SourceChanged(BundleReadError):
    """The source read again is not the bundle the edits were made on."""


@dataclass(frozen=True)
class SourceBase:
    origin: BundleOrigin
    # No source of its own (an imported workbook, the sample's copy): Save must ask where.
    untitled: bool
    fingerprint: Fingerprint
    # The data files of the bundle as read (the manifest is rewritten by every save).
    files: tuple[str, ...]
    # Whether the journal's line numbers are lines of this source (not after a save).
    lines_known: bool = True

    @property
    def title(self) -> str:
        """The source as a coordinator would name it: roster.zip, users.csv and 3 more."""
        names = [Path(p).name for p in self.origin.paths]
        name = names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more files"
        if self.untitled:
            return f"the bundle imported from {name}" if self.origin.kind == "xlsx" \
                else f"an untitled copy of {name}"
        return name

    @property
    def where(self) -> str:
        """The folder (or file) to point a person at."""
        return self.origin.paths[0] if self.origin.paths else ""

    def state(self) -> SourceState:
        """Whether the source is still as it was when the edits were recorded."""
        try:
            now = fingerprint_of(self.origin)
        except OSError:
            return "missing"
        return "unchanged" if now == self.fingerprint else "changed"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.origin.kind, "paths": list(self.origin.paths),
                "sheets": [list(pair) for pair in self.origin.sheet_map],
                "untitled": self.untitled, "files": list(self.files),
                "fingerprint": {p: list(v) for p, v in self.fingerprint.items()},
                "lines": self.lines_known}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SourceBase:
        kind: OriginKind = "xlsx" if data["kind"] == "xlsx" else "bundle"
        origin = BundleOrigin(kind, tuple(str(p) for p in data["paths"]),
                              tuple((str(a), str(b)) for a, b in data.get("sheets", ())))
        fingerprint = {str(p): (int(v[0]), int(v[1])) for p, v in data["fingerprint"].items()}
        return cls(origin, bool(data["untitled"]), fingerprint,
                   tuple(str(f) for f in data["files"]), bool(data.get("lines", True)))

    def moved_to(self, path: Path) -> SourceBase:
        """The same base found somewhere else (the user located a moved zip or folder)."""
        origin = BundleOrigin(self.origin.kind, (str(path),), self.origin.sheet_map)
        return SourceBase(origin, self.untitled, self.fingerprint, self.files, self.lines_known)


def origin_of(bundle: Bundle) -> BundleOrigin | None:
    """How to read this bundle again: its own source if it has one, else what it came from."""
    source = bundle.source
    if source is not None and bundle.source_kind in ("zip", "folder"):
        return BundleOrigin("bundle", (str(source),))
    if source is not None and bundle.source_kind == "files":
        return BundleOrigin("bundle", tuple(str(source / f.original_name)
                                            for f in bundle.files.values()))
    return bundle.origin


def base_of(bundle: Bundle, *, lines_known: bool = True) -> SourceBase | None:
    """The base for journaling edits of this bundle; None when it cannot be read again."""
    origin = origin_of(bundle)
    if origin is None or not origin.paths:
        return None
    try:
        fingerprint = fingerprint_of(origin)
    except OSError:
        return None
    untitled = bundle.source is None or bundle.source_kind == "new"
    files = tuple(n for n in bundle.data_file_names if n != MANIFEST)
    return SourceBase(origin, untitled, fingerprint, files, lines_known)


def fingerprint_of(origin: BundleOrigin) -> Fingerprint:
    """Size and modification time of every file the read takes in (OSError if one is gone)."""
    files: list[tuple[str, Path]] = []
    for index, text in enumerate(origin.paths):
        path = Path(text)
        if path.is_dir():
            # What the reader takes from a folder: every .csv file directly in it.
            files.extend((f"{index}/{p.name}", p) for p in sorted(path.iterdir())
                         if p.suffix.lower() == ".csv" and p.is_file())
        else:
            files.append((str(index), path))
    result: Fingerprint = {}
    for key, path in files:
        info = os.stat(path)
        result[key] = (info.st_size, info.st_mtime_ns)
    return result


def read_base(base: SourceBase, progress: Progress | None = None) -> Bundle:
    """Read the source again exactly as it was opened. Raises BundleReadError (SourceChanged
    when it no longer holds the same files); progress as the readers take it."""
    origin = base.origin
    if origin.kind == "xlsx":
        from rostereditor.core.xlsx.workbook_reader import read_workbook  # noqa: PLC0415

        bundle = read_workbook(origin.paths[0], dict(origin.sheet_map) or None, progress=progress)
    else:
        from rostereditor.core.bundle_reader import read_bundle  # noqa: PLC0415

        paths = [Path(p) for p in origin.paths]
        bundle = read_bundle(paths[0] if len(paths) == 1 else paths, progress)
    found = tuple(n for n in bundle.data_file_names if n != MANIFEST)
    if sorted(found) != sorted(base.files):
        raise SourceChanged(f"{base.title} no longer holds the same files as when it was edited.")
    if base.untitled:
        bundle.source, bundle.source_kind, bundle.origin = None, "new", origin
    return bundle
