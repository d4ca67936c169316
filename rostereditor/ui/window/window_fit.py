"""The window fits the screen it opens on: the first window fits the available space with the
grid keeping most of the height; on short screens the problems panel and the notice banner
take less room; on narrow ones the toolbar drops button labels, then gives the vendor and
version choosers a row of their own rather than hiding them in its overflow menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QToolBar, QToolButton

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

# The size a first window asks for on a roomy screen.
PREFERRED_WIDTH, PREFERRED_HEIGHT = 1200, 760
# Room left for the window's frame and title bar, which the window does not own.
FRAME_ALLOWANCE = 48
# Below these heights (logical pixels) the banner is one line and the problems panel starts
# collapsed to its counts line.
SHORT_FOR_BANNER = 800
SHORT_FOR_PANEL = 600
# Share of the height the problems panel starts with: the grid keeps the rest.
PANEL_SHARE = 0.24
PANEL_SHARE_OPENED = 0.4


def available_area(window: MainWindow) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_first_window(window: MainWindow) -> None:
    """Size and place a window that has no remembered geometry (or one off this screen)."""
    area = available_area(window)
    width = min(PREFERRED_WIDTH, area.width() - 16)
    height = min(PREFERRED_HEIGHT, area.height() - FRAME_ALLOWANCE)
    window.resize(max(width, 320), max(height, 240))
    window.move(area.x() + (area.width() - window.width()) // 2,
                area.y() + max(0, (area.height() - height - FRAME_ALLOWANCE) // 2))
    fit_panels(window)


def keep_on_screen(window: MainWindow) -> None:
    """A remembered geometry from a bigger screen (or a higher resolution) is fitted again."""
    area = available_area(window)
    frame = window.frameGeometry()
    if frame.width() > area.width() or frame.height() > area.height() or not area.intersects(frame):
        fit_first_window(window)


def keep_layout_within_screen(window: MainWindow) -> None:
    """Panels side by side (a remembered layout, then View > Summary) can need more width than
    the screen has, and Qt grows the window past its edge to make room. Tab them together
    instead and bring the window back within the available area. A window merely larger than
    the screen (its own size, not its panels') is left to keep_on_screen."""
    if window.isMaximized() or window.isFullScreen() or window.isMinimized():
        return
    area = available_area(window)
    frame = window.frameGeometry()
    most_width = area.width() - (frame.width() - window.width())
    most_height = area.height() - (frame.height() - window.height())
    needed = window.minimumSizeHint()
    if needed.width() <= most_width and needed.height() <= most_height:
        return
    tab_panels_together(window)
    layout = window.layout()
    if layout is not None:
        layout.activate()  # the smaller minimum size applies now, so the resize can take
    window.resize(min(window.width(), most_width), min(window.height(), most_height))
    frame = window.frameGeometry()
    window.move(max(area.x(), min(frame.x(), area.x() + area.width() - frame.width())),
                max(area.y(), min(frame.y(), area.y() + area.height() - frame.height())))


def tab_panels_together(window: MainWindow) -> None:
    """Every docked panel shares one tab group per side of the window (Problems first)."""
    groups: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible() and not dock.isFloating():
            groups.setdefault(window.dockWidgetArea(dock), []).append(dock)
    for docks in groups.values():
        docks.sort(key=lambda dock: dock is not window.findings_panel)
        for other in docks[1:]:
            window.tabifyDockWidget(docks[0], other)


def fit_panels(window: MainWindow) -> None:
    """The problems panel starts at a share of the height; short screens get compact parts."""
    height = available_area(window).height()
    window.banner.set_compact(height < SHORT_FOR_BANNER)
    window.findings_panel.set_compact(height < SHORT_FOR_PANEL)
    size_panel(window)


def size_panel(window: MainWindow) -> None:
    """The panel's height: its counts line when collapsed, else a share of the window."""
    panel = window.findings_panel
    if panel.is_collapsed():
        wanted = panel.minimumSizeHint().height()
    else:
        opened = panel.list_button.isVisible()
        wanted = int(window.height() * (PANEL_SHARE_OPENED if opened else PANEL_SHARE))
    window.resizeDocks([panel], [max(wanted, 40)], Qt.Orientation.Vertical)


class ToolbarFit(QObject):
    """Keeps the toolbar's choosers in view as the window narrows (see the module docstring)."""

    def __init__(self, window: MainWindow, main: QToolBar, choices: QToolBar) -> None:
        super().__init__(window)
        self._window = window
        self._main = main
        self._choices = choices
        self._labels = {button: button.toolButtonStyle()
                        for button in main.findChildren(QToolButton)
                        if button.defaultAction() is not None}
        self._broken = False
        self._busy = False

    def apply(self) -> None:
        """Fit the toolbars to the window's width now (also after every resize)."""
        if self._busy:
            return
        self._busy = True
        try:
            self._fit(self._window.width())
        finally:
            self._busy = False

    def _fit(self, width: int) -> None:
        self._show_labels(True)
        if self._needed() > width:
            self._show_labels(False)
        wrap = self._needed() > width
        if wrap != self._broken:
            self._broken = wrap
            if wrap:
                self._window.insertToolBarBreak(self._choices)
            else:
                self._window.removeToolBarBreak(self._choices)

    def _needed(self) -> int:
        for toolbar in (self._main, self._choices):
            layout = toolbar.layout()
            if layout is not None:
                layout.invalidate()  # the buttons' new style must count now
        return self._main.sizeHint().width() + self._choices.sizeHint().width() + 24

    def _show_labels(self, show: bool) -> None:
        for button, style in self._labels.items():
            button.setToolButtonStyle(style if show else Qt.ToolButtonStyle.ToolButtonIconOnly)

    @property
    def choices_on_own_row(self) -> bool:
        return self._broken
