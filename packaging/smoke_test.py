"""Run a frozen RosterEditor's --self-test headless and report its size and start-up time.

    python packaging/smoke_test.py dist/RosterEditor            (folder, .exe, or .app)
    python packaging/smoke_test.py dist/RosterEditor.app --runs 3 --summary out.json
    python packaging/smoke_test.py dist/RosterEditor --compare-source   (CLI output == source's)
    python packaging/smoke_test.py dist/RosterEditor --runner wine      (a Windows build, on Linux)

Besides the window's --self-test it drives the console companion (rostereditor-cli) through
sample, validate, pack, export, import and rules, which reach parts of pyarrow, numpy and
openpyxl the self-test does not: a trim in build.spec that breaks one of them fails here.

It also checks that `rostereditor-cli --help` answers without loading Qt or Arrow (on Linux and
macOS, where the dynamic loader can list what a process loads) and reports its time.

Exits non-zero if the app fails, hangs, writes no report, is not frozen, or prints a traceback.
Python rather than shell: a windowed .exe started from PowerShell does not block, while
subprocess.run always waits for it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

APP_NAME = "RosterEditor"
CLI_NAME = "rostereditor-cli"
# (arguments, the exit code they must give). {w} is the work folder. Exit 1 = findings.
CLI_SESSION: list[tuple[list[str], int]] = [
    (["--version"], 0),
    (["sample", "-o", "{w}/sample.zip", "--damaged", "--students", "120", "--seed", "7"], 0),
    (["validate", "{w}/sample.zip"], 1),
    (["validate", "{w}/sample.zip", "--format", "json", "-o", "{w}/findings.json"], 1),
    (["pack", "{w}/sample.zip", "-o", "{w}/packed.zip"], 0),
    (["export", "{w}/packed.zip", "-o", "{w}/book.xlsx"], 0),
    (["import", "{w}/book.xlsx", "-o", "{w}/back.zip"], 0),
    (["validate", "{w}/back.zip", "--format", "csv", "-o", "{w}/back-findings.csv"], 1),
    (["rules"], 0),
]
# Libraries `--help` must not load: either means a run-time hook or an import at start-up came
# back (packaging/pyi_rth_deferred_hooks.py keeps PyInstaller's hooks off the start-up path).
HEAVY_LIBRARIES = ("Qt6Core", "QtCore", "libarrow", "arrow.dll")
HELP_RUNS = 5
# stderr lines that are known harmless noise from Qt's offscreen plugin.
ALLOWED_STDERR = ("This plugin does not support propagateSizeHints()", "self-test passed")


def find_cli(executable: Path) -> Path | None:
    """The console companion beside the window's executable, if the build has one."""
    for name in (f"{CLI_NAME}.exe", CLI_NAME):
        if (executable.parent / name).is_file():
            return executable.parent / name
    return None


