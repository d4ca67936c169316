"""FindingsPanel: counts, filters, search, ordering and next/previous."""

from __future__ import annotations

from rostereditor.core.validation import Finding
from rostereditor.ui.findings.findings_model import FindingsTableModel
from rostereditor.ui.findings.findings_panel import FindingsPanel

FINDINGS = [
    Finding("users.csv", 10, "role", "enum", "error", "role \"Student\" is not allowed", "Student", 8, 3),
    Finding("orgs.csv", 3, "type", "enum", "warning", "odd type", "School", 1, 2),
    Finding("users.csv", 4, "grades", "grade", "error", "grade lost zero", "9", 2, 5, "09"),
    Finding(None, None, None, "bundle.missing", "info", "no demographics file"),
]


def test_findings_model_passes_model_tester(qapp, qtmodeltester):
    model = FindingsTableModel()
    model.set_findings(FINDINGS)
    qtmodeltester.check(model)


def test_panel_orders_by_file_then_line_and_counts_every_severity(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS, ["orgs.csv", "users.csv"])
    shown = panel.shown_findings()
    assert [(f.file, f.line) for f in shown] == [(None, None), ("orgs.csv", 3), ("users.csv", 4),
                                                 ("users.csv", 10)]
    assert panel.counts_label.text().startswith("2 errors")
    assert "1 warning" in panel.counts_label.text()


def test_filters_and_search_narrow_the_list(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS, ["orgs.csv", "users.csv"])
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findData("error"))
    assert {f.severity for f in panel.shown_findings()} == {"error"}
    panel.search.setText("zero")
    panel.apply_filters()
    assert [f.column for f in panel.shown_findings()] == ["grades"]
    assert "showing 1 of 4" in panel.counts_label.text()


def test_click_emits_the_finding(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS, ["orgs.csv", "users.csv"])
    with qtbot.waitSignal(panel.finding_activated) as signal:
        panel.view.clicked.emit(panel.model.index(2, 4))
    assert signal.args[0].line == 4


def test_next_after_wraps_around(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS, ["orgs.csv", "users.csv"])
    after_last = panel.next_after(panel.position_key("users.csv", 10, 3))
    assert after_last.file is None  # wrapped to the first
    before_first = panel.next_after(panel.position_key("orgs.csv", 3, 2), backwards=True)
    assert before_first.file is None
