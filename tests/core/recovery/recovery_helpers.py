"""Shared by the crash-recovery tests: a source bundle on disk, a session journaling into a
scratch recovery folder, the app 'killed', and what a bundle holds."""

from __future__ import annotations

from pathlib import Path

from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.recovery import EditJournal, find_left_journals, recover
from rostereditor.core.recovery.journal_folder import LeftJournal
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import EditSession

_SOURCES: dict[tuple[int, int], bytes] = {}


def write_source(path: Path, *, students: int = 20, seed: int = 4) -> Path:
    """A damaged sample district as a zip at `path` (generated once per size and seed)."""
    key = (students, seed)
    if key not in _SOURCES:
        write_bundle_zip(generate_district(students=students, seed=seed, damaged=True).bundle, path,
                         keep_backup=False)
        _SOURCES[key] = path.read_bytes()
    path.write_bytes(_SOURCES[key])
    return path


def open_journaled(source: Path, folder: Path) -> tuple[EditSession, EditJournal]:
    session = EditSession()
    journal = EditJournal(session, folder)
    session.open(read_bundle(source))
    return session, journal


def kill(journal: EditJournal) -> None:
    """What the operating system does to a killed app's journal: closes it and drops its lock,
    leaving every record written so far (nothing is deleted)."""
    file = journal._file
    if file is not None:
        file.close(delete=False)
    journal._file = None
    journal._base = None


def content(bundle: Bundle) -> dict[str, list[list[str]]]:
    """Every data file's header and records, exactly as a save would write them."""
    return {name: [list(f.table.header), *f.table.iter_rows()]
            for name, f in bundle.files.items() if name != MANIFEST}


def left_journal(folder: Path) -> LeftJournal:
    (left,) = find_left_journals(folder)
    return left


def recovered_content(folder: Path) -> dict[str, list[list[str]]]:
    left = left_journal(folder)
    try:
        result = recover(left)
        assert result.problem is None, result.problem
        return content(result.bundle)
    finally:
        left.release()
