"""The undo history (QUndoView) in a dock; clicking a step undoes or redoes back to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QUndoView, QWidget

from rostereditor.ui.editing.action_ids import EditActionId


class HistoryDock(QDockWidget):
    def __init__(self, stack: QUndoStack, parent: QWidget) -> None:
        super().__init__("History", parent)
        self.setObjectName("history_dock")
        self.view = QUndoView(stack, self)
        self.view.setEmptyLabel("Opened bundle")
        self.view.setAccessibleName("Edit history")
        # Long step names ("Fix 12 cells in grades: …") wrap instead of scrolling sideways.
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setToolTip("Click a step to undo or redo back to it")
        self.setMinimumWidth(260)
        self.setWidget(self.view)
        toggle = self.toggleViewAction()
        toggle.setObjectName(EditActionId.SHOW_HISTORY)
        toggle.setText("H&istory")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
