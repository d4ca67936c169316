"""The installed Qt binding must not leak references on signal emits (PySide6 6.12.0 did)."""

from __future__ import annotations

import subprocess
import sys

# Run apart: with a leaking binding the interpreter aborts, which would end the test session.
_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    fired = Signal(int)
emitter = Emitter()
emitter.fired.connect(lambda value: None)
before = sys.getrefcount(True)
for i in range(5000):
    emitter.fired.emit(i)
print(sys.getrefcount(True) - before)
"""


def test_thousands_of_signal_emits_do_not_leak_references():
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          check=False, timeout=60)
    assert done.returncode == 0, f"the Qt binding crashed the interpreter: {done.stderr[-400:]}"
    assert abs(int(done.stdout.strip())) < 50
