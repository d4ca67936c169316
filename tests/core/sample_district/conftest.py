"""Shared fixtures: one small clean district and its damaged twin, written and read back as plain CSV."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.sample_district import GeneratedDistrict, generate_district

SMALL = 300


def read_zip_rows(path: Path) -> dict[str, list[list[str]]]:
    """Every CSV in a zip as lists of fields, parsed by the standard library (not our reader)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"), newline="")))
            for name in archive.namelist()
        }


@pytest.fixture(scope="session")
def clean_district() -> GeneratedDistrict:
    return generate_district(SMALL, seed=3)


@pytest.fixture(scope="session")
def damaged_district() -> GeneratedDistrict:
    return generate_district(SMALL, seed=3, damaged=True)


@pytest.fixture(scope="session")
def clean_zip(clean_district: GeneratedDistrict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("clean") / "district.zip"
    write_bundle_zip(clean_district.bundle, path)
    return path


@pytest.fixture(scope="session")
def clean_rows(clean_zip: Path) -> dict[str, list[list[str]]]:
    return read_zip_rows(clean_zip)


@pytest.fixture(scope="session")
def damaged_rows(
    damaged_district: GeneratedDistrict, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[list[str]]]:
    path = tmp_path_factory.mktemp("damaged") / "district.zip"
    write_bundle_zip(damaged_district.bundle, path)
    return read_zip_rows(path)
