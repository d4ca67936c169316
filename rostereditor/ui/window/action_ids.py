"""Stable ids of the window's actions and menus, so tests and plug-ins can find them."""

from __future__ import annotations


class MenuId:
    FILE = "file"
    EDIT = "edit"
    VIEW = "view"
    TOOLS = "tools"
    HELP = "help"


class ActionId:
    OPEN = "file.open"
    OPEN_FOLDER = "file.open_folder"
    OPEN_RECENT = "file.open_recent"
    SAVE = "file.save"
    SAVE_AS = "file.save_as"
    CLOSE_BUNDLE = "file.close_bundle"
    QUIT = "file.quit"

    UNDO = "edit.undo"
    REDO = "edit.redo"

    SORT_ASCENDING = "view.sort_ascending"
    SORT_DESCENDING = "view.sort_descending"
    FILTER_COLUMN = "view.filter_column"
    PROBLEM_ROWS_ONLY = "view.problem_rows_only"
    CLEAR_FILTERS = "view.clear_filters"
    HIDE_COLUMN = "view.hide_column"
    SHOW_ALL_COLUMNS = "view.show_all_columns"
    SHOW_FINDINGS = "view.show_findings"
    NEXT_FILE = "view.next_file"
    PREVIOUS_FILE = "view.previous_file"

    NEXT_PROBLEM = "tools.next_problem"
    PREVIOUS_PROBLEM = "tools.previous_problem"
    GO_TO_LINE = "tools.go_to_line"
    FIND_ID = "tools.find_id"
    REVALIDATE = "tools.revalidate"

    OPEN_SAMPLE = "help.open_sample"
    OPEN_DAMAGED_SAMPLE = "help.open_damaged_sample"
    ABOUT = "help.about"
