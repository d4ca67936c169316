"""Validation on a large district: full run against pyarrow's parse, re-checks after edits, findings.

Run on the every-row-wrong district (benchmarks/run.py --many-findings) for the many-findings
figures. Run standalone: python benchmarks/validation_bench.py district.zip
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
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


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


_JSON_REPORT_PROBE = """
import sys
sys.path.insert(0, sys.argv[3])
from rostereditor.cli.main import main
main(["validate", sys.argv[1], "--format", "json", "-o", sys.argv[2]])
with open('/proc/self/status') as f:
    print(next(int(l.split()[1]) * 1024 for l in f if l.startswith('VmHWM:')))
"""


def json_report_peak_mb(bundle_path: Path) -> float:
    """Peak memory of `rostereditor validate --format json -o FILE`, in its own process."""
    repo = str(Path(__file__).resolve().parents[1])
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run([sys.executable, "-c", _JSON_REPORT_PROBE, str(bundle_path),
                               str(Path(folder) / "report.json"), repo],
                              capture_output=True, text=True, check=True)
    return int(done.stdout.strip().splitlines()[-1]) / 1e6


def run(bundle_path: Path | str) -> dict[str, float]:
    bundle_path = Path(bundle_path)
    figures: dict[str, float] = {"pyarrow_parse_s": _parse_baseline(bundle_path)}
    bundle = read_bundle(bundle_path)
    validator = BundleValidator(bundle)
    figures["full_validation_s"], result = _timed(validator.run)
    figures["findings"] = float(sum(result.counts.values()))  # type: ignore[attr-defined]
    # Hook for columnar findings: today every finding becomes an object here.
    figures["list_findings_s"], _ = _timed(lambda: len(result.findings))  # type: ignore[attr-defined]
    enrollments = bundle.table("enrollments.csv")
    row = len(enrollments) // 2
    col = enrollments.column_index("classSourcedId")
    enrollments.set_cell(row, col, "no-such-class")
    figures["revalidate_one_cell_s"], _ = _timed(
        lambda: validator.revalidate("enrollments.csv", [enrollments.row_id(row)]))
    classes = bundle.table("classes.csv")
    old = classes.cell(0, 0)
    classes.set_cell(0, 0, old + "-renamed")
    class_col = enrollments.column_index("classSourcedId")
    referencing = pc.indices_nonzero(pc.equal(enrollments.column_array(class_col), old)).to_pylist()
    for r in referencing:
        enrollments.set_cell(r, class_col, old + "-renamed")

    def rename() -> object:
        validator.revalidate("classes.csv", [classes.row_id(0)])
        return validator.revalidate("enrollments.csv", [enrollments.row_id(r) for r in referencing])

    figures["revalidate_class_rename_s"], _ = _timed(rename)
    figures["full_vs_parse_ratio"] = figures["full_validation_s"] / (figures["pyarrow_parse_s"] or 1e-9)
    figures["validate_json_peak_mb"] = json_report_peak_mb(bundle_path)
    return figures


def report(figures: dict[str, float]) -> None:
    for key, value in figures.items():
        print(f"{key:34} {value:12.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/validation_bench.py district.zip")
    report(run(Path(sys.argv[1])))
