"""Fix-all plans from findings, and the change review list with its CSV export."""

import csv
import io
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from small_bundle import small_bundle

from rostereditor.core.editing.cell_changes import apply_changes, changes_for, revert_changes
from rostereditor.core.editing.change_review import export_csv, list_changes
from rostereditor.core.editing.quick_fixes import plan_fix_all, plan_fix_one, value_fixes
from rostereditor.core.editing.row_edits import delete_rows, insert_rows
from rostereditor.core.table import Table


@dataclass
class FakeFinding:
    rule: str
    value: str
    fix: str | None
    row_id: int | None
    column_index: int | None


def test_fix_all_changes_every_cell_with_a_fixable_value_in_the_column():
    t = Table.from_rows(["enabledUser"], [["TRUE"], ["true"], ["FALSE"], ["TRUE"], ["yes"]])
    findings = [
        FakeFinding("boolean", "TRUE", "true", 0, 0),
        FakeFinding("boolean", "FALSE", "false", 2, 0),
        FakeFinding("boolean", "yes", None, 4, 0),
        FakeFinding("other", "true", "x", 1, 0),
    ]
    changes = plan_fix_all(t, 0, value_fixes(findings, "boolean", 0))
    apply_changes(t, changes)
    assert t.column_values(0) == ["true", "true", "false", "true", "yes"]
    assert len(changes) == 3


def test_fix_one_refuses_a_stale_finding():
    t = Table.from_rows(["grades"], [["9"]])
    finding = FakeFinding("grade", "9", "09", 0, 0)
    assert plan_fix_one(t, finding).new == "09"
    t.set_cell(0, 0, "10")
    assert plan_fix_one(t, finding) is None


def test_fix_all_covers_every_matching_cell_of_a_million_rows():
    values = pa.array(["09", *["9"] * 999], type=pa.string())
    t = Table(["grades"], [pa.concat_arrays([values] * 1000)], np.arange(2, 1_000_002))
    changes = plan_fix_all(t, 0, {"9": "09"})
    assert len(changes) == 999_000
    apply_changes(t, changes)
    assert t.column_values(0).count("09") == 1_000_000
    revert_changes(t, changes)
    assert t.column_values(0).count("9") == 999_000


def test_review_lists_edits_added_and_deleted_rows_with_lines():
    bundle = small_bundle()
    users = bundle.table("users.csv")
    apply_changes(users, changes_for(users, [(0, 5, "9")]))
    delete_rows(bundle.table("enrollments.csv"), [1])
    insert_rows(bundle.table("orgs.csv"), 2, [["org-3", "New School", "school"]])
    entries = list_changes(bundle)
    summary = [(e.file, e.line, e.column, e.kind, e.old, e.new) for e in entries]
    assert ("users.csv", 2, "grades", "cell changed", "09", "9") in summary
    assert ("orgs.csv", None, "", "row added", "", "org-3,New School,school") in summary
    assert ("enrollments.csv", 3, "", "row deleted", "enr-2,cls-1,org-1,usr-00124,teacher",
            "") in summary

    rows = list(csv.reader(io.StringIO(export_csv(entries))))
    assert rows[0] == ["file", "line", "column", "change", "old", "new"]
    assert ["users.csv", "2", "grades", "cell changed", "09", "9"] in rows
