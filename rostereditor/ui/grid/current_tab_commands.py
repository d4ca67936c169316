"""View menu commands on the current tab: sort, filter, problem rows only, hide and show columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from rostereditor.ui.grid.file_tab_page import FileTabPage
from rostereditor.ui.window.action_ids import ActionId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow


class CurrentTabCommands(QObject):
    """Each command acts on the current tab's current column; none changes the saved row order."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def sync_to_current_tab(self, _index: int = -1) -> None:
        """Another tab came forward: the Only Rows with Problems tick follows that tab."""
        page = self._window.tabs.currentWidget()
        if isinstance(page, FileTabPage):
            action = self._window.action(ActionId.PROBLEM_ROWS_ONLY)
            action.blockSignals(True)  # reflect the tab's state, do not re-apply it
            action.setChecked(page.model.order.problem_rows_only)
            action.blockSignals(False)
        self._window.update_status()

    def step_file(self, by: int) -> None:
        """Ctrl+PgDn / Ctrl+PgUp: the next or previous file's tab, wrapping round."""
        tabs = self._window.tabs
        if tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() + by) % tabs.count())
            page = tabs.currentWidget()
            if isinstance(page, FileTabPage):
                page.view.setFocus()

    def _page_and_column(self) -> tuple[FileTabPage | None, int]:
        page = self._window.tabs.currentWidget()
        if not isinstance(page, FileTabPage):
            return None, -1
        index = page.view.currentIndex()
        return page, index.column() if index.isValid() else 0

    def sort_current_column(self, descending: bool) -> None:
        page, col = self._page_and_column()
        if page is not None:
            page.sort_by(col, descending)

    def filter_current_column(self) -> None:
        page, col = self._page_and_column()
        if page is not None:
            page.ask_filter(col)

    def set_problem_rows_only(self, on: bool) -> None:
        page, _ = self._page_and_column()
        if page is not None and page.model.order.problem_rows_only != on:
            page.set_problem_rows_only(on)

    def clear_view_order(self) -> None:
        page, _ = self._page_and_column()
        if page is not None:
            page.clear_view_order()
            self._window.action(ActionId.PROBLEM_ROWS_ONLY).setChecked(False)

    def hide_current_column(self) -> None:
        page, col = self._page_and_column()
        if page is not None:
            page.hide_column(col)

    def show_all_columns(self) -> None:
        page, _ = self._page_and_column()
        if page is not None:
            page.show_all_columns()