def run_cli_session(command: list[str], workdir: Path, timeout: float) -> list[dict[str, Any]]:
    """Run CLI_SESSION with command as the program; stdout with the work folder replaced."""
    workdir.mkdir(parents=True, exist_ok=True)
    # Windows Python writes to a pipe in the ANSI code page (cp1252 on the CI runners and
    # Wine), not UTF-8: decode it that way so "é" compares equal to the source's output.
    encoding = "cp1252" if command[-1].lower().endswith(".exe") else "utf-8"
    results = []
    for args, expected in CLI_SESSION:
        filled = [arg.replace("{w}", str(workdir)) for arg in args]
        try:
            done = subprocess.run([*command, *filled], capture_output=True, text=True,
                                  encoding=encoding, errors="replace", timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise SystemExit(f"FAIL: {' '.join(args)} did not finish in {timeout:.0f} s") from exc
        stdout = done.stdout.replace("\r\n", "\n")
        for form in (str(workdir), "Z:" + str(workdir).replace("/", "\\"), str(workdir).replace("/", "\\")):
            stdout = stdout.replace(form, "{w}")
        results.append({"args": " ".join(args), "code": done.returncode, "expected": expected,
                        "stdout": stdout.replace("\\", "/"), "stderr": done.stderr})
        if done.returncode != expected or "Traceback" in done.stderr:
            print(done.stdout[-3000:] + done.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"FAIL: `{CLI_NAME} {' '.join(args)}` exited {done.returncode}, "
                             f"expected {expected}")
    return results


def check_cli(cli: Path, runner: list[str], workdir: Path, timeout: float, compare_source: bool) -> None:
    started = time.time()
    frozen = run_cli_session([*runner, str(cli)], workdir / "frozen", timeout)
    print(f"frozen CLI: PASSED ({len(frozen)} commands in {time.time() - started:.1f} s)")
    if not compare_source:
        return
    source = run_cli_session([sys.executable, "-m", "rostereditor"], workdir / "source", timeout)
    differing = [f["args"] for f, s in zip(frozen, source, strict=True) if f["stdout"] != s["stdout"]]
    if differing:
        raise SystemExit("FAIL: the frozen CLI printed something else than the source for: "
                         + "; ".join(differing))
    print("frozen CLI output is identical to the source's")


def loaded_libraries(command: list[str]) -> list[str] | None:
    """The shared libraries a run of command loads, as the dynamic loader reports them.

    None on Windows, where it cannot tell.
    """
    if sys.platform.startswith("linux"):
        trace = {"LD_DEBUG": "libs"}
    elif sys.platform == "darwin":
        trace = {"DYLD_PRINT_LIBRARIES": "1"}
    else:
        return None
    done = subprocess.run(command, env={**os.environ, **trace}, capture_output=True, text=True,
                          errors="replace", timeout=120, check=False)
    return done.stderr.splitlines()


def heavy_libraries(lines: list[str]) -> list[str]:
    return sorted({name for line in lines for name in HEAVY_LIBRARIES if name in line})


def check_help_loads_nothing_heavy(cli: Path, sample: Path) -> None:
    """`cli --help` loads neither Qt nor Arrow, where the dynamic loader can tell (Linux, macOS)."""
    help_trace = loaded_libraries([str(cli), "--help"])
    # The same trace of a command that does use Arrow must name it, or the check is blind.
    validate_trace = loaded_libraries([str(cli), "validate", str(sample)])
    if help_trace is None or validate_trace is None:
        return
    if not heavy_libraries(validate_trace):
        if sys.platform == "darwin":  # a signed app's hardened runtime ignores DYLD_* variables
            print(f"(cannot see what {CLI_NAME} loads here: the --help check is skipped)")
            return
        raise SystemExit("FAIL: the loader's trace of `validate` names no Arrow library: "
                         "the --help check cannot see what is loaded")
    if heavy := heavy_libraries(help_trace):
        raise SystemExit(f"FAIL: `{CLI_NAME} --help` loaded {', '.join(heavy)}: start-up imports "
                         "more than it needs (see packaging/pyi_rth_deferred_hooks.py)")
    print(f"{CLI_NAME} --help loads neither Qt nor Arrow")


def check_quick_help(cli: Path, runner: list[str], sample: Path, timeout: float) -> float:
    """`rostereditor-cli --help` prints its usage, loading nothing heavy; its best time."""
    times = []
    for _ in range(HELP_RUNS):
        started = time.perf_counter()
        done = subprocess.run([*runner, str(cli), "--help"], capture_output=True, text=True,
                              errors="replace", timeout=timeout, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode != 0 or "usage:" not in done.stdout:
            print(done.stdout[-2000:] + done.stderr[-2000:], file=sys.stderr)
            raise SystemExit(f"FAIL: `{CLI_NAME} --help` exited {done.returncode} without its usage")
    if not runner:  # a Windows build under Wine: Windows has no loader trace to read
        check_help_loads_nothing_heavy(cli, sample)
    print(f"{CLI_NAME} --help: best of {HELP_RUNS} {min(times):.3f} s, "
          f"median {statistics.median(times):.3f} s")
    return min(times)


def find_executable(target: Path) -> Path:
    """The app's executable inside a onedir folder or a macOS .app, or target itself."""
    if target.suffix == ".app":
        return target / "Contents" / "MacOS" / APP_NAME
    if target.is_dir():
        for name in (f"{APP_NAME}.exe", APP_NAME):
            if (target / name).is_file():
                return target / name
        raise SystemExit(f"no {APP_NAME} executable in {target}")
    return target


def folder_megabytes(folder: Path) -> float:
    """Bytes on disk of every regular file (symlinks counted once, not followed)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1_000_000


def run_once(executable: Path, workdir: Path, timeout: float,
             runner: list[str] | None = None) -> dict[str, Any]:
    """One launch: returns the app's report plus the measured launch-to-window time."""
    report_path = workdir / f"report-{time.monotonic_ns()}.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROSTEREDITOR_LOG_DIR": str(workdir / "logs")}
    launched = time.time()
    try:
        result = subprocess.run(
            [*(runner or []), str(executable), "--self-test", "--report", str(report_path)],
            env=env, capture_output=True, text=True, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SystemExit(f"FAIL: the app did not exit within {timeout:.0f} s") from exc
    finished = time.time()
    problems = []
    unexpected = [line for line in (result.stdout + result.stderr).splitlines()
                  if line.strip() and not line.startswith(ALLOWED_STDERR)]
    if result.returncode != 0:
        problems.append(f"exit code {result.returncode}")
    if any("Traceback" in line for line in unexpected):
        problems.append("a traceback was printed")
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.is_file() else None
    if report is None:
        problems.append("no report written")
    elif not report["environment"].get("frozen"):
        problems.append("the report says the app was not frozen")
    if problems:
        print("\n".join(unexpected[-60:]), file=sys.stderr)
        if report:
            print(json.dumps(report["checks"], indent=2), file=sys.stderr)
        log_file = workdir / "logs" / "rostereditor.log"
        if log_file.is_file():
            print(log_file.read_text(encoding="utf-8")[-6000:], file=sys.stderr)
        raise SystemExit("FAIL: " + "; ".join(problems))
    shown = report.get("window_shown_at")
    return {
        "startup_s": round(shown - launched, 3) if shown else None,
        "total_s": round(finished - launched, 3),
        "report": report,
        "noise": unexpected,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="dist/RosterEditor, its executable, or the .app")
    parser.add_argument("--runs", type=int, default=3, help="launches; the median is reported")
    parser.add_argument("--timeout", type=float, default=180, help="seconds per launch")
    parser.add_argument("--summary", type=Path, help="write the measurements as JSON here")
    parser.add_argument("--runner", default="", help="a program to start the app with (wine)")
    parser.add_argument("--compare-source", action="store_true",
                        help="also run the CLI from source and require the same output")
    parser.add_argument("--no-cli", action="store_true", help="skip the console companion's checks")
    args = parser.parse_args(argv)
    runner = args.runner.split()

    executable = find_executable(args.target.resolve())
    if not executable.is_file():
        raise SystemExit(f"FAIL: {executable} does not exist")
    size_root = args.target.resolve() if args.target.is_dir() else executable.parent
    size_mb = folder_megabytes(size_root)
    with tempfile.TemporaryDirectory(prefix="rostereditor-smoke-") as tmp:
        runs = [run_once(executable, Path(tmp), args.timeout, runner) for _ in range(max(args.runs, 1))]
        cli = find_cli(executable)
        help_s = None
        if not args.no_cli:
            if cli is None:
                raise SystemExit(f"FAIL: no {CLI_NAME} beside {executable}")
            check_cli(cli, runner, Path(tmp) / "cli", args.timeout, args.compare_source)
            help_s = check_quick_help(cli, runner, Path(tmp) / "cli" / "frozen" / "sample.zip",
                                      args.timeout)
    startups = [r["startup_s"] for r in runs if r["startup_s"] is not None]
    last = runs[-1]["report"]
    summary = {
        "executable": str(executable),
        "size_mb": round(size_mb, 1),
        "startup_s_runs": startups,
        "startup_s_median": statistics.median(startups) if startups else None,
        "total_s_runs": [r["total_s"] for r in runs],
        "cli_help_s_best": None if help_s is None else round(help_s, 3),
        "checks": {c["name"]: c["seconds"] for c in last["checks"]},
        "environment": last["environment"],
    }
    print(f"frozen self-test: PASSED ({len(runs)} runs, {last['environment']['qt_platform']})")
    print(f"frozen app size: {summary['size_mb']} MB ({size_root})")
    print(f"launch to shown main window: median {summary['startup_s_median']} s, runs {startups}")
    print(f"launch to exit (whole self-test): runs {summary['total_s_runs']}")
    for noise in sorted({line for r in runs for line in r["noise"]}):
        print(f"  (app printed: {noise})")
    if args.summary:
        args.summary.parent.mkdir(parents=True, exist_ok=True)
        args.summary.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
