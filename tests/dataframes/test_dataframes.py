"""The pandas API: exact text in and out, findings as a DataFrame, clear errors for non-text."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest

pd = pytest.importorskip("pandas")
import pyarrow as pa  # noqa: E402

import rostereditor.dataframes as rdf  # noqa: E402
from rostereditor.core.bundle_reader import read_bundle  # noqa: E402
from rostereditor.core.table import Table  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-district-damaged.zip"
USERS = ("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
         "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\r\n")
MANIFEST_11 = ("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
               "file.users,bulk\r\n")


def write_folder(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def quiet_read(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rdf.ReadNoticeWarning)
        return rdf.read(source)


def test_every_cell_reads_as_the_exact_text_in_an_arrow_string_column(tmp_path):
    folder = write_folder(tmp_path / "b", {
        "users.csv": USERS + "007,,,TRUE,s1,student,jg,,José,García,,,,,,,09,\r\n",
        "manifest.csv": MANIFEST_11,
    })
    frames = rdf.read(folder)
    users = frames["users.csv"]
    assert list(frames) == ["users.csv", "manifest.csv"]
    assert all(dtype == pd.StringDtype("pyarrow") for dtype in users.dtypes)
    row = users.iloc[0]
    assert list(row[["sourcedId", "enabledUser", "grades", "givenName"]]) == ["007", "TRUE", "09", "José"]
    assert row["middleName"] == ""
    assert not users.isna().any().any()


def test_frames_share_the_text_buffer_read_from_the_file():
    bundle = read_bundle(SAMPLE)
    table = bundle.table("users.csv")
    assert table is not None
    frames = rdf.to_frames(bundle)
    source = table.column_array(0)
    source = source.chunk(0) if isinstance(source, pa.ChunkedArray) else source
    frame_column = pa.array(frames["users.csv"]["sourcedId"].array)
    frame_column = frame_column.chunk(0) if isinstance(frame_column, pa.ChunkedArray) else frame_column
    assert frame_column.buffers()[2].address == source.buffers()[2].address


def test_read_then_write_gives_back_every_file_byte_for_byte(tmp_path):
    frames = quiet_read(SAMPLE)
    out = rdf.write(frames, tmp_path / "again.zip")
    with zipfile.ZipFile(SAMPLE) as before, zipfile.ZipFile(out) as after:
        assert before.namelist() == after.namelist()
        for name in before.namelist():
            assert after.read(name) == before.read(name), name


def test_findings_are_the_same_for_a_path_a_bundle_and_frames():
    from_path = rdf.validate(SAMPLE)
    from_bundle = rdf.validate(read_bundle(SAMPLE))
    from_frames = rdf.validate(quiet_read(SAMPLE))
    assert list(from_path.columns) == list(rdf.FINDING_COLUMNS)
    assert from_path.equals(from_bundle)
    assert from_frames.equals(from_path)
    assert str(from_path["line"].dtype) == "Int64"
    grade = from_path[from_path["rule"] == "excel.grade-leading-zero"].iloc[0]
    assert list(grade[["file", "column", "value", "fix"]]) == ["classes.csv", "grades", "2", "02"]


def test_the_row_of_a_finding_is_its_position_in_the_files_frame():
    frames = quiet_read(SAMPLE)
    findings = rdf.validate(frames)
    for finding in findings.dropna(subset=["row", "column"]).itertuples():
        assert frames[finding.file].iloc[finding.row][finding.column] == finding.value


def test_frames_built_by_hand_need_their_version_said():
    users = pd.DataFrame({"sourcedId": ["u1"]}, dtype="string")
    with pytest.raises(ValueError, match=r"version='1\.1'"):
        rdf.validate({"users.csv": users})
    findings = rdf.validate({"users": users}, version="1.1")
    assert "header.missing-column" in set(findings["rule"])


def test_writing_non_text_says_where_and_what_to_do(tmp_path):
    good = {"sourcedId": pd.array(["u1", "u2"], dtype="string")}
    cases = [
        (pd.DataFrame({**good, "grades": [9, 10]}), "users.csv column grades holds int64 values, not text"),
        (pd.DataFrame({**good, "grades": pd.array(["09", None], dtype="string")}),
         "users.csv column grades has 1 missing value (NaN, None or NA), the first in row 1"),
        (pd.DataFrame({**good, "grades": np.array(["09", 10], dtype=object)}),
         "users.csv column grades, row 1 holds 10 (int), not text"),
        (pd.DataFrame(good).set_index("sourcedId"), "sourcedId is the DataFrame's index"),
        (pd.DataFrame({**good, 3: ["a", "b"]}), "column name 3 is not text"),
        (pd.DataFrame({**good, "name": pd.Series(["ok", "\ud800"], dtype=object)}),
         "cannot be written as UTF-8"),
    ]
    for frame, message in cases:
        with pytest.raises(rdf.FrameError) as caught:
            rdf.write({"users.csv": frame}, tmp_path / "out.zip", version="1.1")
        assert message in str(caught.value)
    assert not (tmp_path / "out.zip").exists()
    with pytest.raises(rdf.FrameError, match=r"Two frames are both users\.csv"):
        rdf.from_frames({"users": pd.DataFrame(good), "users.csv": pd.DataFrame(good)}, version="1.1")


def test_object_and_arrow_text_columns_are_accepted(tmp_path):
    frame = pd.DataFrame({
        "sourcedId": pd.Series(["u1", "u2"], dtype=object),
        "name": pd.array(["A", "B"], dtype=pd.ArrowDtype(pa.large_string())),
        "grades": pd.array(["09", ""], dtype="string[python]"),
    })
    out = rdf.write({"orgs.csv": frame}, tmp_path / "out", version="1.1")
    assert (out / "orgs.csv").read_bytes() == b"sourcedId,name,grades\r\nu1,A,09\r\nu2,B,\r\n"
    assert b"file.orgs,bulk" in (out / "manifest.csv").read_bytes()


def test_a_1_0_bundle_is_written_without_a_manifest(tmp_path):
    frame = pd.DataFrame({"sourcedId": ["o1"]}, dtype="string")
    out = rdf.write({"orgs.csv": frame}, tmp_path / "v10.zip", version="1.0")
    assert zipfile.ZipFile(out).namelist() == ["orgs.csv"]


def test_ragged_records_and_read_problems_come_as_warnings(tmp_path):
    folder = write_folder(tmp_path / "b", {"orgs.csv": "sourcedId,name\r\no1\r\no2,North,extra\r\n"})
    with pytest.warns(rdf.RaggedRecordsWarning, match="2 records do not have 2 values"):
        frames = quiet_read(folder)
    assert frames["orgs.csv"].to_dict("records") == [{"sourcedId": "o1", "name": ""},
                                                     {"sourcedId": "o2", "name": "North"}]
    with pytest.warns(rdf.ReadNoticeWarning, match="noticed"):
        rdf.read(SAMPLE)


def test_duplicate_header_names_are_kept_as_read(tmp_path):
    folder = write_folder(tmp_path / "b", {"orgs.csv": "sourcedId,name,name\r\no1,A,B\r\n"})
    frames = quiet_read(folder)
    assert list(frames["orgs.csv"].columns) == ["sourcedId", "name", "name"]
    out = rdf.write(frames, tmp_path / "out", version="1.1")
    assert (out / "orgs.csv").read_bytes() == b"sourcedId,name,name\r\no1,A,B\r\n"


def test_a_table_with_edits_and_several_chunks_becomes_a_frame():
    table = Table.from_rows(["sourcedId", "name"], [["o1", "A"], ["o2", "B"]])
    table.set_cell(1, 1, "Bee")
    table.insert_rows(2, [["o3", "C"]])
    from rostereditor.dataframes.table_frame import table_frame

    assert table_frame("orgs.csv", table).to_dict("list") == {"sourcedId": ["o1", "o2", "o3"],
                                                              "name": ["A", "Bee", "C"]}


def test_new_frame_lays_out_the_specs_columns_and_refuses_unknown_ones():
    sis = pd.DataFrame({"id": ["7", "8", "9"]}, dtype="string").iloc[1:]  # index 1, 2
    frame = rdf.new_frame("orgs.csv", {"sourcedId": sis["id"], "type": "school",
                                       "metadata.nces": ["a", "b"]})
    assert list(frame.columns) == ["sourcedId", "status", "dateLastModified", "name", "type",
                                   "identifier", "parentSourcedId", "metadata.nces"]
    assert frame.to_dict("list")["sourcedId"] == ["8", "9"]
    assert frame.to_dict("list")["type"] == ["school", "school"]
    assert frame.to_dict("list")["name"] == ["", ""]
    with pytest.raises(rdf.FrameError, match="has no column nces"):
        rdf.new_frame("orgs.csv", {"nces": ["a"]})
    with pytest.raises(rdf.FrameError, match="different lengths"):
        rdf.new_frame("orgs.csv", {"sourcedId": ["a"], "name": ["x", "y"]})
    with pytest.raises(rdf.FrameError, match=r"OneRoster 1\.1 has no roles\.csv"):
        rdf.new_frame("roles.csv", {})
    assert list(rdf.new_frame("roles.csv", {}, version="1.2").columns)[3] == "userSourcedId"
