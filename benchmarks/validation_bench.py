"""Validation speed on a large district: full run vs pyarrow's parse, and re-validation after edits.

Run standalone: python benchmarks/validation_bench.py district.zip
"""

from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

# Measure this checkout, not whichever copy of rostereditor is installed (an editable install
# may point at another clone).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.validation import BundleValidator


def _parse_baseline(bundle_path: Path) -> float:
    """Seconds for pyarrow to parse every CSV member, all columns as strings, after inflating."""
    with zipfile.ZipFile(bundle_path) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n.lower().endswith(".csv")}
    start = time.perf_counter()
    for raw in members.values():
        header = raw.split(b"\n", 1)[0].decode("utf-8-sig").strip().split(",")
        pacsv.read_csv(io.BytesIO(raw), convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False))
    return time.perf_counter() - start


def _timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def _break_every_row(bundle) -> None:
    """Make every enrollment and user wrong (bad role case and boolean case) in place."""
    for name, column, value in (("enrollments.csv", "role", "Student"),
                                ("users.csv", "enabledUser", "TRUE")):
        table = bundle.table(name)
        index = table.column_index(column)
        for row in range(len(table)):
            table.set_cell(row, index, value)


def run(bundle_path: Path) -> dict[str, float]:
    bundle_path = Path(bundle_path)
    figures: dict[str, float] = {"pyarrow_parse_s": _parse_baseline(bundle_path)}
    bundle = read_bundle(bundle_path)
    validator = BundleValidator(bundle)
    figures["full_validation_s"], result = _timed(validator.run)
    figures["full_findings"] = float(len(result.findings))
    enrollments = bundle.table("enrollments.csv")
    row = len(enrollments) // 2
    col = enrollments.column_index("classSourcedId")
    enrollments.set_cell(row, col, "no-such-class")
    figures["revalidate_one_cell_s"], result = _timed(
        lambda: validator.revalidate("enrollments.csv", [enrollments.row_id(row)]))
    classes = bundle.table("classes.csv")
    old = classes.cell(0, 0)
    classes.set_cell(0, 0, old + "-renamed")
    class_col = enrollments.column_index("classSourcedId")
    referencing = [r for r, v in enumerate(enrollments.column_values(class_col)) if v == old]
    for r in referencing:
        enrollments.set_cell(r, class_col, old + "-renamed")

    def rename() -> object:
        validator.revalidate("classes.csv", [classes.row_id(0)])
        return validator.revalidate("enrollments.csv", [enrollments.row_id(r) for r in referencing])

    figures["revalidate_class_rename_s"], result = _timed(rename)
    broken = read_bundle(bundle_path)
    _break_every_row(broken)
    broken_validator = BundleValidator(broken)
    figures["every_row_wrong_validation_s"], wrong = _timed(broken_validator.run)
    figures["every_row_wrong_findings"] = float(wrong.counts["error"])
    figures["every_row_wrong_materialize_s"], _ = _timed(lambda: len(wrong.findings))
    base = figures["pyarrow_parse_s"] or 1e-9
    figures["full_vs_parse_ratio"] = figures["full_validation_s"] / base
    figures["every_row_wrong_vs_parse_ratio"] = figures["every_row_wrong_validation_s"] / base
    for key, value in figures.items():
        print(f"{key:34} {value:12.4f}")
    return figures


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/validation_bench.py district.zip")
    run(Path(sys.argv[1]))
