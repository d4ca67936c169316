"""The benchmark districts: a valid one per size, generated once, and a copy where every row is wrong.

The every-row-wrong copy has each enrollment's role as "Student" and each user's enabledUser as
"TRUE" (wrong case): one finding per enrollment and per user, about 1.18M at 100k students.
It is written once beside the valid district and reused.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

# (file, column, wrong value) — each makes every record of the file wrong once.
WRONG_EVERYWHERE = (("enrollments.csv", "role", "Student"), ("users.csv", "enabledUser", "TRUE"))


def district(students: int, out_dir: Path) -> Path:
    """The valid district of this size, generated on first use (seed 1, so always the same)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"district-{students}.zip"
    if not path.exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rostereditor", "sample", "-o", str(path),
                        "--students", str(students), "--seed", "1"], check=True)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def every_row_wrong(valid: Path) -> Path:
    """The every-row-wrong copy of a valid district, made on first use."""
    path = valid.with_name(valid.stem + "-every-row-wrong.zip")
    if path.exists():
        return path
    # Imported here: the driver process stays light when the copy already exists.
    from rostereditor.core.bundle import BundleFile  # noqa: PLC0415
    from rostereditor.core.bundle_reader import read_bundle  # noqa: PLC0415
    from rostereditor.core.bundle_writer import write_bundle_zip  # noqa: PLC0415
    from rostereditor.core.table import Table  # noqa: PLC0415

    started = time.perf_counter()
    bundle = read_bundle(valid)
    for name, column, value in WRONG_EVERYWHERE:
        table = bundle.table(name)
        index = table.column_index(column) if table is not None else None
        if table is None or index is None:
            continue
        columns = [table.column_array(c) for c in range(table.column_count)]
        columns[index] = pa.repeat(pa.scalar(value, pa.string()), len(table))
        lines = np.arange(2, len(table) + 2, dtype=np.int64)
        bundle.files[name] = BundleFile(name, name, Table(table.header, columns, lines))
    write_bundle_zip(bundle, path, keep_backup=False)
    print(f"made {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path
