"""Ask before File > Save or Save As writes a bundle that removes a large share of a file's
records, naming the counts per file; the share is a setting (Tools > Removal Warning).

Measured against the compared bundle while comparing (File > Compare With), else the bundle as
opened or last saved. A vendor importing bulk files deletes whatever a new upload leaves out
(HMH: "import 500 users today and 15 tomorrow ... removal of 485 users").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox

from rostereditor.core.comparison.save_baseline import SaveBaseline
from rostereditor.ui.comparison.comparison_tracker import ComparisonTracker
from rostereditor.ui.window.action_ids import MenuId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

# Day-to-day churn (students moving in and out) is well under 1% of a file's records; an
# export missing a school, a filter left on, or HMH's 485 of 500 are far above 5%. Term and
# year rollovers, which remove classes and enrollments on purpose, ask once: cheap to confirm.
DEFAULT_PERCENT = 5
_KEY = "uploads/removal_warning_percent"


class RemovalCheckActionId:
    SET_PERCENT = "tools.removal_warning"


class RemovalCheck(QObject):
    """The question asked before saving, and the setting of when to ask it."""

    def __init__(self, window: MainWindow, tracker: ComparisonTracker) -> None:
        super().__init__(window)
        self._window = window
        self._tracker = tracker
        self.baseline = SaveBaseline(window.session)
        self._settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                   "RosterEditor", "RosterEditor")
        window.saving.checks_before_saving.append(self.confirm)
        action = QAction("&Removal Warning\u2026", window)
        action.setObjectName(RemovalCheckActionId.SET_PERCENT)
        action.setStatusTip("Choose when saving asks first because records would be removed")
        action.triggered.connect(lambda _checked=False: self.ask_percent())
        window.actions_by_id[RemovalCheckActionId.SET_PERCENT] = action
        tools = window.menu(MenuId.TOOLS)
        tools.addSeparator()
        tools.addAction(action)

    @property
    def percent(self) -> int:
        try:
            value = int(str(self._settings.value(_KEY, DEFAULT_PERCENT)))
        except ValueError:
            return DEFAULT_PERCENT
        return max(0, min(100, value))

    @percent.setter
    def percent(self, value: int) -> None:
        self._settings.setValue(_KEY, max(0, min(100, int(value))))

    def ask_percent(self) -> bool:
        value, ok = QInputDialog.getInt(
            self._window, "Removal warning",
            "Ask before saving when a file would lose more than this share of its records "
            "(percent; 100 never asks).\nA vendor importing a full upload deletes every record "
            "it leaves out.", self.percent, 0, 100)
        if ok:
            self.percent = value
        return ok

    def confirm(self) -> bool:
        """True to go on saving: nothing over the share is removed, or the user said so."""
        live = self._tracker.live
        reference = live.reference if live is not None else None
        over = self.baseline.removals_over(self.percent, reference)
        if not over:
            return True
        against = live.label if live is not None else f"the bundle {self.baseline.how}"
        lines = "\n".join(f"\u2022 {r.message}" for r in over)
        text = (f"Compared with {against}, saving would remove more than {self.percent}% of the "
                f"records of {'a file' if len(over) == 1 else 'these files'}:\n\n{lines}\n\n"
                "A vendor importing this as a full (bulk) upload deletes every record it leaves "
                "out, with its students' work and classes. Save anyway?")
        answer = QMessageBox.question(
            self._window, "Save and remove these records?", text,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save
