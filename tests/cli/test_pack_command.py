"""`rostereditor pack`: canonical zip out, exit 2 and a message (no traceback) for bad input."""

import subprocess
import sys
import zipfile


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "rostereditor", *args], capture_output=True,
                          text=True, cwd=cwd, check=False)


def test_pack_folder_writes_canonical_zip_with_manifest(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "orgs.csv").write_bytes(b"sourcedId,name\no1,\"North, High\"\n")
    result = run_cli("pack", str(src), "-o", str(tmp_path / "out.zip"), "--oneroster", "1.1")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.read("orgs.csv") == b'sourcedId,name\r\no1,"North, High"\r\n'
        assert b"oneroster.version,1.1" in archive.read("manifest.csv")


def test_pack_loose_files(tmp_path):
    (tmp_path / "orgs.csv").write_bytes(b"sourcedId\no1\n")
    (tmp_path / "users.csv").write_bytes(b"sourcedId\nu1\n")
    files = [str(tmp_path / "orgs.csv"), str(tmp_path / "users.csv")]
    result = run_cli("pack", *files, "-o", str(tmp_path / "o.zip"))
    assert result.returncode == 0, result.stderr
    assert sorted(zipfile.ZipFile(tmp_path / "o.zip").namelist()) == ["orgs.csv", "users.csv"]


def test_unreadable_input_exits_2_with_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = run_cli("pack", str(bad), "-o", str(tmp_path / "o.zip"))
    assert result.returncode == 2
    assert "not a valid zip" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o.zip").exists()


def test_output_into_a_missing_folder_exits_2_without_a_traceback(tmp_path):
    (tmp_path / "orgs.csv").write_bytes(b"sourcedId\no1\n")
    result = run_cli("pack", str(tmp_path / "orgs.csv"), "-o", str(tmp_path / "missing" / "o.zip"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_packing_a_1_0_bundle_does_not_claim_a_manifest(tmp_path):
    (tmp_path / "orgs.csv").write_bytes(b"sourcedId\no1\n")
    result = run_cli("pack", str(tmp_path / "orgs.csv"), "-o", str(tmp_path / "o.zip"))
    assert result.returncode == 0
    assert "no manifest" in result.stdout
    assert "manifest.csv" not in zipfile.ZipFile(tmp_path / "o.zip").namelist()


def test_output_into_a_closed_pipe_ends_quietly():
    # Like `rostereditor rules | head -1` once head has exited: the reader is already gone.
    code = ("import os, sys\n"
            "read_end, write_end = os.pipe()\n"
            "os.close(read_end)\n"
            "os.dup2(write_end, 1)\n"
            "from rostereditor.cli.main import main\n"
            "sys.exit(main(['rules']))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0


def test_pack_can_leave_out_empty_unnamed_columns_at_the_end(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    # Excel's leftovers: two unnamed, empty columns after the last real one.
    (src / "orgs.csv").write_bytes(b"sourcedId,name,,\r\no1,North,,\r\no2,,,\r\n")
    (src / "users.csv").write_bytes(b"sourcedId,,note\r\nu1,,x\r\n")  # named after: kept
    result = run_cli("pack", str(src), "-o", str(tmp_path / "out.zip"), "--drop-empty-columns")
    assert result.returncode == 0, result.stderr
    assert "orgs.csv: left out 2 empty columns at the end." in result.stdout
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.read("orgs.csv") == b"sourcedId,name\r\no1,North\r\no2,\r\n"
        assert archive.read("users.csv") == b"sourcedId,,note\r\nu1,,x\r\n"
    assert run_cli("pack", str(src), "-o", str(tmp_path / "kept.zip")).returncode == 0
    with zipfile.ZipFile(tmp_path / "kept.zip") as archive:
        assert archive.read("orgs.csv").startswith(b"sourcedId,name,,\r\n")
