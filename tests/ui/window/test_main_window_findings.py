"""The window on a damaged district: highlights, tooltips, live re-checking, navigation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rostereditor.ui.findings.severity_style import SEVERITY_BRUSH
from rostereditor.ui.window.action_ids import ActionId

Role = Qt.ItemDataRole


def _grade_cell(window):
    """classes.csv line 26, grades: '02' damaged to '2' by the generator."""
    model = window.model("classes.csv")
    row = model.table.row_for_line(26)
    col = model.table.column_index("grades")
    return model, model.index(model.view_row(row), col)


def test_bad_cell_is_highlighted_with_a_tooltip_giving_the_fix(window, damaged_zip):
    assert window.open_bundle(damaged_zip)
    model, index = _grade_cell(window)
    assert index.data(Role.DisplayRole) == "2"
    assert index.data(Role.BackgroundRole) == SEVERITY_BRUSH["error"]
    tip = index.data(Role.ToolTipRole)
    assert "leading zero" in tip
    assert "\u201c02\u201d" in tip
    good = model.index(index.row() - 1, index.column())
    assert good.data(Role.BackgroundRole) is None


def test_tabs_show_error_counts_and_the_manifest_is_read_only(window, damaged_zip):
    window.open_bundle(damaged_zip)
    window.flush_pending_updates()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[0] == "orgs.csv"
    assert any(t.startswith("enrollments.csv (") for t in titles)
    assert titles[-1] == "manifest.csv (read-only)"
    assert window.model("manifest.csv").read_only


def test_fixing_the_cell_clears_its_highlight_and_its_line_in_the_list(window, damaged_zip):
    window.open_bundle(damaged_zip)
    window.flush_pending_updates()
    before = [f for f in window.findings_panel.all_findings()
              if f.file == "classes.csv" and f.line == 26]
    assert before
    model, index = _grade_cell(window)
    assert model.setData(index, "02", Role.EditRole)
    assert model.table.cell(model.source_row(index.row()), index.column()) == "02"
    assert index.data(Role.BackgroundRole) is None
    window.flush_pending_updates()
    after = [f for f in window.findings_panel.all_findings()
             if f.file == "classes.csv" and f.line == 26]
    assert after == []
    assert window.isWindowModified()


def test_clicking_a_finding_selects_its_cell(window, damaged_zip):
    window.open_bundle(damaged_zip)
    window.flush_pending_updates()
    panel = window.findings_panel
    row = next(i for i, f in enumerate(panel.shown_findings())
               if f.file == "users.csv" and f.column == "enabledUser")
    panel.view.clicked.emit(panel.model.index(row, 4))
    assert window.current_file_name() == "users.csv"
    current = window.current_view().currentIndex()
    model = window.model("users.csv")
    assert model.table.source_line(model.source_row(current.row())) == 667
    assert model.table.header[current.column()] == "enabledUser"
    assert current.data(Role.EditRole) == "TRUE"


def test_f8_walks_through_problems_in_order_and_shift_f8_goes_back(window, damaged_zip, qtbot):
    window.open_bundle(damaged_zip)
    window.go_to_line(2, "users.csv")
    window.action(ActionId.NEXT_PROBLEM).trigger()
    model = window.model("users.csv")
    view = window.current_view()
    first = model.table.source_line(model.source_row(view.currentIndex().row()))
    assert first == 59  # the scientific-notation identifier is the first problem in users.csv
    qtbot.keyClick(view, Qt.Key.Key_F8)
    second = model.table.source_line(model.source_row(view.currentIndex().row()))
    assert second == 201
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert model.table.source_line(model.source_row(view.currentIndex().row())) == 59


def test_go_to_line_uses_the_files_line_numbers(window, damaged_zip):
    window.open_bundle(damaged_zip)
    window.tabs.setCurrentWidget(window.page("enrollments.csv"))
    assert window.go_to_line(942)
    model = window.model("enrollments.csv")
    view = window.current_view()
    assert model.headerData(view.currentIndex().row(), Qt.Orientation.Vertical) == "942"
    assert not window.go_to_line(1)  # the header is not a record


def test_go_to_cell_clears_a_filter_that_hides_the_cell(window, damaged_zip):
    window.open_bundle(damaged_zip)
    page = window.page("users.csv")
    window.tabs.setCurrentWidget(page)
    window.action(ActionId.PROBLEM_ROWS_ONLY).setChecked(True)
    assert page.model.rowCount() < len(page.model.table)
    assert page.strip.isVisibleTo(window)
    window.go_to_cell("users.csv", 0, 0)
    assert page.model.rowCount() == len(page.model.table)
    assert window.current_view().currentIndex().row() == 0


def test_find_id_lists_the_record_and_its_references(window, damaged_zip, qtbot):
    window.open_bundle(damaged_zip)
    window.show_find_id()
    dialog = window.navigation.find_id_dialog
    dialog.query.setText("cls-000025")
    hits = dialog.search()
    files = {h.file for h in hits}
    assert {"classes.csv", "enrollments.csv"} <= files
    dialog.results.itemActivated.emit(dialog.results.item(0))
    assert window.current_file_name() == hits[0].file
    dialog.close()


def test_column_header_tooltip_explains_type_and_allowed_values(window, damaged_zip):
    window.open_bundle(damaged_zip)
    model = window.model("users.csv")
    col = model.table.column_index("role")
    tip = model.headerData(col, Qt.Orientation.Horizontal, Role.ToolTipRole)
    assert "Required" in tip
    assert "student" in tip


def test_problem_list_shows_exactly_what_the_command_line_reports(window, damaged_zip):
    from rostereditor.core.bundle_reader import read_bundle
    from rostereditor.core.validation import BundleValidator

    window.open_bundle(damaged_zip)
    window.flush_pending_updates()
    expected = BundleValidator(read_bundle(damaged_zip)).run().findings
    shown = window.findings_panel.all_findings()
    assert sorted((f.file, f.line, f.column, f.rule) for f in shown) == sorted(
        (f.file, f.line, f.column, f.rule) for f in expected
    )


def test_broken_reference_tooltip_suggests_the_id_it_probably_was(window, damaged_zip):
    # enrollments.csv line 942: userSourcedId "0000195" lost its zeros to Excel and became "195".
    window.open_bundle(damaged_zip)
    model = window.model("enrollments.csv")
    row = model.table.row_for_line(942)
    col = model.table.column_index("userSourcedId")
    tip = model.index(model.view_row(row), col).data(Role.ToolTipRole)
    assert model.table.cell(row, col) == "195"
    assert "did you mean" in tip
    assert "0000195" in tip


def test_a_huge_problem_list_is_built_off_the_gui_thread(window, damaged_zip, qtbot, monkeypatch):
    from rostereditor.ui.checking import check_presenter

    window.open_bundle(damaged_zip)
    window.flush_pending_updates()
    expected = len(window.findings_panel.all_findings())
    monkeypatch.setattr(check_presenter, "INLINE_LISTING_LIMIT", 0)  # treat this one as huge
    window.findings_panel.set_findings([], [])
    window.checks.refresh_findings_views()
    # Tab counts come from the result's counts at once; the list follows from the worker.
    assert any(window.tabs.tabText(i).startswith("enrollments.csv (") for i in range(window.tabs.count()))
    qtbot.waitUntil(lambda: len(window.all_findings()) == expected, timeout=10_000)
    assert len(window.findings_panel.all_findings()) == expected
