"""A vendor's report pinned to the session: its problems join ours until fixed or dismissed."""

from __future__ import annotations

from pathlib import Path

from tiny_district import tiny_district

from rostereditor.core.session import EditSession
from rostereditor.core.session.result_with_pinned import ResultWithPinned
from rostereditor.core.vendor_report import VENDOR_RULE, load_vendor_report

REPORTS = Path(__file__).parent / "reports"


def _session_with_hmh_report() -> EditSession:
    session = EditSession()
    session.open(tiny_district())
    assert session.bundle is not None
    session.pin_vendor_report(load_vendor_report(REPORTS / "hmh-errors.csv", session.bundle))
    return session


def _vendor(session: EditSession) -> list[tuple[str | None, int | None, str | None]]:
    assert session.result is not None
    return [(f.file, f.line, f.column) for f in session.result.findings if f.rule == VENDOR_RULE]


def _cell(session: EditSession, file: str, line: int, column: str) -> tuple[int, int]:
    table = session.require_table(file)
    row = table.row_for_line(line)
    col = table.column_index(column)
    assert row is not None
    assert col is not None
    return row, col


def test_pinned_findings_are_listed_counted_and_on_their_cells():
    session = EditSession()
    session.open(tiny_district())
    assert session.result is not None
    ours = session.result.counts["error"]
    assert session.bundle is not None
    session.pin_vendor_report(load_vendor_report(REPORTS / "hmh-errors.csv", session.bundle))
    assert _vendor(session) == [("enrollments.csv", 4, "classSourcedId"), ("orgs.csv", 4, "name"),
                                ("users.csv", 2, "email"), ("users.csv", 4, "grades")]
    assert session.result.counts["error"] == ours + 4
    assert session.result.counts_for("users.csv")["error"] >= 2
    row, col = _cell(session, "users.csv", 4, "grades")
    [finding] = [f for f in session.findings_at("users.csv", row, col) if f.rule == VENDOR_RULE]
    assert finding.message.startswith("Vendor: Grade is not valid")


def test_fixing_the_cell_marks_it_done_and_undo_brings_it_back():
    session = _session_with_hmh_report()
    row, col = _cell(session, "users.csv", 4, "grades")
    announced = []
    session.events.result_changed.connect(announced.append)
    edit = session.edit_cell("users.csv", row, col, "06")
    assert len(announced) == 1  # the re-check and the vendor finding's state: one event
    assert ("users.csv", 4, "grades") not in _vendor(session)
    assert [i.state for i in session.pinned_items()].count("fixed") == 1
    assert edit is not None
    edit.undo()
    assert ("users.csv", 4, "grades") in _vendor(session)


def test_dismissed_findings_leave_the_list_and_can_come_back():
    session = _session_with_hmh_report()
    first = session.pinned_items()[0].finding
    assert session.dismiss_pinned(first)
    assert not session.dismiss_pinned(first)  # already dismissed: nothing changes
    assert (first.file, first.line, first.column) not in _vendor(session)
    assert session.pinned_items()[0].state == "dismissed"
    assert session.dismiss_pinned(first, dismissed=False)
    assert (first.file, first.line, first.column) in _vendor(session)


def test_findings_stay_on_their_record_when_rows_move():
    session = _session_with_hmh_report()
    users = session.require_table("users.csv")
    session.delete_rows("users.csv", [0])  # u-001 goes: its email finding is done with it
    assert ("users.csv", 2, "email") not in _vendor(session)
    row, col = _cell(session, "users.csv", 4, "grades")  # u-003, now the second row
    assert row == 1
    assert any(f.rule == VENDOR_RULE for f in session.findings_at("users.csv", row, col))
    session.insert_blank_rows("users.csv", 0, 2)
    assert users.row_for_line(4) == 3
    assert any(f.rule == VENDOR_RULE for f in session.findings_at("users.csv", 3, col))


def test_findings_follow_their_column_by_name():
    session = _session_with_hmh_report()
    _, col = _cell(session, "users.csv", 4, "grades")
    session.move_column("users.csv", col, 0)
    row, moved = _cell(session, "users.csv", 4, "grades")
    assert moved == 0
    assert any(f.rule == VENDOR_RULE for f in session.findings_at("users.csv", row, 0))
    edit = session.delete_columns("users.csv", [0])
    assert ("users.csv", 4, "grades") not in _vendor(session)  # the column went with it
    assert edit is not None
    edit.undo()
    assert ("users.csv", 4, "grades") in _vendor(session)


def test_a_new_check_keeps_the_report_and_another_bundle_drops_it():
    session = _session_with_hmh_report()
    session.set_profile("hmh")
    assert len(_vendor(session)) == 4
    session.open(tiny_district())
    assert session.vendor_report is None
    assert _vendor(session) == []


def test_the_combined_result_indexes_the_pinned_findings_like_the_checkers():
    # The pinned findings join each file's indexed findings, so every way of reading a result
    # (objects, the columnar index, cell lookups, counts, streaming) includes them.
    session = _session_with_hmh_report()
    result = session.result
    assert isinstance(result, ResultWithPinned)
    listed = [f for f in result.findings if f.rule == VENDOR_RULE]
    streamed = [f for f in result.iter_findings() if f.rule == VENDOR_RULE]
    assert listed
    assert listed == streamed
    pinned = next(f for f in listed if f.file == "users.csv" and f.column_index is not None)
    part = result.file_findings("users.csv")
    assert pinned in part.at(pinned.row_id, pinned.column_index)
    assert pinned in result.cell_index("users.csv")[(pinned.row_id, pinned.column_index)]
    assert result.counts["error"] == result.base.counts["error"] + sum(
        1 for f in listed if f.severity == "error")
