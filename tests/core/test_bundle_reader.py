"""Opening bundles from zips, folders and loose CSV files, and matching file names."""

import zipfile

import pytest

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.read_notice import BundleReadError

ORGS = (b"sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
        b"o1,,,North High,school,007,\r\n")
MANIFEST = b"propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\nfile.orgs,bulk\r\n"


def test_folder_and_loose_files_give_the_same_bundle(tmp_path):
    (tmp_path / "orgs.csv").write_bytes(ORGS)
    (tmp_path / "manifest.csv").write_bytes(MANIFEST)
    from_folder = read_bundle(tmp_path)
    from_files = read_bundle([tmp_path / "orgs.csv", tmp_path / "manifest.csv"])
    assert from_folder.source_kind == "folder"
    assert from_files.source_kind == "files"
    for bundle in (from_folder, from_files):
        assert bundle.table("orgs.csv").row_values(0)[5] == "007"
        assert bundle.detected_version == "1.1"


def test_wrong_case_file_name_is_recognised_and_reported_not_renamed(tmp_path):
    (tmp_path / "Orgs.csv").write_bytes(ORGS)
    bundle = read_bundle(tmp_path)
    file = bundle.files["orgs.csv"]
    assert file.original_name == "Orgs.csv"
    notice = next(n for n in bundle.notices if n.code == "read.file-name-case")
    assert "orgs.csv" in notice.message


def test_two_spellings_of_one_file_are_refused(tmp_path):
    path = tmp_path / "b.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("orgs.csv", ORGS)
        archive.writestr("ORGS.csv", ORGS)
    with pytest.raises(BundleReadError, match=r"allows one orgs\.csv"):
        read_bundle(path)


def test_no_manifest_means_oneroster_1_0(tmp_path):
    (tmp_path / "orgs.csv").write_bytes(ORGS)
    assert read_bundle(tmp_path).detected_version == "1.0"


def test_missing_path_and_non_csv_file_are_explained(tmp_path):
    with pytest.raises(BundleReadError, match="does not exist"):
        read_bundle(tmp_path / "nope.zip")
    other = tmp_path / "roster.txt"
    other.write_text("x")
    with pytest.raises(BundleReadError, match="not a CSV"):
        read_bundle(other)


def test_folder_without_csv_files_is_explained(tmp_path):
    with pytest.raises(BundleReadError, match="no CSV"):
        read_bundle(tmp_path)


def test_progress_is_reported_per_file_and_can_cancel(tmp_path):
    from rostereditor.core.bundle_reader import ReadCancelled

    (tmp_path / "orgs.csv").write_bytes(ORGS)
    (tmp_path / "manifest.csv").write_bytes(MANIFEST)
    seen: list[float] = []
    read_bundle(tmp_path, progress=lambda f: seen.append(f) or True)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert len(seen) == 3  # start, then once per file
    with pytest.raises(ReadCancelled):
        read_bundle(tmp_path, progress=lambda f: f < 0.5)
