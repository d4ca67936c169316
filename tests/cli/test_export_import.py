"""`rostereditor export` and `rostereditor import`: bundle -> workbook -> the very same bundle."""

from __future__ import annotations

import zipfile

from openpyxl import Workbook, load_workbook

from rostereditor.cli.main import main

USERS = (b"sourcedId,status,enabledUser,role,givenName,grades\r\n"
         b"007,,true,student,=1+1,09\r\n"
         b"1E5,,false,teacher, Jos\xc3\xa9,\"09,10\"\r\n")


def _bundle_zip(tmp_path):
    path = tmp_path / "in.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("users.csv", USERS)
        archive.writestr("manifest.csv", "propertyName,value\r\nmanifest.version,1.0\r\n"
                         "oneroster.version,1.1\r\nfile.users,bulk\r\n")
    return path


def test_export_then_import_gives_back_identical_files(tmp_path, capsys):
    source = _bundle_zip(tmp_path)
    assert main(["export", str(source), "-o", str(tmp_path / "book.xlsx")]) == 0
    assert main(["import", str(tmp_path / "book.xlsx"), "-o", str(tmp_path / "out.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.read("users.csv") == USERS
    assert "Wrote" in capsys.readouterr().out


def test_export_one_file(tmp_path):
    source = _bundle_zip(tmp_path)
    assert main(["export", str(source), "-o", str(tmp_path / "u.xlsx"), "--file", "users.csv"]) == 0
    book = load_workbook(tmp_path / "u.xlsx", read_only=True)
    names = book.sheetnames
    book.close()  # read-only workbooks keep the file open until closed
    assert names[:2] == ["How to edit", "users"]


def test_import_a_single_sheet_as_a_chosen_file(tmp_path, capsys):
    book = Workbook()
    book.active.title = "Export from SIS"
    book.active.append(["sourcedId", "grades"])
    book.active.append([123, 9])
    book.active["A2"].number_format = "00000"
    book.save(tmp_path / "sis.xlsx")
    assert main(["import", str(tmp_path / "sis.xlsx"), "-o", str(tmp_path / "out.zip")]) == 2
    assert "--sheet 'Export from SIS' --as users.csv" in capsys.readouterr().err
    code = main(["import", str(tmp_path / "sis.xlsx"), "-o", str(tmp_path / "out.zip"),
                 "--sheet", "Export from SIS", "--as", "users.csv"])
    assert code == 0
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.read("users.csv") == b"sourcedId,grades\r\n00123,9\r\n"
    err = capsys.readouterr().err
    assert "B2" in err  # the grade stored as a number is reported, with its cell
    assert "Traceback" not in err


def test_bad_input_exits_2_with_a_message_not_a_traceback(tmp_path, capsys):
    (tmp_path / "fake.xlsx").write_bytes(b"PK\x03\x04 not really")
    assert main(["import", str(tmp_path / "fake.xlsx"), "-o", str(tmp_path / "o.zip")]) == 2
    assert main(["export", str(tmp_path / "missing.zip"), "-o", str(tmp_path / "o.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "not an Excel workbook" in err
    assert "does not exist" in err
    assert not (tmp_path / "o.zip").exists()
