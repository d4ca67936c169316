"""Keeps PySide6 6.12's Signal.emit() from crashing Python 3.11 by freeing True."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# How many references to add to True: more emits than any session will ever make.
HEADROOM = 1 << 40
_PROBE_EMITS = 16


class _Probe(QObject):
    fired = Signal()


def emit_drops_a_reference_to_true() -> bool:
    """True if this PySide6 returns True from emit() without owning a reference to it.

    Why: PySide6 6.12.0 does, so each emit() from Python drops True's count by one. On
    Python 3.11 (True is not immortal before 3.12) the count reaches zero after a few thousand
    emits (a few hundred cell edits) and the process dies ("bool_dealloc: deallocating True").
    """
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.fired.emit()
    return before - sys.getrefcount(True) >= _PROBE_EMITS // 2


def keep_true_alive() -> None:
    """Give True enough references that emit() can never free it (no-op where not needed)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return  # True is immortal there
    if sys.getrefcount(True) > HEADROOM // 2 or not emit_drops_a_reference_to_true():
        return  # already done, or a PySide6 without the bug
    # ob_refcnt is a PyObject's first field in every non-debug CPython 3.11 build.
    ctypes.c_ssize_t.from_address(id(True)).value += HEADROOM
