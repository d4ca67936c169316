"""No zip can crash the reader or make it expensive, and legitimate repetitive CSV still opens."""

import struct
import tracemalloc
import zipfile

import pytest
from crafted_zips import Member, build_zip, overlapping_zip

from rostereditor.cli.main import main
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.read_limits import ReadLimits, parse_amount
from rostereditor.core.read_notice import BundleReadError

USERS = b"sourcedId,givenName\r\nu1,Ana\r\n"


def write(tmp_path, raw: bytes, name="b.zip"):
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def cli(*args):
    return main([str(a) for a in args])


def test_fifields_overlapping_bomb_is_refused_before_anything_is_inflated(tmp_path):
    path = write(tmp_path, overlapping_zip(b"sourcedId\r\n" + b"a" * 1_000_000, 100))
    assert path.stat().st_size < 20_000
    assert len(zipfile.ZipFile(path).read("m098.csv")) > 1_000_000  # this Python would inflate it
    tracemalloc.start()
    try:
        with pytest.raises(BundleReadError, match="overlap"):
            read_bundle(path)
        assert tracemalloc.get_traced_memory()[1] < 5_000_000
    finally:
        tracemalloc.stop()


def test_members_sharing_one_header_are_refused(tmp_path):
    raw = build_zip([Member("users.csv", USERS), Member("users.csv", USERS, header_offset=0)])
    with pytest.raises(BundleReadError, match="overlap"):
        read_bundle(write(tmp_path, raw))


def test_unusual_version_needed_to_extract_is_not_a_valid_zip_exit_2(tmp_path, capsys):
    path = write(tmp_path, build_zip([Member("users.csv", USERS, version_needed=99)]))
    assert cli("pack", path, "-o", tmp_path / "out.zip") == 2
    assert "not a valid zip" in capsys.readouterr().err


@pytest.mark.parametrize(("method", "flags"), [(9, 0), (98, 0), (8, 0x20), (8, 0x40), (1, 0)])
def test_unusual_compression_methods_and_flags_exit_2_with_a_message(tmp_path, capsys, method, flags):
    path = write(tmp_path, build_zip([Member("users.csv", USERS, method=method, flags=flags)]))
    assert cli("validate", path) == 2
    err = capsys.readouterr().err
    assert "users.csv" in err
    assert "Traceback" not in err
    if method in (9, 98):
        assert "encrypted" not in err  # an unknown method is not a password problem


def test_the_same_file_twice_in_a_zip_is_refused_in_plain_words(tmp_path):
    raw = build_zip([Member("users.csv", USERS), Member("users.csv", USERS)])
    with pytest.raises(BundleReadError, match=r"holds users\.csv twice"):
        read_bundle(write(tmp_path, raw))


def test_a_file_name_flagged_utf8_that_is_not_is_refused_with_a_message(tmp_path, capsys):
    raw = bytearray(build_zip([Member("users.csv", USERS, flags=0x800)]))
    raw[raw.find(b"users.csv")] = 0xFF  # the local header's name; the directory's stays readable
    assert cli("pack", write(tmp_path, bytes(raw)), "-o", tmp_path / "o.zip") == 2
    assert "users.csv" in capsys.readouterr().err


def test_sizes_claimed_in_headers_are_not_allocated_up_front(tmp_path):
    # 1.5 GB claimed, 30 bytes real: the read must fail as "ends early" without the 1.5 GB.
    path = write(tmp_path, build_zip([Member("users.csv", USERS, claimed_size=1_500_000_000)]))
    generous = ReadLimits(highly_compressed=4 * 1024**3, compression_ratio=10**9)
    tracemalloc.start()
    try:
        with pytest.raises(BundleReadError, match=r"ends early|cannot be unpacked"):
            read_bundle(path, limits=generous)
        assert tracemalloc.get_traced_memory()[1] < 50_000_000
    finally:
        tracemalloc.stop()


def test_two_members_claiming_2gb_each_are_refused_with_the_limit_and_the_way_round(tmp_path):
    path = write(tmp_path, build_zip([Member("users.csv", USERS, claimed_size=2**31 - 2),
                                      Member("orgs.csv", USERS, claimed_size=2**31 - 2)]))
    with pytest.raises(BundleReadError) as refused:
        read_bundle(path)
    message = str(refused.value)
    assert "open the folder" in message
    assert "--limit" in message


