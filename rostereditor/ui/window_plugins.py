"""Installs the optional plug-ins (editing, Excel) that build on MainWindow's contract."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


def install_plugins(window: Any) -> None:
    """A plug-in that cannot be imported leaves a working viewer rather than no window."""
    try:
        from rostereditor.ui.editing import install_editing  # noqa: PLC0415 - optional plug-in
    except ImportError:
        log.info("editing plug-in not available")
    else:
        install_editing(window)
    try:
        from rostereditor.ui.xlsx_actions import install_xlsx_actions  # noqa: PLC0415
    except ImportError:
        log.info("xlsx plug-in not available")
    else:
        install_xlsx_actions(window)
