"""Keyboard shortcuts: the platform's standard keys plus the ones spreadsheet users expect
(Ctrl+Y, Ctrl+H, Ctrl+D, Ctrl+PgDn...) on every platform, and never one key for two actions.

Qt ignores a key that two actions claim ("Ambiguous shortcut overload"): on Linux the standard
Delete binding includes Ctrl+D, so Fill Down did nothing. Here a key claimed twice goes to the
action that names it explicitly; the standard binding that collides is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence

log = logging.getLogger(__name__)

Std = QKeySequence.StandardKey
Key = Std | str
# Keys an action names literally (as a list of strings), so they win over standard bindings.
EXPLICIT_KEYS = "rostereditor_explicit_keys"


def key_list(*keys: Key) -> list[QKeySequence]:
    """The platform's bindings of each standard key, then the literal keys, without repeats."""
    out: list[QKeySequence] = []
    for key in keys:
        found = [QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)
        out.extend(s for s in found if not s.isEmpty() and all(s != o for o in out))
    return out


def set_keys(action: QAction, *keys: Key) -> None:
    action.setShortcuts(key_list(*keys))
    action.setProperty(EXPLICIT_KEYS, [QKeySequence(k).toString() for k in keys if isinstance(k, str)])


def remove_ambiguous_keys(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """Give each key to one action only; returns (key, action name) for every binding dropped.

    The action naming a key explicitly keeps it; otherwise the first action to claim it does.
    """
    actions = list(actions)
    owners: dict[str, QAction] = {}
    for explicit_pass in (True, False):
        for action in actions:
            named = set(action.property(EXPLICIT_KEYS) or ())
            for seq in action.shortcuts():
                text = seq.toString()
                if (text in named) == explicit_pass:
                    owners.setdefault(text, action)
    dropped: list[tuple[str, str]] = []
    for action in actions:
        keep = [s for s in action.shortcuts() if owners.get(s.toString()) is action]
        if len(keep) != len(action.shortcuts()):
            for seq in action.shortcuts():
                if owners.get(seq.toString()) is not action:
                    dropped.append((seq.toString(), action.objectName()))
            action.setShortcuts(keep)
    for key, name in dropped:
        log.debug("shortcut %s left to another action than %s", key, name)
    return dropped
