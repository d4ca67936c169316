"""`rostereditor --help` and `--version` answer without loading the heavy libraries."""

import json
import subprocess
import sys

import pytest

# Each costs 0.1-0.4 s to import; none is needed to print help or the version.
HEAVY = ("pyarrow", "numpy", "openpyxl", "PySide6")

PROBE = """
import json, sys
from rostereditor.cli.main import main
sys.stdout = open(__import__("os").devnull, "w")
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout = sys.__stdout__
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["validate", "--help"]])
def test_help_and_version_import_no_heavy_library(args):
    # A fresh interpreter: this test process has long since imported everything.
    result = subprocess.run([sys.executable, "-c", PROBE, *args],
                            capture_output=True, text=True, timeout=120, check=True)
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    if args[0] == "validate":  # a command's own help may need its module, never the window
        assert "PySide6" not in loaded
        return
    assert not loaded & set(HEAVY), f"rostereditor {' '.join(args)} imported {loaded & set(HEAVY)}"


def test_help_still_lists_the_commands():
    result = subprocess.run([sys.executable, "-m", "rostereditor", "--help"],
                            capture_output=True, text=True, timeout=120, check=True)
    assert "validate" in result.stdout
    assert "--self-test" in result.stdout
