"""Fixes of header findings: each does what the finding's message asks, as one undo step, and
the finding is gone afterwards; Review Changes lists the column operations."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.editing.change_review import list_changes
from rostereditor.core.editing.header_fixes import header_fixes, trailing_empty_columns
from rostereditor.core.session import EditSession
from rostereditor.core.spec import spec_for
from rostereditor.core.table import Table

ORGS_HEADER = ["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
               "parentSourcedId"]
ORG = ["org-1", "", "", "Lincoln High", "school", "", ""]


def session_with(header: list[str], rows: list[list[str]]) -> EditSession:
    table = Table.from_rows(header, rows)
    session = EditSession(version_choice="1.1")
    session.open(Bundle(files={"orgs.csv": BundleFile("orgs.csv", "orgs.csv", table)}))
    return session


def header_finding(session: EditSession, rule: str):
    assert session.result is not None
    found = [f for f in session.result.header_findings("orgs.csv") if f.rule == rule]
    return found[0] if found else None


def fix_of(session: EditSession, rule: str):
    finding = header_finding(session, rule)
    assert finding is not None, rule
    table = session.require_table("orgs.csv")
    return header_fixes(table, finding, spec_for("1.1").file("orgs.csv"))


def test_trailing_empty_columns_are_deleted_in_one_step_and_undo_puts_them_back():
    session = session_with([*ORGS_HEADER, "", ""], [[*ORG, "", ""]])
    finding = header_finding(session, "excel.trailing-empty-columns")
    assert finding.message.startswith("The last 2 columns have no name")
    assert finding.column_index == 7  # where the grid goes to show it
    fixes = fix_of(session, "excel.trailing-empty-columns")
    assert [f.label for f in fixes] == ["Delete the 2 empty trailing columns"]
    edit = session.fix_header("orgs.csv", fixes[0])
    table = session.require_table("orgs.csv")
    assert table.header == ORGS_HEADER
    assert header_finding(session, "excel.trailing-empty-columns") is None
    edit.undo()
    assert table.header == [*ORGS_HEADER, "", ""]
    assert header_finding(session, "excel.trailing-empty-columns") is not None


def test_one_trailing_column_is_spoken_of_in_the_singular():
    session = session_with([*ORGS_HEADER, ""], [[*ORG, ""]])
    finding = header_finding(session, "excel.trailing-empty-columns")
    assert "The last column has no name" in finding.message
    assert finding.message.endswith("Delete it.")
    assert fix_of(session, "excel.trailing-empty-columns")[0].label == (
        "Delete the empty trailing column")


def test_a_column_with_a_value_is_not_trailing_empty():
    table = Table.from_rows(["a", "", ""], [["1", "x", ""]])
    assert trailing_empty_columns(table) == [2]


def test_missing_column_is_added_in_its_place():
    header = [n for n in ORGS_HEADER if n != "name"]
    session = session_with(header, [[v for n, v in zip(ORGS_HEADER, ORG, strict=True) if n != "name"]])
    fixes = fix_of(session, "header.missing-column")
    assert fixes[0].label == "Add the column \u201cname\u201d in its place (column 4)"
    session.fix_header("orgs.csv", fixes[0])
    assert session.require_table("orgs.csv").header == ORGS_HEADER
    assert header_finding(session, "header.missing-column") is None


def test_misspelled_column_is_renamed_to_the_spec_name():
    header = [("Name" if n == "name" else n) for n in ORGS_HEADER]
    session = session_with(header, [ORG])
    fixes = fix_of(session, "header.misspelled-column")
    assert fixes[0].label == "Rename it to \u201cname\u201d"
    session.fix_header("orgs.csv", fixes[0])
    assert session.require_table("orgs.csv").header == ORGS_HEADER


def test_extension_column_is_moved_to_the_end():
    header = [*ORGS_HEADER[:3], "metadata.code", *ORGS_HEADER[3:]]
    session = session_with(header, [[*ORG[:3], "X1", *ORG[3:]]])
    fixes = fix_of(session, "header.extension-position")
    assert fixes[0].label == "Move it to the end"
    session.fix_header("orgs.csv", fixes[0])
    table = session.require_table("orgs.csv")
    assert table.header == [*ORGS_HEADER, "metadata.code"]
    assert table.row_values(0) == [*ORG, "X1"]


def test_unknown_column_is_renamed_with_the_metadata_prefix_or_deleted():
    session = session_with([*ORGS_HEADER, "code"], [[*ORG, "X1"]])
    fixes = fix_of(session, "header.unknown-column")
    assert [f.label for f in fixes] == ["Rename it to \u201cmetadata.code\u201d", "Rename it\u2026",
                                        "Delete column 8 (code)"]
    session.fix_header("orgs.csv", fixes[1], "metadata.schoolCode")
    assert session.require_table("orgs.csv").header[-1] == "metadata.schoolCode"


def test_columns_out_of_order_are_reordered_in_one_step():
    header = [ORGS_HEADER[3], *ORGS_HEADER[:3], *ORGS_HEADER[4:]]
    row = [ORG[3], *ORG[:3], *ORG[4:]]
    session = session_with(header, [row])
    fixes = fix_of(session, "header.column-order")
    edit = session.fix_header("orgs.csv", fixes[0])
    table = session.require_table("orgs.csv")
    assert table.header == ORGS_HEADER
    assert table.row_values(0) == ORG
    edit.undo()
    assert table.header == header
    assert table.row_values(0) == row


def test_review_lists_column_operations_on_the_header_line():
    session = session_with([*ORGS_HEADER, "code", ""], [[*ORG, "X1", ""]])
    session.rename_column("orgs.csv", 7, "metadata.code")
    session.delete_columns("orgs.csv", [8])
    session.move_column("orgs.csv", 7, 0)
    session.insert_column("orgs.csv", 1, "metadata.extra")
    entries = [(e.line, e.column, e.kind, e.old, e.new) for e in list_changes(session.bundle)]
    assert entries == [
        (1, "", "column deleted", "column 9", ""),
        (1, "metadata.code", "column renamed", "code", "metadata.code"),
        (1, "metadata.code", "column moved", "column 8", "column 1"),
        (1, "metadata.extra", "column added", "", "column 2"),
    ]
