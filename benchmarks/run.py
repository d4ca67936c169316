"""Benchmark driver: generate the district once, then measure every area against same-run floors.

    python benchmarks/run.py                      # 100k students (~0.94M enrollments, ~127 MB CSV)
    python benchmarks/run.py --students 20000     # quicker look
    python benchmarks/run.py --students 800000    # New York City scale (~7.5M enrollments, ~1 GB CSV)
    python benchmarks/run.py --many-findings      # every enrollment and user wrong (~1.18M findings)
    python benchmarks/run.py --only core,validation
    python benchmarks/run.py --only compare        # OLD vs its next export: compare, delta, summary
    python benchmarks/run.py --only uploads        # the same in the window: Compare With, tints,
                                                   # Summary, the removal question, a vendor report
    python benchmarks/run.py --only search         # Find Next and the live match count

Each area runs in its own process, one after the other, so one area's memory does not count in
the next one's peak and two areas never compete for the cores. Figures are printed with ratios
against floors measured in the same run (not timed tests), saved as results-*.json, and the
README's table is written to results-*.md. 800k students needs about 10 GB of memory at its
peak and takes a while on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from districts import district, every_row_wrong  # noqa: E402
from summary_table import table  # noqa: E402

AREAS = ("core", "validation", "ui", "xlsx", "compare", "uploads", "search")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--many-findings", action="store_true",
                        help="measure on a copy of the district where every enrollment and user is wrong")
    parser.add_argument("--only", default=",".join(AREAS), help="comma-separated: " + ", ".join(AREAS))
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    bundle = district(args.students, args.out)
    label = f"{args.students}"
    if args.many_findings:
        bundle = every_row_wrong(bundle)
        label += "-every-row-wrong"
    results: dict[str, dict] = {}
    for area in args.only.split(","):
        print(f"\n== {area} ==", flush=True)
        # The Excel area exports its own 100,000-row sheet: a whole district does not fit a sheet.
        results[area] = _run_area(area, args.out if area == "xlsx" else bundle)
    (args.out / f"results-{label}.json").write_text(json.dumps(results, indent=2))
    kind = "every enrollment and user wrong" if args.many_findings else "valid"
    summary = table(results, f"{args.students:,} students ({kind} district, {bundle.name})")
    (args.out / f"results-{label}.md").write_text(summary)
    print("\n" + summary)
    return 0


_AREA_PROBE = """
import json, sys
sys.path.insert(0, {here!r})
sys.path.insert(0, {repo!r})
# As in the app and the commands: pyarrow would import pandas, when installed, on its first
# compute call (about 0.5 s and 100 MB that no user pays).
from rostereditor.cli.pandas_refusal import RefusePandas
sys.meta_path.insert(0, RefusePandas())
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
    code = _AREA_PROBE.format(here=str(HERE), repo=str(HERE.parent), module=f"{area}_bench",
                              target=str(target))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    figures: dict = {}
    for line in done.stdout.splitlines():
        if line.startswith("@@figures@@"):
            figures = json.loads(line.removeprefix("@@figures@@"))
        else:
            print(line, flush=True)
    if done.returncode != 0:
        # One area failing (out of memory, a window change) must not lose the others' figures.
        print(f"{area} failed (exit {done.returncode}):\n{done.stderr[-3000:]}", flush=True)
    return figures


if __name__ == "__main__":
    sys.exit(main())
