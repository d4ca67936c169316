"""Quick fixes on the damaged sample: fix-all is one undo step, and undo brings findings back."""

from __future__ import annotations

import pytest


@pytest.fixture
def damaged_window(window, qtbot, damaged_district):
    window.set_bundle(damaged_district.bundle)
    qtbot.waitUntil(lambda: not window.is_checking(), timeout=20_000)
    window.flush_pending_updates()
    return window


def fixable(window):
    return [f for f in window.all_findings() if f.fix is not None and f.row_id is not None]


def test_fix_all_like_this_then_undo_brings_findings_back(damaged_window):
    finding = fixable(damaged_window)[0]
    before = len(fixable(damaged_window))
    same = [f for f in fixable(damaged_window)
            if (f.file, f.rule, f.column_index) == (finding.file, finding.rule, finding.column_index)]
    table = damaged_window.bundle.table(finding.file)
    fixes = damaged_window.editing.quick_fixes
    assert fixes.fix_all_count(finding.file, finding) >= len(same)
    changed = fixes.fix_all(finding.file, finding)
    damaged_window.flush_pending_updates()
    row = table.row_of_id(finding.row_id)
    assert table.cell(row, finding.column_index) == finding.fix
    assert len(fixable(damaged_window)) <= before - len(same)
    assert damaged_window.undo_stack.count() == 1
    assert str(changed) in damaged_window.undo_stack.undoText()
    damaged_window.undo_stack.undo()
    damaged_window.flush_pending_updates()
    assert table.cell(row, finding.column_index) == finding.value
    assert len(fixable(damaged_window)) == before
