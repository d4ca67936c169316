"""Kill -9 an editing session at random moments and check that every journaled edit comes back.

Usage: python tools/kill_during_editing.py [--runs 30] [--students 150] [--seed 1] [--saves 0.01]

For each run a child process opens a district (a zip, or a folder every third run), attaches
the crash-recovery journal, and edits as fast as it can with a seeded random mix of every
session operation (cells, paste, fill, replace, quick fixes, renames with references, rows,
columns), undo and redo, and now and then a save. After each step it appends the step number
to a progress file. The parent kills it (SIGKILL: no cleanup runs) at a random moment, then
does what the next start does: finds the left journal, assesses it, recovers it. It replays
the same seeded steps in memory and checks that
  - every step the child finished (the last number in its progress file) is recovered, and
    the recovered bundle equals the simulated one after that step (or after the next, whose
    record may have reached the journal before the child could note it);
  - the recovered undo stack is the simulated one (same steps, same position);
  - a kill during a save leaves the source or the journal, and either way the edits.
Exit status 0 when every run passed. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_folder, write_bundle_zip
from rostereditor.core.editing.cell_changes import CellChange
from rostereditor.core.editing.cell_range import CellRange
from rostereditor.core.editing.find_replace import SearchOptions
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.recovery import EditJournal, assess, find_left_journals, recover
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import Edit, EditSession

_CHILD_FLAG = "--child"
TEXTS = ["", "x", "Zoë", "O'Brien", 'say "hi"', "a,b", "line\nbreak", "007", "=1+1", "\u00e9\u00e8",
         "2024-09-01", "TRUE", "  padded  ", "\U0001f600"]
Content = dict[str, list[list[str]]]


class EditingScript:
    """Seeded random editing, step by step; the same seed on the same source makes the same
    steps, so the parent can replay what the killed child did."""

    def __init__(self, session: EditSession, seed: int, save: Callable[[], None] | None,
                 save_rate: float = 0.01) -> None:
        self.session = session
        self.save_rate = save_rate
        self.rng = random.Random(seed)
        self.save = save
        self.stack: list[Edit] = []
        self.index = 0
        self.kinds: Counter[str] = Counter()

    def step(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.12:
            kind = "undo"
            if self.index:
                self.index -= 1
                self.stack[self.index].undo()
        elif roll < 0.18:
            kind = "redo"
            if self.index < len(self.stack):
                self.stack[self.index].redo()
                self.index += 1
        elif roll < 0.18 + self.save_rate:
            kind = "save"
            if self.save is not None:
                self.save()
        else:
            kind, operation = rng.choice(OPERATIONS)
            edit = operation(self, rng)
            if edit is not None:
                del self.stack[self.index:]
                self.stack.append(edit)
                self.index += 1
        self.kinds[kind] += 1
        return kind

    # -- helpers the operations use --------------------------------------------------------

    def file(self, rng: random.Random, *, rows: int = 1, columns: int = 1) -> str | None:
        names = [n for n in self.session.file_names if self.session.is_editable(n)]
        names = [n for n in names if len(self.session.require_table(n)) >= rows
                 and self.session.require_table(n).column_count >= columns]
        return rng.choice(names) if names else None

    def cell(self, rng: random.Random) -> tuple[str, int, int] | None:
        name = self.file(rng)
        if name is None:
            return None
        table = self.session.require_table(name)
        return name, rng.randrange(len(table)), rng.randrange(table.column_count)

    def block(self, rng: random.Random, name: str) -> CellRange:
        table = self.session.require_table(name)
        top, left = rng.randrange(len(table)), rng.randrange(table.column_count)
        return CellRange(top, left, min(len(table) - 1, top + rng.randrange(4)),
                         min(table.column_count - 1, left + rng.randrange(3)))

    def fixable(self, rng: random.Random):
        result = self.session.result
        if result is None:
            return None
        found = [f for f in result.findings if f.fix is not None and f.row_id is not None
                 and self.session.is_editable(f.file)]
        return rng.choice(found) if found else None


def _edit_cell(s: EditingScript, rng: random.Random) -> Edit | None:
    where = s.cell(rng)
    return s.session.edit_cell(*where, rng.choice(TEXTS)) if where else None


def _rename_id(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng)
    table = s.session.require_table(name) if name else None
    col = table.column_index("sourcedId") if table is not None else None
    if name is None or table is None or col is None:
        return None
    row = rng.randrange(len(table))
    return s.session.edit_cell(name, row, col, f"{table.cell(row, col)}-{rng.randrange(99)}",
                               update_references=True)


def _change_cells(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng)
    if name is None:
        return None
    table = s.session.require_table(name)
    changes = []
    for _ in range(rng.randrange(1, 4)):
        row, col = rng.randrange(len(table)), rng.randrange(table.column_count)
        changes.append(CellChange(table.row_id(row), col, table.cell(row, col), rng.choice(TEXTS)))
    return s.session.change_cells({name: changes}, "Change cells")


def _clear(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng)
    return s.session.clear(name, [s.block(rng, name)]) if name else None


def _fill_down(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng, rows=2)
    return s.session.fill_down(name, [s.block(rng, name)]) if name else None


def _paste(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng)
    if name is None:
        return None
    width = rng.randrange(1, 3)
    values = [[rng.choice(TEXTS) for _ in range(width)] for _ in range(rng.randrange(1, 4))]
    table = s.session.require_table(name)
    near_end = rng.random() < 0.3  # past the last row: new records
    at = rng.randrange(max(1, len(table) - 2), len(table)) if near_end else rng.randrange(len(table))
    plan = s.session.plan_paste(name, values, CellRange(at, 0, at, 0))
    return s.session.paste(name, plan, add_rows=rng.random() < 0.7)


def _replace_all(s: EditingScript, rng: random.Random) -> Edit | None:
    files = [n for n in s.session.file_names if s.session.is_editable(n)]
    return s.session.replace_all(files, SearchOptions(rng.choice("aeiou0")), rng.choice(TEXTS))


def _replace_in_cell(s: EditingScript, rng: random.Random) -> Edit | None:
    where = s.cell(rng)
    if where is None:
        return None
    text = s.session.require_table(where[0]).cell(where[1], where[2])
    if not text:
        return None
    return s.session.replace_in_cell(*where, SearchOptions(text[: rng.randrange(1, len(text) + 1)]),
                                     rng.choice(TEXTS))


def _fix_cell(s: EditingScript, rng: random.Random) -> Edit | None:
    finding = s.fixable(rng)
    return s.session.fix_cell(finding.file, finding) if finding else None


def _fix_all(s: EditingScript, rng: random.Random) -> Edit | None:
    finding = s.fixable(rng)
    return s.session.fix_all(finding.file, finding) if finding else None


def _insert_blank_rows(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng, rows=0)
    if name is None:
        return None
    return s.session.insert_blank_rows(name, rng.randrange(len(s.session.require_table(name)) + 1),
                                       rng.randrange(1, 4), below=rng.random() < 0.5)


def _insert_rows(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng, rows=0)
    if name is None:
        return None
    table = s.session.require_table(name)
    rows = [[rng.choice(TEXTS) for _ in range(rng.randrange(1, table.column_count + 1))]
            for _ in range(rng.randrange(1, 3))]
    return s.session.insert_rows(name, rng.randrange(len(table) + 1), rows)


def _duplicate_rows(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng)
    if name is None:
        return None
    size = len(s.session.require_table(name))
    return s.session.duplicate_rows(name, [rng.randrange(size) for _ in range(rng.randrange(1, 4))])


def _delete_rows(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng, rows=3)
    if name is None:
        return None
    size = len(s.session.require_table(name))
    return s.session.delete_rows(name, [rng.randrange(size) for _ in range(rng.randrange(1, 4))])


def _insert_column(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng, rows=0)
    if name is None:
        return None
    count = s.session.require_table(name).column_count
    return s.session.insert_column(name, rng.randrange(count + 1), f"extra{rng.randrange(99)}")


def _delete_columns(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng, rows=0, columns=4)
    if name is None:
        return None
    count = s.session.require_table(name).column_count
    return s.session.delete_columns(name, [rng.randrange(count) for _ in range(rng.randrange(1, 3))])


def _rename_column(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng, rows=0)
    if name is None:
        return None
    count = s.session.require_table(name).column_count
    return s.session.rename_column(name, rng.randrange(count), f"renamed{rng.randrange(99)}")


def _move_column(s: EditingScript, rng: random.Random) -> Edit | None:
    name = s.file(rng, rows=0, columns=2)
    if name is None:
        return None
    count = s.session.require_table(name).column_count
    return s.session.move_column(name, rng.randrange(count), rng.randrange(count))


OPERATIONS: list[tuple[str, Callable[[EditingScript, random.Random], Edit | None]]] = [
    *[("edit_cell", _edit_cell)] * 8,
    ("rename with references", _rename_id), ("change_cells", _change_cells), ("clear", _clear),
    ("fill_down", _fill_down), ("paste", _paste), ("paste", _paste), ("replace_all", _replace_all),
    ("replace_in_cell", _replace_in_cell), ("fix_cell", _fix_cell), ("fix_all", _fix_all),
    ("insert_blank_rows", _insert_blank_rows), ("insert_rows", _insert_rows),
    ("duplicate_rows", _duplicate_rows), ("delete_rows", _delete_rows),
    ("insert_column", _insert_column), ("delete_columns", _delete_columns),
    ("rename_column", _rename_column), ("move_column", _move_column),
]


def content(bundle: Bundle) -> Content:
    return {n: [list(f.table.header), *f.table.iter_rows()]
            for n, f in bundle.files.items() if n != MANIFEST}


# -- the child: edit until killed ------------------------------------------------------------


def _child(source: Path, folder: Path, progress: Path, seed: int, save_rate: float) -> int:
    session = EditSession()
    journal = EditJournal(session, folder)
    session.open(read_bundle(source))
    script = EditingScript(session, seed, save=session.save, save_rate=save_rate)
    with progress.open("a", encoding="utf-8") as log:
        log.write("ready\n")
        log.flush()
        step = 0
        while True:
            step += 1
            kind = script.step()
            # Written after the step returned: the journal has its record by now.
            log.write(f"{step} {kind}\n")
            log.flush()
            if journal.failure:
                log.write(f"journal failed: {journal.failure}\n")
                return 1


# -- the parent ---------------------------------------------------------------------------------


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == _CHILD_FLAG:
        return _child(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5]),
                      float(sys.argv[6]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="kills (default 30)")
    parser.add_argument("--students", type=int, default=150, help="size of the test district")
    parser.add_argument("--seed", type=int, default=1, help="seed for edits and kill moments")
    parser.add_argument("--longest", type=float, default=6.0, help="longest wait before a kill (s)")
    parser.add_argument("--saves", type=float, default=0.01,
                        help="share of steps that save (default 0.01; more kills land in saves)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder to inspect")
    args = parser.parse_args()
    if not hasattr(signal, "SIGKILL"):
        print("This script needs SIGKILL (Linux or macOS).", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="kill-during-editing-"))
    rng = random.Random(args.seed)
    try:
        print(f"Making a {args.students}-student damaged district ...", flush=True)
        original = scratch / "original.zip"
        write_bundle_zip(generate_district(args.students, 7, damaged=True).bundle, original,
                         keep_backup=False)
        outcomes: Counter[str] = Counter()
        figures: dict[str, list[float]] = {"steps": [], "recovered": [], "journal KB": [],
                                           "recover s": []}
        failures = 0
        for run in range(args.runs):
            verdict, detail, numbers = _run(run, scratch / f"run-{run}", original, rng, args)
            outcomes[verdict.split(":")[0]] += 1
            for key, value in numbers.items():
                figures[key].append(value)
            if verdict.startswith("FAILED"):
                failures += 1
            print(f"  run {run:2d}: {verdict} {detail}", flush=True)
        print("\nOutcomes:")
        for verdict, count in sorted(outcomes.items()):
            print(f"  {count:3d} x {verdict}")
        for key, values in figures.items():
            if values:
                print(f"  {key}: min {min(values):.1f}, median {sorted(values)[len(values) // 2]:.1f}, "
                      f"max {max(values):.1f}")
        print(f"\n{args.runs - failures} of {args.runs} runs passed.")
    finally:
        if args.keep:
            print(f"Scratch folder kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failures else 0


def _run(run: int, place: Path, original: Path, rng: random.Random,
         args: argparse.Namespace) -> tuple[str, str, dict[str, float]]:
    longest, saves = args.longest, args.saves
    place.mkdir()
    if run % 3 == 2:
        source = place / "district"
        source.mkdir()
        write_bundle_folder(read_bundle(original), source)
    else:
        source = place / "district.zip"
        shutil.copyfile(original, source)
    initial = read_bundle(source)
    folder, progress = place / "recovery", place / "progress.txt"
    seed = rng.randrange(1 << 30)
    child = subprocess.Popen([sys.executable, __file__, _CHILD_FLAG, str(source), str(folder),
                              str(progress), str(seed), str(saves)],
                             stdout=subprocess.DEVNULL, stderr=(place / "child.err").open("w"))
    deadline = time.monotonic() + 60
    while "ready" not in (progress.read_text() if progress.exists() else ""):
        if child.poll() is not None or time.monotonic() > deadline:
            return "FAILED: the child did not start", (place / "child.err").read_text()[-500:], {}
        time.sleep(0.01)
    time.sleep(rng.uniform(0.02, longest))
    child.send_signal(signal.SIGKILL)
    child.wait()
    lines = progress.read_text().splitlines()
    if any(line.startswith("journal failed") for line in lines):
        return "FAILED: recording stopped", lines[-1], {}
    finished = [line for line in lines if line[:1].isdigit()]
    done = int(finished[-1].split()[0]) if finished else 0
    after_done, after_next, stack_done, stack_next = _simulate(initial, seed, done, saves)
    numbers: dict[str, float] = {"steps": done}
    kind = "zip" if source.suffix else "folder"

    left = find_left_journals(folder)
    if not left:
        # No journal: nothing edited since the last save (or at all). The source has it all.
        got = content(read_bundle(source))
        verdict = "passed: nothing to recover, the source is complete" \
            if got in (after_done, after_next) else "FAILED: no journal, and the source lacks edits"
        return verdict, f"({kind}, {done} steps)", numbers
    journal = left[0]
    numbers["journal KB"] = journal.path.stat().st_size / 1024
    offer = assess(journal)
    if offer.state == "probably-saved":
        got = content(read_bundle(source))
        journal.discard()
        ok = got in (after_done, after_next)
        return ("passed: killed as a save finished, the saved source has every edit" if ok else
                "FAILED: the save that finished lost edits"), f"({kind}, {done} steps)", numbers
    if offer.state != "ready":
        return f"FAILED: offer {offer.state}", f"({kind}, {done} steps)", numbers
    started = time.perf_counter()
    recovered = recover(journal)
    numbers["recover s"] = time.perf_counter() - started
    journal.release()
    got = content(recovered.bundle)
    if recovered.problem is not None:
        return "FAILED: replay stopped", f"{recovered.problem} ({kind}, {done} steps)", numbers
    stack = ([e.description for e in recovered.stack], recovered.index)
    saved = any(line.endswith(" save") for line in finished)
    torn = " torn last record ignored;" if journal.contents.torn_tail else ""
    numbers["recovered"] = recovered.replayed
    detail = f"({kind}, {done} steps;{torn} {recovered.replayed} records)"
    if got == after_done and _same_stack(stack, stack_done, saved):
        return "passed: every finished step recovered", detail, numbers
    if got == after_next and _same_stack(stack, stack_next, saved):
        return "passed: every finished step recovered, and the one under way", detail, numbers
    return "FAILED: the recovered bundle or undo stack differs", detail, numbers


def _same_stack(recovered: tuple[list[str], int], simulated: tuple[list[str], int],
                saved: bool) -> bool:
    """The recovered undo stack is the simulated one; after a save, the part of it the journal
    knows (steps made, undone or redone since the save), at the same place."""
    (got, index), (want, want_index) = recovered, simulated
    if not saved:
        return (got, index) == (want, want_index)
    offset = want_index - index
    return offset >= 0 and want[offset:offset + len(got)] == got


def _simulate(initial: Bundle, seed: int, done: int,
              saves: float) -> tuple[Content, Content, tuple, tuple]:
    """The child's steps again, in memory: the bundle and undo stack after `done` steps and
    after one more."""
    session = EditSession()
    session.open(initial)
    script = EditingScript(session, seed, save=None, save_rate=saves)
    for _ in range(done):
        script.step()
    after_done = content(session.bundle)
    stack_done = ([e.description for e in script.stack], script.index)
    script.step()
    return after_done, content(session.bundle), stack_done, (
        [e.description for e in script.stack], script.index)


if __name__ == "__main__":
    sys.exit(main())
