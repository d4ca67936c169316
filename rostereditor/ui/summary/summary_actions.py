"""View > Summary: the Summary panel, kept current while shown, its export and its links to the
records it lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow.compute as pc
from PySide6.QtCore import QObject, Qt

from rostereditor.ui.summary.summary_panel import SummaryPanel
from rostereditor.ui.summary.summary_refresh import SummaryRefresh
from rostereditor.ui.window.action_ids import MenuId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow


class SummaryActionId:
    SHOW = "view.show_summary"


class SummaryActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.panel = SummaryPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        window.tabifyDockWidget(window.findings_panel, self.panel)
        self.panel.hide()
        self.refresh = SummaryRefresh(window.session, window.runner, self._is_shown, self)
        self.refresh.summarized.connect(self.panel.show_summary)
        self.refresh.started.connect(self.panel.show_busy)
        self.refresh.failed.connect(lambda message: window.show_status(
            f"The summary could not be made: {message}", 8000))
        self.panel.visibilityChanged.connect(self._on_visibility)
        self.panel.record_requested.connect(self.go_to_record)
        self.panel.export_requested.connect(self.export)
        toggle = self.panel.toggleViewAction()
        # Tabbed with the problems list: showing it means showing its tab.
        toggle.triggered.connect(self._raise_when_shown)
        toggle.setObjectName(SummaryActionId.SHOW)
        toggle.setText("&Summary")
        toggle.setStatusTip("What the vendor will see once it imports the bundle: people per "
                            "school, role and grade, classes, class sizes, who has no class")
        window.actions_by_id[SummaryActionId.SHOW] = toggle
        window.menu(MenuId.VIEW).addAction(toggle)

    def _raise_when_shown(self, checked: bool) -> None:
        if checked:
            self.panel.raise_()

    def _is_shown(self) -> bool:
        return self.panel.isVisible()

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.refresh.shown()

    def export(self) -> bool:
        path = self.panel.choose_and_export(self._window.settings.last_folder())
        if path is not None:
            self._window.show_status(f"Exported the summary to {path}.")
        return path is not None

    def go_to_record(self, file: str, sourced_id: str) -> bool:
        table = self._window.session.table(file)
        col = table.column_index("sourcedId") if table is not None else None
        if table is None or col is None:
            return False
        found = pc.index(table.column_array(col), sourced_id).as_py()
        if found is None or found < 0:
            self._window.show_status(f"{sourced_id} is no longer in {file}.")
            return False
        return self._window.go_to_cell(file, int(found), col)
