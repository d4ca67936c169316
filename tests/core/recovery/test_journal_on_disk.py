"""The journal on disk: written as edits happen, only the edit (not the bundle), for this user
alone; a torn or damaged record stops the replay there and everything before it comes back;
a save or a clean close clears it; a running app's journal is never offered."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from recovery_helpers import content, kill, left_journal, open_journaled, write_source

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.recovery import EditJournal, find_left_journals, recover
from rostereditor.core.recovery.journal_records import decode_records, encode_record
from rostereditor.core.session import EditSession

U = "users.csv"
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _three_edits(session: EditSession) -> list[dict[str, list[list[str]]]]:
    """Three edits; the content after each."""
    states = []
    for row, text in enumerate(("first", "second", "third")):
        session.edit_cell(U, row, 1, text)
        states.append(content(session.bundle))
    return states


def test_each_edit_is_on_disk_as_soon_as_it_is_made(tmp_path: Path):
    session, journal = open_journaled(write_source(tmp_path / "d.zip"), tmp_path / "rec")
    assert journal.path is None  # opening and looking leaves nothing behind
    session.edit_cell(U, 0, 1, "first")
    assert journal.path is not None
    size = journal.path.stat().st_size
    session.edit_cell(U, 1, 1, "second")
    assert journal.path.stat().st_size > size  # appended at once, no waiting for a timer
    records = decode_records(journal.path.read_bytes())
    assert [r["k"] for r in records.records] == ["do", "do"]
    assert not records.torn_tail


def test_the_journal_holds_the_edit_not_the_bundle(tmp_path: Path):
    source = write_source(tmp_path / "d.zip", students=400)
    session, journal = open_journaled(source, tmp_path / "rec")
    users = session.require_table(U)
    untouched = users.cell(5, users.column_index("familyName"))
    session.edit_cell(U, 0, users.column_index("givenName"), "Zoë")
    session.delete_rows(U, [7, 8])
    session.duplicate_rows(U, [9])
    session.delete_columns(U, [users.column_index("email")])
    assert journal.path is not None
    data = journal.path.read_bytes()
    assert len(data) < 2000
    assert "Zoë".encode() in data
    # Deleted and duplicated records, the deleted column: named by position, not copied.
    assert untouched.encode() not in data
    assert b"@" not in data


@POSIX_ONLY
def test_only_the_user_can_read_the_recovery_folder_and_its_journals(tmp_path: Path):
    folder = tmp_path / "rec"
    folder.mkdir(mode=0o755)
    session, journal = open_journaled(write_source(tmp_path / "d.zip"), folder)
    session.edit_cell(U, 0, 1, "x")
    assert journal.path is not None
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(journal.path.stat().st_mode) == 0o600


@pytest.mark.parametrize("cut", [1, 5, 20, -2, -1])
def test_a_record_torn_by_the_kill_is_ignored_and_all_before_it_replays(tmp_path: Path, cut: int):
    session, journal = open_journaled(write_source(tmp_path / "d.zip"), tmp_path / "rec")
    states = _three_edits(session)
    path = journal.path
    kill(journal)
    assert path is not None
    data = path.read_bytes()
    last = data.rstrip(b"\n").rfind(b"\n") + 1
    # The kill came while the last record was being written: only part of it reached the file.
    path.write_bytes(data[: last + cut] if cut > 0 else data[:cut])
    left = left_journal(tmp_path / "rec")
    assert left.contents.torn_tail
    recovered = recover(left)
    assert recovered.problem is None
    assert content(recovered.bundle) == states[1]


def test_a_damaged_record_stops_the_replay_there(tmp_path: Path):
    session, journal = open_journaled(write_source(tmp_path / "d.zip"), tmp_path / "rec")
    states = _three_edits(session)
    path = journal.path
    kill(journal)
    assert path is not None
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"second", b"secXnd")  # the second edit's record, on the disk
    path.write_bytes(b"\n".join(lines))
    left = left_journal(tmp_path / "rec")
    assert left.contents.unreadable == 1
    assert content(recover(left).bundle) == states[0]


def test_a_record_that_does_not_fit_the_source_stops_the_replay_with_a_reason(tmp_path: Path):
    session, journal = open_journaled(write_source(tmp_path / "d.zip"), tmp_path / "rec")
    states = _three_edits(session)
    path = journal.path
    kill(journal)
    assert path is not None
    lines = path.read_bytes().split(b"\n")
    # A well-formed record whose old text is not in the file (as if the file were another).
    record = decode_records(lines[0] + b"\n" + lines[3] + b"\n").records[0]
    record["e"]["f"][U]["c"][0][2] = "not what the file holds"
    lines[3] = encode_record(record).rstrip(b"\n")
    path.write_bytes(b"\n".join(lines))
    recovered = recover(left_journal(tmp_path / "rec"))
    assert recovered.problem is not None
    assert "not as recorded" in recovered.problem
    assert content(recovered.bundle) == states[1]


def test_saving_clears_the_journal_and_later_edits_start_a_new_one(tmp_path: Path):
    source = write_source(tmp_path / "d.zip")
    session, journal = open_journaled(source, tmp_path / "rec")
    session.edit_cell(U, 0, 1, "before the save")
    first = journal.path
    session.save()
    assert first is not None
    assert not first.exists()
    assert journal.path is None
    assert list((tmp_path / "rec").iterdir()) == []
    session.edit_cell(U, 1, 1, "after the save")
    expected = content(session.bundle)
    kill(journal)
    left = left_journal(tmp_path / "rec")
    assert left.base is not None
    assert left.base.state() == "unchanged"
    assert content(recover(left).bundle) == expected


def test_a_clean_close_or_another_bundle_clears_the_journal(tmp_path: Path):
    source = write_source(tmp_path / "d.zip")
    session, journal = open_journaled(source, tmp_path / "rec")
    session.edit_cell(U, 0, 1, "x")
    path = journal.path
    session.close()
    assert path is not None
    assert not path.exists()
    session.open(read_bundle(source))
    session.edit_cell(U, 0, 1, "y")
    path = journal.path
    journal.finish()
    assert path is not None
    assert not path.exists()
    assert find_left_journals(tmp_path / "rec") == []


def test_a_running_apps_journal_is_not_offered(tmp_path: Path):
    session, journal = open_journaled(write_source(tmp_path / "d.zip"), tmp_path / "rec")
    session.edit_cell(U, 0, 1, "still editing")
    assert find_left_journals(tmp_path / "rec") == []
    kill(journal)
    assert len(find_left_journals(tmp_path / "rec")) == 1


def test_a_journal_left_empty_by_the_kill_is_removed_quietly(tmp_path: Path):
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / "edits-x.journal").write_bytes(encode_record({"k": "head", "format": 1}) + b"12")
    assert find_left_journals(folder) == []
    assert list(folder.iterdir()) == []


def test_an_unwritable_folder_stops_recording_but_never_the_edit(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    session = EditSession()
    told: list[str] = []
    journal = EditJournal(session, blocker / "rec", on_failure=told.append)
    session.open(read_bundle(write_source(tmp_path / "d.zip")))
    edit = session.edit_cell(U, 0, 1, "kept")
    assert edit is not None
    assert session.require_table(U).cell(0, 1) == "kept"
    assert journal.failure is not None
    assert told == [journal.failure]
    edit.undo()
    session.edit_cell(U, 0, 1, "still kept")
    assert len(told) == 1  # said once


def test_text_no_codec_can_encode_is_kept_exactly(tmp_path: Path):
    session, journal = open_journaled(write_source(tmp_path / "d.zip"), tmp_path / "rec")
    odd = "lone \ud800 surrogate, NUL \x00, CR\r, \u2028 and \"quotes\""
    session.edit_cell(U, 0, 1, odd)
    kill(journal)
    assert content(recover(left_journal(tmp_path / "rec")).bundle)[U][1][1] == odd


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_kill_minus_nine_in_the_middle_of_editing(tmp_path: Path):
    import signal
    import subprocess

    source = write_source(tmp_path / "d.zip")
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from rostereditor.core.bundle_reader import read_bundle\n"
        "from rostereditor.core.recovery import EditJournal\n"
        "from rostereditor.core.session import EditSession\n"
        "s = EditSession(); j = EditJournal(s, Path(sys.argv[2])); s.open(read_bundle(sys.argv[1]))\n"
        "for i in range(5): s.edit_cell('users.csv', i, 1, f'v{i}')\n"
        "s.delete_rows('users.csv', [7]).undo()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(source), str(tmp_path / "rec")],
                          check=False)
    assert done.returncode == -signal.SIGKILL
    recovered = recover(left_journal(tmp_path / "rec"))
    rows = content(recovered.bundle)[U]
    assert [rows[1 + i][1] for i in range(5)] == [f"v{i}" for i in range(5)]
    assert (len(recovered.stack), recovered.index) == (6, 5)


def test_a_recovered_journal_goes_on_from_what_was_replayed(tmp_path: Path):
    session, journal = open_journaled(write_source(tmp_path / "d.zip"), tmp_path / "rec")
    states = _three_edits(session)
    path = journal.path
    kill(journal)
    assert path is not None
    lines = path.read_bytes().split(b"\n")
    record = decode_records(lines[0] + b"\n" + lines[3] + b"\n").records[0]
    record["e"]["f"][U]["c"][0][2] = "not what the file holds"  # the third edit no longer fits
    lines[3] = encode_record(record).rstrip(b"\n")
    path.write_bytes(b"\n".join(lines))

    left = left_journal(tmp_path / "rec")
    recovered = recover(left)
    assert recovered.problem is not None
    resumed = EditSession()
    resumed_journal = EditJournal(resumed, tmp_path / "rec")
    resumed.open(recovered.bundle)
    recovered.attach(resumed)
    resumed_journal.take_over(left, recovered)
    assert content(resumed.bundle) == states[1]
    resumed.edit_cell(U, 5, 1, "after recovery").undo()
    recovered.stack[1].undo()  # undo goes on into the recovered steps
    resumed.edit_cell(U, 6, 1, "and this")
    expected = content(resumed.bundle)
    kill(resumed_journal)

    again = recover(left_journal(tmp_path / "rec"))
    assert again.problem is None  # the record that did not fit is gone from the journal
    assert content(again.bundle) == expected
    assert (len(again.stack), again.index) == (2, 2)  # the first edit, then the last
