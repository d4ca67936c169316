"""Kill -9 zip and folder saves at random moments and check the old or the new bundle is always whole.

Usage: python tools/kill_during_save.py [--runs 30] [--students 20000] [--seed 1] [--kind zip folder]

For each run a child process opens the edited bundle and saves it over the original; the parent
kills it (SIGKILL, so no cleanup code runs) at a random moment of the save, then opens the
target as a user would next time and checks that:
  - every file is exactly the old version or every file is exactly the new one (never a mix);
  - a backup, if one exists, holds exactly the original files;
  - no temporary files or staging folders of ours are left after that open.
Exit status 0 when every run passed. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder, write_bundle_zip
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.sample_district import generate_district

_CHILD_FLAG = "--child"


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == _CHILD_FLAG:
        return _child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="kills per kind of save (default 30)")
    parser.add_argument("--students", type=int, default=20000, help="size of the test district")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the kill moments")
    parser.add_argument("--kind", nargs="+", choices=["zip", "folder"], default=["zip", "folder"])
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder to inspect")
    args = parser.parse_args()
    if not hasattr(signal, "SIGKILL"):
        print("This script needs SIGKILL (Linux or macOS).", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="kill-during-save-"))
    try:
        old_zip, new_zip = _make_versions(scratch, args.students)
        failures = 0
        for kind in args.kind:
            failures += _campaign(kind, scratch, (old_zip, new_zip), args.runs, random.Random(args.seed))
    finally:
        if args.keep:
            print(f"Scratch folder kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failures else 0


def _make_versions(scratch: Path, students: int) -> tuple[Path, Path]:
    """The original bundle and an edited one in which every file differs."""
    print(f"Making a {students}-student district ...", flush=True)
    bundle = generate_district(students, 1).bundle
    old_zip = scratch / "old.zip"
    write_bundle_zip(bundle, old_zip, "1.1", keep_backup=False)
    for name in bundle.data_file_names:
        table = bundle.files[name].table
        for row in range(0, len(table), max(1, len(table) // 50)):
            table.set_cell(row, 0, table.cell(row, 0) + "-edited")
    new_zip = scratch / "new.zip"
    write_bundle_zip(bundle, new_zip, "1.1", keep_backup=False)
    return old_zip, new_zip


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _campaign(kind: str, scratch: Path, versions: tuple[Path, Path], runs: int,
              rng: random.Random) -> int:
    old_zip, new_zip = versions
    old, new = _members(old_zip), _members(new_zip)
    # The machine may be busy: save times are measured again every few runs (median of the
    # recent ones), so the kill moments keep spanning the whole save.
    durations = [_calibrate(kind, scratch, old_zip, new_zip) for _ in range(3)]
    print(f"\n{kind} saves: an uninterrupted save takes {statistics.median(durations):.2f} s; "
          f"killing {runs} saves at random moments of it", flush=True)
    outcomes: Counter[str] = Counter()
    phases: Counter[str] = Counter()
    litter_before = 0
    failures = 0
    for run in range(runs):
        if run and run % 5 == 0:
            durations = [*durations[-4:], _calibrate(kind, scratch, old_zip, new_zip)]
        duration = statistics.median(durations)
        place = scratch / f"{kind}-{run}"
        place.mkdir()
        target = _fresh_target(kind, place, old_zip, old)
        with_backup_already = run % 3 == 2  # a third of the runs: not the first save
        if with_backup_already:
            _first_save_backup(kind, target, old_zip, old)
        # Half the kills anywhere in the save, half in its last third, where the swap happens.
        delay = rng.uniform(0, duration * 1.1) if run % 2 else rng.uniform(duration * 0.65, duration * 1.05)
        finished = _save_and_kill(kind, target, new_zip, delay)
        phases[_phase_left(kind, target, finished)] += 1
        litter_before += _litter(kind, target)
        verdict, detail = _check(kind, target, old, new)
        outcomes[verdict] += 1
        if verdict.startswith("BROKEN"):
            failures += 1
            print(f"  run {run}: {detail} (killed after {delay:.3f} s)")
        shutil.rmtree(place, ignore_errors=True)
    print("  where the kills landed (judged from what each left behind):")
    for phase, count in sorted(phases.items()):
        print(f"  {count:3d} x {phase}")
    print("  what the next open found:")
    for verdict, count in sorted(outcomes.items()):
        print(f"  {count:3d} x {verdict}")
    print(f"  temporaries or staging folders present right after the kill: {litter_before} "
          f"runs; after the next open: {'see BROKEN lines' if failures else 'none'}")
    print(f"  save times measured during the campaign: {min(durations):.2f}-{max(durations):.2f} s")
    print(f"  {kind}: {runs - failures} of {runs} runs left the old or the new bundle complete")
    return failures


def _fresh_target(kind: str, place: Path, old_zip: Path, old: dict[str, bytes]) -> Path:
    if kind == "zip":
        target = place / "roster.zip"
        shutil.copyfile(old_zip, target)
        return target
    target = place / "roster"
    target.mkdir()
    for name, data in old.items():
        (target / name).write_bytes(data)
    return target


def _first_save_backup(kind: str, target: Path, old_zip: Path, old: dict[str, bytes]) -> None:
    if kind == "zip":
        shutil.copyfile(old_zip, target.with_name(target.name + ".bak"))
        return
    backup = target.with_name(target.name + ".bak")
    backup.mkdir()
    for name, data in old.items():
        (backup / name).write_bytes(data)


def _calibrate(kind: str, scratch: Path, old_zip: Path, new_zip: Path) -> float:
    place = scratch / f"{kind}-calibrate"
    place.mkdir()
    target = _fresh_target(kind, place, old_zip, _members(old_zip))
    child = _start_child(kind, target, new_zip)
    assert child.stdout is not None
    child.stdout.readline()  # "saving"
    started = time.perf_counter()
    child.wait()
    duration = time.perf_counter() - started
    child.stdout.close()
    shutil.rmtree(place)
    return duration


def _start_child(kind: str, target: Path, new_zip: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, __file__, _CHILD_FLAG, kind, str(target), str(new_zip)],
                            stdout=subprocess.PIPE, text=True)


def _save_and_kill(kind: str, target: Path, new_zip: Path, delay: float) -> bool:
    """Start a save and kill it delay seconds in; True if it had already finished."""
    child = _start_child(kind, target, new_zip)
    assert child.stdout is not None
    child.stdout.readline()  # the child has read the bundle and is about to save
    time.sleep(delay)
    finished = child.poll() is not None
    if not finished:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    return finished


def _phase_left(kind: str, target: Path, finished: bool) -> str:
    if finished:
        return "after the save had finished"
    beside = [p.name for p in target.parent.iterdir() if p.name.startswith(".")]
    inside = [p.name for p in target.iterdir() if p.name.startswith(".")] if kind == "folder" else []
    if ".rostereditor-save.json" in inside:
        return "mid-swap (save record present)"
    if any(".bak." in name for name in beside + inside):
        return "while copying the backup"
    if any(name.startswith(f".{target.name}.") for name in beside) or inside:
        return "while writing the new files to temporaries"
    return "before the save wrote anything, or after it had replaced the files"


def _litter(kind: str, target: Path) -> int:
    places = [target.parent] + ([target] if kind == "folder" else [])
    return int(any(p.name.startswith(".") for place in places for p in place.iterdir()))


def _check(kind: str, target: Path, old: dict[str, bytes], new: dict[str, bytes]) -> tuple[str, str]:
    old_data = {n: b for n, b in old.items() if n != "manifest.csv"}
    new_data = {n: b for n, b in new.items() if n != "manifest.csv"}
    try:
        reopened = read_bundle(target)  # the next open: finishes an interrupted swap, removes litter
    except BundleReadError as exc:
        return "BROKEN", f"the next open failed: {exc}"
    recovered = [n.message for n in reopened.notices if n.code == "read.save-recovered"]
    if kind == "zip":
        files = _members(target)
    else:
        files = {p.name: p.read_bytes() for p in target.iterdir() if p.is_file()}
    data = {n: b for n, b in files.items() if n != "manifest.csv"}
    if data == old_data and files == old:
        verdict = "old bundle complete"
    elif data == new_data and "manifest.csv" in files:
        verdict = "new bundle complete"
    else:
        mixed = sorted(n for n in data if data[n] != old_data.get(n) and data[n] != new_data.get(n))
        return "BROKEN", f"neither old nor new (damaged: {mixed or 'a mix of old and new files'})"
    if recovered:
        how = "completed" if "completed" in recovered[0] else "undone"
        verdict += f" (killed mid-swap; {how} by the next open)"
    problem = _backup_problem(kind, target, old)
    if problem:
        return "BROKEN", problem
    left = [p.name for place in ([target.parent] + ([target] if kind == "folder" else []))
            for p in place.iterdir() if p.name.startswith(".")]
    if left:
        return "BROKEN", f"litter left after the next open: {left}"
    return verdict, ""


def _backup_problem(kind: str, target: Path, old: dict[str, bytes]) -> str | None:
    backup = target.with_name(target.name + ".bak")
    if not backup.exists():
        return None
    if kind == "zip":
        try:
            kept = _members(backup)
        except zipfile.BadZipFile:
            return "the backup is not a whole zip"
        return None if kept == old else "the backup is not the original"
    kept = {p.name: p.read_bytes() for p in backup.iterdir()}
    return None if kept == old else f"the backup folder is not the original ({sorted(kept)})"


def _child(kind: str, target: Path, new_zip: Path) -> int:
    bundle = read_bundle(new_zip)
    print("saving", flush=True)
    if kind == "zip":
        write_bundle_zip(bundle, target, "1.1")
    else:
        write_bundle_folder(bundle, target, "1.1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
