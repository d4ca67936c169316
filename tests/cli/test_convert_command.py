"""`rostereditor convert`: a converted zip, the report, and exit codes a script can rely on."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-district.zip"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rostereditor", *args], capture_output=True,
                          text=True, check=False)


def test_convert_to_1_2_writes_roles_and_reports_every_choice(tmp_path):
    out, report = tmp_path / "district-1.2.zip", tmp_path / "report.json"
    result = run_cli("convert", str(SAMPLE), "--to", "1.2", "-o", str(out), "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert "Converted OneRoster 1.1 to 1.2." in result.stdout
    assert "became siteAdministrator" in result.stdout
    assert "Checked as OneRoster 1.2 (1edtech): 0 errors, 0 warnings." in result.stdout
    with zipfile.ZipFile(out) as archive:
        assert "roles.csv" in archive.namelist()
        assert b"oneroster.version,1.2" in archive.read("manifest.csv")
        users_header = archive.read("users.csv").split(b"\r\n")[0]
        assert users_header.startswith(b"sourcedId,status,dateLastModified,enabledUser,username,")
    notes = json.loads(report.read_text(encoding="utf-8"))["notes"]
    assert {"kind": "changed", "file": "users.csv", "message": "moved orgSourcedIds and role to roles.csv",
            "count": 0, "examples": []} in notes


def test_convert_back_to_1_1_and_without_resource_ids(tmp_path):
    up, down = tmp_path / "up.zip", tmp_path / "down.zip"
    assert run_cli("convert", str(SAMPLE), "--to", "1.2", "-o", str(up),
                   "--users-without-resource-ids").returncode == 0
    with zipfile.ZipFile(up) as archive:
        assert b"resourceSourcedIds" not in archive.read("users.csv")
    result = run_cli("convert", str(up), "--to", "1.1", "-o", str(down))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(SAMPLE) as original, zipfile.ZipFile(down) as back:
        for name in original.namelist():
            assert back.read(name) == original.read(name), name


def test_convert_refuses_what_it_cannot_do_without_writing(tmp_path):
    out = tmp_path / "x.zip"
    result = run_cli("convert", str(SAMPLE), "--to", "1.1", "-o", str(out))
    assert result.returncode == 2
    assert "already OneRoster 1.1" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    result = run_cli("convert", str(tmp_path / "missing.zip"), "--to", "1.2", "-o", str(out))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_a_result_with_errors_is_written_and_exits_1(tmp_path):
    folder = tmp_path / "v10"
    folder.mkdir()
    # A term with no school year above it: 1.1's required schoolYear cannot be told.
    (folder / "academicSessions.csv").write_text(
        "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId\n"
        "t1,,,Fall,term,2024-08-15,2025-01-01,\n", encoding="utf-8")
    out = tmp_path / "v11.zip"
    result = run_cli("convert", str(folder), "--to", "1.1", "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert out.exists()
    assert "not part of a schoolYear session" in result.stdout
    assert "Checked as OneRoster 1.1 (1edtech): 1 error," in result.stdout
