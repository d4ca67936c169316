"""Regression: PySide6 6.12's emit() dropped a reference to True each call until Python 3.11 crashed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import rostereditor.ui  # noqa: F401 - importing the package applies the guard
from rostereditor.ui.true_refcount_guard import keep_true_alive


class _Emitter(QObject):
    fired = Signal()


def test_thousands_of_emits_leave_true_alive() -> None:
    emitter = _Emitter()
    for _ in range(20_000):  # more than True's whole count on an unguarded Python 3.11
        emitter.fired.emit()
    assert sys.getrefcount(True) > 10_000


def test_the_guard_is_applied_once() -> None:
    count = sys.getrefcount(True)
    keep_true_alive()
    assert sys.getrefcount(True) <= count + 1
