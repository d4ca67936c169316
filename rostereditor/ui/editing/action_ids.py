"""Object names of the editing actions, so the window, menus and tests can find them by id."""

from __future__ import annotations


class EditActionId:
    UNDO = "edit.undo"
    REDO = "edit.redo"
    CUT = "edit.cut"
    COPY = "edit.copy"
    PASTE = "edit.paste"
    FILL_DOWN = "edit.fill_down"
    CLEAR = "edit.clear"
    INSERT_ROW_ABOVE = "edit.insert_row_above"
    INSERT_ROW_BELOW = "edit.insert_row_below"
    DUPLICATE_ROWS = "edit.duplicate_rows"
    DELETE_ROWS = "edit.delete_rows"
    FIND = "edit.find"
    REPLACE = "edit.replace"
    FIND_NEXT = "edit.find_next"
    GO_TO_REFERENCED = "edit.go_to_referenced"
    SHOW_REFERENCES = "edit.show_references"
    REVIEW_CHANGES = "edit.review_changes"
    SHOW_HISTORY = "view.show_history"
