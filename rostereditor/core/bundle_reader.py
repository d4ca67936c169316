"""Open a bundle from a zip, a folder, or loose CSV files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.csv_parse import parse_csv
from rostereditor.core.oneroster_files import canonical_name
from rostereditor.core.read_notice import BundleReadError, NoticeLevel, ReadNotice
from rostereditor.core.safe_archive import open_roster_zip
from rostereditor.core.text_decoding import decode_csv_bytes


def read_bundle(source: Path | str | Sequence[Path | str]) -> Bundle:
    """Read a zip, a folder of CSV files, or a list of CSV files.

    Raises BundleReadError with a plain explanation when the input cannot be read at all;
    everything short of that is kept and described in bundle.notices.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise BundleReadError(f"{path} does not exist.")
        if path.is_dir():
            return _read_folder(path)
        if path.suffix.lower() == ".zip" or _looks_like_zip(path):
            return _read_zip(path)
        return _read_files([path], source_kind="files")
    paths = [Path(p) for p in source]
    if len(paths) == 1:
        return read_bundle(paths[0])
    return _read_files(paths, source_kind="files")


def _looks_like_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _read_zip(path: Path) -> Bundle:
    with open_roster_zip(path) as contents:
        bundle = Bundle(source=path, source_kind="zip", zip_folder=contents.folder)
        bundle.notices.extend(contents.notices)
        for name, raw in contents.iter_members():
            _add_file(bundle, name, raw)
    return bundle


def _read_folder(folder: Path) -> Bundle:
    csvs = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
    if not csvs:
        raise BundleReadError(f"The folder {folder} contains no CSV files.")
    bundle = Bundle(source=folder, source_kind="folder")
    for path in folder.iterdir():
        if path.is_file() and path.suffix.lower() != ".csv" and not path.name.startswith("."):
            bundle.notices.append(
                ReadNotice("read.skipped-member", NoticeLevel.INFO,
                           f"Ignored {path.name} (not a CSV file).")
            )
    for path in csvs:
        _add_file(bundle, path.name, _read_bytes(path))
    return bundle


def _read_files(paths: list[Path], source_kind: str) -> Bundle:
    for path in paths:
        if path.suffix.lower() != ".csv":
            raise BundleReadError(f"{path.name} is not a CSV file or a zip.")
    bundle = Bundle(source=paths[0].parent, source_kind="files")
    for path in paths:
        _add_file(bundle, path.name, _read_bytes(path))
    return bundle


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BundleReadError(f"Cannot read {path}: {exc.strerror or exc}") from exc


def _add_file(bundle: Bundle, found_name: str, raw: bytes) -> None:
    canonical = canonical_name(found_name)
    name = canonical or found_name
    if canonical and canonical != found_name:
        bundle.notices.append(
            ReadNotice(
                "read.file-name-case",
                NoticeLevel.ERROR,
                f"The file is named {found_name} but OneRoster requires exactly {canonical} "
                "(names are case-sensitive). Saving writes it as " + canonical + ".",
                found_name,
            )
        )
    if name in bundle.files:
        other = bundle.files[name].original_name
        raise BundleReadError(
            f"The bundle has both {other} and {found_name}; OneRoster allows one {name}. "
            "Remove one of them and open the bundle again."
        )
    decoded = decode_csv_bytes(raw, name)
    parsed = parse_csv(decoded.data, name)
    bundle.notices.extend(decoded.notices)
    bundle.notices.extend(parsed.notices)
    bundle.files[name] = BundleFile(
        name=name,
        original_name=found_name,
        table=parsed.table,
        encoding=decoded.encoding,
        had_bom=decoded.had_bom,
        line_endings=parsed.line_endings,
    )
