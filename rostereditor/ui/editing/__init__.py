"""Spreadsheet-grade editing for the window: every change a session edit and one undo step."""
