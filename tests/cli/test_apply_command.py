"""`rostereditor apply`: replay a recipe on a new export and say what each step changed."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-district-damaged.zip"
RECIPE = """\
format = 1
title = "Nightly"

[[step]]
action = "rule-fix"
rule = "excel.boolean-case"

[[step]]
action = "rule-fix"
rule = "excel.locale-date"
file = "orgs.csv"

[[step]]
action = "delete-column"
file = "courses.csv"
column = ""
"""


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rostereditor", *args], capture_output=True,
                          text=True, check=False)


def test_apply_fixes_reports_each_step_and_writes_the_zip(tmp_path):
    recipe, out, report = tmp_path / "nightly.toml", tmp_path / "fixed.zip", tmp_path / "report.json"
    recipe.write_text(RECIPE, encoding="utf-8")
    result = run_cli("apply", str(recipe), str(SAMPLE), "-o", str(out), "--report", str(report))
    assert result.returncode == 1, result.stderr  # other damage is still there
    assert "Applied recipe 'Nightly': 3 steps" in result.stdout
    assert "1. Fix “TRUE/FALSE in capitals” (excel.boolean-case) everywhere: 3 changes" in result.stdout
    assert "users.csv line 667, enabledUser: 'TRUE' → 'true'" in result.stdout
    assert "2. Fix “Date in spreadsheet form” (excel.locale-date) in orgs.csv: no changes" in result.stdout
    assert "note: matched nothing" in result.stdout
    with zipfile.ZipFile(out) as archive:
        assert archive.read("courses.csv").split(b"\r\n")[0].endswith(b"subjectCodes")
        assert b",TRUE," not in archive.read("users.csv")
    steps = json.loads(report.read_text(encoding="utf-8"))["steps"]
    assert [s["changed"] for s in steps] == [3, 0, 1]


def test_a_broken_recipe_is_refused_before_anything_is_read_or_written(tmp_path):
    recipe, out = tmp_path / "bad.toml", tmp_path / "fixed.zip"
    recipe.write_text('format = 1\n[[step]]\naction = "fix-everything"\n', encoding="utf-8")
    result = run_cli("apply", str(recipe), str(SAMPLE), "-o", str(out))
    assert result.returncode == 2
    assert "step 1: action = 'fix-everything' is not one of" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
