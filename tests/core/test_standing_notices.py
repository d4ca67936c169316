"""A reader's notice about the header stops being shown once the header no longer has it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.standing_notices import standing_notices

COURSES = "sourcedId,title,\r\nc1,Maths,\r\n"


def bundle_with(tmp_path: Path, courses: str):
    path = tmp_path / "bundle.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("courses.csv", courses)
    path.write_bytes(buffer.getvalue())
    return read_bundle(path)


def codes(bundle) -> list[str]:
    return [n.code for n in standing_notices(bundle, bundle.notices)]


def test_a_blank_column_name_stands_until_that_column_is_deleted(tmp_path):
    bundle = bundle_with(tmp_path, COURSES)
    assert "read.blank-header" in codes(bundle)
    bundle.table("courses.csv").delete_column(2)
    assert "read.blank-header" not in codes(bundle)


def test_a_repeated_column_name_stands_until_it_is_renamed(tmp_path):
    bundle = bundle_with(tmp_path, "sourcedId,title,title\r\nc1,Maths,Algebra\r\n")
    assert "read.duplicate-header" in codes(bundle)
    table = bundle.table("courses.csv")
    table.delete_column(2)
    assert "read.duplicate-header" not in codes(bundle)


def test_other_notices_are_kept(tmp_path):
    bundle = bundle_with(tmp_path, COURSES)
    other = [n for n in bundle.notices if n.code != "read.blank-header"]
    bundle.table("courses.csv").delete_column(2)
    assert standing_notices(bundle, bundle.notices) == other
