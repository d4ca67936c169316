"""Export writes only sheet names Excel and our import accept, and import gives back every file name."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.table import Table
from rostereditor.core.xlsx.sheet_names import export_sheet_names, is_valid_sheet_name
from rostereditor.core.xlsx.workbook_reader import list_sheets, read_workbook
from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx


def bundle_of(names: list[str]) -> Bundle:
    files = {}
    for index, name in enumerate(names):
        table = Table.from_rows(["sourcedId", "note"], [[f"id{index}", name]])
        files[name] = BundleFile(name, name, table)
    return Bundle(files=files)


def round_trip(names: list[str], folder: Path) -> tuple[list[str], Bundle]:
    path = folder / "book.xlsx"
    write_bundle_xlsx(bundle_of(names), path)
    return list_sheets(path), read_workbook(path)


ODD_NAMES = [
    "History.csv",  # Excel reserves the sheet name History
    "users .csv",  # a trailing space, which Excel drops
    "a-file-name-that-is-thirty-two-c.csv",  # 32 characters before .csv
    "a-file-name-that-is-thirty-two-d.csv",  # the same once cut to 31
    "'quoted'.csv",  # Excel refuses a sheet name starting or ending with an apostrophe
    "[a]:b*c?d.csv",  # characters no sheet name may hold
    "How to edit.csv",  # the name of our own guide sheet
    "ALLOWED VALUES.csv",  # our hidden lists sheet, in other case
    "élèves 2024.csv",
    "users.csv",
]


def test_every_odd_file_name_comes_back_with_its_values(tmp_path):
    sheets, back = round_trip(ODD_NAMES, tmp_path)
    assert sorted(back.files) == sorted(ODD_NAMES)
    for index, name in enumerate(ODD_NAMES):
        assert back.table(name).row_values(0) == [f"id{index}", name]
    assert all(is_valid_sheet_name(s) for s in sheets)
    assert len({s.lower() for s in sheets}) == len(sheets)


@pytest.mark.parametrize("name", ["History", "history", "users ", " x", "'a", "a'", "a" * 32, "a:b", ""])
def test_names_excel_refuses_are_recognised(name):
    assert not is_valid_sheet_name(name)


def test_oneroster_files_keep_their_plain_sheet_names_and_need_no_record(tmp_path):
    sheets, _ = round_trip(["users.csv", "classes.csv"], tmp_path)
    assert sorted(s for s in sheets if s not in ("How to edit", "Allowed values")) == ["classes", "users"]
    with zipfile.ZipFile(tmp_path / "book.xlsx") as archive:
        assert "docProps/custom.xml" not in archive.namelist()


def test_a_recorded_file_name_that_points_elsewhere_is_ignored(tmp_path):
    path = tmp_path / "book.xlsx"
    write_bundle_xlsx(bundle_of(["History.csv"]), path)
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(b"History.csv", b"../evil.csv")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(BundleReadError, match="not named after a OneRoster file"):
        read_workbook(path)


FILE_NAME = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                                           exclude_characters="/\\"), min_size=1, max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stems=st.lists(FILE_NAME, min_size=1, max_size=4, unique_by=str.lower))
def test_export_then_import_keeps_any_file_names(stems):
    names = [stem + ".csv" for stem in stems]
    with tempfile.TemporaryDirectory() as folder:
        sheets, back = round_trip(names, Path(folder))
    assert sorted(back.files) == sorted(names)
    assert all(is_valid_sheet_name(s) for s in sheets)


def test_sheet_names_stay_unique_however_many_collide():
    names = export_sheet_names([f"{'x' * 40}{i}.csv" for i in range(12)])
    assert len({n.lower() for n in names.values()}) == 12
    assert all(is_valid_sheet_name(n) for n in names.values())
