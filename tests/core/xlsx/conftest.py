"""Fixtures for building workbooks the way Excel leaves them (formulas with saved results)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest


def _set_cached_results(path: Path, results: dict[str, tuple[str, str]]) -> None:
    """Give formula cells a saved result, as Excel does; openpyxl itself never writes one.

    results maps a cell address to (type, value): ("n", "2") or ("str", "007").
    """
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    name = "xl/worksheets/sheet1.xml"
    xml = members[name].decode()
    for address, (kind, value) in results.items():
        pattern = re.compile(rf'<c r="{address}"([^>]*)><f>(.*?)</f><v ?/>(</v>)?</c>')
        kind_attr = ' t="str"' if kind == "str" else ""
        xml, count = pattern.subn(
            lambda m, a=address, k=kind_attr, v=value: f'<c r="{a}"{m.group(1)}{k}><f>{m.group(2)}</f>'
            f"<v>{v}</v></c>",
            xml,
        )
        assert count == 1, address
    members[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)


@pytest.fixture
def set_cached_results():
    return _set_cached_results
