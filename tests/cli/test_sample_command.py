"""`rostereditor sample`: writes the district zip, says what it wrote and where the damage is."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from rostereditor.cli.main import main
from rostereditor.core.bundle_writer import bundle_csv_files
from rostereditor.core.sample_district import generate_district

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_writes_a_readable_district_and_a_one_line_summary(tmp_path, capsys) -> None:
    out = tmp_path / "district.zip"
    assert main(["sample", "-o", str(out), "--students", "40", "--seed", "4"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1
    assert str(out) in printed[0]
    assert "40 students" in printed[0]
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        expected = bundle_csv_files(generate_district(40, seed=4).bundle)
        assert names == set(expected)
        for name in expected:
            assert archive.read(name) == expected[name], name


def test_damaged_lists_every_fault_with_file_line_and_column(tmp_path, capsys) -> None:
    out = tmp_path / "damaged.zip"
    assert main(["sample", "-o", str(out), "--students", "60", "--damaged"]) == 0
    printed = capsys.readouterr().out
    damage = generate_district(60, seed=1, damaged=True).damage
    assert damage
    for fault in damage:
        where = f"{fault.file} line {fault.line}" + (f", {fault.column}" if fault.column else "")
        assert where in printed
        assert fault.kind in printed


def test_bad_student_count_is_a_usage_error(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["sample", "-o", str(tmp_path / "x.zip"), "--students", "0"])
    assert stop.value.code == 2
    assert "at least 1" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()


def test_unwritable_output_exits_2_with_a_message_not_a_traceback(tmp_path) -> None:
    target = tmp_path / "no-such-folder" / "x.zip"
    result = subprocess.run(
        [sys.executable, "-m", "rostereditor", "sample", "-o", str(target), "--students", "5"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("resource", "damaged"), [
    ("sample-district.zip", False), ("sample-district-damaged.zip", True),
])
def test_bundled_samples_are_what_the_documented_command_makes(resource: str, damaged: bool) -> None:
    expected = bundle_csv_files(generate_district(300, seed=1, damaged=damaged).bundle)
    with zipfile.ZipFile(RESOURCES / resource) as archive:
        assert {n: archive.read(n) for n in archive.namelist()} == expected