def test_thousands_of_members_are_refused_at_once_and_say_why(tmp_path, capsys):
    members = [Member(f"f{i}.csv", USERS) for i in range(20_000)]
    path = write(tmp_path, build_zip(members))
    assert cli("validate", path) == 2
    err = capsys.readouterr().err
    assert "about 22" in err
    assert "--limit zip-entries=" in err


def test_the_member_cap_can_be_raised(tmp_path):
    members = [Member(f"f{i}.csv", USERS) for i in range(150)]
    path = write(tmp_path, build_zip(members))
    with pytest.raises(BundleReadError, match="zip-files"):
        read_bundle(path)
    assert len(read_bundle(path, limits=ReadLimits(zip_files=200)).files) == 150


def excel_users_out_to_xfd(rows: int) -> bytes:
    header = "sourcedId,status,dateLastModified,enabledUser,givenName,familyName"
    pad = "," * (16384 - 6)
    lines = [header + pad] + [f"u{i},,,true,Ana{i},Lee{pad}" for i in range(rows)]
    return ("\r\n".join(lines) + "\r\n").encode()


def test_excels_empty_columns_out_to_xfd_pass_the_bomb_guard_zipped_and_packed(tmp_path):
    data = excel_users_out_to_xfd(300)
    path = write(tmp_path, build_zip([Member("users.csv", data)]))
    assert len(data) / path.stat().st_size > 200  # far past any ratio a plain guard would allow
    assert len(read_bundle(path).table("users.csv")) == 300
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "users.csv").write_bytes(data)
    assert cli("pack", folder, "-o", tmp_path / "packed.zip") == 0
    assert read_bundle(tmp_path / "packed.zip").table("users.csv").cell(299, 4) == "Ana299"


def test_too_much_highly_compressed_data_is_refused_naming_limit_and_way_round(tmp_path, capsys):
    path = write(tmp_path, build_zip([Member("users.csv", b"0" * 2_000_000, claimed_size=None)]))
    small = ReadLimits(highly_compressed=1_000_000)
    with pytest.raises(BundleReadError) as refused:
        read_bundle(path, limits=small)
    assert "zip bomb" in str(refused.value)
    assert "--limit highly-compressed=" in str(refused.value)
    assert cli("validate", path, "--limit", "highly-compressed=1MB") == 2
    assert "at most 1 MB of such data" in capsys.readouterr().err
    assert cli("validate", path, "--limit", "highly-compressed=10MB") in (0, 1)


def test_a_limit_setting_that_makes_no_sense_is_explained(tmp_path, capsys):
    path = write(tmp_path, build_zip([Member("users.csv", USERS)]))
    assert cli("validate", path, "--limit", "bananas=3") == 2
    assert "highly-compressed" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "amount"), [("500", 500), ("1,000", 1000), ("300MB", 300 * 1024**2),
                                              ("4 gb", 4 * 1024**3), ("64k", 65536)])
def test_limit_amounts_read_like_people_write_them(text, amount):
    assert parse_amount(text) == amount


def test_backslash_folders_are_folders_and_unsaveable_names_are_skipped(tmp_path):
    raw = build_zip([Member("District\\users.csv", USERS), Member("District\\CON.csv", USERS),
                     Member("District\\a|b.csv", USERS)])
    bundle = read_bundle(write(tmp_path, raw))
    assert list(bundle.files) == ["users.csv"]
    assert bundle.zip_folder == "District"
    assert sum(n.code == "read.skipped-member" for n in bundle.notices) == 2


def test_a_directory_that_points_past_the_data_is_refused(tmp_path):
    raw = bytearray(build_zip([Member("users.csv", USERS)]))
    at = raw.find(b"PK\x01\x02")
    struct.pack_into("<I", raw, at + 42, 10_000)  # the header offset
    with pytest.raises(BundleReadError, match="not a valid zip"):
        read_bundle(write(tmp_path, bytes(raw)))
