"""Excel export and import of a 100,000-row users file, against XlsxWriter and openpyxl floors.

Each floor writes the same values as text cells in streaming mode and nothing else: no Text
format, no escaping, no dropdowns, no guide sheet. Export runs on one core, so besides wall
time the CPU time ratio is given, which the other processes on a shared machine disturb less.

Run `python benchmarks/xlsx_bench.py`, or call run(tmpdir) -> dict of figures.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.table import Table
from rostereditor.core.xlsx.workbook_reader import read_workbook
from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx

ROWS = 100_000
REPEATS = 3
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


def _row_values(bundle: Bundle) -> tuple[list[str], list[tuple[str, ...]]]:
    table = bundle.table("users.csv")
    assert table is not None
    columns = [table.column_values(c) for c in range(table.column_count)]
    return table.header, list(zip(*columns, strict=True))


def xlsxwriter_floor(header: list[str], rows: list[tuple[str, ...]], path: Path) -> None:
    import xlsxwriter  # noqa: PLC0415

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("users")
    write = sheet.write_string
    for col, heading in enumerate(header):
        write(0, col, heading)
    for line, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if value:
                write(line, col, value)
    book.close()


def openpyxl_floor(header: list[str], rows: list[tuple[str, ...]], path: Path) -> None:
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook(write_only=True)
    sheet = book.create_sheet("users")
    sheet.append(header)
    for values in rows:
        sheet.append([v or None for v in values])
    book.save(path)


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def run(tmpdir: str | Path, rows: int = ROWS) -> dict[str, float]:
    with tempfile.TemporaryDirectory(dir=tmpdir) as scratch:
        return _measure(Path(scratch), rows)


def _measure(folder: Path, rows: int) -> dict[str, float]:
    bundle = _users_bundle(rows)
    header, values = _row_values(bundle)
    ours, floor, openpyxl = [], [], []
    for _ in range(REPEATS):  # interleaved so machine noise hits each alike
        floor.append(_timed(lambda: xlsxwriter_floor(header, values, folder / "floor.xlsx")))
        ours.append(_timed(lambda: write_bundle_xlsx(bundle, folder / "users.xlsx")))
        openpyxl.append(_timed(lambda: openpyxl_floor(header, values, folder / "openpyxl.xlsx")))
    started = time.perf_counter()
    back = read_workbook(folder / "users.xlsx")
    imported = time.perf_counter() - started
    table = back.table("users.csv")
    if table is None or len(table) != rows or table.row_values(rows - 1) != bundle.table(
            "users.csv").row_values(rows - 1):
        raise AssertionError("the workbook did not read back the same records")

    def median(samples: list[tuple[float, float]], which: int) -> float:
        return statistics.median(s[which] for s in samples)

    figures = {
        "rows": float(rows),
        "cells": float(rows * len(HEADER)),
        "export_s": median(ours, 0),
        "xlsxwriter_floor_s": median(floor, 0),
        "openpyxl_floor_s": median(openpyxl, 0),
        "export_cpu_s": median(ours, 1),
        "xlsxwriter_floor_cpu_s": median(floor, 1),
        "import_s": imported,
        "xlsx_megabytes": (folder / "users.xlsx").stat().st_size / 1e6,
    }
    figures["export_vs_xlsxwriter_ratio"] = figures["export_s"] / figures["xlsxwriter_floor_s"]
    figures["export_vs_xlsxwriter_cpu_ratio"] = figures["export_cpu_s"] / figures["xlsxwriter_floor_cpu_s"]
    figures["export_vs_openpyxl_ratio"] = figures["export_s"] / figures["openpyxl_floor_s"]
    return figures


def report(figures: dict[str, float]) -> None:
    f = figures
    print(f"export {f['rows']:.0f} users rows ({f['cells']:.0f} cells): {f['export_s']:.2f} s")
    print(f"  XlsxWriter floor {f['xlsxwriter_floor_s']:.2f} s: {f['export_vs_xlsxwriter_ratio']:.2f}x "
          f"(CPU time {f['export_vs_xlsxwriter_cpu_ratio']:.2f}x; target <= 1.2)")
    print(f"  openpyxl floor {f['openpyxl_floor_s']:.2f} s: {f['export_vs_openpyxl_ratio']:.2f}x")
    print(f"import {f['import_s']:.2f} s ({f['xlsx_megabytes']:.1f} MB workbook)")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        report(run(scratch))
