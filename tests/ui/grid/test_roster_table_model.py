"""RosterTableModel: exact text, visible edge spaces, line numbers, findings by cell, edits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rostereditor.core.table import Table
from rostereditor.core.validation import Finding
from rostereditor.ui.findings.severity_style import SEVERITY_BRUSH
from rostereditor.ui.grid.roster_table_model import SPACE_MARK, RosterTableModel

Role = Qt.ItemDataRole


def _model(sink=None) -> RosterTableModel:
    table = Table.from_rows(["sourcedId", "grades", "enabledUser", "givenName"], [
        ["u1", "09", "true", " Ana"],
        ["u2", "9", "TRUE", "Bo "],
        ["u3", "KG", "false", "Cy"],
    ])
    return RosterTableModel(table, "users.csv", sink or RecordingSink())


def _finding(row_id: int, col: int, severity: str = "error") -> Finding:
    return Finding("users.csv", row_id + 2, "grades", "excel.grade-leading-zero", severity,
                   "grade lost its leading zero", "9", row_id, col, "09")


def test_model_passes_qt_model_tester_with_findings_sort_and_filter(qapp, qtmodeltester):
    model = _model()
    model.set_findings({(1, 1): [_finding(1, 1)]}, {2: [_finding(2, 0, "warning")]})
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.order.filters[2] = "true"
    model.apply_view_order()
    qtmodeltester.check(model)


def test_values_are_shown_and_edited_exactly():
    model = _model()
    assert model.data(model.index(0, 1), Role.DisplayRole) == "09"
    assert model.data(model.index(1, 2), Role.DisplayRole) == "TRUE"
    assert model.data(model.index(0, 3), Role.EditRole) == " Ana"


def test_edge_spaces_are_visible_but_not_in_the_data():
    model = _model()
    assert model.data(model.index(0, 3), Role.DisplayRole) == SPACE_MARK + "Ana"
    assert model.data(model.index(1, 3), Role.DisplayRole) == "Bo" + SPACE_MARK
    assert "starts with a space" in model.data(model.index(0, 3), Role.ToolTipRole)


def test_row_headers_are_file_line_numbers():
    model = _model()
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["2", "3", "4"]


def test_cell_with_finding_gets_severity_background_and_tooltip_with_fix():
    model = _model()
    model.set_findings({(1, 1): [_finding(1, 1)]})
    assert model.data(model.index(1, 1), Role.BackgroundRole) == SEVERITY_BRUSH["error"]
    assert model.data(model.index(0, 1), Role.BackgroundRole) is None
    tip = model.data(model.index(1, 1), Role.ToolTipRole)
    assert "leading zero" in tip
    assert "\u201c09\u201d" in tip


def test_highlight_follows_the_record_when_sorted():
    model = _model()
    model.set_findings({(1, 1): [_finding(1, 1)]})
    model.sort(1)  # "09", "9", "KG": the record u2 stays at view row 1 ... sort descending moves it
    model.sort(1, Qt.SortOrder.DescendingOrder)
    view_row = model.view_row(1)
    assert view_row == 1
    assert model.data(model.index(0, 1), Role.DisplayRole) == "KG"
    assert model.data(model.index(view_row, 1), Role.BackgroundRole) == SEVERITY_BRUSH["error"]


class RecordingSink:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int, str]] = []

    def edit_cell(self, file_name: str, row: int, col: int, text: str) -> None:
        self.calls.append((file_name, row, col, text))


def test_set_data_hands_the_edit_to_its_sink_through_the_sort_order():
    sink = RecordingSink()
    model = _model(sink)
    model.sort(1, Qt.SortOrder.DescendingOrder)  # "KG", "9", "09": view row 1 is table row 1
    assert model.setData(model.index(0, 1), "K", Role.EditRole)
    assert sink.calls == [("users.csv", 2, 1, "K")]
    assert model.table.cell(2, 1) == "KG"  # the sink (the session), not the model, changes data


def test_typing_the_same_text_is_not_an_edit():
    sink = RecordingSink()
    model = _model(sink)
    assert model.setData(model.index(1, 1), "9", Role.EditRole)
    assert sink.calls == []


def test_a_model_without_a_sink_is_read_only():
    table = Table.from_rows(["propertyName", "value"], [["manifest.version", "1.0"]])
    model = RosterTableModel(table, "manifest.csv")
    assert model.read_only
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 1), "2.0", Role.EditRole)
    assert table.cell(0, 1) == "1.0"


def test_values_past_the_header_of_a_ragged_record_are_shown_read_only(qapp, qtmodeltester):
    table = Table.from_rows(["sourcedId", "role"], [["u1", "student"], ["u2", "teacher", "x", "y"]])
    model = RosterTableModel(table, "users.csv")
    qtmodeltester.check(model)
    assert model.columnCount() == 4
    assert model.headerData(3, Qt.Orientation.Horizontal) == "(extra 2)"
    extra = model.index(1, 2)
    assert extra.data(Qt.ItemDataRole.DisplayRole) == "x"
    assert extra.data(Qt.ItemDataRole.BackgroundRole) == SEVERITY_BRUSH["error"]
    assert model.index(0, 2).data(Qt.ItemDataRole.DisplayRole) is None
    assert not model.flags(extra) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(extra, "changed", Qt.ItemDataRole.EditRole)
    model.sort(3)  # ignored: not a real column
    assert table.row_values(1) == ["u2", "teacher", "x", "y"]
