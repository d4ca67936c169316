"""Benchmark reading and writing a bundle against floors measured in the same run, and peak memory.

Floors: zipfile + pyarrow's CSV parser for reading; polars writing the same CSV bytes into a
deflated zip for writing (`pack`); the stdlib csv module too, on districts small enough to
hold as Python lists. Peak memory covers reading, validating (findings kept, then listed) and
writing, in a fresh process.

Run alone: python benchmarks/core_bench.py DISTRICT.zip
"""

from __future__ import annotations

import csv
import io
import json
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
import pyarrow.csv as pa_csv

# Measure this checkout, not whichever copy of rostereditor is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rostereditor.core.arrow_memory import use_returning_allocator
from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import planned_files, write_bundle_zip
from rostereditor.core.csv_format import format_record

# Above this much CSV the stdlib csv floor (every row as Python lists) takes minutes and
# gigabytes; polars is the floor that counts, so that one is skipped.
STDLIB_FLOOR_MAX_MB = 300


def _repeats(csv_mb: float) -> int:
    return 3 if csv_mb < 400 else 1


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _timed_cpu(fn: Callable[[], object], cpu: list[float]) -> float:
    """Wall seconds; the process's CPU seconds (every thread's) are appended to cpu."""
    started = time.process_time()
    wall = _timed(fn)
    cpu.append(time.process_time() - started)
    return wall


