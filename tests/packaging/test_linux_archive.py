"""packaging/linux/make_archive.sh packs the frozen folder the same way every time."""

import lzma
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from rostereditor import __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "linux" / "make_archive.sh"

pytestmark = pytest.mark.skipif(not (shutil.which("tar") and shutil.which("xz")),
                                reason="needs tar and xz")


def _frozen_folder(dist: Path) -> None:
    app = dist / "RosterEditor"
    (app / "_internal" / "zz").mkdir(parents=True)
    (app / "_internal" / "zz" / "last.so").write_bytes(b"z" * 100)
    (app / "_internal" / "base_library.zip").write_bytes(b"b" * 100)
    for name in ("RosterEditor", "rostereditor-cli"):
        (app / name).write_bytes(b"the same launcher")
        (app / name).chmod(0o755)


def _pack(dist: Path, out: Path) -> Path:
    env = {**os.environ, "DIST": str(dist), "OUT": str(out), "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run(["bash", str(SCRIPT)], env=env, check=True, capture_output=True, timeout=120)
    return out / f"RosterEditor-{__version__}-linux-x64.tar.xz"


def test_same_folder_gives_the_same_archive(tmp_path):
    _frozen_folder(tmp_path / "dist")
    first = _pack(tmp_path / "dist", tmp_path / "one").read_bytes()
    for path in (tmp_path / "dist").rglob("*"):
        os.utime(path, (1, 1))  # a rebuild: new time stamps, same contents
    assert _pack(tmp_path / "dist", tmp_path / "two").read_bytes() == first


def test_executables_come_first_side_by_side_then_the_libraries_in_order(tmp_path):
    _frozen_folder(tmp_path / "dist")
    archive = _pack(tmp_path / "dist", tmp_path / "out")
    with tarfile.open(fileobj=lzma.open(archive)) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == [
        "RosterEditor", "RosterEditor/RosterEditor", "RosterEditor/rostereditor-cli",
        "RosterEditor/_internal", "RosterEditor/_internal/base_library.zip",
        "RosterEditor/_internal/zz", "RosterEditor/_internal/zz/last.so"]
    assert {(m.uid, m.gid, m.mtime) for m in members} == {(0, 0, 1700000000)}
    assert members[1].mode & 0o111  # still executable once unpacked


def test_refuses_to_pack_without_a_frozen_folder(tmp_path):
    done = subprocess.run(["bash", str(SCRIPT)], env={**os.environ, "DIST": str(tmp_path)},
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode != 0
    assert "freeze build.spec first" in done.stderr
