"""The read-only list of rows the side panels show (problems, changes, vendor report, summary)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def row_list_view(parent: QWidget, model: QAbstractItemModel, accessible_name: str, *,
                  object_name: str = "", alternating: bool = True,
                  single_selection: bool = True) -> QTableView:
    """A table that selects whole rows, is never edited, and has no line-number column."""
    view = QTableView(parent)
    if object_name:
        view.setObjectName(object_name)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(alternating)
    view.verticalHeader().hide()
    return view
