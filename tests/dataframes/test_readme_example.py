"""The README's pandas example runs as printed and writes a bundle that validates clean."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

pytest.importorskip("pandas")

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.validation import BundleValidator

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- example: sis-to-oneroster .*?-->\n```python\n(.*?)```", text, re.S)
    assert found, "the README lost its pandas example"
    return found.group(1)


def test_the_readme_example_builds_a_clean_bundle_from_an_sis_export(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(readme_example(), "README.md", "exec"), {})
    bundle = read_bundle(tmp_path / "district.zip")
    assert BundleValidator(bundle).run().counts == {"error": 0, "warning": 0, "info": 0}
    users = bundle.table("users.csv")
    assert users is not None
    assert users.row_values(0)[:4] == ["007", "", "", "true"]
    assert users.row_values(0)[users.column_index("grades")] == "09"
    assert printed.getvalue().strip() == "Empty DataFrame\nColumns: [file, line, column, message]\nIndex: []"