def baseline_parse(bundle_path: Path) -> None:
    """Inflate every member with zipfile and parse it with pyarrow, all columns as strings."""
    with zipfile.ZipFile(bundle_path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            header = next(csv.reader(io.StringIO(data[: 1 << 16].decode("utf-8", "ignore"))))
            pa_csv.read_csv(
                pa.py_buffer(data),
                convert_options=pa_csv.ConvertOptions(
                    column_types={h: pa.string() for h in header},
                    strings_can_be_null=False, quoted_strings_can_be_null=False, null_values=[],
                ),
            )


def _rows_for_baseline(bundle: Bundle) -> dict[str, list[list[str]]]:
    rows: dict[str, list[list[str]]] = {}
    for name in bundle.data_file_names:
        table = bundle.files[name].table
        columns = [table.column_values(c) for c in range(table.column_count)]
        rows[name] = [table.header, *map(list, zip(*columns, strict=True))]
    return rows


def baseline_write(rows_by_file: dict[str, list[list[str]]], target: Path) -> None:
    """The same rows written with the stdlib csv module into a deflated zip."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in rows_by_file.items():
            with archive.open(name, "w", force_zip64=True) as raw, \
                    io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
                csv.writer(text, lineterminator="\r\n").writerows(rows)


class PolarsFloor:
    """polars writing the bundle's exact CSV bytes (manifest included) into a deflated zip.

    polars quotes an empty string; an empty field is handed to it as null, which it writes as
    nothing, so the bytes match ours. Preparing the frames is not timed.
    """

    def __init__(self, bundle: Bundle) -> None:
        import polars as pl  # noqa: PLC0415 - optional: only this floor needs it

        self._frames: dict[str, tuple[bytes, object]] = {}
        self._other: dict[str, bytes] = {}
        for name, produce in planned_files(bundle).items():
            file = bundle.files.get(name)
            table = file.table if file is not None else None
            if table is None or table.has_ragged_rows() or table.column_count < 2:
                self._other[name] = b"".join(produce())  # manifest, one-column files: tiny
                continue
            columns = {}
            for c in range(table.column_count):
                array = table.column_array(c)
                columns[f"c{c}"] = pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.string()), array)
            header = format_record(table.header).encode("utf-8")
            self._frames[name] = (header, pl.from_arrow(pa.table(columns)))

    def write(self, target: Path) -> None:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, (header, frame) in self._frames.items():
                text = io.BytesIO()
                text.write(header)
                frame.write_csv(text, include_header=False, line_terminator="\r\n",  # type: ignore[attr-defined]
                                quote_style="necessary")
                archive.writestr(name, text.getbuffer())
            for name, data in self._other.items():
                archive.writestr(name, data)


def polars_floor(bundle: Bundle) -> PolarsFloor | None:
    try:
        return PolarsFloor(bundle)
    except ImportError:
        print("polars is not installed: the pack ÷ polars floor is skipped "
              "(pip install polars; it is a benchmark baseline only).", flush=True)
        return None


def same_members(a: Path, b: Path) -> bool:
    """Whether two zips hold the same files with the same bytes (by size and CRC-32)."""
    with zipfile.ZipFile(a) as first, zipfile.ZipFile(b) as second:
        def members(archive: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
            return {i.filename: (i.file_size, i.CRC) for i in archive.infolist()}
        return members(first) == members(second)


def csv_bytes(bundle_path: Path) -> int:
    with zipfile.ZipFile(bundle_path) as archive:
        return sum(i.file_size for i in archive.infolist())


_MEMORY_PROBE = """
import json, sys, tempfile, pathlib, zipfile
sys.path.insert(0, sys.argv[2])
from rostereditor.cli.pandas_refusal import RefusePandas
sys.meta_path.insert(0, RefusePandas())  # as the app and the commands do
import rostereditor.core.bundle_reader as r, rostereditor.core.bundle_writer as w
from rostereditor.core.validation import BundleValidator
from rostereditor.core.arrow_memory import use_returning_allocator
use_returning_allocator()  # as the app and the command line do
# VmHWM (this process's own high-water mark); ru_maxrss would include the parent's from fork.
def status(key):
    with open('/proc/self/status') as f:
        return next(int(l.split()[1]) * 1024 for l in f if l.startswith(key))
# Warm up on a one-row copy of each file first: library code and kernels loaded on first use
# are a fixed cost, not memory that grows with the data, so the baseline includes them.
with tempfile.TemporaryDirectory() as d, zipfile.ZipFile(sys.argv[1]) as big:
    tiny = pathlib.Path(d) / 'tiny.zip'
    with zipfile.ZipFile(tiny, 'w') as out:
        for name in big.namelist():
            with big.open(name) as member:
                out.writestr(name, b''.join(member.readline() for _ in range(2)))
    small = r.read_bundle(tiny)
    len(BundleValidator(small).run().findings)
    w.write_bundle_zip(small, pathlib.Path(d) / 'o.zip', keep_backup=False)
    del small
figures = {'start': status('VmRSS:')}
bundle = r.read_bundle(sys.argv[1])
figures['read_peak'] = status('VmHWM:')
figures['held'] = status('VmRSS:')
with tempfile.TemporaryDirectory() as d:
    w.write_bundle_zip(bundle, pathlib.Path(d) / 'out.zip', keep_backup=False)
figures['write_peak'] = status('VmHWM:')
result = BundleValidator(bundle).run()
figures['validate_peak'] = status('VmHWM:')
figures['findings'] = sum(result.counts.values())
# The problems list as the window arranges it: arrays over the findings, objects only for
# the rows it paints.
from rostereditor.core.validation.findings_listing import FindingsListing
figures['listed'] = len(FindingsListing.of_result(result))
figures['listed_peak'] = status('VmHWM:')
print(json.dumps(figures))
"""


def measure_memory(bundle_path: Path) -> dict[str, int]:
    """Peak memory in a fresh process, above what the interpreter and imports already use."""
    repo = str(Path(__file__).resolve().parents[1])
    out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(bundle_path), repo],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(bundle_path: Path | str) -> dict[str, float | str]:
    use_returning_allocator()  # as the app and the command line do: baseline and ours share it
    bundle_path = Path(bundle_path)
    size = csv_bytes(bundle_path)
    repeats = _repeats(size / 1e6)
    memory = measure_memory(bundle_path)  # first, while this process is still small
    read_ours, read_base = [], []
    for _ in range(repeats):  # interleaved so machine noise hits both alike
        read_base.append(_timed(lambda: baseline_parse(bundle_path)))
        read_ours.append(_timed(lambda: read_bundle(bundle_path)))
    bundle = read_bundle(bundle_path)
    figures: dict[str, float | str] = {"csv_mb": size / 1e6}
    write_ours: list[float] = []
    write_polars: list[float] = []
    write_stdlib: list[float] = []
    cpu_ours: list[float] = []
    cpu_polars: list[float] = []
    polars = polars_floor(bundle)
    rows = _rows_for_baseline(bundle) if size / 1e6 <= STDLIB_FLOOR_MAX_MB else None
    with tempfile.TemporaryDirectory() as folder:
        ours_zip, polars_zip = Path(folder) / "ours.zip", Path(folder) / "polars.zip"
        for _ in range(repeats):
            if polars is not None:
                write_polars.append(_timed_cpu(lambda: polars.write(polars_zip), cpu_polars))
            if rows is not None:
                write_stdlib.append(_timed(lambda: baseline_write(rows, Path(folder) / "csv.zip")))
            write_ours.append(_timed_cpu(
                lambda: write_bundle_zip(bundle, ours_zip, keep_backup=False), cpu_ours))
        if polars is not None:
            figures["pack_same_bytes_as_polars"] = "yes" if same_members(ours_zip, polars_zip) else "NO"
    figures.update({
        "read_s": statistics.median(read_ours),
        "read_baseline_s": statistics.median(read_base),
        "write_s": statistics.median(write_ours),
        "read_peak_mb": (memory["read_peak"] - memory["start"]) / 1e6,
        "read_write_peak_mb": (memory["write_peak"] - memory["start"]) / 1e6,
        "held_after_read_mb": (memory["held"] - memory["start"]) / 1e6,
        "validate_peak_mb": (memory["validate_peak"] - memory["start"]) / 1e6,
        "findings": float(memory["findings"]),
        "findings_listed_peak_mb": (memory["listed_peak"] - memory["start"]) / 1e6,
    })
    figures["read_ratio"] = figures["read_s"] / figures["read_baseline_s"]
    if write_polars:
        figures["write_polars_floor_s"] = statistics.median(write_polars)
        figures["pack_vs_polars_ratio"] = figures["write_s"] / figures["write_polars_floor_s"]
        # Both sides use every core, so on a busy machine this is what the wall ratio tends to.
        figures["pack_vs_polars_cpu_ratio"] = statistics.median(cpu_ours) / statistics.median(cpu_polars)
    if write_stdlib:
        figures["write_baseline_s"] = statistics.median(write_stdlib)
        figures["write_ratio"] = figures["write_s"] / figures["write_baseline_s"]
    figures["peak_memory_ratio"] = figures["read_write_peak_mb"] / figures["csv_mb"]
    figures["peak_memory_with_findings_ratio"] = (
        max(figures["read_write_peak_mb"], figures["validate_peak_mb"]) / figures["csv_mb"])
    figures["peak_memory_findings_listed_ratio"] = figures["findings_listed_peak_mb"] / figures["csv_mb"]
    return figures


def report(figures: dict) -> None:
    f = figures
    print(f"CSV in bundle            {f['csv_mb']:8.1f} MB")
    print(f"read    ours {f['read_s']:6.2f} s   floor {f['read_baseline_s']:6.2f} s   "
          f"ratio {f['read_ratio']:.2f}  (target <= 1.5)")
    if "pack_vs_polars_ratio" in f:
        print(f"pack    ours {f['write_s']:6.2f} s   polars {f['write_polars_floor_s']:6.2f} s  "
              f"ratio {f['pack_vs_polars_ratio']:.2f}  (target <= 1.0; CPU time "
              f"{f['pack_vs_polars_cpu_ratio']:.2f}; same bytes: {f['pack_same_bytes_as_polars']})")
    if "write_ratio" in f:
        print(f"write   ours {f['write_s']:6.2f} s   stdlib csv {f['write_baseline_s']:6.2f} s  "
              f"ratio {f['write_ratio']:.2f}")
    print(f"peak memory read {f['read_peak_mb']:.0f} MB, read+write {f['read_write_peak_mb']:.0f} MB"
          f" = {f['peak_memory_ratio']:.2f} x CSV; held after read {f['held_after_read_mb']:.0f} MB")
    print(f"peak memory with validation ({f['findings']:.0f} findings kept) "
          f"{f['validate_peak_mb']:.0f} MB = {f['peak_memory_with_findings_ratio']:.2f} x CSV "
          f"(target <= 3.0); every finding listed as an object: {f['findings_listed_peak_mb']:.0f} MB "
          f"= {f['peak_memory_findings_listed_ratio']:.2f} x CSV")


if __name__ == "__main__":
    report(run(Path(sys.argv[1])))
