"""Saves are all or nothing: a killed or failed save leaves the old bundle or the new one, never a mix."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from rostereditor.core import folder_swap, save_temporaries
from rostereditor.core.atomic_save import SaveError
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder, write_bundle_zip
from rostereditor.core.deflated_zip import DeflatedZipWriter
from rostereditor.core.read_notice import BundleReadError

ORGS = ("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
        "o1,,,Old School,school,007,\r\n")
USERS = "sourcedId,givenName\r\nu1,Zoë\r\n"
CLASSES = "sourcedId,title\r\nc1,Maths\r\n"


def make_folder(tmp_path, name="district"):
    folder = tmp_path / name
    folder.mkdir()
    for file_name, text in (("orgs.csv", ORGS), ("users.csv", USERS), ("classes.csv", CLASSES)):
        (folder / file_name).write_text(text, encoding="utf-8", newline="")
    return folder


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.suffix == ".csv"}


def edited(folder):
    bundle = read_bundle(folder)
    bundle.table("orgs.csv").set_cell(0, 3, "New School")
    bundle.table("users.csv").set_cell(0, 1, "Zoé")
    return bundle


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, not even except or finally clauses that catch errors."""


def kill_at_rename(monkeypatch, when):
    """Kill the save at its when-th rename (file or folder)."""
    calls = {"n": 0}

    def killing(real):
        def rename(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == when:
                raise Killed
            return real(*args, **kwargs)
        return rename

    monkeypatch.setattr(os, "replace", killing(os.replace))
    monkeypatch.setattr(os, "rename", killing(os.rename))
    return calls


def process_gone(monkeypatch):
    """After a simulated kill, this process counts as gone, as a killed one would be."""
    for module in (save_temporaries, folder_swap):
        monkeypatch.setattr(module, "process_is_running", lambda _pid: False)


# Folder saves -----------------------------------------------------------------------------------

def test_folder_backups_go_beside_the_folder_and_the_result_says_where(tmp_path):
    folder = make_folder(tmp_path)
    before = snapshot(folder)
    result = write_bundle_folder(edited(folder), folder, "1.1")
    assert not [p.name for p in folder.iterdir() if ".bak" in p.name]  # nothing to zip up by mistake
    assert result.backup == tmp_path / "district.bak"
    assert snapshot(result.backup) == before
    assert "district.bak" in result.backup_message()
    assert "beside district" in result.backup_message()


def test_later_folder_saves_keep_the_originals_in_the_backup(tmp_path):
    folder = make_folder(tmp_path)
    before = snapshot(folder)
    bundle = edited(folder)
    write_bundle_folder(bundle, folder, "1.1")
    bundle.table("orgs.csv").set_cell(0, 3, "Third name")
    second = write_bundle_folder(bundle, folder, "1.1")
    assert second.backup is None
    assert second.backup_message() is None
    backed_up = snapshot(tmp_path / "district.bak")
    assert all(backed_up[name] == data for name, data in before.items())


def test_a_wrongly_cased_original_moves_to_the_backup_not_to_a_bak_inside(tmp_path):
    folder = make_folder(tmp_path)
    (folder / "orgs.csv").rename(folder / "Orgs.csv")
    result = write_bundle_folder(read_bundle(folder), folder, "1.1")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["classes.csv", "manifest.csv", "orgs.csv", "users.csv"]
    assert (result.backup / "Orgs.csv").read_bytes() == ORGS.encode()


def test_when_beside_cannot_be_written_backups_go_to_the_users_data_folder(tmp_path, monkeypatch):
    folder = make_folder(tmp_path)
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    monkeypatch.setattr("rostereditor.core.folder_backup.backup_folder_beside", lambda _f: blocked / "x")
    monkeypatch.setenv("ROSTEREDITOR_DATA_DIR", str(tmp_path / "profile"))
    result = write_bundle_folder(edited(folder), folder, "1.1")
    assert result.backup.is_relative_to(tmp_path / "profile")
    assert (result.backup / "orgs.csv").read_bytes() == ORGS.encode()
    assert str(result.backup) in result.backup_message()


@pytest.mark.parametrize("kill_at", range(1, 13))  # this save renames 12 times
def test_a_folder_save_killed_at_any_rename_opens_as_old_or_new_never_a_mix(tmp_path, monkeypatch, kill_at):
    folder = make_folder(tmp_path)
    old = snapshot(folder)
    bundle = edited(folder)
    new_folder = make_folder(tmp_path, "expected")
    write_bundle_folder(bundle, new_folder, "1.1")
    new = snapshot(new_folder)
    calls = kill_at_rename(monkeypatch, kill_at)
    with pytest.raises(Killed):
        write_bundle_folder(bundle, folder, "1.1")
    monkeypatch.undo()
    process_gone(monkeypatch)
    assert calls["n"] == kill_at
    reopened = read_bundle(folder)
    assert snapshot(folder) in (old, new)
    if (folder / folder_swap.RECORD_NAME).exists():
        pytest.fail("the save record was left behind after opening")
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]  # no litter
    if snapshot(folder) == new and any(n.code == "read.save-recovered" for n in reopened.notices):
        assert "completed" in next(n.message for n in reopened.notices if n.code == "read.save-recovered")


