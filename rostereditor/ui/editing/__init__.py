"""Spreadsheet-grade editing for the window: every change an undoable command."""

from __future__ import annotations

from rostereditor.ui.editing.install import SpreadsheetEditing, install_editing

__all__ = ["SpreadsheetEditing", "install_editing"]
