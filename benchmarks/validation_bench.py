"""Validation on a large district: full run against pyarrow's parse, re-checks after edits, findings.

Run on the every-row-wrong district (benchmarks/run.py --many-findings) for the many-findings
figures. Run standalone: python benchmarks/validation_bench.py district.zip
"""

from __future__ import annotations

import io
import statistics
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
from rostereditor.core.editing.cell_changes import CellChange, apply_changes
from rostereditor.core.table import Table
from rostereditor.core.validation import BundleValidator
from rostereditor.core.validation.findings_listing import FindingsListing


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


# Edits timed per kind; the median counts (one edit on a busy machine says little).
EDITS = 7


def _median_edit(edit: Callable[[int], Callable[[], object]]) -> tuple[float, float]:
    """Median wall and CPU seconds of EDITS re-checks; edit(i) makes the i-th change and
    returns the re-check to time (the window passes the edited column, and so does this)."""
    walls, cpus = [], []
    for i in range(EDITS):
        recheck = edit(i)
        cpu = time.process_time()
        wall, _ = _timed(recheck)
        walls.append(wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def run(bundle_path: Path | str) -> dict[str, float]:
    bundle_path = Path(bundle_path)
    figures: dict[str, float] = {"pyarrow_parse_s": _parse_baseline(bundle_path)}
    bundle = read_bundle(bundle_path)
    validator = BundleValidator(bundle)
    figures["full_validation_s"], result = _timed(validator.run)
    figures["findings"] = float(sum(result.counts.values()))  # type: ignore[attr-defined]
    # The problems list as the window arranges it (arrays, no Finding objects), and every
    # finding made one at a time, as a report writes them.
    figures["listing_s"], _ = _timed(lambda: FindingsListing.of_result(result))
    figures["stream_findings_s"], _ = _timed(lambda: sum(1 for _ in result.iter_findings()))
    enrollments = bundle.table("enrollments.csv")
    middle = len(enrollments) // 2
    ref = enrollments.column_index("classSourcedId")
    date = enrollments.column_index("beginDate")

    def one_cell(column: int, text: str) -> Callable[[int], Callable[[], object]]:
        def edit(i: int) -> Callable[[], object]:
            row = middle + 1000 * i
            enrollments.set_cell(row, column, text)
            return lambda: validator.revalidate("enrollments.csv", [enrollments.row_id(row)],
                                                [column])
        return edit

    figures["revalidate_one_cell_s"], figures["revalidate_one_cell_cpu_s"] = _median_edit(
        one_cell(ref, "no-such-class"))
    figures["revalidate_date_cell_s"], figures["revalidate_date_cell_cpu_s"] = _median_edit(
        one_cell(date, "8/27/2024"))
    classes = bundle.table("classes.csv")

    def rename(i: int) -> Callable[[], object]:
        old = classes.cell(i, 0)
        classes.set_cell(i, 0, old + "-renamed")
        referencing = pc.indices_nonzero(pc.equal(enrollments.column_array(ref), old)).to_pylist()
        for r in referencing:
            enrollments.set_cell(r, ref, old + "-renamed")

        def recheck() -> object:  # the class, then its enrollments (what Rename does)
            validator.revalidate("classes.csv", [classes.row_id(i)], [0])
            return validator.revalidate("enrollments.csv",
                                        [enrollments.row_id(r) for r in referencing], [ref])
        return recheck

    figures["revalidate_class_rename_s"], figures["revalidate_class_rename_cpu_s"] = \
        _median_edit(rename)
    figures["replace_all_cells"], figures["revalidate_replace_all_s"], \
        figures["revalidate_replace_all_cpu_s"] = _replace_all_recheck(validator, enrollments)
    figures["full_vs_parse_ratio"] = figures["full_validation_s"] / (figures["pyarrow_parse_s"] or 1e-9)
    figures["validate_json_peak_mb"] = json_report_peak_mb(bundle_path)
    return figures


def _replace_all_recheck(validator: BundleValidator, enrollments: Table) -> tuple[float, float, float]:
    """Replace all over a fifth of the enrollments' school references (about 190,000 cells at
    100k students), re-checked as the session does it: one batch for the file."""
    school = enrollments.column_index("schoolSourcedId")
    assert school is not None
    rows = range(0, len(enrollments), 5)
    changes = [CellChange(enrollments.row_id(r), school, old, old + "-moved")
               for r, old in zip(rows, enrollments.column_array(school).take(
                   pa.array(rows)).to_pylist(), strict=True)]
    touched = apply_changes(enrollments, changes)
    cpu = time.process_time()
    wall, _ = _timed(lambda: validator.revalidate("enrollments.csv", touched, [school]))
    return float(len(changes)), wall, time.process_time() - cpu


def report(figures: dict[str, float]) -> None:
    for key, value in figures.items():
        print(f"{key:34} {value:12.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/validation_bench.py district.zip")
    report(run(Path(sys.argv[1])))
