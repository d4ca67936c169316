"""The toolbar's OneRoster version is the session's: editors and reference updates follow it.

The bug this guards: a 1.1 bundle without a manifest is read as 1.0; with 1.1 picked in the
toolbar the checks used 1.1, but enabledUser got a plain text editor and renaming a term
updated 2 references and left every classes.termSourcedIds cell pointing at nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.sample_district import generate_district
from rostereditor.ui.editing.choice_editor import ChoiceEditor


def _unlabelled_11_window(window):
    bundle = generate_district(students=60, seed=5).bundle
    del bundle.files[MANIFEST]
    window.set_bundle(bundle)
    # Read as 1.1 now (its files look like 1.1); pick 1.0 to get back the mismatch guarded here.
    window.version_combo.setCurrentIndex(window.version_combo.findData("1.0"))
    assert window.session.version == "1.0"
    window.version_combo.setCurrentIndex(window.version_combo.findData("1.1"))
    assert window.session.version == "1.1"
    return bundle


def test_picking_11_in_the_toolbar_gives_enabled_user_a_true_false_editor(window, qtbot):
    _unlabelled_11_window(window)
    window.go_to_cell("users.csv", 0, 0)
    view, model = window.table_view("users.csv"), window.model("users.csv")
    col = model.table.column_index("enabledUser")
    editor = view.itemDelegate().createEditor(view.viewport(), QStyleOptionViewItem(),
                                              model.index(0, col))
    qtbot.addWidget(editor)
    assert isinstance(editor, ChoiceEditor)
    assert [editor.itemText(i) for i in range(editor.count())] == ["true", "false"]
    assert window.validation_result.version == "1.1"


def test_renaming_a_term_updates_every_termsourcedids_cell(window):
    bundle = _unlabelled_11_window(window)
    sessions, classes = bundle.table("academicSessions.csv"), bundle.table("classes.csv")
    terms = classes.column_index("termSourcedIds")
    pointing = [r for r in range(len(classes)) if "ay2025-s1" in classes.cell(r, terms).split(",")]
    assert pointing
    window.editing.cells.ask_rename = lambda *_: True
    model = window.model("academicSessions.csv")
    row = sessions.column_values(0).index("ay2025-s1")
    assert model.setData(model.index(model.view_row(row), 0), "fall-2024", Qt.ItemDataRole.EditRole)
    assert all("fall-2024" in classes.cell(r, terms).split(",") for r in pointing)
    window.undo_stack.undo()
    assert all("ay2025-s1" in classes.cell(r, terms).split(",") for r in pointing)
