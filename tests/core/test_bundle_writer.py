"""Saving: canonical zip with a generated manifest, crash-safe replacement and backups."""

import errno
import os
import zipfile

import pytest

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder, write_bundle_zip
from rostereditor.core.oneroster_files import DATA_FILES

ORGS = ("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
        "o1,,,Escuela Peña,school,007,\r\n")
USERS_DELTA = "sourcedId,status,dateLastModified,givenName\r\nu1,active,2024-01-01T00:00:00Z,Zoë\r\n"


def source_folder(tmp_path, manifest: str | None = None):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "orgs.csv").write_text(ORGS, encoding="utf-8", newline="")
    (folder / "users.csv").write_text(USERS_DELTA, encoding="utf-8", newline="")
    if manifest is not None:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8", newline="")
    return folder


def manifest_rows(path):
    with zipfile.ZipFile(path) as archive:
        text = archive.read("manifest.csv").decode("utf-8")
    return [line.split(",", 1) for line in text.split("\r\n") if line]


def test_zip_has_files_at_root_deflated_with_spec_names_and_exact_bytes(tmp_path):
    out = tmp_path / "out.zip"
    write_bundle_zip(read_bundle(source_folder(tmp_path)), out, "1.1")
    with zipfile.ZipFile(out) as archive:
        infos = {i.filename: i for i in archive.infolist()}
        assert set(infos) == {"orgs.csv", "users.csv", "manifest.csv"}
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos.values())
        assert archive.read("orgs.csv") == ORGS.encode()  # canonical input is kept byte for byte


def test_manifest_is_generated_in_spec_order_with_modes_and_source(tmp_path):
    manifest = ("propertyName,value\r\nsource.systemName,Infinite Campus\r\nfile.users,delta\r\n"
                "manifest.version,1\r\noneroster.version,1.1\r\nsource.systemCode,IC\r\n")
    out = tmp_path / "out.zip"
    write_bundle_zip(read_bundle(source_folder(tmp_path, manifest)), out)
    rows = manifest_rows(out)
    assert rows[0] == ["propertyName", "value"]
    assert rows[1:3] == [["manifest.version", "1.0"], ["oneroster.version", "1.1"]]
    file_rows = dict(rows[3:-2])
    assert list(file_rows) == [f"file.{n.removesuffix('.csv')}" for n in DATA_FILES["1.1"]]
    assert file_rows["file.orgs"] == "bulk"
    assert file_rows["file.users"] == "delta"
    assert file_rows["file.classes"] == "absent"
    assert rows[-2:] == [["source.systemName", "Infinite Campus"], ["source.systemCode", "IC"]]


def test_mode_is_inferred_from_data_when_the_manifest_has_none(tmp_path):
    out = tmp_path / "out.zip"
    write_bundle_zip(read_bundle(source_folder(tmp_path)), out, "1.1")
    modes = dict(manifest_rows(out)[1:])
    assert modes["file.users"] == "delta"  # status column filled
    assert modes["file.orgs"] == "bulk"


def test_oneroster_1_0_bundle_gets_no_manifest(tmp_path):
    out = tmp_path / "out.zip"
    write_bundle_zip(read_bundle(source_folder(tmp_path)), out, "1.0")
    assert "manifest.csv" not in zipfile.ZipFile(out).namelist()


def test_first_save_over_a_file_keeps_a_backup_of_the_original(tmp_path):
    out = tmp_path / "roster.zip"
    out.write_bytes(b"original bytes")
    bundle = read_bundle(source_folder(tmp_path))
    backup = write_bundle_zip(bundle, out, "1.1").backup
    assert backup == tmp_path / "roster.zip.bak"
    assert backup.read_bytes() == b"original bytes"
    bundle.table("orgs.csv").set_cell(0, 3, "Changed")
    assert write_bundle_zip(bundle, out, "1.1").backup is None  # second save leaves the backup alone
    assert backup.read_bytes() == b"original bytes"
    assert read_bundle(out).table("orgs.csv").cell(0, 3) == "Changed"


def test_failed_write_leaves_the_old_file_intact_and_says_why(tmp_path, monkeypatch):
    out = tmp_path / "roster.zip"
    out.write_bytes(b"old")
    bundle = read_bundle(source_folder(tmp_path))

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "open", disk_full)
    with pytest.raises(SaveError, match="disk is full"):
        write_bundle_zip(bundle, out, "1.1")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_permission_denied_on_replace_is_explained(tmp_path, monkeypatch):
    out = tmp_path / "roster.zip"
    out.write_bytes(b"old")

    def locked(*_args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(SaveError, match="permission"):
        write_bundle_zip(read_bundle(source_folder(tmp_path)), out, "1.1")
    assert out.read_bytes() == b"old"


def test_folder_save_writes_each_file_and_fixes_name_case(tmp_path):
    folder = source_folder(tmp_path)
    (folder / "orgs.csv").rename(folder / "Orgs.csv")
    bundle = read_bundle(folder)
    bundle.table("orgs.csv").set_cell(0, 3, "Renamed")
    write_bundle_folder(bundle, folder, "1.1")
    names = {p.name for p in folder.iterdir()}
    assert "orgs.csv" in names
    assert "manifest.csv" in names
    assert read_bundle(folder / "orgs.csv").table("orgs.csv").cell(0, 3) == "Renamed"


def test_saved_file_gets_ordinary_permissions_not_owner_only(tmp_path):
    out = tmp_path / "new.zip"
    write_bundle_zip(read_bundle(source_folder(tmp_path)), out, "1.1")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    out.chmod(0o640)
    write_bundle_zip(read_bundle(out), out, "1.1")
    assert out.stat().st_mode & 0o777 == 0o640  # an existing file keeps its permissions


def test_saving_into_a_missing_folder_says_so_instead_of_crashing(tmp_path):
    with pytest.raises(SaveError, match="does not exist"):
        write_bundle_zip(read_bundle(source_folder(tmp_path)), tmp_path / "nope" / "x.zip", "1.1")
