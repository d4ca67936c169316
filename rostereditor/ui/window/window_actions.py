"""The window's actions, menus and toolbar, laid out in one place (handlers live in its parts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar, QToolButton

from rostereditor.ui.window.about_box import show_about
from rostereditor.ui.window.action_ids import ActionId, MenuId
from rostereditor.ui.window.shortcut_keys import set_keys

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

Std = QKeySequence.StandardKey

# Action id -> toolbar icon file in resources/icons (without .svg).
ACTION_ICONS = {
    ActionId.OPEN: "open",
    ActionId.SAVE: "save",
    ActionId.SAVE_AS: "save-as",
    ActionId.UNDO: "undo",
    ActionId.REDO: "redo",
    ActionId.PREVIOUS_PROBLEM: "previous-problem",
    ActionId.NEXT_PROBLEM: "next-problem",
    ActionId.PROBLEM_ROWS_ONLY: "problem-rows",
    ActionId.FILTER_COLUMN: "filter",
    ActionId.GO_TO_LINE: "go-to-line",
    ActionId.FIND_ID: "find-id",
    ActionId.SHOW_FINDINGS: "problems",
}


# Actions that do nothing until a bundle is open.
NEEDS_BUNDLE = (
    ActionId.SAVE, ActionId.SAVE_AS, ActionId.CLOSE_BUNDLE, ActionId.SORT_ASCENDING,
    ActionId.SORT_DESCENDING, ActionId.FILTER_COLUMN, ActionId.PROBLEM_ROWS_ONLY,
    ActionId.CLEAR_FILTERS, ActionId.HIDE_COLUMN, ActionId.SHOW_ALL_COLUMNS, ActionId.NEXT_PROBLEM,
    ActionId.PREVIOUS_PROBLEM, ActionId.GO_TO_LINE, ActionId.FIND_ID, ActionId.REVALIDATE,
    ActionId.NEXT_FILE, ActionId.PREVIOUS_FILE,
)


def create_actions(w: MainWindow) -> dict[str, QAction]:
    tabs = w.tab_commands
    actions: dict[str, QAction] = {}

    def add(action_id: str, text: str, slot: object = None, keys: tuple = (),
            tip: str = "", *, checkable: bool = False) -> QAction:
        action = QAction(text, w)
        action.setObjectName(action_id)
        if keys:
            set_keys(action, *keys)
        if tip:
            action.setStatusTip(tip)
            native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({native})" if native else tip)
        action.setCheckable(checkable)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        w.addAction(action)  # shortcuts work even while a menu bar is hidden
        actions[action_id] = action
        return action

    add(ActionId.OPEN, "&Open\u2026", w.opening.choose_and_open, (Std.Open,),
        "Open a bundle zip or CSV files")
    add(ActionId.OPEN_FOLDER, "Open &Folder\u2026", w.opening.choose_and_open_folder, (),
        "Open a folder of OneRoster CSV files")
    add(ActionId.SAVE, "&Save", w.saving.save_interactive, (Std.Save,),
        "Save the bundle back where it came from")
    add(ActionId.SAVE_AS, "Save &As Zip\u2026", w.saving.save_as_interactive, (Std.SaveAs, "Ctrl+Shift+S"),
        "Save the bundle as a new zip")
    add(ActionId.CLOSE_BUNDLE, "&Close Bundle", w.close_bundle_interactive, (Std.Close,))
    add(ActionId.QUIT, "&Quit", w.close, (Std.Quit, "Ctrl+Q"))
    actions[ActionId.QUIT].setMenuRole(QAction.MenuRole.QuitRole)

    undo = w.undo_stack.createUndoAction(w, "&Undo")
    undo.setObjectName(ActionId.UNDO)
    set_keys(undo, Std.Undo, "Ctrl+Z")
    redo = w.undo_stack.createRedoAction(w, "&Redo")
    redo.setObjectName(ActionId.REDO)
    # Ctrl+Y as in Excel and Ctrl+Shift+Z as elsewhere, whatever the platform's own choice.
    set_keys(redo, Std.Redo, "Ctrl+Y", "Ctrl+Shift+Z")
    for action in (undo, redo):
        w.addAction(action)
    actions[ActionId.UNDO] = undo
    actions[ActionId.REDO] = redo

    add(ActionId.SORT_ASCENDING, "Sort &A\u2192Z by This Column", lambda: tabs.sort_current_column(False),
        (), "Sort the rows shown (the file keeps its order)")
    add(ActionId.SORT_DESCENDING, "Sort &Z\u2192A by This Column", lambda: tabs.sort_current_column(True))
    add(ActionId.FILTER_COLUMN, "&Filter This Column\u2026", tabs.filter_current_column, ("Ctrl+Shift+L",),
        "Show only rows whose value in this column contains some text")
    add(ActionId.PROBLEM_ROWS_ONLY, "&Only Rows with Problems", tabs.set_problem_rows_only, ("Ctrl+E",),
        "Show only the rows that have problems", checkable=True)
    add(ActionId.CLEAR_FILTERS, "Show All &Rows in File Order", tabs.clear_view_order)
    add(ActionId.HIDE_COLUMN, "&Hide This Column", tabs.hide_current_column)
    add(ActionId.SHOW_ALL_COLUMNS, "Show All &Columns", tabs.show_all_columns)

    # Between file tabs as in a spreadsheet (Ctrl+PgDn), and Ctrl+Tab as elsewhere.
    add(ActionId.NEXT_FILE, "&Next File", lambda: tabs.step_file(1),
        (Std.NextChild, "Ctrl+PgDown"), "Show the next file's tab")
    add(ActionId.PREVIOUS_FILE, "Pre&vious File", lambda: tabs.step_file(-1),
        (Std.PreviousChild, "Ctrl+PgUp"), "Show the previous file's tab")

    add(ActionId.NEXT_PROBLEM, "&Next Problem", lambda: w.navigation.go_to_next_problem(False), ("F8",),
        "Go to the next problem")
    add(ActionId.PREVIOUS_PROBLEM, "&Previous Problem", lambda: w.navigation.go_to_next_problem(True),
        ("Shift+F8",), "Go to the previous problem")
    add(ActionId.GO_TO_LINE, "&Go to Line\u2026", w.navigation.ask_go_to_line, ("Ctrl+G",),
        "Go to a line number from a vendor's error report")
    add(ActionId.FIND_ID, "Find &ID in All Files\u2026", w.navigation.show_find_id, ("Ctrl+Shift+F",),
        "Find every row in every file that has an ID")
    add(ActionId.REVALIDATE, "Check &Again", w.session.check_all,
        (Std.Refresh, "F5"), "Check the whole bundle again")

    add(ActionId.OPEN_SAMPLE, "Open &Sample District", lambda: w.opening.open_sample(damaged=False))
    add(ActionId.OPEN_DAMAGED_SAMPLE, "Open Sample District with &Excel Damage",
        lambda: w.opening.open_sample(damaged=True))
    add(ActionId.ABOUT, "&About RosterEditor", lambda: show_about(w))
    actions[ActionId.ABOUT].setMenuRole(QAction.MenuRole.AboutRole)

    panel_toggle = w.findings_panel.toggleViewAction()
    panel_toggle.setObjectName(ActionId.SHOW_FINDINGS)
    panel_toggle.setText("&Problems Panel")
    set_keys(panel_toggle, "Ctrl+Shift+M")
    panel_toggle.setToolTip("Show or hide the list of problems (Ctrl+Shift+M)")
    w.addAction(panel_toggle)
    actions[ActionId.SHOW_FINDINGS] = panel_toggle
    return actions


def populate_menus(w: MainWindow, actions: dict[str, QAction]) -> dict[str, QMenu]:
    bar = w.menuBar()
    menus: dict[str, QMenu] = {}
    file_menu = menus[MenuId.FILE] = bar.addMenu("&File")
    file_menu.addAction(actions[ActionId.OPEN])
    file_menu.addAction(actions[ActionId.OPEN_FOLDER])
    w.recent_menu = file_menu.addMenu("Open &Recent")
    w.recent_menu.setObjectName(ActionId.OPEN_RECENT)
    w.recent_menu.aboutToShow.connect(w.opening.fill_recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(actions[ActionId.SAVE])
    file_menu.addAction(actions[ActionId.SAVE_AS])
    file_menu.addSeparator()
    file_menu.addAction(actions[ActionId.CLOSE_BUNDLE])
    file_menu.addAction(actions[ActionId.QUIT])

    edit_menu = menus[MenuId.EDIT] = bar.addMenu("&Edit")
    edit_menu.addAction(actions[ActionId.UNDO])
    edit_menu.addAction(actions[ActionId.REDO])
    edit_menu.addSeparator()

    view_menu = menus[MenuId.VIEW] = bar.addMenu("&View")
    for action_id in (ActionId.SORT_ASCENDING, ActionId.SORT_DESCENDING, None,
                      ActionId.FILTER_COLUMN, ActionId.PROBLEM_ROWS_ONLY, ActionId.CLEAR_FILTERS,
                      None, ActionId.HIDE_COLUMN, ActionId.SHOW_ALL_COLUMNS, None,
                      ActionId.NEXT_FILE, ActionId.PREVIOUS_FILE, None, ActionId.SHOW_FINDINGS):
        if action_id is None:
            view_menu.addSeparator()
        else:
            view_menu.addAction(actions[action_id])

    tools_menu = menus[MenuId.TOOLS] = bar.addMenu("&Tools")
    for action_id in (ActionId.NEXT_PROBLEM, ActionId.PREVIOUS_PROBLEM, ActionId.GO_TO_LINE,
                      ActionId.FIND_ID, None, ActionId.REVALIDATE):
        if action_id is None:
            tools_menu.addSeparator()
        else:
            tools_menu.addAction(actions[action_id])

    help_menu = menus[MenuId.HELP] = bar.addMenu("&Help")
    help_menu.addAction(actions[ActionId.OPEN_SAMPLE])
    help_menu.addAction(actions[ActionId.OPEN_DAMAGED_SAMPLE])
    help_menu.addSeparator()
    help_menu.addAction(actions[ActionId.ABOUT])
    for name, menu in menus.items():
        menu.setObjectName(f"menu.{name}")
    return menus


def populate_toolbar(w: MainWindow, actions: dict[str, QAction]) -> tuple[QToolBar, QToolBar]:
    """The main toolbar, and beside it the vendor and version choosers in a toolbar of their
    own (on a narrow window it gets a row of its own rather than hiding them: window_fit)."""
    toolbar = QToolBar("Main toolbar", w)
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName("Main toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    for action_id in (ActionId.OPEN, ActionId.SAVE, None, ActionId.UNDO, ActionId.REDO, None,
                      ActionId.PREVIOUS_PROBLEM, ActionId.NEXT_PROBLEM, ActionId.PROBLEM_ROWS_ONLY,
                      ActionId.FIND_ID):
        if action_id is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[action_id])
    for action_id in (ActionId.UNDO, ActionId.REDO, ActionId.PREVIOUS_PROBLEM,
                      ActionId.NEXT_PROBLEM, ActionId.FIND_ID):
        # Icon-only for the self-explanatory ones keeps the toolbar short.
        button = toolbar.widgetForAction(actions[action_id])
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    choices = QToolBar("Vendor and version", w)
    choices.setObjectName("choicesToolbar")
    choices.setAccessibleName("Vendor and OneRoster version")
    choices.setMovable(False)
    profile_label = QLabel(" Vendor: ", choices)
    w.profile_combo = QComboBox(choices)
    w.profile_combo.setAccessibleName("Vendor profile")
    w.profile_combo.setToolTip("Check the bundle against this vendor's requirements")
    profile_label.setBuddy(w.profile_combo)
    version_label = QLabel("  OneRoster: ", choices)
    w.version_combo = QComboBox(choices)
    w.version_combo.setAccessibleName("OneRoster version")
    w.version_combo.setToolTip("The OneRoster version to check against and to save as")
    # The first entry gains the detected version ("As the bundle says (1.1)"); never clip it.
    w.version_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    version_label.setBuddy(w.version_combo)
    choices.addWidget(profile_label)
    choices.addWidget(w.profile_combo)
    choices.addWidget(version_label)
    choices.addWidget(w.version_combo)
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, choices)
    return toolbar, choices
