"""Editing in the real window: every operation is one undo step and never converts values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyleOptionViewItem

from rostereditor.core.sample_district import generate_district
from rostereditor.ui.editing.action_ids import EditActionId
from rostereditor.ui.editing.choice_editor import ChoiceEditor
from rostereditor.ui.editing.date_editor import DateEditor
from rostereditor.ui.editing.reference_editor import ReferenceEditor


@pytest.fixture
def district_window(window, qtbot):
    window.set_bundle(generate_district(students=40, seed=3).bundle)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=10_000)
    return window


def show(window, name):
    window.go_to_cell(name, 0, 0)
    return window.table_view(name), window.model(name), window.bundle.table(name)


def select(view, top, left, bottom, right):
    model = view.model()
    selection = QItemSelection(model.index(top, left), model.index(bottom, right))
    view.setCurrentIndex(model.index(top, left))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def trigger(window, action_id):
    window.editing.actions.actions[action_id].trigger()


def edit(model, row, col, text):
    assert model.setData(model.index(row, col), text, Qt.ItemDataRole.EditRole)


def test_copy_paste_keeps_values_excel_would_convert(district_window):
    view, model, table = show(district_window, "users.csv")
    col = table.column_index("phone")
    for row, value in enumerate(["007", "1-2", "=1+1"]):
        edit(model, row, col, value)
    select(view, 0, col, 2, col)
    trigger(district_window, EditActionId.COPY)
    assert QGuiApplication.clipboard().text() == "007\r\n1-2\r\n=1+1\r\n"
    select(view, 5, col, 5, col)
    trigger(district_window, EditActionId.PASTE)
    assert [table.cell(r, col) for r in (5, 6, 7)] == ["007", "1-2", "=1+1"]
    assert district_window.undo_stack.undoText() == "Paste 3 cells"


def test_paste_excel_tsv_with_multiline_cell_and_fill_of_one_value(district_window):
    view, _, table = show(district_window, "users.csv")
    middle = table.column_index("middleName")
    QGuiApplication.clipboard().setText('"Ann\nMarie"\tx\r\n')
    select(view, 1, middle, 1, middle)
    trigger(district_window, EditActionId.PASTE)
    assert table.cell(1, middle) == "Ann\nMarie"
    assert table.cell(1, middle + 1) == "x"

    QGuiApplication.clipboard().setText("09\r\n")
    grades = table.column_index("grades")
    select(view, 2, grades, 4, grades)
    trigger(district_window, EditActionId.PASTE)
    assert [table.cell(r, grades) for r in (2, 3, 4)] == ["09", "09", "09"]


def test_paste_past_the_last_row_asks_then_adds_rows_in_one_step(district_window):
    view, _, table = show(district_window, "orgs.csv")
    count = len(table)
    district_window.editing.clipboard.ask_add_rows = lambda n: True
    QGuiApplication.clipboard().setText("org-x\r\norg-y\r\n")
    select(view, count - 1, 0, count - 1, 0)
    trigger(district_window, EditActionId.PASTE)
    assert len(table) == count + 1
    assert table.cell(count, 0) == "org-y"
    district_window.undo_stack.undo()
    assert len(table) == count


def test_fill_down_and_clear_are_single_undo_steps(district_window):
    view, _, table = show(district_window, "users.csv")
    before = [table.row_values(r) for r in range(4)]
    select(view, 0, 3, 3, 5)
    trigger(district_window, EditActionId.FILL_DOWN)
    assert {table.cell(r, 5) for r in range(4)} == {table.cell(0, 5)}
    district_window.undo_stack.undo()
    assert [table.row_values(r) for r in range(4)] == before

    trigger(district_window, EditActionId.CLEAR)
    assert all(table.cell(r, c) == "" for r in range(4) for c in (3, 4, 5))
    assert district_window.undo_stack.undoText() == "Clear 12 cells"
    district_window.undo_stack.undo()
    assert [table.row_values(r) for r in range(4)] == before


def test_insert_duplicate_delete_rows_and_undo_restores_order(district_window):
    view, model, table = show(district_window, "users.csv")
    original = [table.row_values(r) for r in range(len(table))]
    select(view, 2, 0, 3, 0)
    trigger(district_window, EditActionId.INSERT_ROW_ABOVE)
    assert table.row_values(2) == [""] * table.column_count
    assert model.rowCount() == len(original) + 2
    select(view, 0, 0, 0, 0)
    trigger(district_window, EditActionId.DUPLICATE_ROWS)
    assert table.row_values(1) == original[0]
    select(view, 5, 0, 9, 0)
    trigger(district_window, EditActionId.DELETE_ROWS)
    assert len(table) == len(original) + 3 - 5
    stack = district_window.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Insert 2 rows above", "Duplicate 1 row", "Delete 5 rows"
    ]
    for _ in range(3):
        stack.undo()
    assert [table.row_values(r) for r in range(len(table))] == original
    assert model.rowCount() == len(original)


def test_find_replace_counts_then_replaces_all_files_in_one_step(district_window):
    editing = district_window.editing
    show(district_window, "users.csv")
    dialog = editing.open_find(replace=True)
    dialog.find_edit.setText("active")
    dialog.whole_cell.setChecked(True)
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    bundle = district_window.bundle
    expected = sum(
        t.column_values(c).count("active")
        for t in (bundle.table(n) for n in bundle.data_file_names)
        for c in range(t.column_count)
    )
    assert dialog.update_count() == expected
    assert f"{expected} cells match" in dialog.count_label.text()
    dialog.replace_edit.setText("tobedeleted")
    assert dialog.replace_all() == expected
    assert dialog.update_count() == 0
    district_window.undo_stack.undo()
    assert dialog.update_count() == expected


def test_find_with_regex_whole_cell_and_find_next(district_window):
    editing = district_window.editing
    _, _, table = show(district_window, "users.csv")
    dialog = editing.open_find(replace=False)
    dialog.regex.setChecked(True)
    dialog.find_edit.setText(r"stu.*")
    dialog.whole_cell.setChecked(True)
    assert dialog.update_count() == table.column_values(table.column_index("role")).count(
        "student"
    )
    assert dialog.find_next()
    view = district_window.current_view()
    assert table.cell(view.currentIndex().row(), view.currentIndex().column()) == "student"
    dialog.find_edit.setText("(")
    assert dialog.update_count() is None
    assert "Not a valid regular expression" in dialog.count_label.text()


def test_rename_sourcedid_updates_references_and_one_undo_reverts(district_window):
    _, model, users = show(district_window, "users.csv")
    enrollments = district_window.bundle.table("enrollments.csv")
    user_col = enrollments.column_index("userSourcedId")
    row = next(r for r in range(len(users)) if users.cell(r, 5) == "student")
    old = users.cell(row, 0)
    refs = enrollments.column_values(user_col).count(old)
    assert refs > 0
    asked = []
    district_window.editing.cells.ask_rename = lambda *a: asked.append(a) or True
    edit(model, row, 0, "stu-renamed")
    assert asked[0][:3] == (old, "stu-renamed", asked[0][2])
    assert enrollments.column_values(user_col).count("stu-renamed") == refs
    assert enrollments.column_values(user_col).count(old) == 0
    district_window.undo_stack.undo()
    assert users.cell(row, 0) == old
    assert enrollments.column_values(user_col).count(old) == refs


def test_go_to_referenced_record_switches_tab_and_row(district_window):
    view, _, enrollments = show(district_window, "enrollments.csv")
    col = enrollments.column_index("userSourcedId")
    target = enrollments.cell(3, col)
    view.setCurrentIndex(view.model().index(3, col))
    trigger(district_window, EditActionId.GO_TO_REFERENCED)
    assert district_window.current_file_name() == "users.csv"
    users_view = district_window.current_view()
    row = users_view.model().source_row(users_view.currentIndex().row())
    assert district_window.bundle.table("users.csv").cell(row, 0) == target


def test_show_references_lists_rows_and_double_click_jumps(district_window, qtbot):
    view, _, classes = show(district_window, "classes.csv")
    class_id = classes.cell(0, 0)
    view.setCurrentIndex(view.model().index(0, 0))
    dialog = district_window.editing.references.show_references()
    qtbot.addWidget(dialog)
    enrollments = district_window.bundle.table("enrollments.csv")
    expected = enrollments.column_values(enrollments.column_index("classSourcedId")).count(
        class_id
    )
    assert dialog.tree.topLevelItemCount() == expected
    dialog.tree.itemDoubleClicked.emit(dialog.tree.topLevelItem(0), 0)
    assert district_window.current_file_name() == "enrollments.csv"


def test_reference_lookup_offers_ids_when_typing_part_of_a_name(district_window, qtbot):
    view, model, enrollments = show(district_window, "enrollments.csv")
    users = district_window.bundle.table("users.csv")
    users.set_cell(0, users.column_index("familyName"), "García")
    col = enrollments.column_index("userSourcedId")
    editor = view.itemDelegate().createEditor(
        view.viewport(), QStyleOptionViewItem(), model.index(0, col)
    )
    qtbot.addWidget(editor)
    assert isinstance(editor, ReferenceEditor)
    editor.setText("garc")
    labels = editor.refresh_suggestions()
    assert labels
    assert labels[0].startswith(users.cell(0, 0) + " — García")
    editor.choose_row(0)
    assert editor.text() == users.cell(0, 0)


def test_enum_dropdown_keeps_typed_text_and_date_calendar_writes_iso(district_window, qtbot):
    view, model, users = show(district_window, "users.csv")
    role = users.column_index("role")
    delegate = view.itemDelegate()
    combo = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), model.index(0, role))
    qtbot.addWidget(combo)
    assert isinstance(combo, ChoiceEditor)
    assert "student" in [combo.itemText(i) for i in range(combo.count())]
    combo.set_text("Student")
    delegate.setModelData(combo, model, model.index(0, role))
    assert users.cell(0, role) == "Student"

    view, model, enrollments = show(district_window, "enrollments.csv")
    begin = enrollments.column_index("beginDate")
    index = model.index(0, begin)
    view.setCurrentIndex(index)
    view.edit(index)
    date_editor = view.findChild(DateEditor)
    assert date_editor is not None
    # The calendar popup itself cannot open headless; picking a date is what it does.
    date_editor.pick(QDate(2018, 8, 27))
    assert enrollments.cell(0, begin) == "2018-08-27"
    assert district_window.undo_stack.undoText().startswith("Edit beginDate")


def test_review_changes_lists_edits_and_exports_csv(district_window, qtbot, tmp_path):
    view, model, users = show(district_window, "users.csv")
    grades = users.column_index("grades")
    old = users.cell(1, grades)
    edit(model, 1, grades, "9")
    select(view, 0, 0, 0, 0)
    trigger(district_window, EditActionId.DELETE_ROWS)
    dialog = district_window.editing.review_changes()
    qtbot.addWidget(dialog)
    rows = [[dialog.tree.topLevelItem(i).text(c) for c in range(7)]
            for i in range(dialog.tree.topLevelItemCount())]
    # An empty old value is shown as "(empty)", so the user sees it was blank.
    assert ["users.csv", "3", "grades", "cell changed", old or "(empty)", "\u2192", "9"] in rows
    assert any(r[3] == "row deleted" and r[1] == "2" for r in rows)
    dialog.export_to(tmp_path / "changes.csv")
    text = (tmp_path / "changes.csv").read_bytes().decode("utf-8")
    assert f"users.csv,3,grades,cell changed,{old},9\r\n" in text
