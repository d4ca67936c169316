"""What recovery offers for a left journal: the edits back when the source is as they found it;
when it changed since or is gone, that is said, and the edits can be listed instead."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

from recovery_helpers import content, kill, left_journal, open_journaled, write_source

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder
from rostereditor.core.recovery import EditJournal, assess, recover
from rostereditor.core.recovery.recorded_changes import export_csv, recorded_changes
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import EditSession

U = "users.csv"


def _edited_and_killed(tmp_path: Path) -> tuple[Path, dict]:
    source = write_source(tmp_path / "district.zip")
    session, journal = open_journaled(source, tmp_path / "rec")
    session.edit_cell(U, 0, 1, "kept")
    expected = content(session.bundle)
    kill(journal)
    return source, expected


def test_an_unchanged_source_is_ready_to_recover(tmp_path: Path):
    _edited_and_killed(tmp_path)
    offer = assess(left_journal(tmp_path / "rec"))
    assert offer.state == "ready"
    assert offer.outline.done == ("Edit status (line 2)",)
    assert offer.base is not None
    assert offer.base.title == "district.zip"


def test_a_source_changed_since_is_recognised_and_not_replayed_into(tmp_path: Path):
    source, _expected = _edited_and_killed(tmp_path)
    data = source.read_bytes()
    source.write_bytes(data)  # the same bytes, written again later: we cannot tell, so we say
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 5_000_000_000))
    assert assess(left_journal(tmp_path / "rec")).state == "source-changed"


def test_a_missing_source_can_be_found_where_it_was_moved(tmp_path: Path):
    source, expected = _edited_and_killed(tmp_path)
    moved = tmp_path / "elsewhere" / "renamed.zip"
    moved.parent.mkdir()
    shutil.move(source, moved)  # a move keeps the file's time: it is recognised as the same
    left = left_journal(tmp_path / "rec")
    offer = assess(left)
    assert offer.state == "source-missing"
    assert offer.base is not None
    found = offer.base.moved_to(moved)
    assert found.state() == "unchanged"
    assert content(recover(left, found).bundle) == expected


def test_a_save_that_finished_as_the_app_stopped_is_recognised(tmp_path: Path):
    source = write_source(tmp_path / "district.zip")
    session, journal = open_journaled(source, tmp_path / "rec")
    session.edit_cell(U, 0, 1, "kept")
    # Killed once the file was written, before the journal could be cleared.
    session.events.saved.disconnect(journal._on_saved)
    session.events.saved.connect(lambda _event: kill(journal))
    session.save()
    offer = assess(left_journal(tmp_path / "rec"))
    assert offer.state == "probably-saved"
    assert content(read_bundle(source)) == content(session.bundle)


def test_the_edits_can_be_listed_when_they_cannot_go_back(tmp_path: Path):
    source = write_source(tmp_path / "district.zip")
    session, journal = open_journaled(source, tmp_path / "rec")
    users = session.require_table(U)
    col = users.column_index("givenName")
    old = users.cell(3, col)
    session.edit_cell(U, 3, col, "Renée")
    session.delete_rows(U, [0])
    session.edit_cell(U, 5, col, "undone").undo()
    session.rename_column(U, 2, "when")
    kill(journal)
    changes = recorded_changes(left_journal(tmp_path / "rec").contents)
    assert [(c.file, c.line, c.column, c.change, c.old, c.new) for c in changes] == [
        (U, 5, "givenName", "cell changed", old, "Renée"),
        (U, 2, "", "row deleted", "", ""),
        (U, None, "dateLastModified", "column renamed", "dateLastModified", "when"),
    ]
    rows = list(csv.reader(io.StringIO(export_csv(changes))))
    assert rows[0] == ["file", "line", "record", "column", "change", "old", "new"]
    assert rows[1] == [U, "5", "4", "givenName", "cell changed", old, "Renée"]


def test_an_untitled_copy_comes_back_untitled(tmp_path: Path):
    sample = write_source(tmp_path / "sample.zip")
    bundle = read_bundle(sample)
    # The sample opens as an untitled copy: no source of its own (it remembers where it was read).
    bundle.source, bundle.source_kind = None, "new"
    session = EditSession()
    journal = EditJournal(session, tmp_path / "rec")
    session.open(bundle)
    session.edit_cell(U, 0, 1, "kept")
    expected = content(session.bundle)
    kill(journal)
    offer = assess(left_journal(tmp_path / "rec"))
    assert offer.base is not None
    assert offer.base.title == "an untitled copy of sample.zip"
    recovered = recover(offer.journal)
    assert recovered.bundle.source is None
    assert recovered.bundle.source_kind == "new"
    assert content(recovered.bundle) == expected


def test_a_bundle_with_no_way_back_to_its_source_is_not_journaled(tmp_path: Path):
    session = EditSession()
    journal = EditJournal(session, tmp_path / "rec")
    bundle = generate_district(students=5, seed=1).bundle  # made in memory, never on disk
    session.open(bundle)
    session.edit_cell(U, 0, 1, "x")
    assert journal.base is None
    assert journal.path is None


def test_a_folder_bundle_recovers_and_a_new_csv_in_it_counts_as_a_change(tmp_path: Path):
    folder = tmp_path / "district"
    folder.mkdir()
    write_bundle_folder(read_bundle(write_source(tmp_path / "d.zip")), folder)
    session, journal = open_journaled(folder, tmp_path / "rec")
    session.delete_columns(U, [2])
    expected = content(session.bundle)
    kill(journal)
    left = left_journal(tmp_path / "rec")
    assert content(recover(left).bundle) == expected
    left.release()
    (folder / "extra.csv").write_text("sourcedId\r\nx\r\n")
    assert assess(left_journal(tmp_path / "rec")).state == "source-changed"


def test_the_undo_stack_comes_back_as_it_stood(tmp_path: Path):
    source = write_source(tmp_path / "district.zip")
    session, journal = open_journaled(source, tmp_path / "rec")
    a = session.edit_cell(U, 0, 1, "a")
    b = session.insert_blank_rows(U, 0, 1)
    c = session.edit_cell(U, 1, 1, "c")
    c.undo()
    b.undo()
    b.redo()  # a, b done; c undone and still redoable
    kill(journal)
    recovered = recover(left_journal(tmp_path / "rec"))
    assert [e.description for e in recovered.stack] == [a.description, b.description, c.description]
    assert (recovered.index, recovered.clean) == (2, 0)
    recovered.stack[2].redo()
    c_state = content(recovered.bundle)
    c.redo()
    assert c_state == content(session.bundle)
