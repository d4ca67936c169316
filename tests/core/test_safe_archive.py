"""A zip is untrusted: traversal, bombs, encryption, nesting and damage get clear refusals."""

import struct
import time
import zipfile
import zlib

import pytest
from crafted_zips import Member, build_zip

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.read_notice import BundleReadError

USERS = b"sourcedId,givenName\r\nu1,Ana\r\n"


def make_zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../evil.csv", "/abs/users.csv", "a/../../users.csv", "C:/x/users.csv"])
def test_members_escaping_the_zip_are_refused(tmp_path, name):
    path = make_zip(tmp_path / "b.zip", {"users.csv": USERS, name: USERS})
    with pytest.raises(BundleReadError, match="unsafe path"):
        read_bundle(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip"]  # nothing extracted anywhere


def test_symlink_members_are_ignored_and_mentioned(tmp_path):
    path = tmp_path / "b.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("users.csv", USERS)
        link = zipfile.ZipInfo("orgs.csv")
        link.create_system = 3
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/passwd")
    bundle = read_bundle(path)
    assert list(bundle.files) == ["users.csv"]
    assert any("symbolic link" in n.message for n in bundle.notices)


def test_zip_bomb_is_refused_quickly_without_inflating_it(tmp_path):
    # 2 MB of zeros whose headers claim 300 MB: past the budget for highly compressed data.
    path = tmp_path / "bomb.zip"
    path.write_bytes(build_zip([Member("users.csv", b"0" * 2_000_000, claimed_size=300 * 1024**2)]))
    started = time.perf_counter()
    with pytest.raises(BundleReadError, match="zip bomb"):
        read_bundle(path)
    assert time.perf_counter() - started < 5


def test_member_larger_than_its_header_claims_is_refused(tmp_path):
    path = make_zip(tmp_path / "lie.zip", {"users.csv": USERS * 1000})
    raw = bytearray(path.read_bytes())
    real = len(USERS * 1000)
    # Shrink the declared size in both headers; the data is the same.
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = raw.find(sig)
        offset = 22 if sig == b"PK\x03\x04" else 24
        assert struct.unpack_from("<I", raw, at + offset)[0] == real
        struct.pack_into("<I", raw, at + offset, 100)
    path.write_bytes(bytes(raw))
    with pytest.raises(BundleReadError):
        read_bundle(path)


def test_encrypted_zip_gets_a_clear_message(tmp_path):
    path = make_zip(tmp_path / "enc.zip", {"users.csv": USERS})
    raw = bytearray(path.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(sig)
        struct.pack_into("<H", raw, at + flag_at, struct.unpack_from("<H", raw, at + flag_at)[0] | 1)
    path.write_bytes(bytes(raw))
    with pytest.raises(BundleReadError, match="password"):
        read_bundle(path)


def test_corrupt_zip_gets_a_clear_message(tmp_path):
    path = make_zip(tmp_path / "c.zip", {"users.csv": USERS * 100})
    raw = bytearray(path.read_bytes())
    raw[40:60] = b"\xff" * 20  # damage the compressed data
    path.write_bytes(bytes(raw))
    with pytest.raises(BundleReadError, match="damaged"):
        read_bundle(path)


def test_truncated_download_gets_a_clear_message(tmp_path):
    path = make_zip(tmp_path / "t.zip", {"users.csv": USERS})
    path.write_bytes(path.read_bytes()[:30])
    with pytest.raises(BundleReadError, match="not a valid zip"):
        read_bundle(path)


def test_empty_zip_and_zip_without_csv_are_explained(tmp_path):
    empty = tmp_path / "e.zip"
    zipfile.ZipFile(empty, "w").close()
    with pytest.raises(BundleReadError, match="empty zip"):
        read_bundle(empty)
    with pytest.raises(BundleReadError, match="no CSV"):
        read_bundle(make_zip(tmp_path / "n.zip", {"readme.txt": b"hi"}))


def test_nested_zip_is_explained(tmp_path):
    inner = make_zip(tmp_path / "inner.zip", {"users.csv": USERS}).read_bytes()
    with pytest.raises(BundleReadError, match="another zip"):
        read_bundle(make_zip(tmp_path / "outer.zip", {"inner.zip": inner}))


def test_mac_housekeeping_and_other_files_are_ignored_and_mentioned(tmp_path):
    path = make_zip(tmp_path / "b.zip", {
        "users.csv": USERS, "__MACOSX/._users.csv": b"\x00\x05", ".DS_Store": b"\x00",
        "notes.txt": b"hello",
    })
    bundle = read_bundle(path)
    assert list(bundle.files) == ["users.csv"]
    skipped = [n.message for n in bundle.notices if n.code == "read.skipped-member"]
    assert len(skipped) == 3


def test_files_inside_one_top_folder_are_read_and_reported(tmp_path):
    members = {"District/users.csv": USERS, "District/orgs.csv": b"sourcedId\r\no1\r\n"}
    path = make_zip(tmp_path / "b.zip", members)
    bundle = read_bundle(path)
    assert sorted(bundle.files) == ["orgs.csv", "users.csv"]
    assert bundle.zip_folder == "District"


def test_deflate_compressed_member_with_bad_crc_is_refused(tmp_path):
    path = make_zip(tmp_path / "b.zip", {"users.csv": USERS})
    raw = bytearray(path.read_bytes())
    crc = zlib.crc32(USERS)
    packed = struct.pack("<I", crc)
    assert raw.count(packed) == 2  # local header and central directory
    raw = bytearray(bytes(raw).replace(packed, struct.pack("<I", crc ^ 0xFFFF)))
    path.write_bytes(bytes(raw))
    with pytest.raises(BundleReadError):
        read_bundle(path)


@pytest.mark.parametrize("content", [b"sourcedId,title\r\nc1,Maths\r\n", b"PK\x03\x04 cut short"])
def test_a_file_that_is_not_a_zip_is_explained_in_plain_words(tmp_path, content):
    """It said "broken.zip is not a valid zip file (File is not a zip file)": Python's words."""
    path = tmp_path / "broken.zip"
    path.write_bytes(content)
    with pytest.raises(BundleReadError) as raised:
        read_bundle(path)
    message = str(raised.value)
    assert message.startswith("broken.zip is not a valid zip file.")
    assert "File is not a zip file" not in message
    assert "(" not in message  # no library wording in brackets
    assert "Download or export it again" in message
