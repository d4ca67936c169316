"""Open a bundle from a zip, a folder, or loose CSV files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.csv_parse import parse_csv
from rostereditor.core.errors import Cancelled
from rostereditor.core.folder_backup import backup_folder_beside
from rostereditor.core.folder_swap import SaveInProgress, SwapRecovery, finish_interrupted_save
from rostereditor.core.oneroster_files import canonical_name
from rostereditor.core.read_limits import DEFAULT_LIMITS, ReadLimits
from rostereditor.core.read_notice import BundleReadError, NoticeLevel, ReadNotice
from rostereditor.core.safe_archive import open_roster_zip
from rostereditor.core.save_temporaries import remove_stale_temporaries
from rostereditor.core.text_decoding import decode_csv_bytes

# Called with the fraction of bytes read so far; returning False cancels the read.
Progress = Callable[[float], bool]
# Called with each file as soon as it is read (on the reading thread), before the next one.
FileRead = Callable[[BundleFile], None]


class ReadCancelled(Cancelled):
    """The caller's progress callback asked to stop; nothing was opened."""


def read_bundle(source: Path | str | Sequence[Path | str], progress: Progress | None = None,
                limits: ReadLimits = DEFAULT_LIMITS, *, on_file: FileRead | None = None) -> Bundle:
    """Read a zip, a folder of CSV files, or a list of CSV files.

    Raises BundleReadError with a plain explanation when the input cannot be read at all;
    everything short of that is kept and described in bundle.notices. progress (optional)
    hears after each file how far the read is, and can cancel it (ReadCancelled). limits
    bound what a zip may make the reader do. on_file (optional) is handed each file once read,
    so a window can show it before the rest.
    """
    tracker = _ProgressTracker(progress, on_file)
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise BundleReadError(f"{path} does not exist.")
        if path.is_dir():
            return _read_folder(path, tracker)
        if path.suffix.lower() == ".zip" or _looks_like_zip(path):
            return _read_zip(path, tracker, limits)
        return _read_files([path], tracker)
    paths = [Path(p) for p in source]
    if len(paths) == 1:
        return read_bundle(paths[0], progress, limits, on_file=on_file)
    return _read_files(paths, tracker)


class _ProgressTracker:
    def __init__(self, progress: Progress | None, on_file: FileRead | None = None) -> None:
        self._progress = progress
        self._on_file = on_file
        self.total = 0
        self._done = 0

    def start(self) -> None:
        self._report()

    def advance(self, size: int, bundle: Bundle | None = None) -> None:
        """size more bytes read; bundle: the one its newest file went into (for on_file)."""
        self._done += size
        if self._on_file is not None and bundle is not None and bundle.files:
            self._on_file(bundle.files[next(reversed(bundle.files))])
        self._report()

    def _report(self) -> None:
        if self._progress is None:
            return
        fraction = self._done / self.total if self.total else 1.0
        if self._progress(min(1.0, fraction)) is False:
            raise ReadCancelled


def _looks_like_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _read_zip(path: Path, tracker: _ProgressTracker, limits: ReadLimits) -> Bundle:
    # Litter of a save that was killed (its own temporaries) is removed on the next open.
    remove_stale_temporaries(path.parent, {path.name, path.name + ".bak"})
    with open_roster_zip(path, limits) as contents:
        bundle = Bundle(source=path, source_kind="zip", zip_folder=contents.folder)
        bundle.notices.extend(contents.notices)
        tracker.total = sum(info.file_size for info in contents.members)
        tracker.start()
        for name, raw in contents.iter_members():
            _add_file(bundle, name, raw)
            tracker.advance(len(raw), bundle)
    return bundle


def _read_folder(folder: Path, tracker: _ProgressTracker) -> Bundle:
    recovered = _finish_interrupted_save(folder)
    csvs = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
    if not csvs:
        raise BundleReadError(f"The folder {folder} contains no CSV files.")
    bundle = Bundle(source=folder, source_kind="folder")
    if recovered is not None:
        bundle.notices.append(ReadNotice("read.save-recovered", NoticeLevel.WARNING,
                                         recovered.describe()))
    for path in folder.iterdir():
        if path.is_file() and path.suffix.lower() != ".csv" and not path.name.startswith("."):
            bundle.notices.append(
                ReadNotice("read.skipped-member", NoticeLevel.INFO,
                           f"Ignored {path.name} (not a CSV file).")
            )
    _add_paths(bundle, csvs, tracker)
    return bundle


def _finish_interrupted_save(folder: Path) -> SwapRecovery | None:
    # A backup folder a killed first save was building beside this one is litter too.
    remove_stale_temporaries(folder.parent, {backup_folder_beside(folder).name})
    try:
        return finish_interrupted_save(folder)
    except SaveInProgress as exc:
        raise BundleReadError(str(exc)) from exc
    except OSError as exc:
        raise BundleReadError(
            f"The last save of {folder} was interrupted, and it cannot be completed because the "
            f"folder cannot be written ({exc.strerror or exc}). Make the folder writable and open "
            "it again; until then its files are a mix of before and after that save."
        ) from exc


def _add_paths(bundle: Bundle, paths: list[Path], tracker: _ProgressTracker) -> None:
    tracker.total = sum(_size(p) for p in paths)
    tracker.start()
    for path in paths:
        raw = _read_bytes(path)
        _add_file(bundle, path.name, raw)
        tracker.advance(len(raw), bundle)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_files(paths: list[Path], tracker: _ProgressTracker) -> Bundle:
    for path in paths:
        if path.suffix.lower() != ".csv":
            raise BundleReadError(f"{path.name} is not a CSV file or a zip.")
    bundle = Bundle(source=paths[0].parent, source_kind="files")
    _add_paths(bundle, paths, tracker)
    return bundle


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BundleReadError(f"Cannot read {path}: {exc.strerror or exc}") from exc


def _add_file(bundle: Bundle, found_name: str, raw: bytes | bytearray) -> None:
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
        if other == found_name:
            raise BundleReadError(
                f"The bundle holds {found_name} twice; OneRoster allows one. Remove one of them "
                "(or export the bundle again) and open it again."
            )
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