def test_a_killed_swap_is_finished_by_the_next_save_too(tmp_path, monkeypatch):
    folder = make_folder(tmp_path)
    bundle = edited(folder)
    kill_at_rename(monkeypatch, 7)  # three backup copies, the backup folder, the record, one file
    with pytest.raises(Killed):
        write_bundle_folder(bundle, folder, "1.1")
    monkeypatch.undo()
    process_gone(monkeypatch)
    result = write_bundle_folder(bundle, folder, "1.1")
    assert result.recovered is not None
    assert result.recovered.finished
    assert read_bundle(folder).table("orgs.csv").cell(0, 3) == "New School"


def test_if_the_staged_files_are_gone_the_old_files_are_put_back(tmp_path, monkeypatch):
    folder = make_folder(tmp_path)
    old = snapshot(folder)
    kill_at_rename(monkeypatch, 8)
    with pytest.raises(Killed):
        write_bundle_folder(edited(folder), folder, "1.1")
    monkeypatch.undo()
    process_gone(monkeypatch)
    record = json.loads((folder / folder_swap.RECORD_NAME).read_text(encoding="utf-8"))
    shutil.rmtree(folder / record["stage"] / "new")  # say, a clean-up tool deleted hidden files
    reopened = read_bundle(folder)
    assert snapshot(folder) == old
    notice = next(n for n in reopened.notices if n.code == "read.save-recovered")
    assert "put back" in notice.message


