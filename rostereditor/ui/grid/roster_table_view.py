"""RosterTableView: the grid, with its first column (sourcedId) frozen while scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableView,
    QWidget,
)

from rostereditor.ui.grid.cell_editor_keys import (
    OffersChoices,
    Step,
    caret_to_end,
    is_alt_down,
    is_context_menu_key,
    start_typing,
)

AnyIndex = QModelIndex | QPersistentModelIndex
Trigger = QAbstractItemView.EditTrigger
Cursor = QAbstractItemView.CursorAction
_STEP_CURSOR = {Step.DOWN: Cursor.MoveDown, Step.UP: Cursor.MoveUp,
                Step.RIGHT: Cursor.MoveRight, Step.LEFT: Cursor.MoveLeft}


def open_cell_editor(view: QAbstractItemView, index: AnyIndex, trigger: Trigger,
                     event: QEvent | None) -> bool:
    """Open an editor as a spreadsheet does: a typed key replaces the value, F2 and a double
    click edit in place. False if the cell cannot be edited now."""
    typed = (trigger == Trigger.AnyKeyPressed and isinstance(event, QKeyEvent)
             and bool(event.text()))
    # No event: the key that opened it is sent to the editor below (Qt takes a null event).
    if not QAbstractItemView.edit(view, index, Trigger.AllEditTriggers, None):  # type: ignore[call-overload]
        return False
    editor = view.indexWidget(index)
    if typed:
        assert isinstance(event, QKeyEvent)
        start_typing(editor, event)
    elif trigger in (Trigger.EditKeyPressed, Trigger.DoubleClicked):
        caret_to_end(editor)
    return True


class FrozenColumnView(QTableView):
    """The overlay showing column 0. It takes no focus: its editors hand focus back to the grid."""

    def edit(self, index: AnyIndex, trigger: Trigger | None = None,  # type: ignore[override]
             event: QEvent | None = None) -> bool:
        if trigger is None:
            return open_cell_editor(self, index, Trigger.AllEditTriggers, None)
        if not trigger & self.editTriggers() and trigger != Trigger.AllEditTriggers:
            return False
        return open_cell_editor(self, index, trigger, event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        grid = self.parentWidget()
        if grid is not None:
            grid.setFocus(Qt.FocusReason.OtherFocusReason)


class RosterTableView(QTableView):
    """A QTableView plus an overlay view showing only column 0, as in Qt's frozen-column example.

    The overlay shares the model and the selection model, so selecting, editing and
    highlighting behave the same in both; only the overlay never scrolls sideways.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # True only while the Menu key or Shift+F10 opens the menu (it then starts on a fix).
        self.menu_from_keyboard = False
        self.frozen_view = FrozenColumnView(self)
        self.frozen_view.setObjectName("frozenColumn")
        self.frozen_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen_view.verticalHeader().hide()
        self.frozen_view.setFrameShape(QFrame.Shape.NoFrame)
        self.frozen_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen_view.setAccessibleName("Frozen identifier column")
        self.viewport().stackUnder(self.frozen_view)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        for view in (self, self.frozen_view):
            # Fixed heights: a million rows never get measured one by one.
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
            view.setWordWrap(False)
            view.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.verticalHeader().sectionResized.connect(self._on_row_resized)
        self.frozen_view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen_view.verticalScrollBar().setValue)
        # After a reset (leaving "only rows with problems") the grid may scroll to its row before
        # the overlay has its new height: the overlay's value was cut to its old range. Catch up.
        self.frozen_view.verticalScrollBar().rangeChanged.connect(self._resync_frozen_rows)
        # Sideways, the grid stops only where a whole column starts beside the frozen one.
        self._last_x = 0
        self._snapping = False
        self.horizontalScrollBar().valueChanged.connect(self._snap_to_column)
        self.horizontalHeader().sectionCountChanged.connect(lambda *_: self._sync_frozen_columns())

    # -- keeping the overlay in step ---------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen_view.setModel(model)
        self.frozen_view.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._sync_frozen_columns)
            model.layoutChanged.connect(self._sync_frozen_columns)
            model.modelReset.connect(self._fit_row_header)
        self._sync_frozen_columns()
        self._fit_row_header()

    def _fit_row_header(self) -> None:
        """Wide enough for the largest line number beside a problem mark, at any scroll (Qt
        measures only some rows, and a mark further down would clip its number)."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        digits = len(str(rows + 1)) + 1  # a record may span lines: one digit to spare
        header = self.verticalHeader()
        mark = header.style().pixelMetric(header.style().PixelMetric.PM_SmallIconSize)
        width = header.fontMetrics().horizontalAdvance("9" * digits) + mark + 16
        header.setMinimumWidth(width)

    def setItemDelegate(self, delegate: QAbstractItemDelegate) -> None:
        super().setItemDelegate(delegate)
        self.frozen_view.setItemDelegate(delegate)

    def setItemDelegateForColumn(self, column: int, delegate: QAbstractItemDelegate) -> None:
        super().setItemDelegateForColumn(column, delegate)
        if column == 0:
            self.frozen_view.setItemDelegateForColumn(0, delegate)

    def setColumnHidden(self, column: int, hide: bool) -> None:
        super().setColumnHidden(column, hide)
        self._sync_frozen_columns()

    def _sync_frozen_columns(self) -> None:
        model = self.model()
        columns = model.columnCount() if model is not None else 0
        first_hidden = columns == 0 or self.isColumnHidden(0)
        for col in range(columns):
            self.frozen_view.setColumnHidden(col, col != 0 or first_hidden)
        self.frozen_view.setVisible(not first_hidden)
        if columns:
            self.frozen_view.setColumnWidth(0, self.columnWidth(0))
        self._update_frozen_geometry()

    def _resync_frozen_rows(self, *_range: int) -> None:
        self.frozen_view.verticalScrollBar().setValue(self.verticalScrollBar().value())

    def _on_section_resized(self, index: int, _old: int, new: int) -> None:
        if index == 0:
            self.frozen_view.setColumnWidth(0, new)
            self._update_frozen_geometry()

    def _on_row_resized(self, index: int, _old: int, new: int) -> None:
        self.frozen_view.setRowHeight(index, new)

    def _update_frozen_geometry(self) -> None:
        self.frozen_view.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen_view.setGeometry(
            self.verticalHeader().width() + self.frameWidth(),
            self.frameWidth(),
            self.columnWidth(0),
            self.viewport().height() + self.horizontalHeader().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_frozen_geometry()

    # -- whole columns beside the frozen one ------------------------------------------------

    def column_stops(self) -> list[int]:
        """Horizontal scroll positions that put a whole column right after the frozen one
        (as Excel's frozen panes do: never a sliver of a column half under column 0)."""
        if self.frozen_view.isHidden():
            return []
        header = self.horizontalHeader()
        first = self.columnWidth(0)
        return [header.sectionPosition(c) - first for c in range(1, header.count())
                if not header.isSectionHidden(c)]

    def _snap_to_column(self, value: int) -> None:
        if self._snapping:
            return
        stops = self.column_stops()
        if not stops or value in stops:
            self._last_x = value
            return
        if value > self._last_x:
            later = [x for x in stops if x >= value]
            target = later[0] if later else stops[-1]
        else:
            earlier = [x for x in stops if x <= value]
            target = earlier[-1] if earlier else 0
        self._snapping = True
        try:
            self.horizontalScrollBar().setValue(target)
        finally:
            self._snapping = False
        self._last_x = self.horizontalScrollBar().value()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        bar = self.horizontalScrollBar()
        beyond = [x for x in self.column_stops() if x >= bar.maximum()]
        if beyond and beyond[0] > bar.maximum():
            # Room to scroll the last columns in whole, with blank space after them.
            bar.setMaximum(beyond[0])
        # The vertical header widens as line numbers grow; keep the overlay beside it.
        self._update_frozen_geometry()

    # -- scrolling and keyboard --------------------------------------------------------

    def moveCursor(self, cursor_action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = super().moveCursor(cursor_action, modifiers)
        if cursor_action == QAbstractItemView.CursorAction.MoveHome and current.column() == 0:
            # Home, as in Excel: back to the first columns, not only to the frozen one.
            self.horizontalScrollBar().setValue(0)
        frozen_width = self.frozen_view.width() if self.frozen_view.isVisible() else 0
        if (cursor_action == QAbstractItemView.CursorAction.MoveLeft and current.column() > 0
                and self.visualRect(current).left() < frozen_width):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).left() - frozen_width)
        return current

    def scrollTo(self, index: AnyIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.isValid() and index.column() == 0:
            # Column 0 is always in view: scroll rows only, never sideways.
            bar = self.horizontalScrollBar()
            keep = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(keep)
            return
        super().scrollTo(index, hint)
        if index.isValid() and self.frozen_view.isVisible():
            # A cell hidden under the frozen column is not really visible: nudge it out.
            rect = self.visualRect(index)
            if rect.left() < self.frozen_view.width():
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + rect.left() - self.frozen_view.width())

    # -- editing as in a spreadsheet (see cell_editor_keys) ------------------------------

    def edit(self, index: AnyIndex, trigger: Trigger | None = None,  # type: ignore[override]
             event: QEvent | None = None) -> bool:
        if trigger is None:
            trigger = Trigger.AllEditTriggers
        elif trigger != Trigger.AllEditTriggers and not trigger & self.editTriggers():
            return False
        if index.isValid() and index.column() == 0 and self.frozen_view.isVisible():
            # Column 0 lies under the overlay: edit it there, where it can be seen.
            return open_cell_editor(self.frozen_view, index, trigger, event)
        return open_cell_editor(self, index, trigger, event)

    def step(self, step: Step) -> None:
        """After a commit: move the current cell as Enter, Tab and their Shift forms do."""
        if step != Step.STAY:
            index = self.moveCursor(_STEP_CURSOR[step], Qt.KeyboardModifier.NoModifier)
            if index.isValid():
                self.setCurrentIndex(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_current_choices(self) -> bool:
        """Alt+Down: edit the current cell and open its list or calendar, if it has one."""
        index = self.currentIndex()
        if not index.isValid() or not self.edit(index, Trigger.EditKeyPressed, None):
            return False
        view = self.frozen_view if index.column() == 0 and self.frozen_view.isVisible() else self
        editor = view.indexWidget(index)
        if isinstance(editor, OffersChoices):
            editor.open_choices()
        return True

    def request_context_menu(self) -> None:
        """The Menu key or Shift+F10: the right-click menu for the current cell, beside it."""
        index = self.currentIndex()
        pos = QPoint(0, 0)
        if index.isValid():
            rect = self.visualRect(index)
            if index.column() == 0 and self.frozen_view.isVisible():
                frozen = self.frozen_view
                corner = frozen.viewport().mapToGlobal(frozen.visualRect(index).center())
                pos = self.viewport().mapFromGlobal(corner)
            else:
                pos = rect.center()
        # Read by the menu's builder: from the keyboard, it starts on the first fix.
        self.menu_from_keyboard = True
        try:
            self.customContextMenuRequested.emit(pos)
        finally:
            self.menu_from_keyboard = False

    def event(self, event: QEvent) -> bool:
        if (isinstance(event, QContextMenuEvent)
                and event.reason() == QContextMenuEvent.Reason.Keyboard):
            # The platform turns the Menu key into this event, placed in the view's own
            # coordinates; the menu's handler reads viewport ones (as for a click), which put it
            # one row down and one column right. Open it for the current cell instead.
            self.request_context_menu()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step(Step.UP if shift else Step.DOWN)
            event.accept()
            return
        if not editing and is_alt_down(event):
            self.open_current_choices()
            event.accept()
            return
        if is_context_menu_key(event):
            self.request_context_menu()
            event.accept()
            return
        super().keyPressEvent(event)
