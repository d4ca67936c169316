"""Encodings: BOMs never leak into headers; Excel's legacy code pages are recognised."""

import codecs

from rostereditor.core.bundle_reader import read_bundle


def read_single(tmp_path, raw: bytes):
    path = tmp_path / "users.csv"
    path.write_bytes(raw)
    bundle = read_bundle(path)
    return bundle, bundle.files["users.csv"]


def test_utf8_bom_is_not_part_of_the_first_header(tmp_path):
    bundle, file = read_single(tmp_path, codecs.BOM_UTF8 + "sourcedId,givenName\nu1,José\n".encode())
    assert file.table.header[0] == "sourcedId"
    assert file.had_bom
    assert file.table.cell(0, 1) == "José"
    assert any(n.code == "read.bom" for n in bundle.notices)


def test_windows_1252_file_keeps_accented_names_and_is_reported(tmp_path):
    raw = "sourcedId,givenName,familyName\nu1,José,Muñoz\nu2,Zoë,Ångström\n".encode("cp1252")
    bundle, file = read_single(tmp_path, raw)
    assert file.encoding == "cp1252"
    assert file.table.row_values(0) == ["u1", "José", "Muñoz"]
    assert file.table.row_values(1) == ["u2", "Zoë", "Ångström"]
    warning = next(n for n in bundle.notices if n.code == "read.encoding-converted")
    assert warning.file == "users.csv"
    assert "Windows-1252" in warning.message


def test_mac_roman_file_is_recognised(tmp_path):
    raw = "sourcedId,givenName\nu1,José\nu2,François\n".encode("mac_roman")
    _, file = read_single(tmp_path, raw)
    assert file.encoding == "mac_roman"
    assert file.table.cell(1, 1) == "François"


def test_undecodable_byte_is_kept_and_reported_with_its_line(tmp_path):
    raw = b"sourcedId,givenName\nu1,Jos\xe9\nu2,bad\x81byte\n"  # 0x81 is undefined in cp1252
    bundle, file = read_single(tmp_path, raw)
    assert file.table.cell(1, 1) == "bad\x81byte"
    notice = next(n for n in bundle.notices if n.code == "read.undecodable-byte")
    assert notice.line == 3


def test_utf16_from_excel_unicode_text_is_converted(tmp_path):
    raw = "sourcedId,givenName\r\nu1,王\r\n".encode("utf-16")
    bundle, file = read_single(tmp_path, raw)
    assert file.table.row_values(0) == ["u1", "王"]
    assert any(n.code == "read.encoding-converted" for n in bundle.notices)
