"""RosterTableView: the grid, with its first column (sourcedId) frozen while scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableView,
    QWidget,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class RosterTableView(QTableView):
    """A QTableView plus an overlay view showing only column 0, as in Qt's frozen-column example.

    The overlay shares the model and the selection model, so selecting, editing and
    highlighting behave the same in both; only the overlay never scrolls sideways.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_view = QTableView(self)
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
        self.horizontalHeader().sectionCountChanged.connect(lambda *_: self._sync_frozen_columns())

    # -- keeping the overlay in step ---------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen_view.setModel(model)
        self.frozen_view.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._sync_frozen_columns)
            model.layoutChanged.connect(self._sync_frozen_columns)
        self._sync_frozen_columns()

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

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # The vertical header widens as line numbers grow; keep the overlay beside it.
        self._update_frozen_geometry()

    # -- scrolling and keyboard --------------------------------------------------------

    def moveCursor(self, cursor_action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = super().moveCursor(cursor_action, modifiers)
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

