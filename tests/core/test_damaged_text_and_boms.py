"""Damaged UTF-16 is refused with where it is damaged; byte order marks follow one rule everywhere."""

import codecs
import zipfile

import pytest

from rostereditor.cli.main import main
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import bundle_csv_files
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.text_decoding import decode_csv_bytes

GOOD = "sourcedId,givenName\r\nu1,Zoë\r\n"
LE, BE = codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE


HEAD_LE = LE + "sourcedId,givenName\r\nu1,".encode("utf-16-le")


@pytest.mark.parametrize(("raw", "at"), [
    (HEAD_LE + b"Z", len(HEAD_LE)),  # odd length: cut off in the middle of a character
    (HEAD_LE + b"\x00\xdc" + b"a\x00", len(HEAD_LE)),  # a lone low surrogate
    (BE + "sourcedId\r\n".encode("utf-16-be") + b"\xd8\x00\x00a", 24),  # high surrogate, no low one
    (LE + b"\x00\xd8", 2),  # a BOM followed by half a surrogate pair
])
def test_damaged_utf16_says_where_and_exits_2(tmp_path, capsys, raw, at):
    path = tmp_path / "users.csv"
    path.write_bytes(raw)
    with pytest.raises(BundleReadError, match=rf"UTF-16 .*but damaged at byte {at}\b"):
        read_bundle(path)
    for command in (["pack", str(path), "-o", str(tmp_path / "o.zip")], ["validate", str(path)]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert f"damaged at byte {at}" in err
        assert "Traceback" not in err
        assert "UnicodeDecodeError" not in err


def test_whole_utf16_is_still_converted():
    decoded = decode_csv_bytes(LE + GOOD.encode("utf-16-le"), "users.csv")
    assert bytes(decoded.data) == GOOD.encode("utf-8")


@pytest.mark.parametrize("body", [
    GOOD,  # well formed: the fast parser
    "sourcedId,givenName\r\n\r\nu1,Zoë\r\n",  # a blank line: the careful parser
])
def test_two_boms_are_both_dropped_whichever_parser_reads_the_file(tmp_path, body):
    path = tmp_path / "users.csv"
    path.write_bytes(codecs.BOM_UTF8 * 2 + body.encode("utf-8"))
    bundle = read_bundle(path)
    assert bundle.table("users.csv").header == ["sourcedId", "givenName"]
    notice = next(n for n in bundle.notices if n.code == "read.bom")
    assert "2 UTF-8 byte order marks" in notice.message


def test_a_bom_inside_utf16_text_is_dropped_too(tmp_path):
    path = tmp_path / "users.csv"
    path.write_bytes(LE + ("\ufeff" + GOOD).encode("utf-16-le"))
    assert read_bundle(path).table("users.csv").header == ["sourcedId", "givenName"]


def test_the_writer_never_starts_a_file_with_a_bom_and_keeps_the_name_exact(tmp_path):
    path = tmp_path / "users.csv"
    path.write_text(GOOD, encoding="utf-8", newline="")
    bundle = read_bundle(path)
    bundle.table("users.csv").rename_column(0, "\ufeff\ufeffsourcedId")
    saved = bundle_csv_files(bundle, "1.1")["users.csv"]
    assert saved.startswith('"\ufeff\ufeffsourcedId",'.encode())  # quoted: the file starts with "
    (tmp_path / "back.csv").write_bytes(saved)
    assert read_bundle(tmp_path / "back.csv").table("back.csv").header[0] == "\ufeff\ufeffsourcedId"
    out = tmp_path / "out.zip"
    assert main(["pack", str(path), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        assert all(not archive.read(n).startswith(codecs.BOM_UTF8) for n in archive.namelist())


def test_a_file_of_unmapped_bytes_costs_one_pass_and_a_capped_list(tmp_path):
    path = tmp_path / "users.csv"
    path.write_bytes(b"sourcedId\r\n" + b"\x81" * 2_000_000 + b"\r\n")  # 0x81: no cp1252 character
    bundle = read_bundle(path)
    notices = [n for n in bundle.notices if n.code == "read.undecodable-byte"]
    assert len(notices) == 101
    assert notices[0].line == 2
    assert "more bytes" in notices[-1].message
