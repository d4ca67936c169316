"""The zip writer lays out records as Python's zipfile does, so every unzip tool reads its files."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from rostereditor.core import deflated_zip
from rostereditor.core.deflated_zip import DeflatedZipWriter

WHEN = (2024, 8, 15, 9, 30, 12)
MEMBERS = {
    "users.csv": b"sourcedId,givenName\r\nu1,Zo\xc3\xab\r\n" * 5000,
    "empty.csv": b"",
    "classes été.csv": b"sourcedId\r\nc1\r\n",
}


def _ours(path, members=MEMBERS, pieces=3):
    with DeflatedZipWriter(path, workers=2) as archive:
        for name, data in members.items():
            step = max(1, len(data) // pieces)
            assert archive.add(name, [data[i : i + step] for i in range(0, len(data), step)],
                               WHEN) == len(data)


def _stdlib(path, members=MEMBERS):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=WHEN)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with archive.open(info, "w", force_zip64=True) as stream:
                stream.write(data)


def test_records_match_what_zipfile_writes(tmp_path):
    _ours(tmp_path / "ours.zip")
    _stdlib(tmp_path / "stdlib.zip")
    fields = ("filename", "date_time", "compress_type", "CRC", "compress_size", "file_size",
              "external_attr", "flag_bits", "create_system", "extract_version", "header_offset")
    with zipfile.ZipFile(tmp_path / "ours.zip") as ours, \
            zipfile.ZipFile(tmp_path / "stdlib.zip") as stdlib:
        assert ours.testzip() is None
        for a, b in zip(ours.infolist(), stdlib.infolist(), strict=True):
            assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]
            assert ours.read(a) == MEMBERS[a.filename]
    # Files small enough for one block are compressed exactly as zipfile compresses them.
    assert (tmp_path / "ours.zip").read_bytes() == (tmp_path / "stdlib.zip").read_bytes()


def test_zip64_fields_are_written_where_numbers_outgrow_the_classic_ones(tmp_path, monkeypatch):
    # Real ZIP64 sizes need gigabytes; lowering the limits takes the same code paths.
    monkeypatch.setattr(deflated_zip, "_ZIP64_LIMIT", 100)
    monkeypatch.setattr(deflated_zip, "_MAX_ENTRIES", 2)
    members = {f"file{i}.csv": bytes(range(256)) * (i + 1) for i in range(4)}
    _ours(tmp_path / "big.zip", members)
    with zipfile.ZipFile(tmp_path / "big.zip") as archive:
        assert archive.testzip() is None
        assert {i.filename: archive.read(i) for i in archive.infolist()} == members
        assert all(i.header_offset < 0xFFFFFFFF for i in archive.infolist())


@pytest.mark.skipif(shutil.which("unzip") is None, reason="the unzip tool is not installed")
def test_info_zip_unzip_finds_no_errors(tmp_path):
    _ours(tmp_path / "ours.zip", pieces=7)
    done = subprocess.run(["unzip", "-t", str(tmp_path / "ours.zip")], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout
    assert "No errors detected" in done.stdout


def test_an_error_while_producing_a_file_leaves_no_finished_zip(tmp_path):
    def pieces():
        yield b"a,b\r\n"
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"), DeflatedZipWriter(tmp_path / "x.zip") as archive:
        archive.add("x.csv", pieces(), WHEN)
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(tmp_path / "x.zip")