def test_a_file_held_open_elsewhere_stops_the_save_and_puts_the_old_files_back(tmp_path, monkeypatch):
    folder = make_folder(tmp_path)
    old = snapshot(folder)
    real = os.replace

    def locked(src, dst, *args, **kwargs):
        if str(dst).endswith("users.csv") and ".rostereditor-save-" not in str(dst):
            raise PermissionError(13, "The process cannot access the file", str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(SaveError, match=r"users\.csv"):
        write_bundle_folder(edited(folder), folder, "1.1")
    monkeypatch.undo()
    assert snapshot(folder) == old
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_a_folder_being_saved_by_a_live_process_is_not_touched(tmp_path):
    folder = make_folder(tmp_path)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (folder / folder_swap.RECORD_NAME).write_text(json.dumps({
            "format": folder_swap.RECORD_FORMAT, "version": 1,
            "stage": f".rostereditor-save-{sleeper.pid}-0123abcd", "install": ["orgs.csv"],
            "retire": [], "existed": ["orgs.csv"], "pid": sleeper.pid, "started": ""}))
        with pytest.raises(BundleReadError, match=r"being saved right now"):
            read_bundle(folder)
    finally:
        sleeper.kill()
        sleeper.wait()
    read_bundle(folder)  # its process has gone: the record is dealt with
    assert not (folder / folder_swap.RECORD_NAME).exists()


@pytest.mark.parametrize("record", ["{not json", json.dumps({"format": "something else"}),
                                    json.dumps({"format": folder_swap.RECORD_FORMAT, "version": 1,
                                                "stage": "../../etc", "install": ["x"], "retire": [],
                                                "existed": [], "pid": 1})])
def test_a_damaged_or_foreign_record_is_ignored_and_touches_nothing_outside(tmp_path, record):
    folder = make_folder(tmp_path)
    old = snapshot(folder)
    (folder / folder_swap.RECORD_NAME).write_text(record)
    read_bundle(folder)
    assert snapshot(folder) == old
    assert not (folder / folder_swap.RECORD_NAME).exists()


# Zip saves and their backups --------------------------------------------------------------------

def test_a_cut_off_backup_is_made_again_on_the_next_save(tmp_path):
    out = tmp_path / "roster.zip"
    write_bundle_zip(read_bundle(make_folder(tmp_path)), out, "1.1")
    whole = out.read_bytes()
    (tmp_path / "roster.zip.bak").write_bytes(whole[: len(whole) // 2])  # what a killed copy used to leave
    bundle = read_bundle(out)
    bundle.table("orgs.csv").set_cell(0, 3, "Changed")
    result = write_bundle_zip(bundle, out, "1.1")
    assert result.backup == tmp_path / "roster.zip.bak"
    assert result.backup.read_bytes() == whole
    assert read_bundle(result.backup).table("orgs.csv").cell(0, 3) == "Old School"


def test_a_backup_that_was_not_a_zip_to_begin_with_is_kept(tmp_path):
    out = tmp_path / "roster.zip"
    out.write_bytes(b"whatever the user had here")
    bundle = read_bundle(make_folder(tmp_path))
    write_bundle_zip(bundle, out, "1.1")
    assert write_bundle_zip(bundle, out, "1.1").backup is None
    assert (tmp_path / "roster.zip.bak").read_bytes() == b"whatever the user had here"


def test_a_backup_that_fails_part_way_leaves_no_backup_and_the_target_untouched(tmp_path, monkeypatch):
    out = tmp_path / "roster.zip"
    out.write_bytes(b"original")

    def disk_fills(src, dst, *args, **kwargs):
        with open(dst, "wb") as handle:
            handle.write(b"orig")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", disk_fills)
    with pytest.raises(SaveError, match="backup"):
        write_bundle_zip(read_bundle(make_folder(tmp_path)), out, "1.1")
    monkeypatch.undo()
    assert out.read_bytes() == b"original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["district", "roster.zip"]


def test_temporaries_of_a_killed_save_are_removed_by_the_next_save_and_open(tmp_path):
    out = tmp_path / "roster.zip"
    write_bundle_zip(read_bundle(make_folder(tmp_path)), out, "1.1")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    litter = [tmp_path / f".roster.zip.rostereditor-{dead}-0a1b2c3d.tmp",
              tmp_path / f".roster.zip.bak.rostereditor-{dead}-0a1b2c3e.tmp"]
    legacy = tmp_path / ".roster.zip.k2j4_x9a.tmp"  # named by saves before the process id was added
    live = tmp_path / f".roster.zip.rostereditor-{os.getpid()}-0a1b2c3f.tmp"
    for path in [*litter, legacy, live]:
        path.write_bytes(b"x" * 1000)
    hour_ago = time.time() - 7200
    os.utime(legacy, (hour_ago, hour_ago))
    read_bundle(out)
    assert not any(p.exists() for p in [*litter, legacy])
    assert live.exists()  # this process is alive: that save may still be running
    litter[0].write_bytes(b"x")
    write_bundle_zip(read_bundle(out), out, "1.1")
    assert not litter[0].exists()


def test_a_saved_zip_is_checked_whole_before_it_replaces_anything(tmp_path, monkeypatch):
    out = tmp_path / "roster.zip"
    out.write_bytes(b"old")
    real_add = DeflatedZipWriter.add

    def loses_a_byte(self, name, pieces, **kwargs):
        return real_add(self, name, pieces, **kwargs) + 1  # as if one byte never reached the disk

    monkeypatch.setattr(DeflatedZipWriter, "add", loses_a_byte)
    with pytest.raises(SaveError, match="did not read back intact"):
        write_bundle_zip(read_bundle(make_folder(tmp_path)), out, "1.1")
    assert out.read_bytes() == b"old"
