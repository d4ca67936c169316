"""TableSearch: the same answers as a plain scan, kept between searches, rebuilt only for a
column that changed, and the count always equals what Replace all changes."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from rostereditor.core.editing.find_replace import (
    CellMatch,
    SearchOptions,
    TableSearch,
    matching_rows,
    plan_replace_all,
)
from rostereditor.core.table import Table

ROLES = ["student", "Student", "teacher", "aide", "STUDENT", "parent", ""]


def roster(rows: int = 400) -> Table:
    """A repetitive column (indexed by distinct value) beside unique ids (searched directly)."""
    return Table.from_rows(
        ["sourcedId", "role", "grades"],
        [[f"usr-{i:05d}", ROLES[i % len(ROLES)], f"{i % 13:02d}"] for i in range(rows)])


def scan_rows(table: Table, col: int, options: SearchOptions) -> list[int]:
    """The plain, one-value-at-a-time answer, in Python."""
    text = options.text if options.match_case else options.text.lower()
    found = []
    for row in range(len(table)):
        value = table.cell(row, col)
        value = value if options.match_case else value.lower()
        if (value == text) if options.whole_cell else (text in value):
            found.append(row)
    return found


OPTIONS = [SearchOptions("stu"), SearchOptions("Stu", match_case=True),
           SearchOptions("student", whole_cell=True), SearchOptions("usr-0001"),
           SearchOptions("0", whole_cell=False), SearchOptions("zzz")]


def test_counts_and_rows_equal_a_plain_scan_for_indexed_and_unique_columns():
    table = roster()
    search = TableSearch()
    for options in OPTIONS:
        for col in range(table.column_count):
            expected = scan_rows(table, col, options)
            assert search.rows(table, col, options).tolist() == expected
            assert matching_rows(table, col, options).tolist() == expected
            assert search.count(table, options, [col]) == len(expected)


def test_find_next_walks_row_by_row_both_ways_and_wraps():
    table = roster(30)
    search = TableSearch()
    options = SearchOptions("0")
    walk, at = [], None
    for _ in range(12):
        at = search.find_next(table, options, at)
        walk.append((at.row, at.col))
    assert walk == sorted(walk)  # reading order, no wrap yet
    assert walk[:4] == [(0, 0), (0, 2), (1, 0), (1, 2)]
    last = search.find_next(table, options, CellMatch(0, 0), backwards=True)
    assert last == CellMatch(29, 2)  # backwards from the first match wraps to the last one
    assert search.find_next(table, SearchOptions("usr-00029"), CellMatch(29, 0)) == CellMatch(29, 0)


def test_an_edit_rebuilds_only_its_column_and_results_follow_it():
    table = roster()
    search = TableSearch()
    options = SearchOptions("teacher")
    before = search.count(table, options)
    ids_index = search._index(table, 0)
    table.set_cell(0, 1, "teacher")
    assert search.count(table, options) == before + 1
    assert search._index(table, 0) is ids_index  # the untouched column kept its index
    assert search.rows(table, 1, options)[0] == 0


def test_inserted_and_deleted_rows_are_found_at_their_new_positions():
    table = roster(50)
    search = TableSearch()
    options = SearchOptions("usr-00010", whole_cell=True)
    assert search.rows(table, 0, options).tolist() == [10]
    table.insert_rows(0, [["usr-00010", "aide", "09"]])
    assert search.rows(table, 0, options).tolist() == [0, 11]
    table.delete_rows([0, 1, 2])
    assert search.rows(table, 0, options).tolist() == [8]
    assert search.count(table, options) == 1


def test_the_count_is_what_replace_all_changes():
    table = roster()
    search = TableSearch()
    for options in [*OPTIONS, SearchOptions(r"^stu", regex=True), SearchOptions("(?i)^S", regex=True)]:
        changes = plan_replace_all(table, options, "X!")
        assert search.count(table, options) == len(changes), options


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.sampled_from(["a", "A", "ab", "Ab", "b", "", " a", "é", "É", "k"]),
                       min_size=1, max_size=60),
       text=st.sampled_from(["a", "A", "ab", "b", "é", " "]),
       match_case=st.booleans(), whole_cell=st.booleans())
def test_index_and_scan_agree(values, text, match_case, whole_cell):
    table = Table(["v"], [pa.array(values, type=pa.string())], np.arange(2, len(values) + 2))
    options = SearchOptions(text, match_case, whole_cell)
    assert TableSearch().rows(table, 0, options).tolist() == matching_rows(table, 0, options).tolist()
