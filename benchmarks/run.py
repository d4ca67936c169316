"""Benchmark driver: generate the large district once, then measure every area in one run.

    python benchmarks/run.py                      # 100k students (~1M enrollments, ~100 MB CSV)
    python benchmarks/run.py --students 20000     # quicker look
    python benchmarks/run.py --only core,validation
    python benchmarks/run.py --only compare        # OLD vs its next export: compare, delta, summary

Figures are printed with ratios against baselines measured in the same run (not timed tests).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AREAS = ("core", "validation", "ui", "xlsx", "compare")


def district(students: int, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"district-{students}.zip"
    if not path.exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rostereditor", "sample", "-o", str(path),
                        "--students", str(students), "--seed", "1"], check=True)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--only", default=",".join(AREAS), help="comma-separated: " + ", ".join(AREAS))
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    bundle = district(args.students, args.out)
    results: dict[str, dict] = {}
    for area in args.only.split(","):
        print(f"\n== {area} ==", flush=True)
        results[area] = _run_area(area, args.out if area == "xlsx" else bundle)
    (args.out / f"results-{args.students}.json").write_text(json.dumps(results, indent=2))
    return 0


_AREA_PROBE = """
import json, sys
sys.path.insert(0, {here!r})
module = __import__({module!r})
figures = module.run({target!r})
if hasattr(module, "report"):
    module.report(figures)
else:
    for key, value in figures.items():
        print(f"{{key:32}} {{value:10.3f}}" if isinstance(value, float) else f"{{key:32}} {{value}}")
print("@@figures@@" + json.dumps(figures, default=str))
"""


def _run_area(area: str, target: Path) -> dict:
    """Each area in a fresh process: one area's memory must not count in the next one's peak."""
    code = _AREA_PROBE.format(here=str(HERE), module=f"{area}_bench", target=str(target))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    figures: dict = {}
    for line in done.stdout.splitlines():
        if line.startswith("@@figures@@"):
            figures = json.loads(line.removeprefix("@@figures@@"))
        else:
            print(line)
    return figures


if __name__ == "__main__":
    sys.exit(main())
