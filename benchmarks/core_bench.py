"""Benchmark reading and writing a bundle against plain zipfile + pyarrow / csv baselines.

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
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv

from rostereditor.core.arrow_memory import use_returning_allocator
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_zip

REPEATS = 3


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


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


def _rows_for_baseline(bundle) -> dict[str, list[list[str]]]:
    return {name: [bundle.files[name].table.header, *bundle.files[name].table.iter_rows()]
            for name in bundle.data_file_names}


def baseline_write(rows_by_file: dict[str, list[list[str]]], target: Path) -> None:
    """The same rows written with the stdlib csv module into a deflated zip."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in rows_by_file.items():
            with archive.open(name, "w", force_zip64=True) as raw, \
                    io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
                csv.writer(text, lineterminator="\r\n").writerows(rows)


def csv_bytes(bundle_path: Path) -> int:
    with zipfile.ZipFile(bundle_path) as archive:
        return sum(i.file_size for i in archive.infolist())


_MEMORY_PROBE = """
import json, sys, tempfile, pathlib, zipfile
import rostereditor.core.bundle_reader as r, rostereditor.core.bundle_writer as w
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
    w.write_bundle_zip(r.read_bundle(tiny), pathlib.Path(d) / 'o.zip', keep_backup=False)
before = status('VmRSS:')
bundle = r.read_bundle(sys.argv[1])
after_read_peak = status('VmHWM:')
held = status('VmRSS:')
with tempfile.TemporaryDirectory() as d:
    w.write_bundle_zip(bundle, pathlib.Path(d) / 'out.zip', keep_backup=False)
peak = status('VmHWM:')
print(json.dumps({'start': before, 'read_peak': after_read_peak, 'held': held, 'write_peak': peak}))
"""


def measure_memory(bundle_path: Path) -> dict[str, int]:
    """Peak memory in a fresh process, above what the interpreter and imports already use."""
    out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(bundle_path)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def run(bundle_path: Path) -> dict[str, float]:
    use_returning_allocator()  # as the app and the command line do: baseline and ours share it
    bundle_path = Path(bundle_path)
    memory = measure_memory(bundle_path)  # first, while this process is still small
    read_ours, read_base = [], []
    for _ in range(REPEATS):  # interleaved so machine noise hits both alike
        read_base.append(_timed(lambda: baseline_parse(bundle_path)))
        read_ours.append(_timed(lambda: read_bundle(bundle_path)))
    bundle = read_bundle(bundle_path)
    rows = _rows_for_baseline(bundle)
    write_ours, write_base = [], []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(REPEATS):
            write_base.append(_timed(lambda i=i: baseline_write(rows, Path(folder) / f"b{i}.zip")))
            write_ours.append(_timed(
                lambda i=i: write_bundle_zip(bundle, Path(folder) / f"o{i}.zip", keep_backup=False)))
    size = csv_bytes(bundle_path)
    figures = {
        "csv_mb": size / 1e6,
        "read_s": statistics.median(read_ours),
        "read_baseline_s": statistics.median(read_base),
        "write_s": statistics.median(write_ours),
        "write_baseline_s": statistics.median(write_base),
        "read_peak_mb": (memory["read_peak"] - memory["start"]) / 1e6,
        "read_write_peak_mb": (memory["write_peak"] - memory["start"]) / 1e6,
        "held_after_read_mb": (memory["held"] - memory["start"]) / 1e6,
    }
    figures["read_ratio"] = figures["read_s"] / figures["read_baseline_s"]
    figures["write_ratio"] = figures["write_s"] / figures["write_baseline_s"]
    figures["peak_memory_ratio"] = figures["read_write_peak_mb"] / figures["csv_mb"]
    return figures


def report(figures: dict[str, float]) -> None:
    print(f"CSV in bundle            {figures['csv_mb']:8.1f} MB")
    print(f"read    ours {figures['read_s']:6.2f} s   baseline {figures['read_baseline_s']:6.2f} s   "
          f"ratio {figures['read_ratio']:.2f}  (target <= 2.0)")
    print(f"write   ours {figures['write_s']:6.2f} s   baseline {figures['write_baseline_s']:6.2f} s   "
          f"ratio {figures['write_ratio']:.2f}  (target <= 1.5)")
    print(f"peak memory read {figures['read_peak_mb']:.0f} MB, "
          f"read+write {figures['read_write_peak_mb']:.0f} MB"
          f" = {figures['peak_memory_ratio']:.2f} x CSV bytes (target <= 3.0); "
          f"held after read {figures['held_after_read_mb']:.0f} MB")


if __name__ == "__main__":
    report(run(Path(sys.argv[1])))
