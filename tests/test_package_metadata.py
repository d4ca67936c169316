"""The installed package must contain every code package and the runtime resources."""

import tomllib
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_package_is_listed_for_installation():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "rostereditor").rglob("__init__.py")
    }
    assert on_disk | {"rostereditor.resources"} == listed


def test_runtime_resources_are_found_through_the_package():
    resources = files("rostereditor.resources")
    assert resources.joinpath("sample-district.zip").is_file()
    assert resources.joinpath("sample-district-damaged.zip").is_file()
    assert resources.joinpath("icons").joinpath("open.svg").is_file()
