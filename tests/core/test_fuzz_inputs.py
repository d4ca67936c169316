"""Fuzzing: no bundle or zip can crash pack or validate, and what pack accepts keeps every value.

For every mutated input, either `pack` exits 0 and every value of every file survives exactly
(compared with Python's csv module reading the same decoded text), or it exits 2 with a
message. Never a traceback, never exit 1 from pack, never a hang or a runaway memory use.
The CI run is small and seeded; `pytest -m fuzz_long` runs thousands of cases.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import signal
import tempfile
import zipfile
import zlib
from pathlib import Path

import pytest
from fuzz_inputs import expected_records, folder_files, records, saved_name, zip_bytes
from hypothesis import HealthCheck, event, given, settings
from hypothesis.errors import InvalidArgument

from rostereditor.cli.main import main

# Per input: a hang is anything slower than this, runaway memory anything past this growth.
SECONDS_PER_INPUT = 60
MEMORY_GROWTH_LIMIT_KB = 1_500_000

# A failing input's repr can be megabytes; FUZZ_SAVE_DIR keeps the input itself instead.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

QUICK = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                 suppress_health_check=list(HealthCheck))
LONG = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")), deadline=None,
                derandomize=True, database=None, suppress_health_check=list(HealthCheck))


class Hang(Exception):
    pass


@contextlib.contextmanager
def bounded(what: str):
    def alarm(*_args):
        raise Hang(f"{what} took more than {SECONDS_PER_INPUT} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, SECONDS_PER_INPUT)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown < MEMORY_GROWTH_LIMIT_KB, f"{what} grew the process by {grown} KB"


def run(*args: str) -> tuple[int, str]:
    """Run a command in this process; an exception escaping it is a traceback, and fails the test."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, err.getvalue()


def reason(err: str) -> str:
    """The gist of a refusal, for the statistics (--hypothesis-show-statistics)."""
    text = err.split("\n", maxsplit=1)[0]
    for marker in ("bundle.zip: ", "bundle: "):
        if marker in text:
            text = text.split(marker, 1)[1]
    for noise in ("bundle.zip", "Users.csv", "users.csv", "orgs.csv", "classes.csv", "extra.csv"):
        text = text.replace(noise, "X")
    return " ".join(text.split()[:7])


def check_pack(source: Path, work: Path, inputs: dict[str, bytes]) -> None:
    out = work / "out.zip"
    with bounded("pack"):
        code, err = run("pack", str(source), "-o", str(out))
    assert code in (0, 2), f"pack exited {code}: {err}"
    with contextlib.suppress(InvalidArgument):  # outside Hypothesis (a saved failure re-run)
        event("packed" if code == 0 else "refused: " + reason(err))
    if code == 2:
        assert err.strip(), "refused without saying why"
        assert "Traceback" not in err
        return
    with zipfile.ZipFile(out) as archive:
        saved = {n: archive.read(n) for n in archive.namelist()}
    for name, data in saved.items():
        if name == "manifest.csv":
            continue  # regenerated on every save
        assert not data.startswith(b"\xef\xbb\xbf"), f"{name} was saved with a byte order mark"
        originals = [raw for found, raw in inputs.items() if saved_name(found) == name]
        assert len(originals) == 1, f"{name} came from {len(originals)} inputs"
        assert records(data.decode("utf-8")) == expected_records(originals[0], name), name
    with bounded("validate"):
        code, err = run("validate", str(source))
    assert code in (0, 1, 2), f"validate exited {code}: {err}"


def folder_case(files: dict[str, bytes]) -> None:
    with kept_if_failing(repr(files).encode(), ".txt"), tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        folder = work / "bundle"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        inputs = {p.name: p.read_bytes() for p in folder.iterdir()}  # as the file system kept them
        check_pack(folder, work, inputs)


@contextlib.contextmanager
def kept_if_failing(data: bytes, suffix: str):
    """With FUZZ_SAVE_DIR set, a failing input is saved there (its repr is often too big to show)."""
    try:
        yield
    except BaseException:
        folder = os.environ.get("FUZZ_SAVE_DIR")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            (Path(folder) / f"failure-{zlib.crc32(data):08x}{suffix}").write_bytes(data)
        raise


def zip_case(raw: bytes) -> None:
    with kept_if_failing(raw, ".zip"), tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        source = work / "bundle.zip"
        source.write_bytes(raw)
        inputs: dict[str, bytes] = {}
        # What zipfile itself can read, if anything.
        with contextlib.suppress(Exception), zipfile.ZipFile(source) as archive:
            for info in archive.infolist():
                with contextlib.suppress(Exception):
                    inputs[info.filename] = archive.read(info)
        check_pack(source, work, inputs)


@QUICK
@given(files=folder_files())
def test_mutated_csv_files_are_packed_exactly_or_refused_with_a_message(files):
    folder_case(files)


@QUICK
@given(raw=zip_bytes())
def test_mutated_zips_are_packed_exactly_or_refused_with_a_message(raw):
    zip_case(raw)


@pytest.mark.fuzz_long
@LONG
@given(files=folder_files())
def test_long_run_mutated_csv_files(files):
    folder_case(files)


@pytest.mark.fuzz_long
@LONG
@given(raw=zip_bytes())
def test_long_run_mutated_zips(raw):
    zip_case(raw)
