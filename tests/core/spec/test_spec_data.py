"""The spec tables and vendor profiles as data."""

from __future__ import annotations

import pytest

from rostereditor.core.oneroster_files import DATA_FILES
from rostereditor.core.spec import spec_for
from rostereditor.core.validation import get_profile, list_profiles


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_file_of_the_version_is_described(version):
    spec = spec_for(version)
    assert sorted(spec.files) == sorted(DATA_FILES[version])
    for file in spec.files.values():
        assert file.columns
        assert all(c.description for c in file.columns)
        for column in file.columns:
            if column.kind in ("ref", "ref_list"):
                assert column.target in DATA_FILES[version], (file.name, column.name)


def test_version_differences():
    assert spec_for("1.0").file("enrollments.csv").column_names[5] == "status"
    assert spec_for("1.0").file("demographics.csv").key == "userSourcedId"
    assert "role" not in spec_for("1.2").file("users.csv").column_names
    assert spec_for("1.2").file("lineItems.csv").column("academicSessionSourcedId").required
    assert spec_for("1.1").file("classes.csv").column("schoolSourcedId").target_type.values == (
        "school",)
    with pytest.raises(KeyError):
        spec_for("2.0")


def test_profiles():
    names = [p.name for p in list_profiles()]
    assert names[0] == "1edtech"
    assert {"classlink", "renaissance", "greatminds", "naviance", "hmh", "stmath", "labaids",
            "microsoft-sds", "apple-school-manager"} <= set(names)
    assert get_profile("naviance").zip_name == "NavianceOneRoster.zip"
    assert get_profile("naviance").max_zip_bytes == 1024**3
    with pytest.raises(KeyError):
        get_profile("nope")
