"""Messages count in plain English ("1 error", "3 steps"), never "error(s)" or "step(s)"."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "rostereditor"
BRACKETED_PLURAL = re.compile(r"[A-Za-z]\((s|es)\)")


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module (f-strings included), with their line numbers."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return [(t.start[0], t.string) for t in tokens
            if t.type == tokenize.STRING and not t.string.lstrip("rRbBuUfF").startswith('"""')]


@pytest.mark.parametrize("folder", ["cli", "core", "dataframes"])
def test_no_message_counts_with_a_bracketed_plural(folder):
    found = [f"{path.relative_to(PACKAGE)}:{line}: {text}"
             for path in sorted((PACKAGE / folder).rglob("*.py"))
             for line, text in _strings(path) if BRACKETED_PLURAL.search(text)]
    assert found == []
