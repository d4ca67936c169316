"""No code path opens a network socket: open, validate, pack, export and import, watched two ways."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap

# Runs every command a user has on a small damaged district, in one process.
WORKLOAD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from rostereditor.cli.main import main
    from rostereditor.core.bundle_reader import read_bundle
    from rostereditor.core.bundle_writer import write_bundle_folder

    work = Path(sys.argv[1])
    assert main(["sample", "--students", "20", "--damaged", "-o", str(work / "d.zip")]) == 0
    bundle = read_bundle(work / "d.zip")
    write_bundle_folder(bundle, work / "folder")
    read_bundle(work / "folder")
    assert main(["validate", str(work / "d.zip")]) == 1
    assert main(["validate", str(work / "d.zip"), "--format", "xlsx", "-o", str(work / "r.xlsx")]) == 1
    assert main(["pack", str(work / "folder"), "-o", str(work / "p.zip")]) == 0
    assert main(["export", str(work / "d.zip"), "-o", str(work / "b.xlsx")]) == 0
    assert main(["import", str(work / "b.xlsx"), "-o", str(work / "i.zip")]) == 0
    print("WORKLOAD DONE")
""")

# Replaces every way Python code can reach the network with one that records the attempt.
GUARD = textwrap.dedent("""
    import socket, sys
    attempts = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if family in (socket.AF_INET, socket.AF_INET6, -1) and fileno is None:
                attempts.append(("socket", family))
                raise OSError("network use is not allowed in this test")
            super().__init__(family, type, proto, fileno)

    def refuse(name):
        def refused(*args, **kwargs):
            attempts.append((name, args[:1]))
            raise OSError("network use is not allowed in this test")
        return refused

    socket.socket = GuardedSocket
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "socketpair"):
        setattr(socket, name, refuse(name))
    import atexit
    atexit.register(lambda: print("NETWORK ATTEMPTS", attempts))
""")


def run(command, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROSTEREDITOR_LOG_DIR": str(tmp_path / "logs")}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)


def test_no_command_opens_or_looks_up_a_network_socket(tmp_path):
    """The Python guard catches any attempt from Python code; strace, when it can run, also
    sees sockets that native code (Qt, Arrow) might open behind Python's back."""
    script = GUARD + "\nexec(compile(" + repr(WORKLOAD) + ", 'workload', 'exec'))\n"
    command = [sys.executable, "-c", script, str(tmp_path)]
    trace = tmp_path / "trace.txt"
    traced = shutil.which("strace") is not None
    if traced:
        command = ["strace", "-f", "-qq", "-e", "trace=network", "-o", str(trace), *command]
    done = run(command, tmp_path)
    if traced and "WORKLOAD DONE" not in done.stdout and "ptrace" in done.stderr:
        traced = False  # strace is not permitted here (a locked-down container): guard only
        done = run(command[command.index(sys.executable):], tmp_path)
    assert "WORKLOAD DONE" in done.stdout, done.stderr
    assert "NETWORK ATTEMPTS []" in done.stdout
    if traced:
        calls = trace.read_text()
        internet = [line for line in calls.splitlines()
                    if re.search(r"AF_INET6?\b|AF_PACKET|AF_NETLINK", line)]
        assert internet == []
