"""Clipboard text round trips with Excel and Google Sheets without changing a character."""

from hypothesis import given
from hypothesis import strategies as st

from rostereditor.core.editing.tsv_clipboard import format_tsv, parse_tsv


def test_values_excel_would_convert_stay_exact():
    rows = [["007", "1-2", "=1+1"], ["TRUE", "09", " x "]]
    assert parse_tsv(format_tsv(rows)) == rows


def test_excel_multiline_cell_in_quotes_is_one_cell():
    text = 'usr-1\t"line one\nline ""two"""\t09\r\nusr-2\tplain\t10\r\n'
    assert parse_tsv(text) == [
        ["usr-1", 'line one\nline "two"', "09"],
        ["usr-2", "plain", "10"],
    ]


def test_google_sheets_lf_rows_without_final_newline():
    assert parse_tsv("a\tb\nc\td") == [["a", "b"], ["c", "d"]]


def test_quote_inside_unquoted_cell_is_kept_as_typed():
    assert parse_tsv('"Bob" Smith\t5\r\n') == [['"Bob" Smith', "5"]]


def test_empty_trailing_cells_are_kept():
    assert parse_tsv("a\t\t\r\n") == [["a", "", ""]]


def test_ragged_text_is_padded_to_a_rectangle():
    assert parse_tsv("a\tb\nc\n") == [["a", "b"], ["c", ""]]


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8)


ranges = st.integers(1, 4).flatmap(
    lambda w: st.lists(st.lists(cells, min_size=w, max_size=w), min_size=1, max_size=4)
)


@given(ranges)
def test_any_range_round_trips(rows):
    assert parse_tsv(format_tsv(rows)) == rows
