"""Time exporting and importing a 100,000-row users file through .xlsx (streaming openpyxl modes).

Run `python benchmarks/xlsx_bench.py`, or call run(tmpdir) -> dict of seconds.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.table import Table
from rostereditor.core.xlsx.workbook_reader import read_workbook
from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx

ROWS = 100_000
HEADER = [
    "sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role",
    "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email",
    "sms", "phone", "agentSourcedIds", "grades", "password",
]


def _users_bundle(rows: int) -> Bundle:
    def row(i: int) -> list[str]:
        return [
            f"{i:08d}", "", "", "true", "00870", "student", f"s{i:06d}", "", f"Given{i % 97}",
            f"Family{i % 211}", "", f"{i:012d}", f"s{i}@example.org", "", "", "",
            f"{i % 12 + 1:02d}", "",
        ]

    table = Table.from_rows(HEADER, (row(i) for i in range(rows)))
    return Bundle(files={"users.csv": BundleFile("users.csv", "users.csv", table)})


def run(tmpdir: str | Path, rows: int = ROWS) -> dict[str, float]:
    bundle = _users_bundle(rows)
    path = Path(tmpdir) / "users.xlsx"
    start = time.perf_counter()
    write_bundle_xlsx(bundle, path)
    exported = time.perf_counter()
    back = read_workbook(path)
    imported = time.perf_counter()
    table = back.table("users.csv")
    if table is None or len(table) != rows or table.row_values(rows - 1) != bundle.table(
            "users.csv").row_values(rows - 1):
        raise AssertionError("the workbook did not read back the same records")
    return {
        "rows": float(rows),
        "cells": float(rows * len(HEADER)),
        "export_seconds": round(exported - start, 2),
        "import_seconds": round(imported - exported, 2),
        "xlsx_megabytes": round(path.stat().st_size / 1e6, 1),
    }


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        for key, value in run(folder).items():
            print(f"{key}: {value:g}")
