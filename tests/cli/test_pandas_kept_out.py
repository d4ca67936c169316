"""The window and the commands never load pandas, even when `rostereditor[pandas]` installed it.

pyarrow imports pandas on its first compute call when it can: 0.5-1 s and ~100 MB the editor
and the commands have no use for (the frozen app leaves pandas out altogether).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pandas")  # the guard only means something where pandas is installed

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-district-damaged.zip"


def run_python(code: str, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_command_runs_without_importing_pandas(tmp_path):
    recipe = 'format = 1\n[[step]]\naction = "rule-fix"\nrule = "excel.boolean-case"\n'
    (tmp_path / "r.toml").write_text(recipe, encoding="utf-8")
    sample = str(SAMPLE)
    commands = [
        ["validate", sample, "-o", "v.txt"], ["validate", sample, "--format", "csv", "-o", "v.csv"],
        ["pack", sample, "-o", "p.zip"], ["sample", "--students", "20", "-o", "s.zip"],
        ["convert", sample, "--to", "1.2", "-o", "c.zip"], ["apply", "r.toml", sample, "-o", "a.zip"],
        ["export", sample, "-o", "e.xlsx"], ["import", "e.xlsx", "-o", "i.zip"], ["rules"],
        ["compare", sample, "p.zip", "-o", "c.txt"], ["delta", sample, "a.zip", "-o", "d.zip"],
        ["summary", sample, "-o", "s.txt"],
    ]
    code = ("import sys\nfrom rostereditor.cli.main import main\n"
            f"for args in {commands!r}:\n"
            "    main(args)\n"
            "    assert 'pandas' not in sys.modules, args\n")
    run_python(code, tmp_path)


def test_the_window_opens_checks_edits_and_saves_without_importing_pandas(tmp_path):
    code = ("import sys\nfrom rostereditor.ui import MainWindow\n"
            "assert 'pandas' not in sys.modules, 'importing the window'\n"
            "from rostereditor.cli.main import main\n"
            "code = main(['--self-test', '--report', 'self-test.json'])\n"
            "assert code == 0, code\n"
            "assert 'pandas' not in sys.modules, 'the self-test'\n")
    run_python(code, tmp_path)


def test_pandas_works_in_a_script_after_a_command_ran_in_its_process(tmp_path):
    code = ("from rostereditor.cli.main import main\n"
            f"main(['validate', {str(SAMPLE)!r}, '-o', 'v.txt'])\n"
            "import warnings, rostereditor.dataframes as rdf\n"
            "warnings.simplefilter('ignore')\n"
            f"frames = rdf.read({str(SAMPLE)!r})\n"
            "assert len(rdf.validate(frames)) > 0\n"
            "rdf.write(frames, 'out.zip')\n")
    run_python(code, tmp_path)
