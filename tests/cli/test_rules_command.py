"""`rostereditor rules` documents every rule the validator can report."""

from __future__ import annotations

import re
from pathlib import Path

from rostereditor.cli.main import main
from rostereditor.core import validation


def test_every_reported_rule_id_is_documented(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    package = Path(validation.__file__).parent
    files = [*package.glob("*.py"), package.parent / "stray_quotes.py"]
    source = "\n".join(p.read_text() for p in files)
    used = set(re.findall(r'"((?:value|excel|ref|unique|header|manifest|bundle|vendor|mode|'
                          r'class|enrollment|role|result|user|read)\.[a-z-]+)"', source))
    used -= {"manifest.csv"}
    assert used
    for rule in used:
        assert f"{rule}  (" in out, rule


def test_filter_by_prefix(capsys):
    assert main(["rules", "excel."]) == 0
    out = capsys.readouterr().out
    assert "excel.boolean-case" in out
    assert "value.enum" not in out
