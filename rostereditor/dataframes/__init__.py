"""RosterEditor for scripts: bundles as pandas DataFrames of exact text.

    import rostereditor.dataframes as rdf
    frames = rdf.read("district.zip")        # {"users.csv": DataFrame, ...}
    findings = rdf.validate(frames)          # one row per finding
    rdf.write(frames, "fixed.zip")           # canonical zip, fresh manifest.csv
    users = rdf.new_frame("users.csv", {"sourcedId": ids, "role": "student"})  # spec's columns

Needs pandas (pip install "rostereditor[pandas]"). Every column is pandas' string dtype backed
by Arrow: "09" stays "09", a blank cell is "" (never NaN), nothing is parsed as a number or a
date. Writing refuses anything that is not exactly text, so what is written is what you see.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from pathlib import Path

try:
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError('rostereditor.dataframes needs pandas: pip install "rostereditor[pandas]"') from exc

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder, write_bundle_zip
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import ALL_DATA_FILES, MANIFEST, SUPPORTED_VERSIONS, canonical_name
from rostereditor.core.read_notice import NoticeLevel
from rostereditor.core.table import Table
from rostereditor.core.validation import BundleValidator
from rostereditor.dataframes.findings_frame import FINDING_COLUMNS, findings_frame
from rostereditor.dataframes.frame_text import FrameError, frame_table
from rostereditor.dataframes.new_frame import new_frame
from rostereditor.dataframes.table_frame import RaggedRecordsWarning, table_frame

__all__ = [
    "FINDING_COLUMNS", "FrameError", "RaggedRecordsWarning", "ReadNoticeWarning", "from_frames",
    "new_frame", "read", "to_frames", "validate", "write",
]

Frames = Mapping[str, pd.DataFrame]
Source = str | Path | Bundle | Frames
# Read notices shown in one warning; validate() lists every one of them.
_NOTICES_SHOWN = 5


class ReadNoticeWarning(UserWarning):
    """Reading the bundle noticed problems (converted encoding, damaged records, ...)."""


def read(source: str | Path) -> dict[str, pd.DataFrame]:
    """Every CSV file of a zip, folder or CSV file, by file name ("users.csv", "manifest.csv").

    Problems noticed while reading come as one ReadNoticeWarning; validate(source) lists them.
    """
    bundle = read_bundle(source)
    _warn_notices(bundle)
    return to_frames(bundle)


def to_frames(bundle: Bundle) -> dict[str, pd.DataFrame]:
    """The bundle's files as DataFrames, in the order the editor shows them, manifest last."""
    names = [*bundle.data_file_names, *([MANIFEST] if MANIFEST in bundle.files else [])]
    return {name: table_frame(name, bundle.files[name].table) for name in names}


def from_frames(frames: Frames, *, version: str | None = None) -> Bundle:
    """A bundle of the frames (keys are file names; "users" means "users.csv").

    version: the OneRoster version ("1.0", "1.1" or "1.2"). Without it the frames must include
    "manifest.csv" (as read() returns it) to say which version they are.
    """
    if version is not None and version not in SUPPORTED_VERSIONS:
        raise ValueError(f"OneRoster {version!r} is not supported: use 1.0, 1.1 or 1.2.")
    bundle = Bundle(source_kind="new")
    for key, frame in frames.items():
        name = _file_name(key)
        if name in bundle.files:
            raise FrameError(f"Two frames are both {name} ({key!r} and another); keep one.")
        bundle.files[name] = BundleFile(name, name, frame_table(name, frame))
    if version is None and MANIFEST not in bundle.files:
        raise ValueError("Say which OneRoster version the frames are, e.g. version='1.1' "
                         "(or include the manifest.csv frame that read() returns).")
    if version is not None and version != "1.0":
        present = {n: bundle.mode(n) for n in bundle.data_file_names if n in ALL_DATA_FILES}
        rows = generate_manifest(version, present, bundle.manifest)
        bundle.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, Table.from_rows(MANIFEST_HEADER, rows))
    elif version == "1.0":
        bundle.files.pop(MANIFEST, None)  # 1.0 has no manifest; keeping one would make it 1.1
    return bundle


def validate(source: Source, *, vendor: str = "1edtech", version: str | None = None) -> pd.DataFrame:
    """Findings for a bundle path, a Bundle or a dict of DataFrames, one row per finding.

    Columns: file, line (as a vendor's report counts, header = 1), row (position in that file's
    DataFrame), column, rule, severity, message, value, fix (a certain replacement, when there
    is one). version defaults to the manifest's (no manifest means 1.0 for a path).
    """
    if isinstance(source, Bundle):
        bundle = source
    elif isinstance(source, (str, Path)):
        bundle = read_bundle(source)
    else:
        bundle = from_frames(source, version=version)
    return findings_frame(BundleValidator(bundle, vendor, version).run())


def write(frames: Frames, target: str | Path, *, version: str | None = None) -> Path:
    """Write the frames as a canonical bundle: a zip when target ends in .zip, else a folder.

    The same writer as the editor's Save: UTF-8 without BOM, CRLF, quotes only where needed,
    a manifest.csv generated in the spec's order (none for 1.0), written to a temporary file,
    read back and only then put in place. Raises FrameError for anything not exactly text.
    """
    bundle = from_frames(frames, version=version)
    target = Path(target)
    if target.suffix.lower() == ".zip":
        write_bundle_zip(bundle, target, version)
    else:
        write_bundle_folder(bundle, target, version)
    return target


def _file_name(key: str) -> str:
    if not isinstance(key, str):
        raise FrameError(f"Frame keys are file names such as 'users.csv'; got {key!r}.")
    name = key if key.lower().endswith(".csv") else key + ".csv"
    return canonical_name(name) or name


def _warn_notices(bundle: Bundle) -> None:
    notices = [n for n in bundle.notices if n.level != NoticeLevel.INFO]
    if not notices:
        return
    shown = "\n".join(f"  {n}" for n in notices[:_NOTICES_SHOWN])
    more = len(notices) - _NOTICES_SHOWN
    tail = f"\n  ... and {more} more; validate() lists them all." if more > 0 else ""
    warnings.warn(f"Reading {bundle.source} noticed:\n{shown}{tail}", ReadNoticeWarning, stacklevel=3)
