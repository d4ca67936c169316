"""Find/replace counts, regex, whole cell, case, and replace-all plans."""

import numpy as np
import pyarrow as pa
import pytest

from rostereditor.core.editing.cell_changes import apply_changes
from rostereditor.core.editing.find_replace import (
    CellMatch,
    SearchOptions,
    SearchPatternError,
    count_matches,
    find_next,
    plan_replace_all,
)
from rostereditor.core.table import Table


def table() -> Table:
    return Table.from_rows(
        ["sourcedId", "role", "grades"],
        [["u1", "Student", "9"], ["u2", "student", "09"], ["u3", "teacher", "9,10"],
         ["u4", "a.b", "(x)"]],
    )


def test_count_is_case_insensitive_by_default():
    assert count_matches(table(), SearchOptions("student")) == 2
    assert count_matches(table(), SearchOptions("student", match_case=True)) == 1


def test_whole_cell_does_not_match_inside_lists():
    assert count_matches(table(), SearchOptions("9", whole_cell=True), [2]) == 1
    assert count_matches(table(), SearchOptions("9"), [2]) == 3


def test_plain_text_with_regex_characters_is_literal():
    assert count_matches(table(), SearchOptions("a.b")) == 1
    assert count_matches(table(), SearchOptions("(x)", whole_cell=True)) == 1
    t = table()
    apply_changes(t, plan_replace_all(t, SearchOptions("(x)"), r"\1$"))
    assert t.cell(3, 2) == r"\1$"


def test_regex_replace_with_groups():
    t = table()
    changes = plan_replace_all(t, SearchOptions(r"^(\d)$", regex=True), r"0\1", [2])
    apply_changes(t, changes)
    assert [t.cell(r, 2) for r in range(4)] == ["09", "09", "9,10", "(x)"]


def test_replace_keeps_other_text_and_reports_old_values():
    t = table()
    changes = plan_replace_all(t, SearchOptions("student"), "learner")
    assert [(c.old, c.new) for c in changes] == [("Student", "learner"), ("student", "learner")]


def test_invalid_regex_is_a_readable_error():
    with pytest.raises(SearchPatternError):
        count_matches(table(), SearchOptions("(", regex=True))


def test_find_next_walks_row_by_row_and_wraps():
    t = table()
    options = SearchOptions("u")
    first = find_next(t, options, None)
    assert first == CellMatch(0, 0)
    assert find_next(t, options, first) == CellMatch(0, 1)
    assert find_next(t, options, CellMatch(3, 0)) == CellMatch(0, 0)
    assert find_next(t, options, CellMatch(0, 0), backwards=True) == CellMatch(3, 0)


def test_count_over_a_million_rows_is_vectorized():
    import time

    values = pa.array(["09", "9", "9", "x"], type=pa.string())
    t = Table(["grades"], [pa.concat_arrays([values] * 250_000)], np.arange(2, 1_000_002))
    start = time.perf_counter()
    assert count_matches(t, SearchOptions("9", whole_cell=True)) == 500_000
    assert time.perf_counter() - start < 1.0
