"""Adding a part's entries to a window menu, found by id like the window's own actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from rostereditor.ui.window.action_ids import ActionId, MenuId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

# (action id, text, slot, status tip)
MenuEntry = tuple[str, str, Callable[[], object], str]


def add_file_menu_group(window: MainWindow, entries: Sequence[MenuEntry]) -> list[QAction]:
    """The entries as a group of their own in the File menu, just before Quit."""
    menu = window.menu(MenuId.FILE)
    before = window.actions_by_id[ActionId.QUIT]
    actions = []
    for action_id, text, slot, tip in entries:
        action = QAction(text, window)
        action.setObjectName(action_id)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        menu.insertAction(before, action)
        window.actions_by_id[action_id] = action
        actions.append(action)
    menu.insertSeparator(before)
    return actions
